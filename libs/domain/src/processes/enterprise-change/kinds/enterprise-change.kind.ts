import { SEAL_KINDS } from '../../../application/application-form';
import { licenseNumber, socialInsuranceNumber } from '../../../departments/department-outputs';
import type { EnterpriseChanges } from '../../../enterprise/enterprise-register';
import { DomainError } from '../../../errors/domain-error';
import { digitsFromSeed } from '../../../internal/deterministic-hash';
import type { AutoDecision, OutputFormat, StepKind, StepKindContext } from '../../../step-kinds/step-kind';

// The enterprise change's steps (企业信息变更一件事). The form names the enterprise by its USCC (checked
// against the register at filing), so no step waits for a licence and none issues a new code: the USCC never
// changes. The new name is registered with the register's update at completion. Which steps run is the
// definition's `when` conditions; what each issues is here.

interface ChangeForm {
  enterprise: { uscc: string };
  changes: EnterpriseChanges;
}

const formOf = (form: unknown): ChangeForm => form as ChangeForm;

function usccOf(department: string, _ctx: StepKindContext, form: unknown): string {
  const uscc = formOf(form).enterprise?.uscc;
  if (!uscc) throw new DomainError('LICENCE_REQUIRED', `${department} needs the enterprise's unified social credit code`);
  return uscc;
}

const complete = (outputs: Record<string, unknown>): AutoDecision<Record<string, unknown>> => ({ decision: 'COMPLETE', outputs, flags: [] });

const NINETEEN_DIGITS = /^\d{19}$/;

function samrOutputs(form: unknown, ctx: StepKindContext, given: Readonly<Record<string, string>> = {}): Record<string, unknown> {
  const uscc = usccOf('SAMR', ctx, form);
  const name = formOf(form).changes?.name;
  // A new licence edition under the same USCC (the register counts the edition); the name only when it changes.
  return { uscc, licenseNumber: given.licenseNumber ?? licenseNumber(uscc), ...(name !== undefined ? { enterpriseName: name } : {}) };
}

/** SAMR (市场监督管理局): the change registration and a new licence edition. */
export const enterpriseChangeLicenceKind: StepKind = {
  key: 'enterprise-change.licence',
  needsLicence: false,
  issuesLicence: false,
  outputsFromSchema: false,
  clerkFields: { licenseNumber: { pattern: NINETEEN_DIGITS, description: 'must be the licence number (执照编号): 19 digits' } },
  autoDecide: (form, ctx) => complete(samrOutputs(form, ctx)),
  issue: (form, ctx, given) => samrOutputs(form, ctx, given),
};

/** A re-carved seal's filing code: 19 digits, the division first, from the case (a new filing per change). */
export function recarvedSealCode(uscc: string, kind: string, caseId: string): string {
  return `${uscc.slice(2, 8)}${SEAL_KINDS.indexOf(kind as (typeof SEAL_KINDS)[number]) + 5}${digitsFromSeed(`${uscc}|${kind}|${caseId}`, 12)}`;
}

function sealOutputs(form: unknown, ctx: StepKindContext, given: Readonly<Record<string, string>> = {}): Record<string, unknown> {
  const uscc = usccOf('PSB', ctx, form);
  const seed = ctx.caseId ?? JSON.stringify(formOf(form).changes);
  return { seals: SEAL_KINDS.map((kind) => ({ kind, filingCode: given[kind] ?? recarvedSealCode(uscc, kind, seed) })) };
}

/** PSB (公安局): re-carves and files the seals under the new name or legal representative (the register keeps the kinds the enterprise had). */
export const enterpriseChangeSealsKind: StepKind = {
  key: 'enterprise-change.seals',
  needsLicence: false,
  issuesLicence: false,
  outputsFromSchema: false,
  clerkFields: Object.fromEntries(
    SEAL_KINDS.map((kind): [string, OutputFormat] => [kind, { pattern: NINETEEN_DIGITS, description: `must be the re-carved ${kind} seal's filing code: 19 digits` }]),
  ),
  autoDecide: (form, ctx) => complete(sealOutputs(form, ctx)),
  issue: (form, ctx, given) => sealOutputs(form, ctx, given),
};

/** TAX (税务局): the taxpayer record updated (the taxpayer id stays the USCC). */
export const enterpriseChangeTaxKind: StepKind = {
  key: 'enterprise-change.tax',
  needsLicence: false,
  issuesLicence: false,
  outputsFromSchema: false,
  clerkFields: {},
  autoDecide: (form, ctx) => complete({ taxpayerId: usccOf('TAX', ctx, form), recordUpdated: true }),
  issue: (form, ctx) => ({ taxpayerId: usccOf('TAX', ctx, form), recordUpdated: true }),
};

/** HRSS (人社局): the employer's social-insurance record updated. */
export const enterpriseChangeSocialInsuranceKind: StepKind = {
  key: 'enterprise-change.social-insurance',
  needsLicence: false,
  issuesLicence: false,
  outputsFromSchema: false,
  clerkFields: {},
  autoDecide: (form, ctx) => complete({ socialInsuranceNumber: socialInsuranceNumber(usccOf('HRSS', ctx, form)), recordUpdated: true }),
  issue: (form, ctx) => ({ socialInsuranceNumber: socialInsuranceNumber(usccOf('HRSS', ctx, form)), recordUpdated: true }),
};

/** BANK: the basic account's customer information updated (the account number stays). */
export const enterpriseChangeBankKind: StepKind = {
  key: 'enterprise-change.bank-account',
  needsLicence: false,
  issuesLicence: false,
  outputsFromSchema: false,
  clerkFields: {},
  autoDecide: (form, ctx) => complete({ uscc: usccOf('BANK', ctx, form), customerInfoUpdated: true }),
  issue: (form, ctx) => ({ uscc: usccOf('BANK', ctx, form), customerInfoUpdated: true }),
};

export const ENTERPRISE_CHANGE_KINDS: readonly StepKind[] = [
  enterpriseChangeLicenceKind,
  enterpriseChangeSealsKind,
  enterpriseChangeTaxKind,
  enterpriseChangeSocialInsuranceKind,
  enterpriseChangeBankKind,
];
