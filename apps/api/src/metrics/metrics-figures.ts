import { CASE_STATUSES, DEPARTMENTS, FEE_PAYERS, Money, workingMinutesBetween, type CaseStatus, type Department, type FeePayer, type WorkingCalendar } from '@onetrip/domain';

// The monthly figures of supervision, computed from plain rows so they can be checked by hand.

export interface CompletedCaseRow {
  submittedAt: Date;
  completedAt: Date;
  calendar: WorkingCalendar;
  borneByOthers: string;
  totalsByPayer: Partial<Record<FeePayer, string>>;
  applicantTotal: string;
  tripsRequired: number;
}

export interface DepartmentRow {
  department: Department;
  decided: number;
  withinLimit: number;
}

export interface MetricsInput {
  from: string;
  to: string;
  byStatus: Partial<Record<CaseStatus, number>>;
  correctionRounds: number;
  completed: CompletedCaseRow[];
  departments: DepartmentRow[];
  complaintsOpened: number;
  complaintsResolved: number;
  perDay: { date: string; submitted: number; completed: number }[];
}

export interface MetricsReport {
  from: string;
  to: string;
  cases: { submitted: number; byStatus: Record<CaseStatus, number> };
  enterprisesOpened: number;
  endToEndWorkingHours: { count: number; median: number | null; p90: number | null };
  departments: Record<Department, { decided: number; withinLimit: number; shareWithinLimit: number | null }>;
  corrections: { total: number; perCase: number | null };
  trips: { total: number; perCase: number | null; byTrips: Record<string, number> };
  costs: { applicantPaid: string; borneByOthers: string; byPayer: Record<FeePayer, string> };
  complaints: { opened: number; resolved: number };
  perDay: { date: string; submitted: number; completed: number }[];
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** The median of sorted values (the mean of the middle two for an even count). */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank percentile of sorted values: the smallest value with at least p% of values at or below it. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function buildMetrics(input: MetricsInput): MetricsReport {
  const byStatus = Object.fromEntries(CASE_STATUSES.map((status) => [status, input.byStatus[status] ?? 0])) as Record<CaseStatus, number>;
  const submitted = Object.values(byStatus).reduce((sum, count) => sum + count, 0);
  const hours = input.completed.map((row) => workingMinutesBetween(row.calendar, row.submittedAt, row.completedAt) / 60).sort((a, b) => a - b);
  const departments = Object.fromEntries(
    DEPARTMENTS.map((department) => {
      const row = input.departments.find((candidate) => candidate.department === department);
      const decided = row?.decided ?? 0;
      const withinLimit = row?.withinLimit ?? 0;
      return [department, { decided, withinLimit, shareWithinLimit: decided ? round2(withinLimit / decided) : null }];
    }),
  ) as MetricsReport['departments'];
  const byTrips: Record<string, number> = {};
  for (const row of input.completed) byTrips[String(row.tripsRequired)] = (byTrips[String(row.tripsRequired)] ?? 0) + 1;
  const trips = input.completed.reduce((sum, row) => sum + row.tripsRequired, 0);
  const byPayer = Object.fromEntries(
    FEE_PAYERS.map((payer) => [payer, Money.sum(input.completed.map((row) => Money.parse(row.totalsByPayer[payer] ?? '0.00'))).toString()]),
  ) as Record<FeePayer, string>;
  const medianHours = median(hours);
  const p90Hours = percentile(hours, 90);
  return {
    from: input.from,
    to: input.to,
    cases: { submitted, byStatus },
    enterprisesOpened: input.completed.length,
    endToEndWorkingHours: { count: hours.length, median: medianHours === null ? null : round2(medianHours), p90: p90Hours === null ? null : round2(p90Hours) },
    departments,
    corrections: { total: input.correctionRounds, perCase: submitted ? round2(input.correctionRounds / submitted) : null },
    trips: { total: trips, perCase: input.completed.length ? round2(trips / input.completed.length) : null, byTrips },
    costs: {
      applicantPaid: Money.sum(input.completed.map((row) => Money.parse(row.applicantTotal))).toString(),
      borneByOthers: Money.sum(input.completed.map((row) => Money.parse(row.borneByOthers))).toString(),
      byPayer,
    },
    complaints: { opened: input.complaintsOpened, resolved: input.complaintsResolved },
    perDay: input.perDay,
  };
}

// The monthly report's words (lang=zh): each metric and key a supervisor reads, the machine key kept beside it.
const ZH_METRICS: Record<string, string> = {
  range: '统计期间',
  cases: '办件',
  cases_by_status: '办件状态',
  enterprises_opened: '开办企业数',
  end_to_end_working_hours: '全程用时（工作小时）',
  department_decided: '部门办结数',
  department_share_within_limit: '部门按时办结率',
  corrections: '补正',
  trips: '跑动次数',
  cases_by_trips: '按跑动次数的办件数',
  costs: '费用（元）',
  costs_by_payer: '按承担方的费用（元）',
  complaints: '办不好件反映',
  submitted_per_day: '每日提交',
  completed_per_day: '每日办结',
};
const ZH_KEYS: Record<string, string> = {
  from: '起',
  to: '止',
  submitted: '提交数',
  median: '中位数',
  p90: '90 分位',
  total: '总数',
  per_case: '每件平均',
  applicant_paid: '申请人支付',
  borne_by_others: '政府及其他方承担',
  opened: '提出',
  resolved: '已处理',
  SUBMITTED: '已提交',
  IN_PROGRESS: '办理中',
  AWAITING_CORRECTION: '待补正',
  COMPLETED: '已办结',
  REJECTED: '不予办理',
  CANCELLED: '已撤回',
  SAMR: '市场监督管理局',
  PSB: '公安局',
  TAX: '税务局',
  HRSS: '人力资源和社会保障局',
  BANK: '商业银行',
  GOVERNMENT: '政府购买服务',
  STATUTORY_FREE: '依法免收',
  BANK_WAIVED: '银行减免',
};

/** A CSV cell: quoted when it holds a comma, quote or line break. */
const cell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The figures as CSV lines. en: `metric,key,value` with machine keys; zh: 指标,项目,数值 in words and then the
 * machine keys (so a spreadsheet reads it and a script still can), after a byte-order mark for spreadsheets.
 */
export function metricsCsv(report: MetricsReport, lang: 'en' | 'zh' = 'en'): string {
  const lines = metricsLines(report);
  if (lang === 'en') return lines.map((line) => line.map(cell).join(',')).join('\n') + '\n';
  const [, ...rows] = lines;
  const zh = [['指标', '项目', '数值', 'metric', 'key'], ...rows.map(([metric, key, value]) => [ZH_METRICS[String(metric)] ?? metric, ZH_KEYS[String(key)] ?? key, value, metric, key])];
  return '\uFEFF' + zh.map((line) => line.map(cell).join(',')).join('\n') + '\n';
}

/** One `metric,key,value` line per figure, for the monthly report. */
function metricsLines(report: MetricsReport): (string | number | null)[][] {
  const lines: (string | number | null)[][] = [['metric', 'key', 'value']];
  lines.push(['range', 'from', report.from], ['range', 'to', report.to], ['cases', 'submitted', report.cases.submitted]);
  for (const [status, count] of Object.entries(report.cases.byStatus)) lines.push(['cases_by_status', status, count]);
  lines.push(['enterprises_opened', '', report.enterprisesOpened]);
  lines.push(['end_to_end_working_hours', 'median', report.endToEndWorkingHours.median], ['end_to_end_working_hours', 'p90', report.endToEndWorkingHours.p90]);
  for (const [department, figures] of Object.entries(report.departments)) {
    lines.push(['department_decided', department, figures.decided], ['department_share_within_limit', department, figures.shareWithinLimit]);
  }
  lines.push(['corrections', 'total', report.corrections.total], ['corrections', 'per_case', report.corrections.perCase]);
  lines.push(['trips', 'total', report.trips.total], ['trips', 'per_case', report.trips.perCase]);
  for (const [trips, count] of Object.entries(report.trips.byTrips)) lines.push(['cases_by_trips', trips, count]);
  lines.push(['costs', 'applicant_paid', report.costs.applicantPaid], ['costs', 'borne_by_others', report.costs.borneByOthers]);
  for (const [payer, amount] of Object.entries(report.costs.byPayer)) lines.push(['costs_by_payer', payer, amount]);
  lines.push(['complaints', 'opened', report.complaints.opened], ['complaints', 'resolved', report.complaints.resolved]);
  for (const day of report.perDay) lines.push(['submitted_per_day', day.date, day.submitted], ['completed_per_day', day.date, day.completed]);
  return lines;
}
