import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ALWAYS_OPEN_CALENDAR, type WorkingCalendar } from '@onetrip/domain';
import { cappedCountSql, cappedTotal } from '../common/capped-total';
import type { StuckFacts, StuckReasonCode } from './stuck-reasons';

export interface StuckFilter {
  reason?: StuckReasonCode;
  department?: string;
  /** Only cases stuck for at least this many minutes. */
  minAgeMinutes?: number;
  /** Enterprise, applicant or case id (caseSearchClause). */
  q?: string;
  offset: number;
  limit: number;
  noProgressMinutes: number;
  awaitingApplicantMinutes: number;
  now: Date;
}

export interface StuckCaseFacts extends Omit<StuckFacts, 'thresholds' | 'now'> {
  caseId: string;
  submittedAt: Date;
  enterpriseName: string;
  /** The definition the case is pinned to: its departments' names. */
  process: { key: string; version: number };
  stuckSince: Date;
}

const LIVE_CASE = `('SUBMITTED', 'IN_PROGRESS', 'AWAITING_CORRECTION')`;

/**
 * ` AND (…)` matching cases `c` by a search: the enterprise name or the applicant's name or username anywhere,
 * or the case id's beginning (the short id the pages show); '' without a search.
 */
export function caseSearchClause(q: string | undefined, params: unknown[]): string {
  if (!q) return '';
  params.push(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const like = `$${params.length}`;
  const alternatives = [`c.enterprise_name ILIKE ${like}`, `EXISTS (SELECT 1 FROM users a WHERE a.id = c.applicant_id AND (a.name ILIKE ${like} OR a.username ILIKE ${like}))`];
  if (/^[0-9a-f-]{2,36}$/i.test(q)) {
    params.push(`${q.toLowerCase()}%`);
    alternatives.push(`c.id::text LIKE $${params.length}`);
  }
  return ` AND (${alternatives.join(' OR ')})`;
}

/**
 * The stuck-case listing, read from PostgreSQL only. Each reason comes from its own index, ordered
 * by when it began; a page is the earliest-stuck cases of their union, so one request reads a few
 * index ranges and a page of rows, however many cases there are.
 */
@Injectable()
export class StuckCasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `(source SQL, parameters)` for each reason the filter allows; each yields (case_id, since). */
  private sources(filter: StuckFilter, params: unknown[], perSourceLimit?: number): string[] {
    const add = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    // Added on first use: a parameter no chosen source refers to has no type, and PostgreSQL refuses the query.
    const once = (value: () => unknown): (() => string) => {
      let placeholder: string | undefined;
      return () => (placeholder ??= add(value()));
    };
    const nowParam = once(() => filter.now);
    const ageCutoffParam = once(() => new Date(filter.now.getTime() - (filter.minAgeMinutes ?? 0) * 60_000));
    // A page takes each source's earliest rows; the count takes them all, in no order.
    const earliest = (column: string) => (perSourceLimit === undefined ? '' : `\n        ORDER BY ${column} LIMIT ${perSourceLimit}`);
    const want = (reason: StuckReasonCode) => !filter.reason || filter.reason === reason;
    const departmentClause = (column: string) => (filter.department ? ` AND ${column} = ${add(filter.department)}` : '');
    const sources: string[] = [];

    if (want('OVERDUE')) {
      sources.push(`(SELECT t.case_id, t.due_at AS since FROM tasks t
        WHERE t.status IN ('OPEN', 'CLAIMED') AND t.due_at < ${nowParam()} AND t.due_at <= ${ageCutoffParam()}${departmentClause('t.department')}${earliest('t.due_at')})`);
    }
    if (want('STEP_FAILING')) {
      sources.push(`(SELECT f.case_id, f.first_failed_at AS since FROM step_failures f
        WHERE f.first_failed_at <= ${ageCutoffParam()}${departmentClause('f.department')}${earliest('f.first_failed_at')})`);
    }
    // The remaining reasons belong to the case, not to a department.
    if (!filter.department) {
      if (want('AWAITING_APPLICANT')) {
        const cutoff = add(new Date(Math.min(filter.now.getTime() - filter.awaitingApplicantMinutes * 60_000, filter.now.getTime() - (filter.minAgeMinutes ?? 0) * 60_000)));
        sources.push(`(SELECT c.id AS case_id, c.awaiting_applicant_since AS since FROM cases c
          WHERE c.status = 'AWAITING_CORRECTION' AND c.awaiting_applicant_since <= ${cutoff}${earliest('c.awaiting_applicant_since')})`);
      }
      if (want('NO_PROGRESS')) {
        const interval = add(`${filter.noProgressMinutes} minutes`);
        const cutoff = add(new Date(Math.min(filter.now.getTime() - filter.noProgressMinutes * 60_000, filter.now.getTime() - (filter.noProgressMinutes + (filter.minAgeMinutes ?? 0)) * 60_000)));
        sources.push(`(SELECT c.id AS case_id, c.last_progress_at + ${interval}::interval AS since FROM cases c
          WHERE c.status IN ${LIVE_CASE} AND c.last_progress_at <= ${cutoff}${earliest('c.last_progress_at')})`);
      }
      if (want('COMPLAINT')) {
        sources.push(`(SELECT k.case_id, k.opened_at AS since FROM complaints k
          WHERE k.status = 'OPEN' AND k.opened_at <= ${ageCutoffParam()}${earliest('k.opened_at')})`);
      }
    }
    return sources;
  }

  /** One page of stuck case ids, most late first, and how many stuck cases there are (counted up to TOTAL_CAP). */
  async page(filter: StuckFilter): Promise<{ ids: { caseId: string; since: Date }[]; total: number; totalCapped: boolean }> {
    // A case has at most five tasks and five failures, so (offset + limit) × 5 rows of each source
    // always hold the page's cases.
    const perSource = (filter.offset + filter.limit) * 5;
    const pageParams: unknown[] = [];
    const pageSources = this.sources(filter, pageParams, perSource);
    const countParams: unknown[] = [];
    const countSources = this.sources(filter, countParams);
    if (pageSources.length === 0) return { ids: [], total: 0, totalCapped: false };
    const pageSearch = caseSearchClause(filter.q, pageParams);
    const countSearch = caseSearchClause(filter.q, countParams);

    const [rows, [counted]] = await Promise.all([
      this.dataSource.query(
        `SELECT u.case_id, min(u.since) AS since FROM (${pageSources.join(' UNION ALL ')}) u
         JOIN cases c ON c.id = u.case_id AND c.status IN ${LIVE_CASE}${pageSearch}
         GROUP BY u.case_id ORDER BY min(u.since), u.case_id OFFSET ${filter.offset} LIMIT ${filter.limit}`,
        pageParams,
      ) as Promise<{ case_id: string; since: Date }[]>,
      // The distinct case ids, then a primary-key probe each until one past the cap: joining the union to every
      // live case hashed them all (~18,000 at 1 M cases), and counting every stuck case was most of the listing's time.
      this.dataSource.query(
        cappedCountSql(
          `SELECT 1 FROM (SELECT DISTINCT u.case_id FROM (${countSources.join(' UNION ALL ')}) u) d
           WHERE EXISTS (SELECT 1 FROM cases c WHERE c.id = d.case_id AND c.status IN ${LIVE_CASE}${countSearch})`,
        ),
        countParams,
      ) as Promise<{ total: number }[]>,
    ]);
    return { ids: rows.map((row) => ({ caseId: row.case_id, since: row.since })), ...cappedTotal(counted?.total ?? 0) };
  }

  /** Everything the reasons are built from, for the given cases, in four queries. */
  /** Every case, newest first (the list without `stuck`), and how many there are. */
  async newest(limit: number, offset: number, q?: string): Promise<{ rows: { id: string; submitted_at: Date }[]; total: number; totalCapped: boolean }> {
    const params: unknown[] = [];
    const search = caseSearchClause(q, params);
    const where = search ? `WHERE true${search}` : '';
    const [rows, [count]] = await Promise.all([
      this.dataSource.query(`SELECT c.id, c.submitted_at FROM cases c ${where} ORDER BY c.submitted_at DESC, c.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
        ...params,
        limit,
        offset,
      ]) as Promise<{ id: string; submitted_at: Date }[]>,
      this.dataSource.query(cappedCountSql(`SELECT 1 FROM cases c ${where}`), params) as Promise<{ total: number }[]>,
    ]);
    return { rows, ...cappedTotal(count.total) };
  }

  async facts(caseIds: string[], now: Date): Promise<Map<string, StuckCaseFacts>> {
    const facts = new Map<string, StuckCaseFacts>();
    if (caseIds.length === 0) return facts;
    const [cases, tasks, failures, complaints] = await Promise.all([
      this.dataSource.query(
        `SELECT id, status, submitted_at, enterprise_name, process_key, process_version, last_progress_at, awaiting_applicant_since, policy -> 'calendar' AS calendar FROM cases WHERE id = ANY($1)`,
        [caseIds],
      ) as Promise<{ id: string; status: string; submitted_at: Date; enterprise_name: string; process_key: string; process_version: number; last_progress_at: Date; awaiting_applicant_since: Date | null; calendar: WorkingCalendar | null }[]>,
      this.dataSource.query(
        `SELECT t.case_id, t.department, t.due_at, t.escalated_at, u.username AS claimed_by FROM tasks t LEFT JOIN users u ON u.id = t.claimed_by_id
         WHERE t.case_id = ANY($1) AND t.status IN ('OPEN', 'CLAIMED') AND t.due_at < $2 ORDER BY t.due_at`,
        [caseIds, now],
      ) as Promise<{ case_id: string; department: string; due_at: Date; escalated_at: Date | null; claimed_by: string | null }[]>,
      this.dataSource.query(
        `SELECT f.case_id, f.department, f.activity, f.attempts, f.last_error, f.first_failed_at,
                (SELECT t.due_at FROM tasks t WHERE t.case_id = f.case_id AND t.department = f.department ORDER BY t.round DESC LIMIT 1) AS due_at
         FROM step_failures f WHERE f.case_id = ANY($1)`,
        [caseIds],
      ) as Promise<{ case_id: string; department: string; activity: string; attempts: number; last_error: string; first_failed_at: Date; due_at: Date | null }[]>,
      // Counted per case: a hundred complaints are one row here, not a hundred.
      this.dataSource.query(
        `SELECT case_id, count(*)::int AS count, min(opened_at) AS oldest_at, (array_agg(id ORDER BY opened_at DESC, id DESC))[1] AS latest_id
         FROM complaints WHERE case_id = ANY($1) AND status = 'OPEN' GROUP BY case_id`,
        [caseIds],
      ) as Promise<{ case_id: string; count: number; oldest_at: Date; latest_id: string }[]>,
    ]);
    for (const row of cases) {
      facts.set(row.id, {
        caseId: row.id,
        status: row.status,
        submittedAt: row.submitted_at,
        enterpriseName: row.enterprise_name,
        process: { key: row.process_key, version: row.process_version },
        stuckSince: row.last_progress_at,
        calendar: row.calendar ?? ALWAYS_OPEN_CALENDAR,
        lastProgressAt: row.last_progress_at,
        awaitingApplicantSince: row.awaiting_applicant_since,
        overdueTasks: [],
        failures: [],
        openComplaints: null,
      });
    }
    for (const task of tasks) facts.get(task.case_id)?.overdueTasks.push({ department: task.department, dueAt: task.due_at, escalatedAt: task.escalated_at, claimedBy: task.claimed_by });
    for (const failure of failures) {
      facts.get(failure.case_id)?.failures.push({
        department: failure.department,
        activity: failure.activity,
        attempts: failure.attempts,
        lastError: failure.last_error,
        firstFailedAt: failure.first_failed_at,
        dueAt: failure.due_at,
      });
    }
    for (const complaint of complaints) {
      const fact = facts.get(complaint.case_id);
      if (fact) fact.openComplaints = { count: complaint.count, oldestAt: complaint.oldest_at, latestId: complaint.latest_id };
    }
    return facts;
  }
}
