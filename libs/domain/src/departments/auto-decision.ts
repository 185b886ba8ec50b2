import { SEAL_KINDS, type ApplicationForm, type SealKind, type TaxpayerType } from '../application/application-form';
import { checkApplication, type RuleContext, type RuleFlag } from '../application/application-rules';
import { DomainError, InvalidArgumentError } from '../errors/domain-error';
import { generateUscc } from '../identifiers/uscc';
import { BANKS, findBank, type BankInfo } from './banks';
import {
  bankAccountNumber,
  licenseNumber,
  sealCode,
  socialInsuranceNumber,
  ukeyNumber,
} from './department-outputs';
import { departmentReads, type Department } from './departments';

// Automatic decisions (即来即办): each department decides on its own part of the form with the same
// rules the API used at submission, so a machine can complete a step "on arrival" and a clerk only
// sees the cases that need a person.

export interface SamrOutputs {
  uscc: string;
  licenseNumber: string;
  enterpriseName: string;
}

export interface PsbOutputs {
  seals: { kind: SealKind; filingCode: string }[];
}

export interface TaxOutputs {
  /** The taxpayer identification number is the USCC. */
  taxpayerId: string;
  taxpayerType: TaxpayerType;
  invoicesApproved: boolean;
  ukeyNumber: string | null;
}

export interface HrssOutputs {
  socialInsuranceNumber: string;
  enrolledEmployees: number;
}

export interface BankOutputs {
  bankCode: string;
  bankName: string;
  branch: string;
  accountNumber: string;
}

export interface DepartmentOutputs {
  SAMR: SamrOutputs;
  PSB: PsbOutputs;
  TAX: TaxOutputs;
  HRSS: HrssOutputs;
  BANK: BankOutputs;
}

/** One thing the applicant must correct. */
export interface ReturnItem {
  field: string;
  code: string;
  reason: string;
}

export type AutoDecision<O> =
  | { decision: 'COMPLETE'; outputs: O; flags: RuleFlag[] }
  | { decision: 'RETURN'; items: ReturnItem[] }
  | { decision: 'REJECT'; code: string; reason: string };

export interface AutoDecideContext {
  rules: RuleContext;
  /** SAMR only: a number unique per enterprise in the jurisdiction (database sequence) for a new USCC. */
  enterpriseSequence?: number;
  /** The USCC already issued: required after SAMR; reused by SAMR itself when a step reopens. */
  uscc?: string;
  banks?: readonly BankInfo[];
}

export class LicenceRequiredError extends DomainError {
  constructor(department: Department) {
    super('LICENCE_REQUIRED', `${department} cannot decide before the business licence exists (no USCC given)`);
  }
}

export class EnterpriseSequenceRequiredError extends DomainError {
  constructor() {
    super('ENTERPRISE_SEQUENCE_REQUIRED', 'SAMR needs an enterprise sequence number to issue a USCC');
  }
}

type Decider<D extends Department> = (form: ApplicationForm, ctx: AutoDecideContext) => AutoDecision<DepartmentOutputs[D]>;

/** The department's share of the rule check. Names are SAMR's alone: once registered, a name is "taken" by its owner. */
function review(department: Department, form: ApplicationForm, ctx: AutoDecideContext) {
  const banks = ctx.banks ?? BANKS;
  // The bank list the BANK step can actually open accounts with decides which codes are known.
  const rules: RuleContext = { ...ctx.rules, knownBankCodes: banks.map((b) => b.code) };
  const result = checkApplication(form, rules);
  const mine = (path: string, code: string) =>
    departmentReads(department, path) && (department === 'SAMR' || !code.startsWith('NAME_'));
  return {
    violations: result.violations.filter((v) => mine(v.path, v.code)),
    flags: result.flags.filter((f) => mine(f.path, f.code)),
  };
}

function decideWith<O>(
  department: Department,
  form: ApplicationForm,
  ctx: AutoDecideContext,
  outputs: () => O,
): AutoDecision<O> {
  const { violations, flags } = review(department, form, ctx);
  if (department === 'SAMR') {
    const forbidden = violations.find((v) => v.code === 'NAME_FORBIDDEN_WORD');
    if (forbidden) return { decision: 'REJECT', code: forbidden.code, reason: forbidden.message };
  }
  if (violations.length > 0) {
    return { decision: 'RETURN', items: violations.map((v) => ({ field: v.path, code: v.code, reason: v.message })) };
  }
  return { decision: 'COMPLETE', outputs: outputs(), flags };
}

function issuedUscc(department: Department, ctx: AutoDecideContext): string {
  if (!ctx.uscc) throw new LicenceRequiredError(department);
  return ctx.uscc;
}

const DECIDERS: { [D in Department]: Decider<D> } = {
  SAMR: (form, ctx) =>
    decideWith('SAMR', form, ctx, () => {
      // A reopened licence step keeps the code it issued: a USCC is for life.
      let uscc = ctx.uscc;
      if (!uscc) {
        if (ctx.enterpriseSequence === undefined) throw new EnterpriseSequenceRequiredError();
        uscc = generateUscc({ divisionCode: ctx.rules.jurisdiction.divisionCode, sequence: ctx.enterpriseSequence });
      }
      return { uscc, licenseNumber: licenseNumber(uscc), enterpriseName: form.company.name };
    }),
  PSB: (form, ctx) => {
    const uscc = issuedUscc('PSB', ctx);
    return decideWith('PSB', form, ctx, () => ({
      seals: SEAL_KINDS.filter((kind) => form.seals.kinds.includes(kind)).map((kind) => ({ kind, filingCode: sealCode(uscc, kind) })),
    }));
  },
  TAX: (form, ctx) => {
    const uscc = issuedUscc('TAX', ctx);
    return decideWith('TAX', form, ctx, () => ({
      taxpayerId: uscc,
      taxpayerType: form.tax.taxpayerType,
      invoicesApproved: form.tax.invoices,
      ukeyNumber: form.tax.ukey ? ukeyNumber(uscc) : null,
    }));
  },
  HRSS: (form, ctx) => {
    const uscc = issuedUscc('HRSS', ctx);
    return decideWith('HRSS', form, ctx, () => ({
      socialInsuranceNumber: socialInsuranceNumber(uscc),
      enrolledEmployees: form.socialInsurance.employees.length,
    }));
  },
  BANK: (form, ctx) => {
    const uscc = issuedUscc('BANK', ctx);
    return decideWith('BANK', form, ctx, () => {
      const bank = findBank(form.bank.bankCode, ctx.banks ?? BANKS);
      // Unreachable: review() returns the case when the bank is unknown.
      if (!bank) throw new InvalidArgumentError('Unknown bank code');
      return {
        bankCode: bank.code,
        bankName: bank.nameZh,
        branch: form.bank.branch?.trim() || bank.defaultBranch,
        accountNumber: bankAccountNumber(bank.code, uscc, bank.accountLength),
      };
    });
  },
};

/**
 * Decides a department's step automatically: REJECT (SAMR, forbidden name), RETURN with every item to
 * correct, or COMPLETE with the department's outputs. Deterministic: same form and context, same result.
 */
export function autoDecide<D extends Department>(
  department: D,
  form: ApplicationForm,
  ctx: AutoDecideContext,
): AutoDecision<DepartmentOutputs[D]> {
  const decider: Decider<D> = DECIDERS[department];
  return decider(form, ctx);
}
