import { metricsCsv, type MetricsReport } from './metrics-figures';

const report = {
  from: '2026-11-01',
  to: '2026-11-30',
  cases: { submitted: 3, byStatus: { COMPLETED: 2, IN_PROGRESS: 1 } },
  enterprisesOpened: 2,
  endToEndWorkingHours: { count: 2, median: 0.05, p90: 1.5 },
  departments: { SAMR: { decided: 2, withinLimit: 2, shareWithinLimit: 1 } },
  corrections: { total: 1, perCase: 0.33 },
  trips: { total: 2, perCase: 1, byTrips: { '1': 2 } },
  costs: { applicantPaid: '0.00', borneByOthers: '1176.00', byPayer: { GOVERNMENT: '1176.00' } },
  complaints: { opened: 0, resolved: 0 },
  perDay: [],
} as unknown as MetricsReport;

describe('metricsCsv', () => {
  it('keeps the machine keys in English', () => {
    const lines = metricsCsv(report).trim().split('\n');
    expect(lines[0]).toBe('metric,key,value');
    expect(lines).toContain('costs,applicant_paid,0.00');
  });

  it('gives a supervisor Chinese headers and words, the machine keys beside them, after a byte-order mark', () => {
    const text = metricsCsv(report, 'zh');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split('\n');
    expect(lines[0]).toBe('指标,项目,数值,metric,key');
    expect(lines).toContain('费用（元）,申请人支付,0.00,costs,applicant_paid');
    expect(lines).toContain('部门按时办结率,市场监督管理局,1,department_share_within_limit,SAMR');
    expect(lines).toContain('全程用时（工作小时）,中位数,0.05,end_to_end_working_hours,median');
  });
});
