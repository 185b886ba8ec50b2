import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { workflowTimeline } from './workflow-timeline';

const EventType = temporal.api.enums.v1.EventType;
const payloads = (value: unknown) => ({ payloads: [defaultPayloadConverter.toPayload(value)!] });

describe('workflowTimeline: the outcome', () => {
  it('shows the outcome delivered whether processWorkflow wrote it as a regular activity (older cases) or as a local activity', () => {
    const regular = { eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, activityTaskScheduledEventAttributes: { activityType: { name: 'completeProcess' }, input: payloads({ caseId: 'c', skipped: [] }) } };
    const local = { eventType: EventType.EVENT_TYPE_MARKER_RECORDED, markerRecordedEventAttributes: { markerName: 'core_local_activity', details: { data: payloads({ activity_type: 'completeProcess', seq: 1 }) } } };
    const decision = { eventType: EventType.EVENT_TYPE_MARKER_RECORDED, markerRecordedEventAttributes: { markerName: 'core_local_activity', details: { data: payloads({ activity_type: 'recordDecision', seq: 2 }) } } };
    const patch = { eventType: EventType.EVENT_TYPE_MARKER_RECORDED, markerRecordedEventAttributes: { markerName: 'core_patch', details: {} } };
    expect(workflowTimeline([regular, local, decision, patch], () => undefined).map((entry) => entry.event)).toEqual(['OUTCOME_DELIVERED', 'OUTCOME_DELIVERED']);
  });
});

describe('workflowTimeline: an AUTO step', () => {
  it('shows the step decided automatically, with its step and round, whether it ran as a regular activity (older cases) or as a local one', () => {
    const input = { caseId: 'c', taskId: 'c.TAX.1', department: 'TAX', stepId: 'TAX', round: 1, dueAt: '2026-12-02T10:00:00.000Z' };
    const regular = { eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, activityTaskScheduledEventAttributes: { activityType: { name: 'runAutomaticStep' }, input: payloads(input) } };
    const local = {
      eventType: EventType.EVENT_TYPE_MARKER_RECORDED,
      markerRecordedEventAttributes: {
        markerName: 'core_local_activity',
        details: { data: payloads({ activity_type: 'runAutomaticStep', seq: 1 }), result: payloads({ taskId: 'c.PSB.2', department: 'PSB', stepId: 'PSB', status: 'DONE' }) },
      },
    };
    // A failed local attempt: the regular activity the step goes on as is its entry.
    const failed = { eventType: EventType.EVENT_TYPE_MARKER_RECORDED, markerRecordedEventAttributes: { markerName: 'core_local_activity', details: { data: payloads({ activity_type: 'runAutomaticStep', seq: 2 }) }, failure: { message: 'TAX system unavailable' } } };
    const entries = workflowTimeline([regular, local, failed], () => undefined).map(({ event, department, round }) => ({ event, department, round }));
    expect(entries).toEqual([
      { event: 'STEP_DECIDED_AUTOMATICALLY', department: 'TAX', round: 1 },
      { event: 'STEP_DECIDED_AUTOMATICALLY', department: 'PSB', round: 2 },
    ]);
  });
});
