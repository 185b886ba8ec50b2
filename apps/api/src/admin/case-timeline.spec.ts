import type { CaseEventRow } from './case-events.repository';
import { caseTimeline, storedTimeline } from './case-timeline';
import type { TimelineEntry } from './workflow-timeline';

const row = (at: string, event: string, more: Partial<CaseEventRow> = {}): CaseEventRow => ({ at: new Date(at), event, step_id: null, department: null, round: null, details: {}, username: null, ...more });
const entry = (at: string, event: string, source: TimelineEntry['source'] = 'WORKFLOW'): TimelineEntry => ({ at, source, event });
const names = (code: string) => (code === 'FOOD' ? { stepId: 'FOOD', stepName: { zh: '食品经营许可', en: 'Food business permit' }, department: 'SAMR-FOOD' } : undefined);

describe('storedTimeline: case_events in the timeline’s words', () => {
  it('names the step from the definition, and keeps round, limit, decision, fields, actor, status and reason', () => {
    const rows = [
      row('2026-12-01T01:00:00.000Z', 'STEP_OPENED', { step_id: 'FOOD', department: 'SAMR-FOOD', round: 2, details: { mode: 'MANUAL', dueAt: '2026-12-03T01:00:00.000Z' } }),
      row('2026-12-01T02:00:00.000Z', 'DECISION', { step_id: 'FOOD', department: 'SAMR-FOOD', round: 2, username: 'clerk-food', details: { decision: 'RETURN', fields: ['restaurant.kitchenArea'] } }),
      row('2026-12-01T02:00:01.000Z', 'CORRECTION_NOTICE_SENT', { round: 1, details: { fields: [{ path: 'restaurant.kitchenArea', stepId: 'FOOD', department: 'SAMR-FOOD' }] } }),
      row('2026-12-01T03:00:00.000Z', 'CASE_CLOSED', { details: { caseStatus: 'REJECTED', reason: 'no kitchen' } }),
      row('2026-12-01T03:00:00.000Z', 'STEP_OPENED', { step_id: 'GONE', department: 'XYZ', round: 1 }),
    ];
    expect(storedTimeline(rows, names)).toEqual([
      { at: '2026-12-01T01:00:00.000Z', source: 'WORKFLOW', event: 'STEP_OPENED', stepId: 'FOOD', stepName: { zh: '食品经营许可', en: 'Food business permit' }, department: 'SAMR-FOOD', round: 2, dueAt: '2026-12-03T01:00:00.000Z' },
      { at: '2026-12-01T02:00:00.000Z', source: 'WORKFLOW', event: 'DECISION', stepId: 'FOOD', stepName: { zh: '食品经营许可', en: 'Food business permit' }, department: 'SAMR-FOOD', actor: 'clerk-food', decision: 'RETURN', fields: [{ path: 'restaurant.kitchenArea' }] },
      { at: '2026-12-01T02:00:01.000Z', source: 'WORKFLOW', event: 'CORRECTION_NOTICE_SENT', fields: [{ path: 'restaurant.kitchenArea' }] },
      { at: '2026-12-01T03:00:00.000Z', source: 'WORKFLOW', event: 'CASE_CLOSED', caseStatus: 'REJECTED', detail: 'no kitchen' },
      // A code the definition does not know keeps its code.
      { at: '2026-12-01T03:00:00.000Z', source: 'WORKFLOW', event: 'STEP_OPENED', department: 'GONE', round: 1 },
    ]);
  });
});

describe('caseTimeline: the stored story, the audit log and what only the live history adds', () => {
  const audit = [entry('2026-12-01T01:30:00.000Z', 'VIEW_PERSONAL_DATA', 'AUDIT'), entry('2026-12-01T02:00:00.000Z', 'REASSIGN', 'AUDIT')];
  const stored = [entry('2026-12-01T00:59:00.000Z', 'CASE_STARTED'), entry('2026-12-01T01:00:00.000Z', 'STEP_OPENED'), entry('2026-12-01T02:00:00.000Z', 'DECISION')];
  const history = [
    entry('2026-12-01T00:59:01.000Z', 'CASE_STARTED'),
    entry('2026-12-01T01:00:00.000Z', 'STEP_OPENED'),
    entry('2026-12-01T01:00:01.000Z', 'WAITING'),
    entry('2026-12-01T01:10:00.000Z', 'STEP_FAILED'),
    entry('2026-12-01T02:00:00.000Z', 'DECISION'),
    entry('2026-12-01T02:05:00.000Z', 'CASE_CLOSED'),
  ];
  const events = (entries: TimelineEntry[]) => entries.map((item) => `${item.source[0]} ${item.event}`);

  it('takes the story from PostgreSQL and only the waits and failures from the history (no entry twice)', () => {
    expect(events(caseTimeline({ audit, stored, history }))).toEqual(['W CASE_STARTED', 'W STEP_OPENED', 'W WAITING', 'W STEP_FAILED', 'A VIEW_PERSONAL_DATA', 'A REASSIGN', 'W DECISION']);
  });

  it('shows the same story once Temporal has forgotten the workflow', () => {
    expect(events(caseTimeline({ audit, stored, history: [] }))).toEqual(['W CASE_STARTED', 'W STEP_OPENED', 'A VIEW_PERSONAL_DATA', 'A REASSIGN', 'W DECISION']);
  });

  it('shows a case that started before case_events from its history while there is one, and what was stored after', () => {
    const late = stored.slice(2);
    expect(events(caseTimeline({ audit, stored: late, history }))).toEqual(['W CASE_STARTED', 'W STEP_OPENED', 'W WAITING', 'W STEP_FAILED', 'A VIEW_PERSONAL_DATA', 'A REASSIGN', 'W DECISION', 'W CASE_CLOSED']);
    expect(events(caseTimeline({ audit, stored: late, history: [] }))).toEqual(['A VIEW_PERSONAL_DATA', 'A REASSIGN', 'W DECISION']);
  });
});
