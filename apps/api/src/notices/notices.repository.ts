import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface PublicNoticeRow {
  case_id: string;
  step_id: string;
  process_key: string;
  subject_name: string;
  subject_code: string;
  starts_at: Date;
  ends_at: Date;
}

export interface ObjectionRow {
  id: string;
  case_id: string;
  reason: string;
  notice_step_id: string | null;
  task_id: string | null;
  created_at: Date;
}

const OBJECTION_COLUMNS = 'id, case_id, reason, notice_step_id, task_id, created_at';

/** The SQL of public_notices (written by the worker) and notice_objections. */
@Injectable()
export class NoticesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Notices taking objections now: not closed, not past their end, their task still open (an ended case cancels it). */
  async open(limit: number): Promise<PublicNoticeRow[]> {
    return (await this.dataSource.query(
      `SELECT n.case_id, n.step_id, c.process_key, n.subject_name, n.subject_code, n.starts_at, n.ends_at
       FROM public_notices n JOIN tasks t ON t.id = n.task_id JOIN cases c ON c.id = n.case_id
       WHERE n.closed_at IS NULL AND n.ends_at > now() AND t.status = 'OPEN'
       ORDER BY n.ends_at, n.task_id LIMIT $1`,
      [limit],
    )) as PublicNoticeRow[];
  }

  async openForCase(caseId: string): Promise<PublicNoticeRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT n.case_id, n.step_id, c.process_key, n.subject_name, n.subject_code, n.starts_at, n.ends_at
       FROM public_notices n JOIN tasks t ON t.id = n.task_id JOIN cases c ON c.id = n.case_id
       WHERE n.case_id = $1 AND n.closed_at IS NULL AND n.ends_at > now() AND t.status = 'OPEN' LIMIT 1`,
      [caseId],
    )) as PublicNoticeRow[];
    return row;
  }

  async findByClientKey(userId: string, clientKey: string): Promise<ObjectionRow | undefined> {
    const [row] = (await this.dataSource.query(`SELECT ${OBJECTION_COLUMNS} FROM notice_objections WHERE raised_by_id = $1 AND client_key = $2`, [userId, clientKey])) as ObjectionRow[];
    return row;
  }

  /** Inserts the objection unless this user already used the key; answers the stored row either way. */
  async insert(row: { id: string; caseId: string; userId: string; clientKey: string; reason: string }): Promise<ObjectionRow> {
    await this.dataSource.query(
      `INSERT INTO notice_objections (id, case_id, raised_by_id, client_key, reason) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ON CONSTRAINT notice_objections_client_key_unique DO NOTHING`,
      [row.id, row.caseId, row.userId, row.clientKey, row.reason],
    );
    return (await this.findByClientKey(row.userId, row.clientKey))!;
  }

  async link(id: string, noticeStepId: string, taskId: string): Promise<void> {
    await this.dataSource.query(`UPDATE notice_objections SET notice_step_id = $2, task_id = $3 WHERE id = $1`, [id, noticeStepId, taskId]);
  }

  /** Links a raised objection to its notice step and task, in `manager`'s transaction; a linked one keeps its link. */
  async linkOnce(manager: EntityManager, id: string, noticeStepId: string, taskId: string): Promise<void> {
    await manager.query(`UPDATE notice_objections SET notice_step_id = $2, task_id = $3 WHERE id = $1 AND task_id IS NULL`, [id, noticeStepId, taskId]);
  }

  async forTask(taskId: string): Promise<ObjectionRow[]> {
    return (await this.dataSource.query(`SELECT ${OBJECTION_COLUMNS} FROM notice_objections WHERE task_id = $1 ORDER BY created_at, id`, [taskId])) as ObjectionRow[];
  }

  async caseExists(caseId: string): Promise<boolean> {
    return ((await this.dataSource.query(`SELECT 1 FROM cases WHERE id = $1`, [caseId])) as unknown[]).length > 0;
  }

  async taskExists(taskId: string): Promise<boolean> {
    return ((await this.dataSource.query(`SELECT 1 FROM tasks WHERE id = $1`, [taskId])) as unknown[]).length > 0;
  }
}
