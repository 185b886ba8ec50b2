import type { ApplicationForm } from '../../../application/application-form';
import { tripsRequired } from '../../../delivery/delivery';

// The enterprise opening's combined outcome as caseWorkflow (before the engine) builds it, from each
// department's outputs. processWorkflow builds the same object from the definition's outcome templates
// (engine/outcome.ts); a spec holds the two equal.

export function enterpriseOpeningOutcome(outputs: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>, form: ApplicationForm): Record<string, unknown> {
  const samr = outputs.SAMR ?? {};
  const psb = (outputs.PSB ?? {}) as { seals?: { kind: string; filingCode: string }[] };
  const tax = outputs.TAX ?? {};
  const hrss = outputs.HRSS ?? {};
  const bank = outputs.BANK ?? {};
  const method = form.delivery.method;
  return {
    uscc: samr.uscc,
    licenseNumber: samr.licenseNumber,
    enterpriseName: samr.enterpriseName,
    seals: (psb.seals ?? []).map((seal) => ({ kind: seal.kind, code: seal.filingCode })),
    tax: { taxpayerId: tax.taxpayerId, ukeyNumber: tax.ukeyNumber ?? null, invoicesApproved: tax.invoicesApproved },
    socialInsurance: { registrationNumber: hrss.socialInsuranceNumber },
    bankAccount: { bankCode: bank.bankCode, bankName: bank.bankName, branch: bank.branch, accountNumber: bank.accountNumber },
    delivery: { method, tripsRequired: tripsRequired(method) },
  };
}
