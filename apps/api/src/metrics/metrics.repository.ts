import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CaseStatus, Department, FeePayer, WorkingCalendar } from '@onetrip/domain';

// Shanghai is UTC+8 all year: a day there is [date 00:00+08, next day 00:00+08).
const SHANGHAI_DAY = `to_char((%s AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;

export interface MetricsRows {
  statuses: { status: CaseStatus; n: number }[];
  corrections: { rounds: number }[];
  completed: { submitted_at: Date; completed_at: Date; calendar: WorkingCalendar | null; fees: { borneByOthers: string; totalsByPayer?: Partial<Record<FeePayer, string>>; applicantTotal: string }; trips: number | null }[];
  departments: { department: Department; decided: number; within: number }[];
  complaints: { opened: number; resolved: number }[];
  submittedDays: { day: string; n: number }[];
  completedDays: { day: string; n: number }[];
}

/** The read-only SQL behind the metrics report, over cases, tasks and complaints. */
@Injectable()
export class MetricsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The raw figures of [start, end); `process` narrows them to one process's cases (every process when null). */
  async figures(start: Date, end: Date, process: string | null): Promise<MetricsRows> {
    // $3: one process's cases only (metrics per process), or every process when null.
    const q = <T>(sql: string): Promise<T[]> => this.dataSource.query(sql, [start, end, process]) as Promise<T[]>;
    const ofCase = `($3::text IS NULL OR case_id IN (SELECT id FROM cases WHERE process_key = $3))`;
    const ofProcess = `($3::text IS NULL OR process_key = $3)`;
    const [statuses, corrections, completed, departments, complaints, submittedDays, completedDays] = await Promise.all([
      q<MetricsRows['statuses'][number]>(`SELECT status, count(*)::int AS n FROM cases WHERE submitted_at >= $1 AND submitted_at < $2 AND ${ofProcess} GROUP BY status`),
      q<MetricsRows['corrections'][number]>(`SELECT coalesce(sum(correction_round), 0)::int AS rounds FROM cases WHERE submitted_at >= $1 AND submitted_at < $2 AND ${ofProcess}`),
      q<MetricsRows['completed'][number]>(
        `SELECT submitted_at, completed_at, policy -> 'calendar' AS calendar, fees, (outcome -> 'delivery' ->> 'tripsRequired')::int AS trips
         FROM cases WHERE status = 'COMPLETED' AND completed_at >= $1 AND completed_at < $2 AND ${ofProcess}`,
      ),
      q<MetricsRows['departments'][number]>(
        `SELECT department, count(*)::int AS decided, count(*) FILTER (WHERE decided_at <= due_at)::int AS within
         FROM tasks WHERE decided_at >= $1 AND decided_at < $2 AND status IN ('DONE', 'RETURNED', 'REJECTED') AND ${ofCase} GROUP BY department`,
      ),
      q<MetricsRows['complaints'][number]>(
        `SELECT (SELECT count(*)::int FROM complaints WHERE opened_at >= $1 AND opened_at < $2 AND ${ofCase}) AS opened,
                (SELECT count(*)::int FROM complaints WHERE resolved_at >= $1 AND resolved_at < $2 AND ${ofCase}) AS resolved`,
      ),
      q<MetricsRows['submittedDays'][number]>(`SELECT ${SHANGHAI_DAY.replace('%s', 'submitted_at')} AS day, count(*)::int AS n FROM cases WHERE submitted_at >= $1 AND submitted_at < $2 AND ${ofProcess} GROUP BY 1`),
      q<MetricsRows['completedDays'][number]>(
        `SELECT ${SHANGHAI_DAY.replace('%s', 'completed_at')} AS day, count(*)::int AS n FROM cases WHERE status = 'COMPLETED' AND completed_at >= $1 AND completed_at < $2 AND ${ofProcess} GROUP BY 1`,
      ),
    ]);
    return { statuses, corrections, completed, departments, complaints, submittedDays, completedDays };
  }
}
