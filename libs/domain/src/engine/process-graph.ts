import { compareFieldPaths, pathsOverlap } from '../application/application-form';
import type { StepStatus } from '../case/case-status';
import { DomainError } from '../errors/domain-error';

// The steps of a definition as a graph (a DAG over `dependsOn`): which open next, which depend on which,
// and which a correction sends back. Pure, deterministic (definition order breaks every tie), so the same
// code runs in the generic workflow, the API and the browser.

/** What the graph needs of a step (a StepDefinition or a PlannedStep). */
export interface GraphStep {
  id: string;
  dependsOn: readonly string[];
  reads?: readonly string[];
}

export class ProcessGraphCycleError extends DomainError {
  constructor(readonly stepIds: string[]) {
    super('PROCESS_GRAPH_CYCLE', `The steps ${stepIds.join(', ')} depend on each other in a cycle`);
  }
}

/** A dependency is met when its step is DONE or not needed (SKIPPED). */
const MET: readonly StepStatus[] = ['DONE', 'SKIPPED'];

/** The PENDING steps whose dependencies are all met, in definition order. */
export function readySteps(steps: readonly GraphStep[], status: Readonly<Record<string, StepStatus>>): string[] {
  return steps.filter((step) => status[step.id] === 'PENDING' && step.dependsOn.every((id) => MET.includes(status[id]))).map((step) => step.id);
}

/** Every step that depends on one of `ids`, directly or through others (not `ids` themselves), in definition order. */
export function downstreamOf(steps: readonly GraphStep[], ids: Iterable<string>): string[] {
  const from = new Set(ids);
  const reached = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const step of steps) {
      if (reached.has(step.id)) continue;
      if (step.dependsOn.some((id) => from.has(id) || reached.has(id))) {
        reached.add(step.id);
        grew = true;
      }
    }
  }
  return steps.filter((step) => reached.has(step.id) && !from.has(step.id)).map((step) => step.id);
}

/** The steps so that each comes after its dependencies; among the free ones, definition order. Throws on a cycle. */
export function topologicalOrder(steps: readonly GraphStep[]): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  const known = new Set(steps.map((step) => step.id));
  while (order.length < steps.length) {
    // A dependency on an unknown step never blocks (the validator reports it).
    const next = steps.find((step) => !placed.has(step.id) && step.dependsOn.every((id) => placed.has(id) || !known.has(id)));
    if (!next) throw new ProcessGraphCycleError(steps.filter((step) => !placed.has(step.id)).map((step) => step.id));
    order.push(next.id);
    placed.add(next.id);
  }
  return order;
}

export interface CorrectionReopening {
  /** Open again now: each step that returned the case or that is DONE and reads a changed path, unless it is downstream of another of these. */
  reopen: string[];
  /** Back to PENDING, open again once their dependencies are DONE: the finished (or returned) steps downstream of a reopened one. */
  pending: string[];
}

/**
 * After a correction: returned steps reopen; DONE steps that read a changed path reopen; steps downstream
 * of a reopened step (DONE or RETURNED) go back to PENDING and open again once their dependencies are done
 * (their inputs may change). Everything else keeps its result. Definition order.
 */
export function stepsToReopen(input: {
  steps: readonly GraphStep[];
  status: Readonly<Record<string, StepStatus>>;
  changedPaths: readonly string[];
}): CorrectionReopening {
  const { steps, status, changedPaths } = input;
  const reads = (step: GraphStep) => changedPaths.some((path) => (step.reads ?? []).some((read) => pathsOverlap(read, path)));
  const direct = steps.filter((step) => status[step.id] === 'RETURNED' || (status[step.id] === 'DONE' && reads(step))).map((step) => step.id);
  const below = new Set(direct.flatMap((id) => downstreamOf(steps, [id])));
  const redo = (id: string) => status[id] === 'DONE' || status[id] === 'RETURNED';
  return {
    reopen: direct.filter((id) => !below.has(id)),
    pending: steps.filter((step) => below.has(step.id) && redo(step.id)).map((step) => step.id),
  };
}

/** A return item tagged with the step (and its department) that asked for it. */
export interface StepCorrectionItem {
  stepId: string;
  department: string;
  /** Field path in dot notation with indexes, e.g. 'shareholders[1].idNumber'. */
  field: string;
  reason: string;
  code?: string;
}

/**
 * 一次告知: every step's return items in one notice. One item per step and field; distinct reasons are kept,
 * joined with '; ' in the order first seen. Sorted by the steps' order in `stepOrder`, then by field in form order.
 */
export function mergeStepCorrectionItems(items: readonly StepCorrectionItem[], stepOrder: readonly string[]): StepCorrectionItem[] {
  const merged = new Map<string, StepCorrectionItem & { reasons: string[] }>();
  for (const item of items) {
    const key = `${item.stepId}\u0000${item.field}`;
    const existing = merged.get(key);
    if (!existing) merged.set(key, { ...item, reasons: [item.reason] });
    else if (!existing.reasons.includes(item.reason)) existing.reasons.push(item.reason);
  }
  const rank = (id: string) => {
    const index = stepOrder.indexOf(id);
    return index < 0 ? stepOrder.length : index;
  };
  return [...merged.values()]
    .map(({ reasons, ...item }) => ({ ...item, reason: reasons.join('; ') }))
    .sort((a, b) => rank(a.stepId) - rank(b.stepId) || compareFieldPaths(a.field, b.field));
}
