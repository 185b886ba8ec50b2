import { evaluateCondition, type PlannedStep, type ProcessDefinition, type StepDefinition } from '@onetrip/domain';
import type { CasePolicy, ProcessWorkflowInput } from '@onetrip/workflows/contracts';
import type { StepOverrides } from './case-policy';

/** This API's settings for steps: modes and limits by `*`, department code or step id, and the reminder lead. */
export interface StepSettings {
  modes: StepOverrides<'MANUAL' | 'AUTO' | 'SYSTEM'>;
  timeLimits: StepOverrides<number>;
  reminderLeadMinutes: number;
  /** NOTICE_PERIOD_SECONDS: every notice period this long instead of its calendar days (tests shorten them). */
  noticePeriodSeconds?: number;
}

// A step id is more precise than its department's code, which is more precise than `*`.
function overridden<T>(overrides: StepOverrides<T>, step: StepDefinition): T | undefined {
  return overrides.named[step.id] ?? overrides.named[step.department] ?? overrides.all;
}

/** The step as this case runs it: the definition's, with what the settings override. */
export function planStep(step: StepDefinition, settings: StepSettings): PlannedStep {
  return {
    id: step.id,
    department: step.department,
    kind: step.kind,
    dependsOn: [...step.dependsOn],
    mode: overridden(settings.modes, step) ?? step.mode,
    timeLimitMinutes: overridden(settings.timeLimits, step) ?? step.timeLimitMinutes,
    // The lead is one setting for every step (as for the opening before the engine), never past the limit.
    reminderLeadMinutes: settings.reminderLeadMinutes,
    reads: [...step.reads],
    // Absent for every other kind, so the opening's planned steps (and its workflow input) are unchanged.
    ...(step.notice
      ? { notice: { seconds: settings.noticePeriodSeconds ?? step.notice.days * 86_400, objectionStep: step.notice.objectionStep, ...(step.notice.onUpheld ? { onUpheld: step.notice.onUpheld } : {}) } }
      : {}),
  };
}

/** Steps whose `when` does not hold for this form: not needed (SKIPPED). */
export function skippedSteps(definition: ProcessDefinition, form: unknown): string[] {
  return definition.steps.filter((step) => step.when !== undefined && !evaluateCondition(step.when, form)).map((step) => step.id);
}

/**
 * The generic workflow's input: ids and the plan only (no form, no personal data: the workflow's input is
 * stored in Temporal's history and its search attributes are visible to operators).
 */
export function processWorkflowInput(
  caseId: string,
  stored: { key: string; version: number; definition: ProcessDefinition },
  policy: CasePolicy,
  settings: StepSettings,
  form: unknown,
): ProcessWorkflowInput {
  return {
    caseId,
    process: { key: stored.key, version: stored.version },
    steps: stored.definition.steps.map((step) => planStep(step, settings)),
    skipped: skippedSteps(stored.definition, form),
    policy,
  };
}
