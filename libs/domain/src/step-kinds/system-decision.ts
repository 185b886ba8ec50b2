import { pathCovers } from '../engine/form-paths';
import type { StepDefinition } from '../engine/process-definition';
import { stepOutputProblems } from './step-output-problems';

/** A department system's decision as it arrives (immediate answer or callback), before it is checked. */
export interface SystemDecision {
  decision: string;
  outputs?: unknown;
  items?: readonly { field?: unknown; reason?: unknown }[];
  reason?: unknown;
}

const DECISIONS = ['COMPLETE', 'RETURN', 'REJECT'];
const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.trim().length > 0 && value.length <= max;

/**
 * What is wrong with a department system's decision on `step`, in words (null when nothing): the same rules as a
 * clerk's decision (outputs the step takes, returned fields the step reads, a reason for a refusal). The API's
 * callback route and the worker's immediate answer both check it (SYSTEM mode, docs/connectors.md).
 */
export function systemDecisionProblem(step: Pick<StepDefinition, 'kind' | 'department' | 'outputs' | 'reads'>, decision: SystemDecision): string | null {
  if (!DECISIONS.includes(decision.decision)) return 'decision must be COMPLETE, RETURN or REJECT';
  if (decision.decision === 'COMPLETE') {
    const outputs = decision.outputs ?? {};
    if (typeof outputs !== 'object' || outputs === null || Array.isArray(outputs) || Object.values(outputs).some((value) => typeof value !== 'string')) return 'outputs must be an object of strings';
    const problems = stepOutputProblems(step, outputs as Record<string, string>);
    return problems.length ? problems.flatMap((problem) => problem.messages).join('; ') : null;
  }
  if (decision.decision === 'RETURN') {
    const items = decision.items;
    if (!Array.isArray(items) || items.length === 0 || items.length > 50) return 'a RETURN needs 1 to 50 items';
    for (const [i, item] of items.entries()) {
      const field = item?.field;
      if (!isText(field, 200) || !isText(item?.reason, 500)) return `items[${i}] needs a field and a reason`;
      if (!step.reads.some((read) => pathCovers(read, field))) return `items[${i}].field is not in the part of the form the step reads`;
    }
    return null;
  }
  return isText(decision.reason, 500) ? null : 'a REJECT needs a reason';
}
