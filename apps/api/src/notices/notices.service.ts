import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isUuid, maskPersonalData } from '@onetrip/domain';
import { AuditLogService } from '../audit/audit-log.service';
import { AppError } from '../common/app-error';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CaseWorkflowGateway } from '../temporal/case-workflow.gateway';
import type { ObjectionCreateDto } from './dto/objection-create.dto';
import type { ObjectionDto, ObjectionListDto, PublicNoticeListDto } from './dto/notice-response.dto';
import { NoticesRepository, type ObjectionRow } from './notices.repository';

/** The public list is read by anyone: it is bounded. */
const PUBLIC_LIST_LIMIT = 200;

function toObjection(row: ObjectionRow, text: (value: string) => string = (value) => value): ObjectionDto {
  return { id: row.id, caseId: row.case_id, reason: text(row.reason), noticeStepId: row.notice_step_id ?? '', taskId: row.task_id ?? '', raisedAt: row.created_at.toISOString() };
}

/** Notice periods (公示期): the public list, and objections, which the case's workflow turns into a clerk's task. */
@Injectable()
export class NoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notices: NoticesRepository,
    private readonly workflows: CaseWorkflowGateway,
    private readonly audit: AuditLogService,
  ) {}

  async list(): Promise<PublicNoticeListDto> {
    const rows = await this.notices.open(PUBLIC_LIST_LIMIT);
    return {
      items: rows.map((row) => ({
        caseId: row.case_id,
        stepId: row.step_id,
        processKey: row.process_key,
        enterpriseName: row.subject_name,
        uscc: row.subject_code,
        startsAt: row.starts_at.toISOString(),
        endsAt: row.ends_at.toISOString(),
      })),
    };
  }

  /**
   * Stored first (once per objector and client key), then the workflow told by id; the link to the clerk's
   * task and the audit row are written together. A retry after any crash finds the row and finishes the rest.
   */
  async raise(user: AuthenticatedUser, caseId: string, dto: ObjectionCreateDto): Promise<ObjectionDto> {
    if (!isUuid(caseId) || !(await this.notices.caseExists(caseId))) throw new AppError('NOT_FOUND', 'No such case');
    let row = await this.notices.findByClientKey(user.id, dto.clientKey);
    if (row && (row.case_id !== caseId || row.reason !== dto.reason)) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This clientKey was used for another objection: choose a new key for a new objection');
    }
    if (!row) {
      if (!(await this.notices.openForCase(caseId))) throw new AppError('NOTICE_NOT_OPEN', 'The case is not in a notice period taking objections');
      row = await this.notices.insert({ id: randomUUID(), caseId, userId: user.id, clientKey: dto.clientKey, reason: dto.reason });
    }
    if (row.task_id) return toObjection(row);
    const raised = await this.workflows.raiseObjection(caseId, { objectionId: row.id });
    const objectionId = row.id;
    await this.dataSource.transaction(async (manager) => {
      await this.notices.linkOnce(manager, objectionId, raised.noticeStepId, raised.taskId);
      await this.audit.record({ actor: user, action: 'OBJECTION_RAISED', caseId, taskId: raised.taskId, details: { objectionId, noticeStepId: raised.noticeStepId } }, manager);
    });
    return toObjection({ ...row, notice_step_id: raised.noticeStepId, task_id: raised.taskId });
  }

  /** For the clerk who rules (and admins): the objections of an objection task, ID numbers and mobiles in them masked. */
  async objections(taskId: string): Promise<ObjectionListDto> {
    if (!(await this.notices.taskExists(taskId))) throw new AppError('NOT_FOUND', 'No such task');
    return { items: (await this.notices.forTask(taskId)).map((row) => toObjection(row, maskPersonalData)) };
  }
}
