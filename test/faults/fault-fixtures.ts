import type { Client as PgClient } from 'pg';

/**
 * Rows written more than once for `caseIds`, counted from PostgreSQL by kind. Every write of a case is
 * meant to be idempotent, so after any fault each figure must be 0.
 */
async function countDuplicateWrites(db: PgClient, caseIds: string[]): Promise<Record<string, number>> {
  const count = async (sql: string): Promise<number> => ((await db.query(sql, [caseIds])).rows[0] as { n: number }).n;
  return {
    // One notice per case and kind (correction notices: one per round).
    notifications: await count(
      `SELECT coalesce(sum(n - 1), 0)::int AS n FROM (SELECT count(*) AS n FROM notifications WHERE case_id = ANY($1) GROUP BY case_id, kind, payload ->> 'round') g`,
    ),
    // One task per opening of a step.
    tasks: await count(`SELECT coalesce(sum(n - 1), 0)::int AS n FROM (SELECT count(*) AS n FROM tasks WHERE case_id = ANY($1) GROUP BY case_id, department, round) g`),
    // One registered name per case.
    registeredNames: await count(`SELECT coalesce(sum(n - 1), 0)::int AS n FROM (SELECT count(*) AS n FROM registered_names WHERE case_id = ANY($1) GROUP BY case_id) g`),
    // A USCC (统一社会信用代码) is never given to two cases.
    usccs: await count(
      `SELECT coalesce(sum(n - 1), 0)::int AS n FROM (SELECT count(*) AS n FROM cases WHERE uscc IN (SELECT uscc FROM cases WHERE id = ANY($1)) GROUP BY uscc) g`,
    ),
    // One audit row per act (reads of personal data may repeat, by design).
    auditRows: await count(
      `SELECT coalesce(sum(n - 1), 0)::int AS n FROM (
         SELECT count(*) AS n FROM audit_log WHERE case_id = ANY($1) AND action <> 'VIEW_PERSONAL_DATA'
         GROUP BY case_id, action, task_id, actor_id, details ->> 'correctionId', details ->> 'reason') g`,
    ),
  };
}

/** Asserts that nothing was written twice for `caseIds`; returns the total for the scorecard. */
export async function expectNoDuplicateWrites(db: PgClient, caseIds: string[]): Promise<number> {
  const duplicates = await countDuplicateWrites(db, caseIds);
  expect(duplicates).toEqual({ notifications: 0, tasks: 0, registeredNames: 0, usccs: 0, auditRows: 0 });
  return Object.values(duplicates).reduce((sum, n) => sum + n, 0);
}

/** How many of `caseIds` the read model shows in `status`. */
export async function countCasesIn(db: PgClient, caseIds: string[], status: string): Promise<number> {
  const result = await db.query(`SELECT count(*)::int AS n FROM cases WHERE id = ANY($1) AND status = $2`, [caseIds, status]);
  return (result.rows[0] as { n: number }).n;
}
