import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isTerminalCaseStatus, isUuid } from '@onetrip/domain';
import { CaseReader } from '../applications/case-reader.service';
import { CasesRepository } from '../applications/cases.repository';
import { AuditLogService } from '../audit/audit-log.service';
import { AppError } from '../common/app-error';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { pageOffset } from '../common/page-query.dto';
import { ApiConfig } from '../config/api.config';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import type { ComplaintDto } from '../admin/dto/admin-case-response.dto';
import type { ComplaintCreateDto, ComplaintResolveDto } from './dto/complaint-create.dto';
import type { ComplaintListQueryDto } from './dto/complaint-list-query.dto';

interface ComplaintRow {
  id: string;
  case_id: string;
  text: string;
  status: 'OPEN' | 'RESOLVED';
  opened_at: Date;
  raised_by: string | null;
  resolution: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
}

const SELECT = `SELECT k.id, k.case_id, k.text, k.status, k.opened_at, r.username AS raised_by, k.resolution, k.resolved_at, s.username AS resolved_by
  FROM complaints k LEFT JOIN users r ON r.id = k.raised_by_id LEFT JOIN users s ON s.id = k.resolved_by_id`;

function toDto(row: ComplaintRow): ComplaintDto {
  return {
    id: row.id,
    caseId: row.case_id,
    text: row.text,
    status: row.status,
    openedAt: row.opened_at.toISOString(),
    raisedBy: row.raised_by ?? undefined,
    resolution: row.resolution ?? undefined,
    resolvedAt: row.resolved_at?.toISOString(),
    resolvedBy: row.resolved_by ?? undefined,
  };
}


/** "Can't get it done" (办不好件): a complaint keeps the case on the stuck list until an admin resolves it. */
@Injectable()
export class ComplaintsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseReader,
    private readonly caseRows: CasesRepository,
    private readonly audit: AuditLogService,
    private readonly config: ApiConfig,
    private readonly limits: RateLimitService,
  ) {}

  async raise(user: AuthenticatedUser, caseId: string, dto: ComplaintCreateDto): Promise<ComplaintDto> {
    const record = await this.cases.findOwned(user, caseId);
    // A retried request (same person, same case, same words, still open) gets the complaint it already made.
    const [existing] = (await this.dataSource.query(`SELECT id FROM complaints WHERE case_id = $1 AND raised_by_id = $2 AND text = $3 AND status = 'OPEN'`, [
      record.id,
      user.id,
      dto.text,
    ])) as { id: string }[];
    if (existing) return this.get(existing.id);
    if (isTerminalCaseStatus(record.status)) throw new AppError('CASE_CLOSED', `The case has ended (${record.status}): complaints are for cases still under way`);
    await this.limits.hit([{ name: 'COMPLAINT:user', value: user.id, limit: this.config.RATE_LIMIT_COMPLAINTS_PER_USER_HOUR }], 3600);
    const id = randomUUID();
    const limit = this.config.COMPLAINTS_OPEN_PER_CASE_PER_USER;
    await this.dataSource.transaction(async (manager) => {
      // The case row locked: two requests at once cannot both slip under the limit (nor past the case's end).
      const locked = await this.caseRows.lockStatus(manager, record.id);
      if (locked === null || isTerminalCaseStatus(locked)) throw new AppError('CASE_CLOSED', `The case has ended (${locked ?? 'gone'}): complaints are for cases still under way`);
      const [open] = (await manager.query(`SELECT count(*)::int AS n FROM complaints WHERE case_id = $1 AND raised_by_id = $2 AND status = 'OPEN'`, [record.id, user.id])) as { n: number }[];
      if (open.n >= limit) {
        throw new AppError('COMPLAINT_LIMIT_REACHED', `You have ${open.n} open complaints on this case (at most ${limit}); an admin resolving one makes room`);
      }
      await manager.query(`INSERT INTO complaints (id, case_id, raised_by_id, text, status) VALUES ($1, $2, $3, $4, 'OPEN')`, [id, record.id, user.id, dto.text]);
      await this.audit.record({ actor: user, action: 'COMPLAINT_RAISED', caseId: record.id, details: { complaintId: id } }, manager);
    });
    return this.get(id);
  }

  async listOwn(user: AuthenticatedUser, caseId: string): Promise<ComplaintDto[]> {
    const record = await this.cases.findOwned(user, caseId);
    return this.forCase(record.id);
  }

  async forCase(caseId: string): Promise<ComplaintDto[]> {
    const rows = (await this.dataSource.query(`${SELECT} WHERE k.case_id = $1 ORDER BY k.opened_at`, [caseId])) as ComplaintRow[];
    return rows.map(toDto);
  }

  /** The latest few complaints on a case and how many there are (the admin's case detail; the rest is paged). */
  async latestForCase(caseId: string, latest: number): Promise<{ items: ComplaintDto[]; total: number }> {
    const [rows, [count]] = await Promise.all([
      this.dataSource.query(`${SELECT} WHERE k.case_id = $1 ORDER BY k.opened_at DESC, k.id DESC LIMIT $2`, [caseId, latest]) as Promise<ComplaintRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM complaints WHERE case_id = $1`, [caseId]) as Promise<{ total: number }[]>,
    ]);
    return { items: rows.map(toDto), total: count.total };
  }

  async list(query: ComplaintListQueryDto): Promise<{ items: ComplaintDto[]; total: number }> {
    const caseId = query.caseId ?? null;
    const [rows, [count]] = await Promise.all([
      this.dataSource.query(
        `${SELECT} WHERE ($1::text IS NULL OR k.status = $1) AND ($4::uuid IS NULL OR k.case_id = $4::uuid) ORDER BY k.opened_at, k.id LIMIT $2 OFFSET $3`,
        [query.status ?? null, query.limit, pageOffset(query), caseId],
      ) as Promise<ComplaintRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM complaints WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR case_id = $2::uuid)`, [
        query.status ?? null,
        caseId,
      ]) as Promise<{ total: number }[]>,
    ]);
    return { items: rows.map(toDto), total: count.total };
  }

  async resolve(admin: AuthenticatedUser, id: string, dto: ComplaintResolveDto): Promise<ComplaintDto> {
    // Not an id we could have issued: said before PostgreSQL is asked to cast it (which would be a 500).
    if (!isUuid(id)) throw new AppError('NOT_FOUND', 'No such complaint');
    const resolved = await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE complaints SET status = 'RESOLVED', resolution = $2, resolved_by_id = $3, resolved_at = now()
         WHERE id = $1::uuid AND status = 'OPEN' RETURNING case_id, raised_by_id`,
        [id, dto.resolution, admin.id],
      )) as [{ case_id: string; raised_by_id: string }[], number];
      const [row] = rows;
      if (!row) return undefined;
      await this.audit.record({ actor: admin, action: 'COMPLAINT_RESOLVED', caseId: row.case_id, details: { complaintId: id } }, manager);
      const applicant = await this.caseRows.find(row.case_id, manager);
      if (!applicant) throw new Error(`complaint ${id}: case ${row.case_id} is gone`);
      await manager.query(
        `INSERT INTO notifications (dedupe_key, case_id, recipient_id, kind, payload) VALUES ($1, $2, $3, 'COMPLAINT_RESOLVED', $4) ON CONFLICT (dedupe_key) DO NOTHING`,
        [`${row.case_id}:COMPLAINT_RESOLVED:${id}`, row.case_id, applicant.applicant_id, JSON.stringify({ complaintId: id })],
      );
      return row;
    });
    if (!resolved) {
      const exists = await this.find(id);
      throw exists ? new AppError('COMPLAINT_RESOLVED', 'The complaint is already resolved') : new AppError('NOT_FOUND', 'No such complaint');
    }
    return this.get(id);
  }

  private async find(id: string): Promise<ComplaintRow | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = (await this.dataSource.query(`${SELECT} WHERE k.id = $1`, [id])) as ComplaintRow[];
    return row;
  }

  private async get(id: string): Promise<ComplaintDto> {
    const row = await this.find(id);
    if (!row) throw new AppError('NOT_FOUND', 'No such complaint');
    return toDto(row);
  }
}
