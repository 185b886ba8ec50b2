import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { Department } from '@onetrip/domain';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
type Payloads = temporal.api.common.v1.IPayloads | null | undefined;
const EventType = temporal.api.enums.v1.EventType;

export interface TimelineEntry {
  at: string;
  source: 'WORKFLOW' | 'AUDIT';
  event: string;
  department?: Department;
  /** The user who acted (a username), when known. */
  actor?: string;
  detail?: string;
}

interface StepInput {
  department?: Department;
  /** processWorkflow's activities name their step (the opening's step ids are its department codes). */
  stepId?: string;
  taskId?: string;
  round?: number;
  dueAt?: string;
  decision?: string;
  actorId?: string;
  reason?: string;
  items?: { field: string }[];
}

const toDate = (time: HistoryEvent['eventTime']): string => {
  const seconds = Number(time?.seconds ?? 0);
  const nanos = Number(time?.nanos ?? 0);
  return new Date(seconds * 1000 + Math.floor(nanos / 1e6)).toISOString();
};

function firstArgument(payloads: Payloads): StepInput {
  const payload = payloads?.payloads?.[0];
  if (!payload) return {};
  try {
    const value = defaultPayloadConverter.fromPayload(payload);
    return typeof value === 'object' && value !== null ? (value as StepInput) : {};
  } catch {
    return {};
  }
}

// The step an activity worked on: its id where the engine gives it, else the department (caseWorkflow's cases).
const departmentOf = (input: StepInput): Department | undefined => (input.stepId as Department | undefined) ?? input.department ?? (input.taskId?.split('.')[1] as Department | undefined);

// What each activity means to a person reading the case.
const ACTIVITY_EVENTS: Record<string, string> = {
  openStep: 'STEP_OPENED',
  runAutomaticStep: 'STEP_DECIDED_AUTOMATICALLY',
  recordDecision: 'DECISION_RECORDED',
  remindStep: 'REMINDER_SENT',
  escalateOverdueStep: 'ESCALATED_OVERDUE',
  requestCorrection: 'CORRECTION_NOTICE_SENT',
  applyCorrection: 'CORRECTION_APPLIED',
  completeCase: 'OUTCOME_DELIVERED',
  completeProcess: 'OUTCOME_DELIVERED',
  endCase: 'CASE_ENDED',
};

/**
 * The case's workflow history in its own words: steps opened and decided, waits, reminders,
 * escalations, failures, decisions with who made them. Actor ids are turned into usernames by `who`.
 */
export function workflowTimeline(events: readonly HistoryEvent[], who: (userId: string) => string | undefined): TimelineEntry[] {
  const scheduled = new Map<string, { activity: string; input: StepInput }>();
  const updates = new Map<string, { name: string; input: StepInput }>();
  const timeline: TimelineEntry[] = [];
  const push = (event: HistoryEvent, entry: Omit<TimelineEntry, 'at' | 'source'>) => timeline.push({ at: toDate(event.eventTime), source: 'WORKFLOW', ...entry });

  for (const event of events) {
    switch (event.eventType) {
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED:
        push(event, { event: 'CASE_STARTED' });
        break;
      case EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED: {
        const attributes = event.activityTaskScheduledEventAttributes;
        const activity = attributes?.activityType?.name ?? 'activity';
        const input = firstArgument(attributes?.input);
        scheduled.set(String(event.eventId), { activity, input });
        const department = departmentOf(input);
        if (activity === 'openStep' || activity === 'runAutomaticStep') {
          push(event, { event: ACTIVITY_EVENTS[activity], department, detail: `round ${input.round ?? '?'}, due ${input.dueAt ?? '?'}` });
        } else if (activity !== 'recordDecision' && activity !== 'applyCorrection') {
          push(event, { event: ACTIVITY_EVENTS[activity] ?? activity, department });
        }
        break;
      }
      case EventType.EVENT_TYPE_MARKER_RECORDED: {
        // processWorkflow writes the outcome as a local activity: its marker is the entry (a decision's is the Update's).
        const attributes = event.markerRecordedEventAttributes;
        if (attributes?.markerName !== 'core_local_activity') break;
        const { activity_type: activity } = firstArgument(attributes.details?.data) as { activity_type?: string };
        if (activity === 'completeProcess') push(event, { event: ACTIVITY_EVENTS[activity] });
        break;
      }
      case EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED:
      case EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT: {
        const attributes = event.activityTaskFailedEventAttributes ?? event.activityTaskTimedOutEventAttributes;
        const source = scheduled.get(String(attributes?.scheduledEventId ?? ''));
        push(event, { event: 'STEP_FAILED', department: source ? departmentOf(source.input) : undefined, detail: `${source?.activity ?? 'activity'}: ${attributes?.failure?.message ?? 'timed out'}` });
        break;
      }
      case EventType.EVENT_TYPE_TIMER_STARTED: {
        const seconds = Number(event.timerStartedEventAttributes?.startToFireTimeout?.seconds ?? 0);
        push(event, { event: 'WAITING', detail: `up to ${Math.round(seconds / 60)} min for a decision` });
        break;
      }
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED: {
        const request = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
        const name = request?.input?.name ?? 'update';
        const input = firstArgument(request?.input?.args);
        updates.set(String(event.eventId), { name, input });
        const actor = input.actorId ? who(input.actorId) : undefined;
        const detail = input.decision ? `${input.decision}${input.reason ? `: ${input.reason}` : ''}${input.items ? ` (${input.items.map((item) => item.field).join(', ')})` : ''}` : input.reason;
        push(event, { event: name === 'decideTask' ? 'DECISION' : name === 'submitCorrection' ? 'CORRECTION_SUBMITTED' : name === 'cancelCase' ? 'CANCEL_REQUESTED' : name === 'reopenStep' ? 'STEP_REOPENED' : name, department: departmentOf(input), actor, detail });
        break;
      }
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED: {
        const outcome = event.workflowExecutionUpdateCompletedEventAttributes?.outcome;
        if (outcome?.failure) push(event, { event: 'DECISION_REFUSED', detail: outcome.failure.message ?? undefined });
        break;
      }
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED:
        push(event, { event: 'CASE_CLOSED', detail: JSON.stringify(firstArgument(event.workflowExecutionCompletedEventAttributes?.result)) });
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED:
        push(event, { event: 'CASE_WORKFLOW_FAILED', detail: event.workflowExecutionFailedEventAttributes?.failure?.message ?? undefined });
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED:
        push(event, { event: 'CASE_WORKFLOW_TERMINATED', detail: event.workflowExecutionTerminatedEventAttributes?.reason ?? undefined });
        break;
      default:
        break;
    }
  }
  return timeline;
}

/** activityId → department, for the activities of a history (to act on a failing department's step). */
export function activityDepartments(events: readonly HistoryEvent[]): Map<string, Department | undefined> {
  const map = new Map<string, Department | undefined>();
  for (const event of events) {
    const attributes = event.activityTaskScheduledEventAttributes;
    if (event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED && attributes?.activityId) {
      map.set(attributes.activityId, departmentOf(firstArgument(attributes.input)));
    }
  }
  return map;
}
