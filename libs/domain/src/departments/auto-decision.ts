import type { ApplicationForm } from '../application/application-form';
import { stepKind, ENTERPRISE_KIND_OF_DEPARTMENT } from '../step-kinds/step-kind-registry';
import type { AutoDecision, StepKindContext } from '../step-kinds/step-kind';
import type { BankOutputs, HrssOutputs, PsbOutputs, SamrOutputs, TaxOutputs } from '../processes/enterprise-opening/kinds/enterprise-rules';
import type { Department } from './departments';

// Automatic decisions (即来即办) by department, as caseWorkflow's cases (from before the engine) ask for
// them. The rules live in the enterprise step kinds (libs/domain/src/step-kinds); this is their view by
// department code.

export type { AutoDecision, ReturnItem } from '../step-kinds/step-kind';
export type { BankOutputs, HrssOutputs, PsbOutputs, SamrOutputs, TaxOutputs } from '../processes/enterprise-opening/kinds/enterprise-rules';
export { EnterpriseSequenceRequiredError, LicenceRequiredError } from '../processes/enterprise-opening/kinds/enterprise-rules';

export interface DepartmentOutputs {
  SAMR: SamrOutputs;
  PSB: PsbOutputs;
  TAX: TaxOutputs;
  HRSS: HrssOutputs;
  BANK: BankOutputs;
}

export type AutoDecideContext = Omit<StepKindContext, 'reads'>;

/**
 * Decides a department's step automatically: REJECT (SAMR, forbidden name), RETURN with every item to
 * correct, or COMPLETE with the department's outputs. Deterministic: same form and context, same result.
 */
export function autoDecide<D extends Department>(department: D, form: ApplicationForm, ctx: AutoDecideContext): AutoDecision<DepartmentOutputs[D]> {
  return stepKind(ENTERPRISE_KIND_OF_DEPARTMENT[department]).autoDecide(form, ctx) as unknown as AutoDecision<DepartmentOutputs[D]>;
}
