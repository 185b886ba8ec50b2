import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isUuid, type ApplicationForm, type CaseStatus } from '@onetrip/domain';
import { PersonalDataCipher } from '@onetrip/infrastructure';
import type { CasePolicy } from '@onetrip/workflows/contracts';
import { AppError } from '../common/app-error';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { canSeeCase, ownsCase } from './case-access';
import { toCaseView, type CaseViewSource, type StepTaskSource } from './case-view.mapper';
import type { CaseResponseDto } from './dto/case-response.dto';

export interface CaseRecord extends CaseViewSource {
  applicantId: string;
  filedById: string;
  policy: CasePolicy;
}

interface CaseRow {
  id: string;
  applicant_id: string;
  filed_by_id: string;
  status: CaseStatus;
  form: ApplicationForm;
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

interface TaskRow {
  case_id: string;
  department: string;
  round: number;
  status: string;
  due_at: Date;
  overdue_at: Date | null;
  decided_at: Date | null;
  outputs: Record<string, unknown> | null;
}

const CASE_COLUMNS = `id, applicant_id, filed_by_id, status, form, policy, correction_round, correction, outcome, fees, flags, end_reason, submitted_at, completed_at`;

/** The row as a record, its ID numbers and mobiles decrypted (the one place the API reads forms from). */
function toRecord(row: CaseRow, cipher: PersonalDataCipher): CaseRecord {
  return {
    id: row.id,
    applicantId: row.applicant_id,
    filedById: row.filed_by_id,
    status: row.status,
    form: cipher.openFields(row.form),
    policy: row.policy,
    correctionRound: row.correction_round,
    correction: row.correction,
    outcome: row.outcome,
    fees: row.fees,
    flags: row.flags,
    endReason: row.end_reason,
    submittedAt: row.submitted_at,
    completedAt: row.completed_at,
  };
}

export interface CasePage {
  items: CaseRecord[];
  total: number;
}

/** Reads cases and their tasks from PostgreSQL, and who may see them. */
@Injectable()
export class CaseReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<CaseRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = (await manager.query(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1`, [id])) as CaseRow[];
    return row ? toRecord(row, this.cipher) : null;
  }

  /** The case if the caller may see it; 404 otherwise, so other people's case ids cannot be probed. */
  async findVisible(user: AuthenticatedUser, id: string): Promise<CaseRecord> {
    const record = await this.find(id);
    if (!record || !canSeeCase(user, record)) throw new AppError('NOT_FOUND', 'No such case');
    return record;
  }

  /** The case if the caller owns it (its applicant, or the window that filed it); 404 otherwise. */
  async findOwned(user: AuthenticatedUser, id: string): Promise<CaseRecord> {
    const record = await this.find(id);
    if (!record || !ownsCase(user, record)) throw new AppError('NOT_FOUND', 'No such case');
    return record;
  }

  /** APPLICANT: their cases; WINDOW: the cases it filed; ADMIN: all. Newest first. */
  async page(user: AuthenticatedUser, limit: number, offset: number): Promise<CasePage> {
    const filter = user.role === 'APPLICANT' ? 'WHERE applicant_id = $1' : user.role === 'WINDOW' ? 'WHERE filed_by_id = $1' : 'WHERE $1::uuid IS NOT NULL';
    const [rows, [count]] = await Promise.all([
      this.dataSource.query(`SELECT ${CASE_COLUMNS} FROM cases ${filter} ORDER BY submitted_at DESC, id DESC LIMIT $2 OFFSET $3`, [user.id, limit, offset]) as Promise<CaseRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM cases ${filter}`, [user.id]) as Promise<{ total: number }[]>,
    ]);
    return { items: rows.map((row) => toRecord(row, this.cipher)), total: count.total };
  }

  async views(user: AuthenticatedUser, records: readonly CaseRecord[], now = new Date(), listed = false): Promise<CaseResponseDto[]> {
    if (records.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT case_id, department, round, status, due_at, overdue_at, decided_at, outputs FROM tasks WHERE case_id = ANY($1::uuid[])`,
      [records.map((record) => record.id)],
    )) as TaskRow[];
    const byCase = new Map<string, StepTaskSource[]>();
    for (const row of rows) {
      const task: StepTaskSource = {
        department: row.department,
        round: row.round,
        status: row.status,
        dueAt: row.due_at,
        overdueAt: row.overdue_at,
        decidedAt: row.decided_at,
        outputs: row.outputs,
      };
      byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), task]);
    }
    return records.map((record) => toCaseView(record, byCase.get(record.id) ?? [], { now, includeForm: ownsCase(user, record), listed }));
  }

  async view(user: AuthenticatedUser, record: CaseRecord): Promise<CaseResponseDto> {
    const [view] = await this.views(user, [record]);
    return view;
  }

  /** Re-reads the case (after a write by us or by the worker) and answers its view. */
  async freshView(user: AuthenticatedUser, id: string): Promise<CaseResponseDto> {
    return this.view(user, await this.findVisible(user, id));
  }
}
