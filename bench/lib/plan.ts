import type { BenchOptions } from './options';

// What a run of these sizes should take on an idle 2-core machine, stretch by stretch (issue 16: the quick
// run under 3 minutes, the full run under 20). Rates and fixed costs come from the last full run on a quiet
// machine (docs/benchmarks.json of 2026-11-28: cases 218 s, api 218 s, clerks 116 s, temporal-pg 331 s,
// reads 170 s) and, for the peer, from its CPU per case; each run's report prints the plan beside what it
// measured, so the constants can be checked against every run.

/** Per second on an idle machine, full speed: ours, the skeleton and the one-activity floor (dev server). */
const DEV = { ours: 23, skeleton: 33.5, floor: 53 };
/** The same on the full server with PostgreSQL. */
const FULL_SERVER = { ours: 15, skeleton: 19, floor: 39 };
/** The peer at full speed: ~100 ms of CPU per case (JVM + PostgreSQL) on two cores, as fast as ours at best. */
const PEER_PER_SECOND = 20;
/** The peer one case at a time, seconds per case (the idle trial: p50 169 ms, p99 410 ms). */
const PEER_SERIAL_SECONDS = 0.25;

/** The full server's runs of section 1 are shorter: issue 16 asks its cases/s and CPU per case beside the dev server's, and the full run must stay under 20 minutes. */
export const FULL_SERVER_SIZES = { fixedRateSeconds: 30, fullSpeedCases: 500, floorWorkflows: 300 };

/** Section 1's sizes for the full server: the run's own, capped. */
export function fullServerOptions(options: BenchOptions): BenchOptions {
  return {
    ...options,
    fixedRateSeconds: Math.min(options.fixedRateSeconds, FULL_SERVER_SIZES.fixedRateSeconds),
    fullSpeedCases: Math.min(options.fullSpeedCases, FULL_SERVER_SIZES.fullSpeedCases),
    floorWorkflows: Math.min(options.floorWorkflows, FULL_SERVER_SIZES.floorWorkflows),
  };
}

export interface Plan {
  seconds: Record<string, number>;
  total: number;
}

/**
 * The peer's Maven build runs beside the setup (bench/run.ts), so only what it takes beyond the setup counts:
 * measured CPU 15 s compiling from ~/.m2, 24 s when it first fetches its 59 jars and Maven's plugins (~42 MB)
 * from Maven Central, plus the download itself.
 */
const PEER_BUILD_SECONDS = { unchanged: 0, offline: 20, online: 45 };

/** Seconds per stretch (`build` is `./onetrip bench`'s build of the apps) and in all. */
export function plannedSeconds(options: BenchOptions, peerBuild: keyof typeof PEER_BUILD_SECONDS = 'unchanged'): Plan {
  const fixedCount = Math.max(1, Math.round(options.fixedRate * options.fixedRateSeconds));
  // Warm-up, two fixed-rate phases (each drains ~2 s after its last start), three full-speed phases.
  const caseSection = (rates: typeof DEV, sizes: BenchOptions): number =>
    (2 * sizes.warmupCases) / 8 +
    2 * (sizes.fixedRateSeconds + 2) +
    sizes.fullSpeedCases / rates.ours +
    sizes.fullSpeedCases / rates.skeleton +
    sizes.floorWorkflows / rates.floor +
    // Reading each fixed-rate skeleton's history, listings and polls.
    fixedCount * 0.01 +
    5;
  const seconds: Record<string, number> = { build: 60, setup: Math.max(30, options.sections.includes('peer-flowable') ? PEER_BUILD_SECONDS[peerBuild] : 0) };
  for (const section of options.sections) {
    if (section === 'cases') seconds.cases = caseSection(DEV, options);
    if (section === 'peer-flowable')
      // JVM and engine boot, a template case, then the phases at section 1's sizes.
      seconds['peer-flowable'] =
        10 + options.peerWarmupCases / PEER_PER_SECOND + options.fixedRateSeconds + 2 + options.fullSpeedCases / PEER_PER_SECOND + options.peerOneAtATime * PEER_SERIAL_SECONDS;
    if (section === 'api') {
      // Per rate: hello, a read and POST, paced then autocannon; then the POSTs' AUTO cases drain at ours' rate.
      const perRate = options.apiRates.map((rate) => 2 * (2 * options.apiSeconds + options.apiPostSeconds) + (2 * rate * options.apiPostSeconds) / DEV.ours);
      seconds.api = 10 + perRate.reduce((a, b) => a + b, 0);
    }
    if (section === 'clerks') seconds.clerks = 8 + options.cachedCases * 0.16 + options.roundTrips * 0.1;
    if (section === 'temporal-pg')
      // The server's boot and schema, apps restarted twice, then section 1 at its sizes.
      seconds['temporal-pg'] = 60 + caseSection(FULL_SERVER, fullServerOptions(options));
    // The seed (157 s per million cases), a checkpoint, the API restarted, the reads one at a time.
    if (section === 'reads') seconds.reads = 8 + options.seedCases * 157e-6 + options.readRequests * 2 * 0.004 + options.stuckRequests * 0.06;
    if (section === 'cluster') seconds.cluster = 120;
  }
  const rounded = Object.fromEntries(Object.entries(seconds).map(([name, value]) => [name, Math.round(value)]));
  return { seconds: rounded, total: Object.values(rounded).reduce((a, b) => a + b, 0) };
}
