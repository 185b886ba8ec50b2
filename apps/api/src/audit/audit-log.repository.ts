import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface CaseAuditRow {
  at: Date;
  action: string;
  details: Record<string, unknown>;
  actor_role: string | null;
  /** null for the system, or an actor whose account is gone. */
  username: string | null;
}

/** The reads of `audit_log` (its one writer is AuditLogService.record). */
@Injectable()
export class AuditLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A case's entries in the order they were written, with the actor's username. */
  async ofCase(caseId: string): Promise<CaseAuditRow[]> {
    return (await this.dataSource.query(
      `SELECT a.at, a.action, a.details, a.actor_role, u.username FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id WHERE a.case_id = $1 ORDER BY a.at, a.id`,
      [caseId],
    )) as CaseAuditRow[];
  }
}
