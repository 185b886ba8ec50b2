import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, ALWAYS_OPEN_CALENDAR, isCalendarDate, shanghaiDate, shanghaiTime, toDayNumber, type CaseStatus, type Department, type FeePayer, type WorkingCalendar } from '@onetrip/domain';
import { validationFailed } from '../common/validation';
import type { MetricsQueryDto } from './dto/metrics-query.dto';
import { buildMetrics, type MetricsReport } from './metrics-figures';

const MAX_DAYS = 366;
// Shanghai is UTC+8 all year: a day there is [date 00:00+08, next day 00:00+08).
const SHANGHAI_DAY = `to_char((%s AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;

@Injectable()
export class MetricsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private range(query: MetricsQueryDto): { from: string; to: string; start: Date; end: Date } {
    const to = query.to ?? shanghaiDate(new Date());
    const from = query.from ?? addDays(to, -29);
    const problems = [
      ...(isCalendarDate(from) ? [] : [{ path: 'from', messages: ['from is not a real date'] }]),
      ...(isCalendarDate(to) ? [] : [{ path: 'to', messages: ['to is not a real date'] }]),
    ];
    if (problems.length) throw validationFailed(problems);
    const days = toDayNumber(to) - toDayNumber(from) + 1;
    if (days < 1 || days > MAX_DAYS) throw validationFailed([{ path: 'to', messages: [`the range must be 1–${MAX_DAYS} days, from ≤ to`] }]);
    return { from, to, start: shanghaiTime(from, '00:00'), end: shanghaiTime(addDays(to, 1), '00:00') };
  }

  async report(query: MetricsQueryDto): Promise<MetricsReport> {
    const { from, to, start, end } = this.range(query);
    // $3: one process's cases only (metrics per process), or every process when null.
    const q = <T>(sql: string): Promise<T[]> => this.dataSource.query(sql, [start, end, query.process ?? null]) as Promise<T[]>;
    const ofCase = `($3::text IS NULL OR case_id IN (SELECT id FROM cases WHERE process_key = $3))`;
    const ofProcess = `($3::text IS NULL OR process_key = $3)`;
    const [statuses, corrections, completed, departments, complaints, submittedDays, completedDays] = await Promise.all([
      q<{ status: CaseStatus; n: number }>(`SELECT status, count(*)::int AS n FROM cases WHERE submitted_at >= $1 AND submitted_at < $2 AND ${ofProcess} GROUP BY status`),
      q<{ rounds: number }>(`SELECT coalesce(sum(correction_round), 0)::int AS rounds FROM cases WHERE submitted_at >= $1 AND submitted_at < $2 AND ${ofProcess}`),
      q<{ submitted_at: Date; completed_at: Date; calendar: WorkingCalendar | null; fees: { borneByOthers: string; totalsByPayer?: Partial<Record<FeePayer, string>>; applicantTotal: string }; trips: number | null }>(
        `SELECT submitted_at, completed_at, policy -> 'calendar' AS calendar, fees, (outcome -> 'delivery' ->> 'tripsRequired')::int AS trips
         FROM cases WHERE status = 'COMPLETED' AND completed_at >= $1 AND completed_at < $2 AND ${ofProcess}`,
      ),
      q<{ department: Department; decided: number; within: number }>(
        `SELECT department, count(*)::int AS decided, count(*) FILTER (WHERE decided_at <= due_at)::int AS within
         FROM tasks WHERE decided_at >= $1 AND decided_at < $2 AND status IN ('DONE', 'RETURNED', 'REJECTED') AND ${ofCase} GROUP BY department`,
      ),
      q<{ opened: number; resolved: number }>(
        `SELECT (SELECT count(*)::int FROM complaints WHERE opened_at >= $1 AND opened_at < $2 AND ${ofCase}) AS opened,
                (SELECT count(*)::int FROM complaints WHERE resolved_at >= $1 AND resolved_at < $2 AND ${ofCase}) AS resolved`,
      ),
      q<{ day: string; n: number }>(`SELECT ${SHANGHAI_DAY.replace('%s', 'submitted_at')} AS day, count(*)::int AS n FROM cases WHERE submitted_at >= $1 AND submitted_at < $2 AND ${ofProcess} GROUP BY 1`),
      q<{ day: string; n: number }>(
        `SELECT ${SHANGHAI_DAY.replace('%s', 'completed_at')} AS day, count(*)::int AS n FROM cases WHERE status = 'COMPLETED' AND completed_at >= $1 AND completed_at < $2 AND ${ofProcess} GROUP BY 1`,
      ),
    ]);
    const perDay: { date: string; submitted: number; completed: number }[] = [];
    for (let day = from; toDayNumber(day) <= toDayNumber(to); day = addDays(day, 1)) {
      perDay.push({ date: day, submitted: submittedDays.find((row) => row.day === day)?.n ?? 0, completed: completedDays.find((row) => row.day === day)?.n ?? 0 });
    }
    return buildMetrics({
      from,
      to,
      byStatus: Object.fromEntries(statuses.map((row) => [row.status, row.n])),
      correctionRounds: corrections[0]?.rounds ?? 0,
      completed: completed.map((row) => ({
        submittedAt: row.submitted_at,
        completedAt: row.completed_at,
        calendar: row.calendar ?? ALWAYS_OPEN_CALENDAR,
        borneByOthers: row.fees.borneByOthers,
        totalsByPayer: row.fees.totalsByPayer ?? {},
        applicantTotal: row.fees.applicantTotal,
        tripsRequired: row.trips ?? 0,
      })),
      departments: departments.map((row) => ({ department: row.department, decided: row.decided, withinLimit: row.within })),
      complaintsOpened: complaints[0]?.opened ?? 0,
      complaintsResolved: complaints[0]?.resolved ?? 0,
      perDay,
    });
  }
}
