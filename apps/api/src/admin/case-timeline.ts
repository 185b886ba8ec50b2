import type { CaseEventRow } from './case-events.repository';
import type { StepNamer, TimelineEntry } from './workflow-timeline';

// What only the live workflow history shows (Temporal forgets it with the history): the waits, failed attempts,
// refused Updates and a workflow that failed or was terminated. The case's story itself is in case_events.
export const LIVE_ONLY_EVENTS: ReadonlySet<string> = new Set(['WAITING', 'STEP_FAILED', 'DECISION_REFUSED', 'CASE_WORKFLOW_FAILED', 'CASE_WORKFLOW_TERMINATED']);

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A field path as stored: a decision's and a correction's are strings, a correction notice's name their step. */
const fieldPath = (field: unknown): string | undefined => text(field) ?? text((field as { path?: unknown } | null)?.path);

/** The stored events in the timeline's words, each step named from the case's definition. */
export function storedTimeline(rows: readonly CaseEventRow[], name: StepNamer): TimelineEntry[] {
  return rows.map((row) => {
    const code = row.step_id ?? row.department ?? undefined;
    const details = row.details ?? {};
    const fields = Array.isArray(details.fields) ? details.fields.flatMap((field) => fieldPath(field) ?? []) : undefined;
    const decision = text(details.decision);
    const dueAt = text(details.dueAt);
    const caseStatus = text(details.caseStatus);
    const reason = text(details.reason);
    return {
      at: row.at.toISOString(),
      source: 'WORKFLOW' as const,
      event: row.event,
      ...(code ? (name(code) ?? { department: code }) : {}),
      ...(row.username ? { actor: row.username } : {}),
      ...(row.event === 'STEP_OPENED' && row.round ? { round: row.round } : {}),
      ...(dueAt ? { dueAt } : {}),
      ...(decision ? { decision } : {}),
      ...(fields ? { fields: fields.map((path) => ({ path })) } : {}),
      ...(caseStatus ? { caseStatus } : {}),
      ...(reason ? { detail: reason } : {}),
    };
  });
}

/**
 * One timeline, oldest first: the audit log, the case's stored story, and what only the live history adds.
 * A case whose story was not recorded from its start (started before case_events) shows its workflow history
 * while Temporal keeps it, and what was stored once it is gone.
 */
export function caseTimeline(parts: { audit: readonly TimelineEntry[]; stored: readonly TimelineEntry[]; history: readonly TimelineEntry[] }): TimelineEntry[] {
  const recordedFromStart = parts.stored.some((entry) => entry.event === 'CASE_STARTED');
  const workflow = recordedFromStart ? [...parts.stored, ...parts.history.filter((entry) => LIVE_ONLY_EVENTS.has(entry.event))] : parts.history.length > 0 ? parts.history : parts.stored;
  // Stable: at the same instant the audit entry comes first, then the workflow's in their order.
  return [...parts.audit, ...workflow].sort((a, b) => a.at.localeCompare(b.at));
}
