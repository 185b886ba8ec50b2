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
import { ComplaintsRepository, type ComplaintRow } from './complaints.repository';
import { NotificationsRepository } from './notifications.repository';

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
    private readonly complaints: ComplaintsRepository,
    private readonly notifications: NotificationsRepository,
  ) {}

  async raise(user: AuthenticatedUser, caseId: string, dto: ComplaintCreateDto): Promise<ComplaintDto> {
    const record = await this.cases.findOwned(user, caseId);
    // A retried request (same person, same case, same words, still open) gets the complaint it already made.
    const existing = await this.complaints.openDuplicate(record.id, user.id, dto.text);
    if (existing) return this.get(existing);
    if (isTerminalCaseStatus(record.status)) throw new AppError('CASE_CLOSED', `The case has ended (${record.status}): complaints are for cases still under way`);
    await this.limits.hit([{ name: 'COMPLAINT:user', value: user.id, limit: this.config.RATE_LIMIT_COMPLAINTS_PER_USER_HOUR }], 3600);
    const id = randomUUID();
    const limit = this.config.COMPLAINTS_OPEN_PER_CASE_PER_USER;
    await this.dataSource.transaction(async (manager) => {
      // The case row locked: two requests at once cannot both slip under the limit (nor past the case's end).
      const locked = await this.caseRows.lockStatus(manager, record.id);
      if (locked === null || isTerminalCaseStatus(locked)) throw new AppError('CASE_CLOSED', `The case has ended (${locked ?? 'gone'}): complaints are for cases still under way`);
      const open = await this.complaints.countOpenBy(manager, record.id, user.id);
      if (open >= limit) {
        throw new AppError('COMPLAINT_LIMIT_REACHED', `You have ${open} open complaints on this case (at most ${limit}); an admin resolving one makes room`);
      }
      await this.complaints.insert(manager, { id, caseId: record.id, raisedById: user.id, text: dto.text });
      await this.audit.record({ actor: user, action: 'COMPLAINT_RAISED', caseId: record.id, details: { complaintId: id } }, manager);
    });
    return this.get(id);
  }

  async listOwn(user: AuthenticatedUser, caseId: string): Promise<ComplaintDto[]> {
    const record = await this.cases.findOwned(user, caseId);
    return this.forCase(record.id);
  }

  async forCase(caseId: string): Promise<ComplaintDto[]> {
    return (await this.complaints.forCase(caseId)).map(toDto);
  }

  /** The latest few complaints on a case and how many there are (the admin's case detail; the rest is paged). */
  async latestForCase(caseId: string, latest: number): Promise<{ items: ComplaintDto[]; total: number }> {
    const { rows, total } = await this.complaints.latestForCase(caseId, latest);
    return { items: rows.map(toDto), total };
  }

  async list(query: ComplaintListQueryDto): Promise<{ items: ComplaintDto[]; total: number }> {
    const { rows, total } = await this.complaints.page({ status: query.status ?? null, caseId: query.caseId ?? null, limit: query.limit, offset: pageOffset(query) });
    return { items: rows.map(toDto), total };
  }

  async resolve(admin: AuthenticatedUser, id: string, dto: ComplaintResolveDto): Promise<ComplaintDto> {
    // Not an id we could have issued: said before PostgreSQL is asked to cast it (which would be a 500).
    if (!isUuid(id)) throw new AppError('NOT_FOUND', 'No such complaint');
    const resolved = await this.dataSource.transaction(async (manager) => {
      const row = await this.complaints.resolve(manager, id, dto.resolution, admin.id);
      if (!row) return undefined;
      await this.audit.record({ actor: admin, action: 'COMPLAINT_RESOLVED', caseId: row.case_id, details: { complaintId: id } }, manager);
      const applicant = await this.caseRows.find(row.case_id, manager);
      if (!applicant) throw new Error(`complaint ${id}: case ${row.case_id} is gone`);
      await this.notifications.insertOnce(manager, { dedupeKey: `${row.case_id}:COMPLAINT_RESOLVED:${id}`, caseId: row.case_id, recipientId: applicant.applicant_id, kind: 'COMPLAINT_RESOLVED', payload: { complaintId: id } });
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
    return this.complaints.find(id);
  }

  private async get(id: string): Promise<ComplaintDto> {
    const row = await this.find(id);
    if (!row) throw new AppError('NOT_FOUND', 'No such complaint');
    return toDto(row);
  }
}
