import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';

export type AuditAction =
  | 'FILE_ON_BEHALF'
  | 'SUBMIT_CORRECTION'
  | 'CANCEL'
  | 'CLAIM'
  | 'COMPLETE'
  | 'RETURN'
  | 'REJECT'
  | 'VIEW_PERSONAL_DATA'
  | 'DECODE_TEMPORAL_PAYLOADS'
  // Supervision (admin):
  | 'REOPEN'
  | 'REASSIGN'
  | 'ESCALATE'
  | 'RETRY'
  | 'REMIND_APPLICANT'
  | 'COMPLAINT_RAISED'
  | 'OBJECTION_RAISED'
  | 'COMPLAINT_RESOLVED'
  // Process definitions (admin):
  | 'PROCESS_UPLOAD'
  | 'PROCESS_ACTIVATE'
  | 'PROCESS_RETIRE'
  // Notifications (admin): a dead letter sent again.
  | 'NOTIFICATION_RETRY';

export interface AuditEntry {
  actor: AuthenticatedUser;
  action: AuditAction;
  caseId?: string;
  taskId?: string;
  /** Codes and ids only: never personal data. */
  details?: Record<string, unknown>;
}

/** Who did what to which case or task, for supervision (督查). */
@Injectable()
export class AuditLogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes one row, inside `manager`'s transaction when given. */
  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`INSERT INTO audit_log (actor_id, actor_role, action, case_id, task_id, details) VALUES ($1, $2, $3, $4, $5, $6)`, [
      entry.actor.id,
      entry.actor.role,
      entry.action,
      entry.caseId ?? null,
      entry.taskId ?? null,
      JSON.stringify(entry.details ?? {}),
    ]);
  }
}
