import { pathsOverlap } from '../application/application-form';

// The five departments of the joint window (多窗联合审批). SAMR issues the licence first; the others
// need its USCC and then work in parallel (一次联办).

export const DEPARTMENTS = ['SAMR', 'PSB', 'TAX', 'HRSS', 'BANK'] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** Half a working day: the usual limit for one department's step. */
export const HALF_WORKING_DAY_MINUTES = 240;
/** A clerk is reminded this many working minutes before the step's time limit. */
export const DEFAULT_REMINDER_LEAD_MINUTES = 60;

export interface DepartmentInfo {
  code: Department;
  nameZh: string;
  nameEn: string;
  stepZh: string;
  stepEn: string;
  /** Form paths this department reads; a path covers its descendants (`tax` covers `tax.ukey`). */
  reads: readonly string[];
  /** Departments whose results this step needs before it can open. */
  dependsOn: readonly Department[];
  /** Time limit of the step in working minutes. */
  timeLimitMinutes: number;
  reminderLeadMinutes: number;
}

export const DEPARTMENT_INFO: Readonly<Record<Department, DepartmentInfo>> = {
  SAMR: {
    code: 'SAMR',
    nameZh: '市场监督管理局',
    nameEn: 'Administration for Market Regulation',
    stepZh: '名称自主申报及营业执照',
    stepEn: 'Name check and business licence',
    reads: ['company', 'legalRepresentative', 'shareholders'],
    dependsOn: [],
    timeLimitMinutes: HALF_WORKING_DAY_MINUTES,
    reminderLeadMinutes: DEFAULT_REMINDER_LEAD_MINUTES,
  },
  PSB: {
    code: 'PSB',
    nameZh: '公安局（印章刻制备案）',
    nameEn: 'Public Security Bureau (seal carving and filing)',
    stepZh: '印章刻制备案',
    stepEn: 'Carve and file seals',
    reads: ['seals', 'company.name', 'legalRepresentative.name', 'legalRepresentative.idNumber'],
    dependsOn: ['SAMR'],
    timeLimitMinutes: HALF_WORKING_DAY_MINUTES,
    reminderLeadMinutes: DEFAULT_REMINDER_LEAD_MINUTES,
  },
  TAX: {
    code: 'TAX',
    nameZh: '税务局',
    nameEn: 'Tax Bureau',
    stepZh: '涉税事项、发票申领及税务UKey',
    stepEn: 'Taxpayer confirmation, invoices and tax UKey',
    reads: ['tax', 'company.name', 'legalRepresentative'],
    dependsOn: ['SAMR'],
    timeLimitMinutes: HALF_WORKING_DAY_MINUTES,
    reminderLeadMinutes: DEFAULT_REMINDER_LEAD_MINUTES,
  },
  HRSS: {
    code: 'HRSS',
    nameZh: '人力资源和社会保障局',
    nameEn: 'Human Resources and Social Security Bureau',
    stepZh: '社会保险登记及参保',
    stepEn: 'Social insurance registration and enrolment',
    reads: ['socialInsurance', 'company.name'],
    dependsOn: ['SAMR'],
    timeLimitMinutes: HALF_WORKING_DAY_MINUTES,
    reminderLeadMinutes: DEFAULT_REMINDER_LEAD_MINUTES,
  },
  BANK: {
    code: 'BANK',
    nameZh: '商业银行',
    nameEn: 'Commercial bank',
    stepZh: '基本存款账户开户',
    stepEn: 'Open the basic deposit account',
    reads: ['bank', 'company.name', 'legalRepresentative'],
    dependsOn: ['SAMR'],
    timeLimitMinutes: HALF_WORKING_DAY_MINUTES,
    reminderLeadMinutes: DEFAULT_REMINDER_LEAD_MINUTES,
  },
};

export function isDepartment(value: string): value is Department {
  return (DEPARTMENTS as readonly string[]).includes(value);
}

/** True if the department reads the path, one of its parents or one of its children. */
export function departmentReads(department: Department, path: string): boolean {
  return DEPARTMENT_INFO[department].reads.some((read) => pathsOverlap(read, path));
}

/** The departments that read a path, in DEPARTMENTS order. */
export function departmentsReading(path: string): Department[] {
  return DEPARTMENTS.filter((department) => departmentReads(department, path));
}

/** Sort comparator in DEPARTMENTS order. */
export function compareDepartments(a: Department, b: Department): number {
  return DEPARTMENTS.indexOf(a) - DEPARTMENTS.indexOf(b);
}
