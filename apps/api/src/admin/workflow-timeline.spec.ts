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
