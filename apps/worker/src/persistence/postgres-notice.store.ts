import { DataSource } from 'typeorm';
import type { NoticeStore, PublicNoticeRecord } from '@onetrip/workflows';

/** The public list of notice periods in PostgreSQL: one row per notice task, written once, closed once. */
export class PostgresNoticeStore implements NoticeStore {
  constructor(private readonly dataSource: DataSource) {}

  async publish(notice: PublicNoticeRecord): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO public_notices (task_id, case_id, step_id, subject_name, subject_code, starts_at, ends_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (task_id) DO NOTHING`,
      [notice.taskId, notice.caseId, notice.stepId, notice.subjectName, notice.subjectCode, notice.startsAt, notice.endsAt],
    );
  }

  async close(taskId: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE public_notices SET closed_at = COALESCE(closed_at, $2) WHERE task_id = $1`, [taskId, at]);
  }
}
