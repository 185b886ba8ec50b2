// What a logged SQL statement of an AUTO case does, in words, so that our worker's statements and the Flowable
// peer's (bench/peer-flowable's CaseStatements.java, the same statements in JDBC's spelling: `?` and casts) can be
// counted side by side (bench/count-statements.ts --peer). Read from the statement's text with its whitespace folded.

export const STATEMENT_KINDS = [
  { kind: 'open the task, reading the case and the outage (one CTE)', test: /^WITH opened AS \( ?INSERT INTO tasks\b.*department_outages/ },
  { kind: 'open the task (one CTE)', test: /^WITH opened AS \( ?INSERT INTO tasks\b/ },
  { kind: 'read a task (a retry only)', test: /^SELECT id, case_id, department, step_id, round, status, outputs FROM tasks WHERE id =/ },
  { kind: 'notice to the applicant (outbox)', test: /^INSERT INTO notifications\b/ },
  { kind: 'next enterprise number', test: /nextval\('enterprise_sequence'\)/ },
  { kind: "licence: name, decision, USCC, event (one CTE)", test: /^WITH named AS \( ?INSERT INTO registered_names\b/ },
  { kind: 'decision with its event (one CTE)', test: /^WITH decided AS \( ?UPDATE tasks\b/ },
  { kind: 'outcome: the case and the outputs (one read)', test: /\boutputs_by_step\b/ },
  { kind: "outcome: lock the case, read the register's binding", test: /^SELECT c\.status, c\.applicant_id, .* FOR UPDATE OF c$/ },
  { kind: 'outcome: the enterprise and its history row (one CTE)', test: /^WITH opened AS \( ?INSERT INTO enterprises\b/ },
  { kind: "outcome: written, the step failures cleared, the two timeline events (one CTE)", test: /^WITH cleared AS \( ?DELETE FROM step_failures\b/ },
  { kind: "outcome: the timeline's events", test: /^INSERT INTO case_events\b/ },
  { kind: 'submission: the case row', test: /^INSERT INTO cases\b/ },
] as const;

/** BEGIN/COMMIT: ours opens the outcome's transaction itself; the peer's steps run in the job's, which Flowable opens. */
export const TRANSACTION = 'transaction (BEGIN / COMMIT)';
const TRANSACTION_TEST = /^(BEGIN|START TRANSACTION|COMMIT|ROLLBACK)\b/i;

/** Flowable's own tables (ACT_RU_*, ACT_HI_*, ACT_GE_*, …). */
const FLOWABLE_TEST = /\bACT_[A-Z]+_/i;

export type StatementOwner = 'case' | 'transaction' | 'flowable' | 'other';

/** The statement's kind (one of STATEMENT_KINDS, TRANSACTION, `flowable`, or `other: <its start>`) and whose it is. */
export function statementKind(text: string): { kind: string; owner: StatementOwner } {
  const folded = text.replace(/\s+/g, ' ').trim();
  if (TRANSACTION_TEST.test(folded)) return { kind: TRANSACTION, owner: 'transaction' };
  if (FLOWABLE_TEST.test(folded)) return { kind: 'flowable', owner: 'flowable' };
  const known = STATEMENT_KINDS.find(({ test }) => test.test(folded));
  return known ? { kind: known.kind, owner: 'case' } : { kind: `other: ${folded.slice(0, 80)}`, owner: 'other' };
}
