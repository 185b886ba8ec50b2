import { maskIdNumber, maskMobile, type ApplicationForm, type Department, type RuleFlag } from '@onetrip/domain';

// 一次表单: each department reads its part of the one form, and sees a person's ID number or mobile
// only where its step needs it (data minimisation, 个人信息保护法). Everything else is masked.

export interface DepartmentFormView {
  /** The part of the form this department reads. */
  form: Record<string, unknown>;
  /** True when the part shows an ID number or a mobile unmasked (the view is then audited). */
  revealsPersonalData: boolean;
}

interface PersonView {
  name: string;
  idNumber: string;
  mobile: string;
}

function legalRepresentative(form: ApplicationForm, reveal: { idNumber: boolean; mobile: boolean }): PersonView {
  const { name, idNumber, mobile } = form.legalRepresentative;
  return { name, idNumber: reveal.idNumber ? idNumber : maskIdNumber(idNumber), mobile: reveal.mobile ? mobile : maskMobile(mobile) };
}

const companyName = (form: ApplicationForm): { name: string } => ({ name: form.company.name });

export function departmentFormView(department: Department, form: ApplicationForm): DepartmentFormView {
  switch (department) {
    case 'SAMR':
      // The licence needs everyone's identity: the register records them.
      return {
        form: { company: form.company, legalRepresentative: legalRepresentative(form, { idNumber: true, mobile: true }), shareholders: form.shareholders },
        revealsPersonalData: true,
      };
    case 'PSB':
      // Seal filing records the legal representative's ID.
      return {
        form: { company: companyName(form), legalRepresentative: legalRepresentative(form, { idNumber: true, mobile: false }), seals: form.seals },
        revealsPersonalData: true,
      };
    case 'TAX':
      return {
        form: { company: companyName(form), legalRepresentative: legalRepresentative(form, { idNumber: false, mobile: false }), tax: form.tax },
        revealsPersonalData: false,
      };
    case 'HRSS':
      // Enrolment is per employee, by ID number.
      return {
        form: { company: companyName(form), socialInsurance: form.socialInsurance },
        revealsPersonalData: form.socialInsurance.employees.length > 0,
      };
    case 'BANK':
      // Account opening verifies the legal representative's identity.
      return {
        form: { company: companyName(form), legalRepresentative: legalRepresentative(form, { idNumber: true, mobile: false }), bank: form.bank },
        revealsPersonalData: true,
      };
  }
}

/** The parts of the form each department reads (what departmentFormView shows it). */
export const DEPARTMENT_READS: Readonly<Record<Department, readonly string[]>> = {
  SAMR: ['company', 'legalRepresentative', 'shareholders'],
  PSB: ['seals', 'company.name', 'legalRepresentative'],
  TAX: ['tax', 'company.name', 'legalRepresentative'],
  HRSS: ['socialInsurance', 'company.name'],
  BANK: ['bank', 'company.name', 'legalRepresentative'],
};

/** True when `path` (e.g. `shareholders[0].idNumber`) lies in the part of the form this department reads. */
export function departmentReads(department: Department, path: string): boolean {
  return DEPARTMENT_READS[department].some((root) => path === root || path.startsWith(`${root}.`) || path.startsWith(`${root}[`));
}

/** The case's flags on fields this department's part of the form contains. */
export function departmentFlags(department: Department, flags: readonly RuleFlag[]): RuleFlag[] {
  return flags.filter((flag) => departmentReads(department, flag.path));
}
