import { Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The worker's Prometheus page: its process figures (prom-client) followed by the Temporal SDK's own
 * (workflow and activity task latencies, slots, poll failures, sticky cache…), which the SDK's Runtime
 * serves on a loopback port of its own. One scrape target per worker.
 */
export class WorkerMetrics {
  readonly registry = new Registry();

  constructor(private readonly sdkMetricsUrl: string) {
    collectDefaultMetrics({ register: this.registry });
  }

  async render(): Promise<string> {
    const [own, sdk] = await Promise.all([this.registry.metrics(), this.sdkMetrics()]);
    return `${own}\n${sdk}`;
  }

  private async sdkMetrics(): Promise<string> {
    // Bounded: a scrape must not hang on the SDK's listener. Without it the page still has the worker's own figures.
    const response = await fetch(this.sdkMetricsUrl, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
    if (!response?.ok) return '# Temporal SDK metrics unavailable\n';
    return response.text();
  }
}
