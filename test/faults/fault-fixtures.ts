import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Client as PgClient } from 'pg';
import { ROOT } from '../../scripts/stack/app-process';

/**
 * Rows written more than once for `caseIds`, counted from PostgreSQL by kind. Every write of a case is
 * meant to be idempotent, so after any fault each figure must be 0. Only kinds the schema would let be
 * written twice are counted here; tasks and USCCs cannot be (see `uniqueKeyViolations`).
 */
async function countDuplicateWrites(db: PgClient, caseIds: string[]): Promise<Record<string, number>> {
  const count = async (sql: string): Promise<number> => ((await db.query(sql, [caseIds])).rows[0] as { n: number }).n;
  return {
    // One notice per case and kind (correction notices: one per round).
    notifications: await count(
      `SELECT coalesce(sum(n - 1), 0)::int AS n FROM (SELECT count(*) AS n FROM notifications WHERE case_id = ANY($1) GROUP BY case_id, kind, payload ->> 'round') g`,
    ),
    // One registered name per case (the table's key is the name, so a case could hold two).
    registeredNames: await count(`SELECT coalesce(sum(n - 1), 0)::int AS n FROM (SELECT count(*) AS n FROM registered_names WHERE case_id = ANY($1) GROUP BY case_id) g`),
    // One audit row per act (reads of personal data may repeat, by design).
    auditRows: await count(
      `SELECT coalesce(sum(n - 1), 0)::int AS n FROM (
         SELECT count(*) AS n FROM audit_log WHERE case_id = ANY($1) AND action <> 'VIEW_PERSONAL_DATA'
         GROUP BY case_id, action, task_id, actor_id, details ->> 'correctionId', details ->> 'reason') g`,
    ),
  };
}

const LOG_DIR = path.join(ROOT, 'test-results/logs');

/**
 * A second task for the same step, or a USCC given twice, cannot be stored: a task's primary key is
 * `<case>.<department>.<round>` and `cases.uscc` is UNIQUE, so counting such rows would give 0 by
 * construction. What can be counted is the attempts: PostgreSQL logs each statement those keys refused
 * (`DETAIL: Key (id)=(…) already exists.`), in the run's server logs (test-results/logs/postgres*.log).
 * The keys themselves are checked to be in place, so that 0 rows stays a guarantee.
 */
async function uniqueKeyViolations(db: PgClient, caseIds: string[]): Promise<{ tasks: number; usccs: number }> {
  const keys = await db.query(
    `SELECT conrelid::regclass::text AS "table", pg_get_constraintdef(oid) AS definition FROM pg_constraint
     WHERE contype IN ('p', 'u') AND conrelid::regclass::text IN ('tasks', 'cases') ORDER BY 1, 2`,
  );
  expect(keys.rows).toEqual(
    expect.arrayContaining([
      { table: 'tasks', definition: 'PRIMARY KEY (id)' },
      { table: 'cases', definition: 'UNIQUE (uscc)' },
    ]),
  );
  const usccs = new Set(((await db.query(`SELECT uscc FROM cases WHERE id = ANY($1) AND uscc IS NOT NULL`, [caseIds])).rows as { uscc: string }[]).map((row) => row.uscc));
  const cases = new Set(caseIds);
  const refused = { tasks: 0, usccs: 0 };
  const logs = fs.existsSync(LOG_DIR) ? fs.readdirSync(LOG_DIR).filter((file) => /^postgres.*\.log$/.test(file)) : [];
  for (const file of logs) {
    for (const match of fs.readFileSync(path.join(LOG_DIR, file), 'utf8').matchAll(/Key \((id|uscc)\)=\(([^)]*)\) already exists/g)) {
      if (match[1] === 'id' && match[2].includes('.') && cases.has(match[2].split('.')[0])) refused.tasks += 1;
      if (match[1] === 'uscc' && usccs.has(match[2])) refused.usccs += 1;
    }
  }
  return refused;
}

export interface DuplicateWrites {
  /** Notices, registered names and audit rows written more than once. */
  rowsWrittenTwice: number;
  /** Second tasks and second USCCs the unique keys refused, from PostgreSQL's logs. */
  refusedByUniqueKeys: number;
}

/** Asserts that nothing was written twice for `caseIds`, nor tried where a unique key forbids it; the figures for the scorecard. */
export async function expectNoDuplicateWrites(db: PgClient, caseIds: string[]): Promise<DuplicateWrites> {
  const duplicates = await countDuplicateWrites(db, caseIds);
  const refused = await uniqueKeyViolations(db, caseIds);
  expect({ ...duplicates, refusedTasks: refused.tasks, refusedUsccs: refused.usccs }).toEqual({ notifications: 0, registeredNames: 0, auditRows: 0, refusedTasks: 0, refusedUsccs: 0 });
  return { rowsWrittenTwice: Object.values(duplicates).reduce((sum, n) => sum + n, 0), refusedByUniqueKeys: refused.tasks + refused.usccs };
}

/** The scorecard's figures of `expectNoDuplicateWrites`, labelled with what each counts. */
export function duplicateFigures(found: DuplicateWrites): Record<string, number> {
  return {
    'notices, names or audit rows written twice': found.rowsWrittenTwice,
    'second tasks or USCCs refused by unique keys (PostgreSQL log)': found.refusedByUniqueKeys,
  };
}

/** How many of `caseIds` the read model shows in `status`. */
export async function countCasesIn(db: PgClient, caseIds: string[], status: string): Promise<number> {
  const result = await db.query(`SELECT count(*)::int AS n FROM cases WHERE id = ANY($1) AND status = $2`, [caseIds, status]);
  return (result.rows[0] as { n: number }).n;
}
