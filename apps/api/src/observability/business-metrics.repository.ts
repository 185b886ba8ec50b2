import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const LIVE_CASE = `('SUBMITTED', 'IN_PROGRESS', 'AWAITING_CORRECTION')`;

/** The case figures Prometheus sees, as of one moment. */
export interface BusinessSnapshot {
  casesInFlight: { process: string; status: string; n: number }[];
  completedLastHour: { process: string; n: number }[];
  /** Live cases stuck for each reason of the admin's stuck listing (a case may count under several). */
  stuck: { reason: string; n: number }[];
  openSteps: { process: string; department: string; open: number; pastLimit: number }[];
  corrections: { status: string; n: number }[];
  complaints: { open: number; total: number };
}

/**
 * The SQL behind the business metrics. Every query reads a range of an existing index (the live cases,
 * the open tasks by due time, the open complaints, recent completions) or a small table, never a scan of
 * all cases: cases that ended are not counted here (the monthly report has them).
 */
@Injectable()
export class BusinessMetricsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async snapshot(thresholds: { noProgressMinutes: number; awaitingApplicantMinutes: number }): Promise<BusinessSnapshot> {
    const q = <T>(sql: string, params: unknown[] = []): Promise<T[]> => this.dataSource.query(sql, params) as Promise<T[]>;
    const [casesInFlight, completedLastHour, stuck, openSteps, corrections, complaints] = await Promise.all([
      q<BusinessSnapshot['casesInFlight'][number]>(`SELECT process_key AS process, status, count(*)::int AS n FROM cases WHERE status IN ${LIVE_CASE} GROUP BY 1, 2`),
      q<BusinessSnapshot['completedLastHour'][number]>(
        `SELECT process_key AS process, count(*)::int AS n FROM cases WHERE completed_at > now() - interval '1 hour' GROUP BY 1`,
      ),
      q<BusinessSnapshot['stuck'][number]>(
        `SELECT 'OVERDUE' AS reason, count(DISTINCT t.case_id)::int AS n FROM tasks t WHERE t.status IN ('OPEN', 'CLAIMED') AND t.due_at < now()
         UNION ALL SELECT 'STEP_FAILING', count(DISTINCT f.case_id)::int FROM step_failures f JOIN cases c ON c.id = f.case_id AND c.status IN ${LIVE_CASE}
         UNION ALL SELECT 'AWAITING_APPLICANT', count(*)::int FROM cases WHERE status = 'AWAITING_CORRECTION' AND awaiting_applicant_since <= now() - $1 * interval '1 minute'
         UNION ALL SELECT 'NO_PROGRESS', count(*)::int FROM cases WHERE status IN ${LIVE_CASE} AND last_progress_at <= now() - $2 * interval '1 minute'
         UNION ALL SELECT 'COMPLAINT', count(DISTINCT k.case_id)::int FROM complaints k JOIN cases c ON c.id = k.case_id AND c.status IN ${LIVE_CASE} WHERE k.status = 'OPEN'`,
        [thresholds.awaitingApplicantMinutes, thresholds.noProgressMinutes],
      ),
      q<BusinessSnapshot['openSteps'][number]>(
        `SELECT c.process_key AS process, t.department, count(*)::int AS open, count(*) FILTER (WHERE t.due_at < now())::int AS "pastLimit"
         FROM tasks t JOIN cases c ON c.id = t.case_id WHERE t.status IN ('OPEN', 'CLAIMED') GROUP BY 1, 2`,
      ),
      q<BusinessSnapshot['corrections'][number]>(`SELECT status, count(*)::int AS n FROM corrections GROUP BY status`),
      q<BusinessSnapshot['complaints']>(`SELECT count(*) FILTER (WHERE status = 'OPEN')::int AS open, count(*)::int AS total FROM complaints`),
    ]);
    return { casesInFlight, completedLastHour, stuck, openSteps, corrections, complaints: complaints[0] ?? { open: 0, total: 0 } };
  }
}
