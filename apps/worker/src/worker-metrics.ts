import type { Context } from '@temporalio/activity';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { Counter, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The worker's Prometheus page: its process figures (prom-client) followed by the Temporal SDK's own
 * (workflow and activity task latencies, slots, poll failures, sticky cache…), which the SDK's Runtime
 * serves on a loopback port of its own. One scrape target per worker.
 */
export class WorkerMetrics {
  readonly registry = new Registry();
  private readonly activityFailures: Counter<'activity'>;

  /** `sdkMetricsUrl`: the SDK's loopback exporter, when the Runtime was given one. */
  constructor(private readonly sdkMetricsUrl?: string) {
    this.registry.setDefaultLabels({ service: 'onetrip-worker' });
    collectDefaultMetrics({ register: this.registry });
    // The SDK counts failures too, but exports a counter only once it has counted one: this one is always on
    // the page, so an alert on it can be checked against a scrape.
    this.activityFailures = new Counter({
      name: 'onetrip_activity_failures_total',
      help: 'Failed activity attempts (each is retried), by activity type',
      labelNames: ['activity'],
      registers: [this.registry],
    });
  }

  /** Counts every failed activity attempt. */
  activityInterceptor(): ActivityInterceptorsFactory {
    return (ctx: Context) => ({
      inbound: {
        execute: async (input, next) => {
          try {
            return await next(input);
          } catch (error) {
            this.activityFailures.inc({ activity: ctx.info.activityType });
            throw error;
          }
        },
      },
    });
  }

  async render(): Promise<string> {
    const [own, sdk] = await Promise.all([this.registry.metrics(), this.sdkMetrics()]);
    return `${own}\n${sdk}`;
  }

  private async sdkMetrics(): Promise<string> {
    if (!this.sdkMetricsUrl) return '';
    // Bounded: a scrape must not hang on the SDK's listener. Without it the page still has the worker's own figures.
    const response = await fetch(this.sdkMetricsUrl, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
    if (!response?.ok) return '# Temporal SDK metrics unavailable\n';
    return response.text();
  }
}
