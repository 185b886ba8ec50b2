// Issued documents change status only here, so every process that ends a document's life (a change of
// the enterprise, a deregistration) does it the same way. `runner` is a DataSource, an EntityManager
// inside the caller's transaction, or a pg client: anything with `query(sql, params)`.

export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface DocumentStatusChange {
  /** Why, in words the verify page may show (no personal data): e.g. '企业名称变更 Change of name'. */
  reason: string;
  /** The code of the document that replaces it, when there is one (shown on the verify page). */
  supersededBy?: string;
  at?: Date;
}

const OUTCOME = 'OUTCOME';

function rowsOf(result: unknown): { code: string }[] {
  // TypeORM answers [rows, count] for UPDATE … RETURNING; pg answers { rows }.
  if (Array.isArray(result)) return (Array.isArray(result[0]) ? result[0] : result) as { code: string }[];
  return ((result as { rows?: { code: string }[] }).rows ?? []) as { code: string }[];
}

/**
 * Marks the VALID documents of a case SUPERSEDED (by default its completion notice; `kinds` widens it):
 * a later document replaces them, e.g. the completion notice of a change case. Safe to repeat; a
 * REVOKED document stays revoked. Answers the codes it changed.
 */
export async function supersedeCaseDocuments(runner: SqlRunner, caseId: string, change: DocumentStatusChange, kinds: string[] = [OUTCOME]): Promise<string[]> {
  const result = await runner.query(
    `UPDATE issued_documents SET status = 'SUPERSEDED', status_reason = $3, superseded_by = $4, status_changed_at = $5
     WHERE case_id = $1 AND kind = ANY($2) AND status = 'VALID' AND code IS DISTINCT FROM $4 RETURNING code`,
    [caseId, kinds, change.reason, change.supersededBy ?? null, change.at ?? new Date()],
  );
  return rowsOf(result).map((row) => row.code);
}

/**
 * Marks the VALID completion notices naming the enterprise with this USCC SUPERSEDED, all but
 * `change.supersededBy` (the new one): for a change case, which keeps the USCC, once its own notice is
 * issued; the register of enterprises need not know which case opened it. Safe to repeat.
 */
export async function supersedeEnterpriseDocuments(runner: SqlRunner, uscc: string, change: DocumentStatusChange): Promise<string[]> {
  const result = await runner.query(
    `UPDATE issued_documents SET status = 'SUPERSEDED', status_reason = $2, superseded_by = $3, status_changed_at = $4
     WHERE enterprise_uscc = $1 AND kind = 'OUTCOME' AND status = 'VALID' AND code IS DISTINCT FROM $3 RETURNING code`,
    [uscc, change.reason, change.supersededBy ?? null, change.at ?? new Date()],
  );
  return rowsOf(result).map((row) => row.code);
}

/**
 * Marks every document not yet revoked of the enterprise with this USCC (across its cases) REVOKED,
 * e.g. when it is deregistered. Safe to repeat. Answers the codes it changed.
 */
export async function revokeEnterpriseDocuments(runner: SqlRunner, uscc: string, change: DocumentStatusChange): Promise<string[]> {
  const result = await runner.query(
    `UPDATE issued_documents SET status = 'REVOKED', status_reason = $2, status_changed_at = $3
     WHERE enterprise_uscc = $1 AND status <> 'REVOKED' RETURNING code`,
    [uscc, change.reason, change.at ?? new Date()],
  );
  return rowsOf(result).map((row) => row.code);
}

/** The same for one case's documents (whatever the enterprise). */
export async function revokeCaseDocuments(runner: SqlRunner, caseId: string, change: DocumentStatusChange): Promise<string[]> {
  const result = await runner.query(
    `UPDATE issued_documents SET status = 'REVOKED', status_reason = $2, status_changed_at = $3
     WHERE case_id = $1 AND status <> 'REVOKED' RETURNING code`,
    [caseId, change.reason, change.at ?? new Date()],
  );
  return rowsOf(result).map((row) => row.code);
}
