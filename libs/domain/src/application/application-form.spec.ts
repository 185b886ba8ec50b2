import fc from 'fast-check';
import { applicationFormArb } from '../../test/application-form.arbitrary';
import {
  applyCorrections,
  changedPaths,
  compareFieldPaths,
  CORRECTABLE_FIELD_PATHS,
  CorrectionPathError,
  formatFieldPath,
  getField,
  isCorrectablePath,
  parseFieldPath,
  pathsOverlap,
} from './application-form';
import { sampleApplicationForm } from './sample-application';

describe('field paths', () => {
  it('parses dot notation with array indexes', () => {
    expect(parseFieldPath('shareholders[1].idNumber')).toEqual(['shareholders', 1, 'idNumber']);
    expect(parseFieldPath('company.address.detail')).toEqual(['company', 'address', 'detail']);
    expect(parseFieldPath('company.businessScope[0]')).toEqual(['company', 'businessScope', 0]);
    for (const bad of ['', '.company', 'company.', 'company..name', '[0]', 'shareholders.1', 'shareholders[x]', 'a b', 'company[1]name']) {
      expect(parseFieldPath(bad)).toBeNull();
    }
    expect(formatFieldPath(['shareholders', 1, 'idNumber'])).toBe('shareholders[1].idNumber');
  });

  it('knows which paths are correctable', () => {
    for (const path of CORRECTABLE_FIELD_PATHS) expect(isCorrectablePath(path)).toBe(true);
    expect(isCorrectablePath('shareholders[3]')).toBe(true);
    expect(isCorrectablePath('shareholders[3].idNumber')).toBe(true);
    expect(isCorrectablePath('socialInsurance.employees[0].startDate')).toBe(true);
    expect(isCorrectablePath('company.businessScope[2]')).toBe(true);
    expect(isCorrectablePath('company')).toBe(false);
    expect(isCorrectablePath('shareholders[0].mobile')).toBe(false);
    expect(isCorrectablePath('company.businessScope[2].x')).toBe(false);
    expect(isCorrectablePath('company.name[0]')).toBe(false);
    expect(isCorrectablePath('company.secret')).toBe(false);
  });

  it('covers every leaf of the form', () => {
    fc.assert(
      fc.property(applicationFormArb, (form) => {
        const leaves: string[] = [];
        const walk = (value: unknown, path: string): void => {
          if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
          else if (typeof value === 'object' && value !== null)
            for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
          else leaves.push(path);
        };
        walk(form, '');
        for (const leaf of leaves) expect(CORRECTABLE_FIELD_PATHS.some((p) => pathsOverlap(p, leaf))).toBe(true);
      }),
    );
  });

  it('compares segment by segment, not by characters', () => {
    expect(pathsOverlap('company', 'company.name')).toBe(true);
    expect(pathsOverlap('company.name', 'company')).toBe(true);
    expect(pathsOverlap('shareholders', 'shareholders[1].uscc')).toBe(true);
    expect(pathsOverlap('company.name', 'company.nameX')).toBe(false);
    expect(pathsOverlap('bank.bankCode', 'bank.branch')).toBe(false);
  });

  it('sorts paths in form order, indexes numerically', () => {
    const shuffled = ['delivery.address', 'shareholders[10].name', 'company.address.detail', 'shareholders[2].uscc', 'company.name', 'shareholders[2].name', 'legalRepresentative.mobile', 'legalRepresentative.idNumber', 'company'];
    expect([...shuffled].sort(compareFieldPaths)).toEqual([
      'company', 'company.name', 'company.address.detail', 'legalRepresentative.idNumber', 'legalRepresentative.mobile',
      'shareholders[2].name', 'shareholders[2].uscc', 'shareholders[10].name', 'delivery.address',
    ]);
  });
});

describe('getField', () => {
  const form = sampleApplicationForm();
  it('reads nested values and array elements', () => {
    expect(getField(form, 'company.name')).toBe('吉首市湘土网络科技有限公司');
    expect(getField(form, 'shareholders[1].kind')).toBe('ENTITY');
    expect(getField(form, 'company.address')).toEqual({ divisionCode: '433101', detail: '乾州街道世纪大道88号' });
    expect(getField(form, 'company.businessScope[1]')).toBe('信息技术咨询服务');
  });
  it('returns undefined for paths that lead nowhere', () => {
    expect(getField(form, 'shareholders[9].name')).toBeUndefined();
    expect(getField(form, 'company.nope')).toBeUndefined();
    expect(getField(form, 'company.name.length')).toBeUndefined();
    expect(getField(form, 'company.toString')).toBeUndefined();
    expect(getField(form, '!!')).toBeUndefined();
  });
});

describe('applyCorrections', () => {
  it('returns a new form and leaves the input alone', () => {
    const before = sampleApplicationForm();
    const snapshot = JSON.parse(JSON.stringify(before));
    const scope = ['软件开发'];
    const after = applyCorrections(before, { 'company.name': '吉首市新名字科技有限公司', 'company.businessScope': scope, 'shareholders[1].uscc': 'X' });
    expect(before).toEqual(snapshot);
    expect(after.company.name).toBe('吉首市新名字科技有限公司');
    expect(after.shareholders[1].uscc).toBe('X');
    expect(after.shareholders[0]).toEqual(before.shareholders[0]);
    scope.push('mutated later');
    expect(after.company.businessScope).toEqual(['软件开发']);
    after.legalRepresentative.name = 'changed';
    expect(before.legalRepresentative.name).toBe('张三');
  });

  it('applies parents before children', () => {
    const after = applyCorrections(sampleApplicationForm(), {
      'company.address.detail': '新地址1号',
      'company.address': { divisionCode: '433101001', detail: 'overridden' },
    });
    expect(after.company.address).toEqual({ divisionCode: '433101001', detail: '新地址1号' });
  });

  it('removes optional properties on null', () => {
    const after = applyCorrections(sampleApplicationForm(), { 'bank.branch': null, 'delivery.method': 'WINDOW_PICKUP', 'delivery.address': undefined });
    expect('branch' in after.bank).toBe(false);
    expect(after.delivery).toEqual({ method: 'WINDOW_PICKUP' });
  });

  it("applies a section another process's definition adds (the opening's sections keep their correctable paths), and names what changed there", () => {
    const before = { ...sampleApplicationForm(), restaurant: { seats: 80, kitchenArea: 30, foodCategories: ['HOT_FOOD'] } };
    const after = applyCorrections(before, { 'restaurant.kitchenArea': 45 }) as typeof before;
    expect(after.restaurant).toEqual({ seats: 80, kitchenArea: 45, foodCategories: ['HOT_FOOD'] });
    expect(changedPaths(before, after)).toEqual(['restaurant.kitchenArea']);
    const more = { ...after, restaurant: { ...after.restaurant, foodCategories: ['HOT_FOOD', 'PASTRIES'] } };
    expect(changedPaths(before, more)).toEqual(['restaurant.kitchenArea', 'restaurant.foodCategories']);
    expect(() => applyCorrections(before, { 'company.secret': 1 })).toThrow(CorrectionPathError);
  });

  it('refuses paths that are not correctable or do not exist', () => {
    const form = sampleApplicationForm();
    expect(() => applyCorrections(form, { 'company.secret': 1 })).toThrow(CorrectionPathError);
    expect(() => applyCorrections(form, { company: {} })).toThrow(CorrectionPathError);
    expect(() => applyCorrections(form, { 'shareholders[5].name': 'x' })).toThrow('no such element');
    expect(() => applyCorrections(form, { 'shareholders[0]': null })).toThrow(CorrectionPathError);
    try {
      applyCorrections(form, { 'company.secret': 1 });
    } catch (error) {
      expect((error as CorrectionPathError).code).toBe('CORRECTION_PATH');
    }
  });

  it('turns any form into any other by copying the changed paths', () => {
    fc.assert(
      fc.property(applicationFormArb, applicationFormArb, (before, after) => {
        const changes = Object.fromEntries(changedPaths(before, after).map((p) => [p, getField(after, p)]));
        expect(applyCorrections(before, changes)).toEqual(after);
      }),
    );
  });
});

describe('changedPaths', () => {
  it('is empty for equal forms and lists exactly what changed', () => {
    const form = sampleApplicationForm();
    expect(changedPaths(form, sampleApplicationForm())).toEqual([]);
    const after = applyCorrections(form, { 'company.address.detail': '别处2号', 'legalRepresentative.mobile': '13900002222' });
    expect(changedPaths(form, after)).toEqual(['company.address', 'company.address.detail', 'legalRepresentative.mobile']);
    const oneShareholder = applyCorrections(form, { 'shareholders[1].subscribedCapital': '1.00' });
    expect(changedPaths(form, oneShareholder)).toEqual(['shareholders']);
  });

  it('reports a single listed path changed to a different value', () => {
    fc.assert(
      fc.property(applicationFormArb, fc.constantFrom(...CORRECTABLE_FIELD_PATHS), applicationFormArb, (form, path, other) => {
        const value = getField(other, path);
        fc.pre(JSON.stringify(value) !== JSON.stringify(getField(form, path)));
        const changed = changedPaths(form, applyCorrections(form, { [path]: value }));
        expect(changed).toContain(path);
        for (const p of changed) expect(pathsOverlap(p, path)).toBe(true);
      }),
    );
  });
});
