import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { SkeletonStep } from '../workflows/skeleton.workflow';

const { EventType } = temporal.api.enums.v1;
type Payloads = temporal.api.common.v1.IPayloads | null | undefined;

const bytesOf = (payloads: Payloads): number => (payloads?.payloads ?? []).reduce((sum, payload) => sum + (payload.data?.length ?? 0), 0);
/** A JSON string of n characters encodes to n + 2 bytes. */
const padFor = (bytes: number): number => Math.max(0, bytes - 2);

export interface HistoryShape {
  events: number;
  workflowTasks: number;
  activities: number;
  localActivities: number;
  timers: number;
  childWorkflows: number;
  searchAttributeUpserts: number;
  signals: number;
  updates: number;
  inputBytes: number;
  resultBytes: number;
  /** What each workflow task issued, in order (tasks that issued nothing left out). */
  steps: SkeletonStep[];
}

/** Counts what a finished workflow really did, from its history, as steps a skeleton can repeat. */
export async function historyShape(client: Client, workflowId: string): Promise<HistoryShape> {
  // Closed first: a case is COMPLETED in the read model as soon as its outcome's local activity has run, before the
  // workflow task that ran it is even recorded (an all-AUTO case is one task), so a history read then shows 3 events.
  const handle = client.workflow.getHandle(workflowId);
  await handle.result();
  const history = await handle.fetchHistory();
  const events = history.events ?? [];
  const steps = new Map<number, SkeletonStep>();
  const stepOf = (workflowTaskCompletedEventId: unknown): SkeletonStep => {
    const key = Number(workflowTaskCompletedEventId ?? 0);
    if (!steps.has(key)) steps.set(key, { activities: [], localActivities: [], timersMs: [], childWorkflows: 0, searchAttributeUpserts: 0 });
    return steps.get(key)!;
  };
  const activityBySchedule = new Map<number, { inputBytes: number; resultBytes: number }>();
  const shape: HistoryShape = {
    events: events.length,
    workflowTasks: 0,
    activities: 0,
    localActivities: 0,
    timers: 0,
    childWorkflows: 0,
    searchAttributeUpserts: 0,
    signals: 0,
    updates: 0,
    inputBytes: 0,
    resultBytes: 0,
    steps: [],
  };
  for (const event of events) {
    switch (event.eventType) {
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED:
        shape.inputBytes = bytesOf(event.workflowExecutionStartedEventAttributes?.input);
        break;
      case EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
        shape.workflowTasks++;
        break;
      case EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED: {
        const attributes = event.activityTaskScheduledEventAttributes!;
        const size = { inputBytes: padFor(bytesOf(attributes.input)), resultBytes: 0 };
        activityBySchedule.set(Number(event.eventId), size);
        stepOf(attributes.workflowTaskCompletedEventId).activities.push(size);
        shape.activities++;
        break;
      }
      case EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED: {
        const attributes = event.activityTaskCompletedEventAttributes!;
        const size = activityBySchedule.get(Number(attributes.scheduledEventId));
        if (size) size.resultBytes = padFor(bytesOf(attributes.result));
        break;
      }
      case EventType.EVENT_TYPE_MARKER_RECORDED: {
        const attributes = event.markerRecordedEventAttributes!;
        if (!attributes.markerName?.includes('local_activity')) break;
        stepOf(attributes.workflowTaskCompletedEventId).localActivities.push({ inputBytes: 0, resultBytes: padFor(bytesOf(attributes.details?.result)) });
        shape.localActivities++;
        break;
      }
      case EventType.EVENT_TYPE_TIMER_STARTED: {
        const attributes = event.timerStartedEventAttributes!;
        const timeout = attributes.startToFireTimeout;
        stepOf(attributes.workflowTaskCompletedEventId).timersMs.push(Number(timeout?.seconds ?? 0) * 1000 + Math.round((timeout?.nanos ?? 0) / 1e6));
        shape.timers++;
        break;
      }
      case EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED:
        stepOf(event.startChildWorkflowExecutionInitiatedEventAttributes?.workflowTaskCompletedEventId).childWorkflows++;
        shape.childWorkflows++;
        break;
      case EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES:
        stepOf(event.upsertWorkflowSearchAttributesEventAttributes?.workflowTaskCompletedEventId).searchAttributeUpserts++;
        shape.searchAttributeUpserts++;
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED:
        shape.signals++;
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED:
        shape.updates++;
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED: {
        const attributes = event.workflowExecutionCompletedEventAttributes!;
        stepOf(attributes.workflowTaskCompletedEventId);
        shape.resultBytes = padFor(bytesOf(attributes.result));
        break;
      }
      default:
        break;
    }
  }
  shape.steps = [...steps.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, step]) => step)
    .filter((step, index, all) => index === all.length - 1 || step.activities.length + step.localActivities.length + step.timersMs.length + step.childWorkflows + step.searchAttributeUpserts > 0);
  return shape;
}

/** `1 → 4 → 1 activities, 1 upsert` */
export function describeSteps(steps: readonly SkeletonStep[]): string {
  return steps
    .map((step) => {
      const parts: string[] = [];
      if (step.activities.length) parts.push(`${step.activities.length} activit${step.activities.length === 1 ? 'y' : 'ies'}`);
      if (step.localActivities.length) parts.push(`${step.localActivities.length} local`);
      if (step.timersMs.length) parts.push(`${step.timersMs.length} timer`);
      if (step.childWorkflows) parts.push(`${step.childWorkflows} child`);
      if (step.searchAttributeUpserts) parts.push(`${step.searchAttributeUpserts} upsert`);
      return parts.join(' + ') || 'complete';
    })
    .join(' → ');
}
