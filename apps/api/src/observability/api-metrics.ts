import { Inject, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { routeTemplate } from '@onetrip/infrastructure';
import { ApiConfig } from '../config/api.config';
import { BusinessMetricsRepository, type BusinessSnapshot } from './business-metrics.repository';

/**
 * The API's Prometheus figures: HTTP requests by route template and status, the process's own, and the
 * case figures read from PostgreSQL on scrape (reused for METRICS_CACHE_SECONDS, so replicas and frequent
 * scrapes cost one set of indexed queries per interval). Every replica reports the same case figures:
 * aggregate them with max(), not sum().
 */
@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private cached?: { at: number; snapshot: Promise<BusinessSnapshot> };
  private lastSuccess = 0;

  constructor(
    private readonly repository: BusinessMetricsRepository,
    @Inject(ApiConfig) private readonly config: ApiConfig,
  ) {
    // Tells the API's process figures from the worker's on a dashboard (both export process_* and nodejs_*).
    this.registry.setDefaultLabels({ service: 'onetrip-api' });
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.httpDuration = new Histogram({
      name: 'onetrip_http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status, and how long they took',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    // Each collect() reads the same cached snapshot; set() after reset() drops label sets that went away.
    // With PostgreSQL unreadable before the first snapshot they stay empty, and the scrape still answers.
    const from = <T>(read: (snapshot: BusinessSnapshot) => T, apply: (value: T) => void) => async () => {
      const snapshot = await this.snapshot().catch(() => undefined);
      if (snapshot) apply(read(snapshot));
    };
    const casesInFlight: Gauge<'process' | 'status'> = new Gauge({
      name: 'onetrip_cases_in_flight',
      help: 'Live cases (SUBMITTED, IN_PROGRESS, AWAITING_CORRECTION) by process and status',
      labelNames: ['process', 'status'],
      registers,
      collect: from((s) => s.casesInFlight, (rows) => {
        casesInFlight.reset();
        for (const row of rows) casesInFlight.set({ process: row.process, status: row.status }, row.n);
      }),
    });
    const completed: Gauge<'process'> = new Gauge({
      name: 'onetrip_cases_completed_last_hour',
      help: 'Cases completed in the last hour, by process',
      labelNames: ['process'],
      registers,
      collect: from((s) => s.completedLastHour, (rows) => {
        completed.reset();
        for (const row of rows) completed.set({ process: row.process }, row.n);
      }),
    });
    const stuck: Gauge<'reason'> = new Gauge({
      name: 'onetrip_cases_stuck',
      help: 'Live cases stuck, by reason of the admin stuck listing (OVERDUE, STEP_FAILING, AWAITING_APPLICANT, NO_PROGRESS, COMPLAINT)',
      labelNames: ['reason'],
      registers,
      collect: from((s) => s.stuck, (rows) => {
        for (const row of rows) stuck.set({ reason: row.reason }, row.n);
      }),
    });
    const stepsOpen: Gauge<'process' | 'department'> = new Gauge({
      name: 'onetrip_steps_open',
      help: 'Steps waiting for a decision (task OPEN or CLAIMED), by process and department',
      labelNames: ['process', 'department'],
      registers,
      collect: from((s) => s.openSteps, (rows) => {
        stepsOpen.reset();
        for (const row of rows) stepsOpen.set({ process: row.process, department: row.department }, row.open);
      }),
    });
    const stepsPastLimit: Gauge<'process' | 'department'> = new Gauge({
      name: 'onetrip_steps_past_limit',
      help: 'Open steps past their time limit (SLA breached), by process and department',
      labelNames: ['process', 'department'],
      registers,
      collect: from((s) => s.openSteps, (rows) => {
        stepsPastLimit.reset();
        for (const row of rows) stepsPastLimit.set({ process: row.process, department: row.department }, row.pastLimit);
      }),
    });
    // Counters read from the tables: rows are only ever added, so the figure only grows (rate() works).
    const corrections: Counter<'status'> = new Counter({
      name: 'onetrip_corrections_total',
      help: 'Corrections submitted by applicants, by status (PENDING, APPLIED, REFUSED)',
      labelNames: ['status'],
      registers,
      collect: from((s) => s.corrections, (rows) => {
        corrections.reset();
        for (const row of rows) corrections.inc({ status: row.status }, row.n);
      }),
    });
    const complaintsTotal: Counter = new Counter({
      name: 'onetrip_complaints_total',
      help: 'Complaints raised',
      registers,
      collect: from((s) => s.complaints.total, (total) => {
        complaintsTotal.reset();
        complaintsTotal.inc(total);
      }),
    });
    const complaintsOpen: Gauge = new Gauge({
      name: 'onetrip_complaints_open',
      help: 'Complaints not yet resolved',
      registers,
      collect: from((s) => s.complaints.open, (open) => complaintsOpen.set(open)),
    });
    const age: Gauge = new Gauge({
      name: 'onetrip_business_metrics_age_seconds',
      help: 'Age of the case figures above (grows while PostgreSQL cannot be read; they then keep their last values)',
      registers,
      collect: async () => {
        await this.snapshot().catch(() => undefined);
        age.set(this.lastSuccess ? (Date.now() - this.lastSuccess) / 1000 : -1);
      },
    });
  }

  /** Express middleware: times every request and labels it once the response is sent. */
  httpMiddleware(): (req: Request, res: Response, next: NextFunction) => void {
    return (req, res, next) => {
      const stop = this.httpDuration.startTimer();
      res.once('finish', () => stop({ method: req.method, route: routeTemplate(req), status: String(res.statusCode) }));
      next();
    };
  }

  /** The exposition text of one scrape. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  private snapshot(): Promise<BusinessSnapshot> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < this.config.METRICS_CACHE_SECONDS * 1000) return this.cached.snapshot;
    const previous = this.cached?.snapshot;
    const snapshot = this.repository
      .snapshot({ noProgressMinutes: this.config.STUCK_NO_PROGRESS_MINUTES, awaitingApplicantMinutes: this.config.STUCK_AWAITING_APPLICANT_MINUTES })
      .then((value) => {
        this.lastSuccess = Date.now();
        return value;
      })
      // PostgreSQL down: keep serving the last figures (their age says how old), or none before the first.
      .catch((error: unknown) => (previous ? previous : Promise.reject(error)));
    this.cached = { at: now, snapshot };
    return snapshot;
  }
}
