import { condition, defineSignal, defineUpdate, executeChild, proxyActivities, proxyLocalActivities, setHandler, sleep, upsertSearchAttributes } from '@temporalio/workflow';
import { CASE_STATUS_KEY, NEXT_DUE_AT_KEY, OPEN_DEPARTMENTS_KEY, OVERDUE_DEPARTMENTS_KEY } from '@onetrip/workflows/contracts';
import type { BenchActivities } from '../activities';

// Workflows of the benchmark's skeleton worker: the same shape as a real case (counted from a real
// history: activities, local activities, timers, child workflows and search-attribute upserts per
// workflow task), with every activity doing nothing. They measure what Temporal itself does here.

/** Same options as the case workflow's activities. */
const { noop } = proxyActivities<BenchActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
const { noop: localNoop } = proxyLocalActivities<BenchActivities>({ startToCloseTimeout: '30 seconds' });

export interface PayloadSize {
  inputBytes: number;
  resultBytes: number;
}

/** What one workflow task of the real case issued, all at once, before the workflow waited again. */
export interface SkeletonStep {
  activities: PayloadSize[];
  localActivities: PayloadSize[];
  timersMs: number[];
  childWorkflows: number;
  searchAttributeUpserts: number;
}

export interface SkeletonInput {
  steps: SkeletonStep[];
  /** As large as the real workflow's input. */
  padding: string;
  resultBytes: number;
}

const pad = (bytes: number): string => 'x'.repeat(Math.max(0, bytes));

export async function skeletonWorkflow(input: SkeletonInput): Promise<string> {
  for (const step of input.steps) {
    for (let i = 0; i < step.searchAttributeUpserts; i++) {
      upsertSearchAttributes([
        { key: CASE_STATUS_KEY, value: 'COMPLETED' },
        { key: OPEN_DEPARTMENTS_KEY, value: [] },
        { key: OVERDUE_DEPARTMENTS_KEY, value: [] },
        { key: NEXT_DUE_AT_KEY, value: null },
      ]);
    }
    await Promise.all([
      ...step.activities.map((size) => noop(pad(size.inputBytes), size.resultBytes)),
      ...step.localActivities.map((size) => localNoop(pad(size.inputBytes), size.resultBytes)),
      ...step.timersMs.map((ms) => sleep(ms)),
      ...Array.from({ length: step.childWorkflows }, () => executeChild(skeletonChildWorkflow, { args: [] })),
    ]);
  }
  return pad(input.resultBytes);
}

export async function skeletonChildWorkflow(): Promise<void> {
  return;
}

/** The floor: one activity that does nothing. */
export async function oneActivityWorkflow(): Promise<string> {
  return noop('', 0);
}

export const touchSignal = defineSignal<[]>('touch');
export const finishSignal = defineSignal<[]>('finish');
export const noopUpdate = defineUpdate<null, []>('noop');
export const activityUpdate = defineUpdate<string, []>('oneActivity');

/**
 * Waits for messages: a signal, an Update that does nothing, and an Update that runs one activity
 * (the shape of a clerk's decision: validator, activity, answer), for round trips on bare Temporal.
 */
export async function waitingWorkflow(): Promise<void> {
  let finished = false;
  setHandler(touchSignal, () => undefined);
  setHandler(finishSignal, () => {
    finished = true;
  });
  setHandler(noopUpdate, () => null);
  setHandler(activityUpdate, () => noop('', 0));
  await condition(() => finished);
}
