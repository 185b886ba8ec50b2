import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseStatus } from '@onetrip/domain';
import { caseWorkflowId, type CasePolicy } from '@onetrip/workflows/contracts';

/** A `cases` row as the API reads it; the form as stored (personal data sealed). */
export interface CaseRow {
  id: string;
  applicant_id: string;
  filed_by_id: string;
  process_key: string;
  process_version: number;
  status: CaseStatus;
  form: unknown;
  policy: CasePolicy;
  correction_round: number;
  correction: unknown;
  outcome: unknown;
  fees: unknown;
  flags: unknown;
  end_reason: string | null;
  submitted_at: Date;
  completed_at: Date | null;
}

/** What filing writes; `form` already sealed. */
export interface CaseInsert {
  id: string;
  applicantId: string;
  filedById: string;
  process: { key: string; version: number };
  form: unknown;
  enterpriseName: string | null;
  policy: CasePolicy;
  fees: unknown;
  flags: unknown;
}

/** Who sees which cases in a list. */
export type CaseOwnerFilter = { applicantId: string } | { filedById: string } | 'ALL';

const CASE_COLUMNS = `id, applicant_id, filed_by_id, process_key, process_version, status, form, policy, correction_round, correction, outcome, fees, flags, end_reason, submitted_at, completed_at`;

/** The `cases` table as the API reads and files it (the worker writes progress). */
@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<CaseRow | null> {
    const [row] = (await manager.query(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1`, [id])) as CaseRow[];
    return row ?? null;
  }

  /** Newest first. */
  async page(owner: CaseOwnerFilter, limit: number, offset: number): Promise<{ rows: CaseRow[]; total: number }> {
    const [filter, params] =
      owner === 'ALL' ? ['', []] : 'applicantId' in owner ? ['WHERE applicant_id = $1', [owner.applicantId]] : ['WHERE filed_by_id = $1', [owner.filedById]];
    const n = params.length;
    const [rows, [count]] = await Promise.all([
      this.dataSource.query(`SELECT ${CASE_COLUMNS} FROM cases ${filter} ORDER BY submitted_at DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`, [...params, limit, offset]) as Promise<CaseRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM cases ${filter}`, params) as Promise<{ total: number }[]>,
    ]);
    return { rows, total: count.total };
  }

  /** Username and name of the accounts with these ids (the applicants of cases a window filed). */
  async accountNames(ids: readonly string[]): Promise<Map<string, { username: string; name: string | null }>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.dataSource.query(`SELECT id, username, name FROM users WHERE id = ANY($1::uuid[])`, [ids])) as { id: string; username: string; name: string | null }[];
    return new Map(rows.map((row) => [row.id, { username: row.username, name: row.name }]));
  }

  /**
   * The case as filed: SUBMITTED, pinned to its process version, round 1 of its form. Only while that version is
   * ACTIVE (the check is part of the INSERT, so it costs no round trip): false, and nothing written, when another
   * process activated or retired a version since this one read which is ACTIVE.
   */
  async insert(manager: EntityManager, values: CaseInsert): Promise<boolean> {
    const now = new Date();
    const result = (await manager.query(
      `INSERT INTO cases (id, workflow_id, applicant_id, filed_by_id, process_key, process_version, status, form, form_version, enterprise_name, policy, fees, flags, submitted_at, last_progress_at)
       SELECT $1, $2, $3, $4, $5, $6, 'SUBMITTED', $7, 1, $8, $9, $10, $11, $12, $12
       WHERE EXISTS (SELECT 1 FROM process_definitions WHERE key = $5 AND version = $6 AND status = 'ACTIVE')
       RETURNING id`,
      [
        values.id,
        caseWorkflowId(values.id),
        values.applicantId,
        values.filedById,
        values.process.key,
        values.process.version,
        JSON.stringify(values.form),
        values.enterpriseName,
        JSON.stringify(values.policy),
        JSON.stringify(values.fees),
        JSON.stringify(values.flags),
        now,
      ],
    )) as unknown[];
    return result.length === 1;
  }

  async saveFlags(caseId: string, flags: unknown): Promise<void> {
    await this.dataSource.query(`UPDATE cases SET flags = $2 WHERE id = $1`, [caseId, JSON.stringify(flags)]);
  }

  /** Locks the row for a decision that depends on the case's status (e.g. a complaint on a closed case). */
  async lockStatus(manager: EntityManager, caseId: string): Promise<CaseStatus | null> {
    const [row] = (await manager.query(`SELECT status FROM cases WHERE id = $1 FOR UPDATE`, [caseId])) as { status: CaseStatus }[];
    return row?.status ?? null;
  }
}
