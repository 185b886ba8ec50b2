import { Injectable } from '@nestjs/common';
import { addDays, ALWAYS_OPEN_CALENDAR, isCalendarDate, shanghaiDate, shanghaiTime, toDayNumber } from '@onetrip/domain';
import { validationFailed } from '../common/validation';
import type { MetricsQueryDto } from './dto/metrics-query.dto';
import { buildMetrics, type MetricsReport } from './metrics-figures';
import { MetricsRepository } from './metrics.repository';

const MAX_DAYS = 366;

@Injectable()
export class MetricsService {
  constructor(private readonly rows: MetricsRepository) {}

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
    const { statuses, corrections, completed, departments, complaints, submittedDays, completedDays } = await this.rows.figures(start, end, query.process ?? null);
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
