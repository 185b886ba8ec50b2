import type { ApplicationForm, SealKind, TaxpayerType } from '../../../application/application-form';
import { pathsOverlap } from '../../../application/application-form';
import { checkApplication, type RuleContext } from '../../../application/application-rules';
import { DomainError } from '../../../errors/domain-error';
import { generateUscc } from '../../../identifiers/uscc';
import { BANKS } from '../../../departments/banks';
import type { AutoDecision, StepKindContext } from '../../../step-kinds/step-kind';

// What the enterprise kinds share: the rule check of their part of the form, the USCC they need or issue,
// and the shapes of what they issue.

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

export class LicenceRequiredError extends DomainError {
  constructor(who: string) {
    super('LICENCE_REQUIRED', `${who} cannot decide before the business licence exists (no USCC given)`);
  }
}

export class EnterpriseSequenceRequiredError extends DomainError {
  constructor() {
    super('ENTERPRISE_SEQUENCE_REQUIRED', 'SAMR needs an enterprise sequence number to issue a USCC');
  }
}

/**
 * Decides on the step's share of the rule check: REJECT for a forbidden name (the licence only), RETURN
 * with every violation, COMPLETE with `outputs()`. Name rules are the licence's alone: once registered,
 * a name is "taken" by its owner.
 */
export function decideOnShare<O>(
  form: ApplicationForm,
  ctx: StepKindContext,
  share: { reads: readonly string[]; names: boolean },
  outputs: () => O,
): AutoDecision<O> {
  const banks = ctx.banks ?? BANKS;
  // The bank list the bank step can actually open accounts with decides which codes are known.
  const rules: RuleContext = { ...ctx.rules, knownBankCodes: banks.map((b) => b.code) };
  const result = checkApplication(form, rules);
  const reads = ctx.reads ?? share.reads;
  const mine = (path: string, code: string) => reads.some((read) => pathsOverlap(read, path)) && (share.names || !code.startsWith('NAME_'));
  const violations = result.violations.filter((v) => mine(v.path, v.code));
  const flags = result.flags.filter((f) => mine(f.path, f.code));
  if (share.names) {
    const forbidden = violations.find((v) => v.code === 'NAME_FORBIDDEN_WORD');
    if (forbidden) return { decision: 'REJECT', code: forbidden.code, reason: forbidden.message };
  }
  if (violations.length > 0) {
    return { decision: 'RETURN', items: violations.map((v) => ({ field: v.path, code: v.code, reason: v.message })) };
  }
  return { decision: 'COMPLETE', outputs: outputs(), flags };
}

/** The USCC the licence issued, for a step that needs it. */
export function requireUscc(who: string, ctx: StepKindContext): string {
  if (!ctx.uscc) throw new LicenceRequiredError(who);
  return ctx.uscc;
}

/** The licence's USCC: the one already issued (a USCC is for life), or a new one from the enterprise sequence. */
export function licenceUscc(ctx: StepKindContext): string {
  if (ctx.uscc) return ctx.uscc;
  if (ctx.enterpriseSequence === undefined) throw new EnterpriseSequenceRequiredError();
  return generateUscc({ divisionCode: ctx.rules.jurisdiction.divisionCode, sequence: ctx.enterpriseSequence });
}

/** Record<string, unknown> view of a kind's typed outputs (what the registry's callers store as JSON). */
export function asRecord<O extends object>(decision: AutoDecision<O>): AutoDecision<Record<string, unknown>> {
  return decision as unknown as AutoDecision<Record<string, unknown>>;
}
