import type { Department } from '../departments/departments';
import { DomainError } from '../errors/domain-error';
import { enterpriseBankAccountKind } from '../processes/enterprise-opening/kinds/enterprise-bank-account.kind';
import { enterpriseLicenceKind } from '../processes/enterprise-opening/kinds/enterprise-licence.kind';
import { enterpriseSealsKind } from '../processes/enterprise-opening/kinds/enterprise-seals.kind';
import { enterpriseSocialInsuranceKind } from '../processes/enterprise-opening/kinds/enterprise-social-insurance.kind';
import { enterpriseTaxKind } from '../processes/enterprise-opening/kinds/enterprise-tax.kind';
import { publicNoticeKind } from './public-notice.kind';
import { ENTERPRISE_CHANGE_KINDS } from '../processes/enterprise-change/kinds/enterprise-change.kind';
import { reviewKind } from './review.kind';
import { TASK_DECISIONS, type StepKind, type TaskDecisionKind } from './step-kind';
import type { ProcessDefinition } from '../engine/process-definition';

// The one registry of step kinds: the worker (decisions, outputs), the API (task views, output checks),
// the web (task forms) and the definition validator look kinds up here by key.

export const STEP_KINDS: Readonly<Record<string, StepKind>> = Object.freeze(
  Object.fromEntries(
    [enterpriseLicenceKind, enterpriseSealsKind, enterpriseTaxKind, enterpriseSocialInsuranceKind, enterpriseBankAccountKind, ...ENTERPRISE_CHANGE_KINDS, reviewKind, publicNoticeKind].map((kind) => [kind.key, kind]),
  ),
);

export const STEP_KIND_KEYS: ReadonlySet<string> = new Set(Object.keys(STEP_KINDS));

export class UnknownStepKindError extends DomainError {
  constructor(key: string) {
    super('UNKNOWN_STEP_KIND', `No step kind is registered as "${key}" (known: ${[...STEP_KIND_KEYS].join(', ')})`);
  }
}

/** The kind registered under `key`; throws UnknownStepKindError. */
export function stepKind(key: string): StepKind {
  if (!Object.prototype.hasOwnProperty.call(STEP_KINDS, key)) throw new UnknownStepKindError(key);
  return STEP_KINDS[key];
}

/**
 * The enterprise opening's kind of each department: cases started on caseWorkflow (before the engine)
 * name departments, not steps; their activities find the kind here.
 */
export const ENTERPRISE_KIND_OF_DEPARTMENT: Readonly<Record<Department, string>> = {
  SAMR: enterpriseLicenceKind.key,
  PSB: enterpriseSealsKind.key,
  TAX: enterpriseTaxKind.key,
  HRSS: enterpriseSocialInsuranceKind.key,
  BANK: enterpriseBankAccountKind.key,
};

/**
 * The decisions a clerk may make on a step, from the kinds involved: the step's own kind, narrowed by the
 * kind of any step whose objections it rules on (a public notice's objection step is not returned for
 * correction). A page offers only these; the workflow refuses the others.
 */
export function stepDecisions(definition: Pick<ProcessDefinition, 'steps'>, stepId: string): TaskDecisionKind[] {
  const step = definition.steps.find((candidate) => candidate.id === stepId);
  if (!step) return [];
  const own = stepKind(step.kind).decisions ?? TASK_DECISIONS;
  const rulings = definition.steps.filter((other) => other.notice?.objectionStep === stepId).map((other) => stepKind(other.kind).rulingDecisions ?? TASK_DECISIONS);
  return TASK_DECISIONS.filter((decision) => own.includes(decision) && rulings.every((allowed) => allowed.includes(decision)));
}
