import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { LocalizedName } from '@onetrip/domain';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
type Payloads = temporal.api.common.v1.IPayloads | null | undefined;
const EventType = temporal.api.enums.v1.EventType;

export interface TimelineEntry {
  at: string;
  source: 'WORKFLOW' | 'AUDIT';
  event: string;
  /** The department's code (any the case's definition declares). */
  department?: string;
  /** The step of the case's definition it concerns, with its names and its department's (from the definition). */
  stepId?: string;
  stepName?: LocalizedName;
  departmentName?: LocalizedName;
  /** The user who acted (a username), when known. */
  actor?: string;
  /** Which opening of the step (STEP_OPENED). */
  round?: number;
  /** The step's time limit (STEP_OPENED), or until when the workflow waits (WAITING). */
  dueAt?: string;
  waitUntil?: string;
  /** A clerk's decision (DECISION): COMPLETE, RETURN or REJECT, and the fields sent back. */
  decision?: string;
  fields?: { path: string; label?: LocalizedName }[];
  /** How the case ended (CASE_CLOSED). */
  caseStatus?: string;
  /** Free text in the actor's words (a reason), or a failure's message. */
  detail?: string;
}

/** Names a step of the case's definition: its department and the names of both. */
export type StepNamer = (stepOrDepartment: string) => { stepId?: string; stepName?: LocalizedName; department?: string; departmentName?: LocalizedName } | undefined;

interface StepInput {
  department?: string;
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
const departmentOf = (input: StepInput): string | undefined => input.stepId ?? input.department ?? input.taskId?.split('.')[1];

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
export function workflowTimeline(events: readonly HistoryEvent[], who: (userId: string) => string | undefined, name: StepNamer = () => undefined): TimelineEntry[] {
  const scheduled = new Map<string, { activity: string; input: StepInput }>();
  const updates = new Map<string, { name: string; input: StepInput }>();
  const timeline: TimelineEntry[] = [];
  const push = (event: HistoryEvent, entry: Omit<TimelineEntry, 'at' | 'source'>) => {
    // The step by its definition's names; an unknown one keeps its code as the department.
    const { department, ...rest } = entry;
    const named = department ? (name(department) ?? { department }) : {};
    timeline.push({ at: toDate(event.eventTime), source: 'WORKFLOW', ...rest, ...named });
  };

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
          push(event, { event: ACTIVITY_EVENTS[activity], department, ...(input.round ? { round: input.round } : {}), ...(input.dueAt ? { dueAt: input.dueAt } : {}) });
        } else if (activity !== 'recordDecision' && activity !== 'applyCorrection') {
          push(event, { event: ACTIVITY_EVENTS[activity] ?? activity, department });
        }
        break;
      }
      case EventType.EVENT_TYPE_MARKER_RECORDED: {
        // processWorkflow writes the outcome and runs AUTO steps as local activities: their markers are the entries (a decision's is the Update's).
        const attributes = event.markerRecordedEventAttributes;
        if (attributes?.markerName !== 'core_local_activity') break;
        const { activity_type: activity } = firstArgument(attributes.details?.data) as { activity_type?: string };
        if (activity === 'completeProcess') push(event, { event: ACTIVITY_EVENTS[activity] });
        // A marker keeps the step's result, not its input: the step and round come from the task id `<case>.<step>.<round>`.
        // A failed local attempt has no entry: the regular activity the step goes on as has its own, and its failures.
        if (activity === 'runAutomaticStep' && !attributes.failure) {
          const result = firstArgument(attributes.details?.result);
          const round = Number(result.taskId?.split('.')[2]);
          push(event, { event: ACTIVITY_EVENTS[activity], department: departmentOf(result), ...(round ? { round } : {}) });
        }
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
        // Until when, not for how long: the timer counts clock time to a limit set in working time.
        const seconds = Number(event.timerStartedEventAttributes?.startToFireTimeout?.seconds ?? 0);
        push(event, { event: 'WAITING', waitUntil: new Date(Date.parse(toDate(event.eventTime)) + seconds * 1000).toISOString() });
        break;
      }
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED: {
        const request = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
        const updateName = request?.input?.name ?? 'update';
        const input = firstArgument(request?.input?.args);
        updates.set(String(event.eventId), { name: updateName, input });
        const actor = input.actorId ? who(input.actorId) : undefined;
        push(event, {
          event: updateName === 'decideTask' ? 'DECISION' : updateName === 'submitCorrection' ? 'CORRECTION_SUBMITTED' : updateName === 'cancelCase' ? 'CANCEL_REQUESTED' : updateName === 'reopenStep' ? 'STEP_REOPENED' : updateName,
          department: departmentOf(input),
          actor,
          ...(input.decision ? { decision: input.decision } : {}),
          ...(input.items ? { fields: input.items.map((item) => ({ path: item.field })) } : {}),
          ...(input.reason ? { detail: input.reason } : {}),
        });
        break;
      }
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED: {
        const outcome = event.workflowExecutionUpdateCompletedEventAttributes?.outcome;
        if (outcome?.failure) push(event, { event: 'DECISION_REFUSED', detail: outcome.failure.message ?? undefined });
        break;
      }
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED:
        const result = firstArgument(event.workflowExecutionCompletedEventAttributes?.result) as { status?: unknown; reason?: unknown };
        push(event, { event: 'CASE_CLOSED', ...(typeof result.status === 'string' ? { caseStatus: result.status } : {}), ...(typeof result.reason === 'string' ? { detail: result.reason } : {}) });
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
export function activityDepartments(events: readonly HistoryEvent[]): Map<string, string | undefined> {
  const map = new Map<string, string | undefined>();
  for (const event of events) {
    const attributes = event.activityTaskScheduledEventAttributes;
    if (event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED && attributes?.activityId) {
      map.set(attributes.activityId, departmentOf(firstArgument(attributes.input)));
    }
  }
  return map;
}
