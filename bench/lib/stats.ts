/** Latency summary in milliseconds (nearest-rank percentiles). */
export interface Summary {
  count: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / (sorted.length || 1);
  return {
    count: sorted.length,
    min: round(sorted[0] ?? NaN),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
    mean: round(mean),
  };
}

export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * Completions per second in steady state: the middle 80 % of the completions (10th to 90th
 * percentile of completion times), so the ramp-up and the tail do not count.
 */
export function sustainedRate(completionTimesMs: readonly number[]): number {
  const sorted = [...completionTimesMs].sort((a, b) => a - b);
  if (sorted.length < 10) return sorted.length / Math.max(0.001, ((sorted[sorted.length - 1] ?? 0) - (sorted[0] ?? 0)) / 1000);
  const lo = Math.floor(sorted.length * 0.1);
  const hi = Math.ceil(sorted.length * 0.9) - 1;
  return round((hi - lo) / Math.max(0.001, (sorted[hi] - sorted[lo]) / 1000));
}

/** Time-keeping helpers. */
export const now = (): number => performance.timeOrigin + performance.now();
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `task(i)` for i in [0, count) with at most `concurrency` at a time. */
export async function pool(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) {
      const index = next++;
      await task(index);
    }
  });
  await Promise.all(runners);
}

/** Starts `task(i)` at a fixed rate (open loop: a slow task does not delay the next start). */
export async function atRate(count: number, perSecond: number, task: (index: number) => Promise<void>): Promise<void> {
  const start = now();
  const running: Promise<void>[] = [];
  for (let index = 0; index < count; index++) {
    const due = start + (index * 1000) / perSecond;
    const wait = due - now();
    if (wait > 0) await sleep(wait);
    running.push(task(index));
  }
  await Promise.all(running);
}
