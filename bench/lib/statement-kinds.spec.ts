import { statementKind, TRANSACTION } from './statement-kinds';

// Each pair: a statement as PostgreSQL logs our worker's (node-pg: $n, several lines) and the peer's (JDBC: `?`, casts).
const PAIRS: [string, string, string][] = [
  [
    'open the task, reading the case and the outage (one CTE)',
    `WITH opened AS (\n    INSERT INTO tasks (id, case_id, department, step_id, round, mode, status, opened_at, due_at)\n    VALUES ($1, $2, $3, $8, $4, $5, 'OPEN', $6, $7) ON CONFLICT (id) DO NOTHING RETURNING id\n  ), started AS (\n  …\n  WHERE id = $2 RETURNING (SELECT count(*) FROM opened)::int AS opened, id, applicant_id, (SELECT message FROM department_outages WHERE department = $3 AND scope IN ('*', $2::text) LIMIT 1) AS outage`,
    `WITH opened AS ( INSERT INTO tasks (id, case_id, department, step_id, round, mode, status, opened_at, due_at) VALUES ($1, $2::uuid, $3, $8, $4::int, $5, 'OPEN', $6::timestamptz, $7::timestamptz) ON CONFLICT (id) DO NOTHING RETURNING id ), started AS ( … RETURNING (SELECT count(*) FROM opened)::int AS opened, id, (SELECT message FROM department_outages WHERE department = $3 AND scope IN ('*', $2::text) LIMIT 1) AS outage`,
  ],
  [
    'licence: name, decision, USCC, event (one CTE)',
    `WITH named AS (\n           INSERT INTO registered_names (name, folded_name, case_id, registered_at)\n           SELECT $9, $10, $8, $4 WHERE …`,
    `WITH named AS ( INSERT INTO registered_names (name, folded_name, case_id, registered_at) SELECT $1, $2, $3::uuid, $4::timestamptz WHERE …`,
  ],
  [
    'decision with its event (one CTE)',
    `WITH decided AS (UPDATE tasks SET status = $2, decided_by_id = $3, …), logged AS (INSERT INTO case_events …)\n         UPDATE cases SET last_progress_at = GREATEST(last_progress_at, $4)`,
    `WITH decided AS (UPDATE tasks SET status = $1, decided_by_id = $2::uuid, …), logged AS (INSERT INTO case_events …) UPDATE cases SET last_progress_at = GREATEST(last_progress_at, $3::timestamptz)`,
  ],
  [
    'outcome: the case and the outputs (one read)',
    `SELECT id, applicant_id, status, form, policy, uscc, correction_round, process_key, process_version,\n (SELECT COALESCE(jsonb_object_agg(step_id, COALESCE(outputs, '{}'::jsonb)), '{}'::jsonb) FROM (…) latest) AS outputs_by_step\n FROM cases WHERE id = $1`,
    `SELECT id, applicant_id, status, form, policy, uscc, correction_round, process_key, process_version, (SELECT COALESCE(jsonb_object_agg(step_id, …) latest) AS outputs_by_step FROM cases WHERE id = $1::uuid`,
  ],
  [
    "outcome: lock the case, read the register's binding",
    `SELECT c.status, c.applicant_id, c.form, c.process_key, d.body -> 'enterprise' AS binding\n         FROM cases c LEFT JOIN process_definitions d ON d.key = c.process_key AND d.version = c.process_version\n         WHERE c.id = $1 FOR UPDATE OF c`,
    `SELECT c.status, c.applicant_id, c.form, c.process_key, d.body -> 'enterprise' AS binding FROM cases c LEFT JOIN process_definitions d ON d.key = c.process_key AND d.version = c.process_version WHERE c.id = $1::uuid FOR UPDATE OF c`,
  ],
  [
    'outcome: the enterprise and its history row (one CTE)',
    `WITH opened AS (\n       INSERT INTO enterprises (id, uscc, name, …) VALUES ($1, $2, …) ON CONFLICT DO NOTHING RETURNING id\n       )\n       INSERT INTO enterprise_cases …`,
    `WITH opened AS ( INSERT INTO enterprises (id, uscc, name, …) VALUES ($1::uuid, $2, …) ON CONFLICT DO NOTHING RETURNING id ) INSERT INTO enterprise_cases …`,
  ],
  ['outcome: written, the step failures cleared, the two timeline events (one CTE)', `WITH cleared AS (DELETE FROM step_failures WHERE case_id = $1)\n UPDATE cases …`, `WITH cleared AS (DELETE FROM step_failures WHERE case_id = $1::uuid) UPDATE cases …`],
  ["outcome: the timeline's events", `INSERT INTO case_events (case_id, key, …) VALUES ($1, $3, $2, 'OUTCOME_DELIVERED', …)`, `INSERT INTO case_events (case_id, key, …) VALUES ($1::uuid, $2, …)`],
  ['notice to the applicant (outbox)', `INSERT INTO notifications (dedupe_key, case_id, recipient_id, kind, payload) VALUES ($1, $2, $3, $4, $5)`, `INSERT INTO notifications (dedupe_key, case_id, recipient_id, kind, payload) VALUES ($1, $2::uuid, $3::uuid, $4, $5::jsonb) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`],
  ['next enterprise number', `SELECT nextval('enterprise_sequence')::int AS value`, `SELECT nextval('enterprise_sequence')::int AS value`],
];

describe('statementKind', () => {
  it.each(PAIRS)('names ours and the peer’s spelling of “%s” alike', (kind, ours, peer) => {
    expect(statementKind(ours)).toEqual({ kind, owner: 'case' });
    expect(statementKind(peer)).toEqual({ kind, owner: 'case' });
  });

  it('tells the task opening that reads nothing from the one that reads the case and the outage', () => {
    expect(statementKind(`WITH opened AS (INSERT INTO tasks (id) VALUES ($1) ON CONFLICT (id) DO NOTHING RETURNING id) UPDATE cases SET updated_at = now() WHERE id = $2 RETURNING (SELECT count(*) FROM opened)::int AS opened`).kind).toBe('open the task (one CTE)');
  });

  it('puts BEGIN/COMMIT and Flowable’s own tables apart, and names anything else by its start', () => {
    expect(statementKind('START TRANSACTION')).toEqual({ kind: TRANSACTION, owner: 'transaction' });
    expect(statementKind('BEGIN')).toEqual({ kind: TRANSACTION, owner: 'transaction' });
    expect(statementKind('COMMIT')).toEqual({ kind: TRANSACTION, owner: 'transaction' });
    expect(statementKind('select RES.* from ACT_RU_JOB RES where RES.LOCK_EXP_TIME_ is null')).toEqual({ kind: 'flowable', owner: 'flowable' });
    expect(statementKind('update ACT_RU_EXECUTION set REV_ = $1')).toEqual({ kind: 'flowable', owner: 'flowable' });
    expect(statementKind('SELECT status FROM cases WHERE id = $1')).toEqual({ kind: 'other: SELECT status FROM cases WHERE id = $1', owner: 'other' });
  });
});
