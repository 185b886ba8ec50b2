import { FeeLedger, type FeeLedgerView, type FeePayer } from '../money/fee-ledger';
import { evaluateCondition } from './conditions';
import type { ProcessDefinition } from './process-definition';

// 零成本: a case's cost lines from its definition, in the definition's order, each line present when its
// condition holds for the form. The ledger refuses an applicant payer, so the applicant total stays ¥0.00.

export function feeLedgerFor(definition: Pick<ProcessDefinition, 'fees'>, form: unknown): FeeLedgerView {
  const ledger = new FeeLedger();
  for (const fee of definition.fees) {
    if (fee.when !== undefined && !evaluateCondition(fee.when, form)) continue;
    ledger.add({ code: fee.code, description: fee.name.en, descriptionZh: fee.name.zh, amount: fee.amount, payer: fee.payer as FeePayer });
  }
  return ledger.toView();
}
