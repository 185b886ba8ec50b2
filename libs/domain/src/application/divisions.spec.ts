import { JISHOU_JURISDICTION } from './application-rules';
import { divisionsIn, XIANGXI_DIVISIONS } from './divisions';

describe('divisionsIn', () => {
  it('offers the divisions the jurisdiction accepts, its own first', () => {
    expect(divisionsIn(JISHOU_JURISDICTION).map((d) => d.code)).toEqual(['433101']);
    const prefecture = divisionsIn({ divisionCode: '433100', name: '湘西州', acceptedDivisionPrefixes: ['4331'] });
    expect(prefecture[0].code).toBe('433100');
    expect(prefecture).toHaveLength(XIANGXI_DIVISIONS.length);
    // A jurisdiction the list does not know still offers itself.
    expect(divisionsIn({ divisionCode: '430102', name: '芙蓉区' })).toEqual([{ code: '430102', nameZh: '芙蓉区', nameEn: '芙蓉区' }]);
  });

  it('has six-digit codes, each once', () => {
    expect(XIANGXI_DIVISIONS.every((d) => /^\d{6}$/.test(d.code))).toBe(true);
    expect(new Set(XIANGXI_DIVISIONS.map((d) => d.code)).size).toBe(XIANGXI_DIVISIONS.length);
  });
});
