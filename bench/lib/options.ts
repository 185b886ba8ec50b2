// Sizes of the benchmark, from flags (`--full-speed-cases=2000`) or the environment
// (`BENCH_FULL_SPEED_CASES=2000`); `--quick` starts from the smoke-run sizes instead.

export interface BenchOptions {
  quick: boolean;
  /** Which sections run: cases (1, 2, 6), peer-flowable (7), api (5), clerks (3 and the worker cache), temporal-pg (1–2 on Temporal with PostgreSQL), reads (4); `--quick` leaves out api and temporal-pg. */
  sections: string[];
  warmupCases: number;
  /** Fixed-rate phase: cases (and skeletons) started per second, and for how long. */
  fixedRate: number;
  fixedRateSeconds: number;
  /** Full-speed phase: cases submitted at once, with this many requests in flight. */
  fullSpeedCases: number;
  submitConcurrency: number;
  floorWorkflows: number;
  /** MANUAL cases left waiting in the worker's cache, then worked by the clerks. */
  cachedCases: number;
  clerksPerDepartment: number;
  signalsPerSecond: number;
  roundTrips: number;
  seedCases: number;
  readRequests: number;
  stuckRequests: number;
  apiRates: number[];
  apiSeconds: number;
  /** POSTs start AUTO cases, which then load the worker: a shorter run. */
  apiPostSeconds: number;
  apiConnections: number;
  /** POSTs take ~100+ ms under load: more connections, so autocannon can reach the rate. */
  apiPostConnections: number;
  /** The Flowable peer (section 7): cases run to warm the JVM first, and cases run one at a time. */
  peerWarmupCases: number;
  peerOneAtATime: number;
}

const FULL: Omit<BenchOptions, 'quick' | 'sections'> = {
  warmupCases: 30,
  fixedRate: 5,
  fixedRateSeconds: 60,
  fullSpeedCases: 1000,
  submitConcurrency: 16,
  floorWorkflows: 1000,
  cachedCases: 500,
  clerksPerDepartment: 2,
  signalsPerSecond: 10,
  roundTrips: 300,
  seedCases: 1_000_000,
  readRequests: 500,
  stuckRequests: 100,
  apiRates: [50, 200],
  // 10 s and 3 s (were 15 and 5): the POSTs' AUTO cases drain after each run, and the full run must stay under 20 minutes.
  apiSeconds: 10,
  apiPostSeconds: 3,
  apiConnections: 20,
  apiPostConnections: 50,
  peerWarmupCases: 200,
  peerOneAtATime: 60,
};

// Small enough that a quick run, build included, plans under 3 minutes on two idle cores (bench/lib/plan.ts).
const QUICK: Omit<BenchOptions, 'quick' | 'sections'> = {
  warmupCases: 5,
  fixedRate: 4,
  fixedRateSeconds: 4,
  fullSpeedCases: 60,
  submitConcurrency: 16,
  floorWorkflows: 60,
  cachedCases: 20,
  clerksPerDepartment: 2,
  signalsPerSecond: 10,
  roundTrips: 20,
  seedCases: 10_000,
  readRequests: 60,
  stuckRequests: 20,
  apiRates: [50, 200],
  apiSeconds: 2,
  apiPostSeconds: 1,
  apiConnections: 20,
  apiPostConnections: 50,
  peerWarmupCases: 30,
  peerOneAtATime: 10,
};

export const SECTIONS = ['cases', 'peer-flowable', 'api', 'clerks', 'temporal-pg', 'reads'];
/**
 * `--quick` checks the hot path beside the peer in under 3 minutes, build included (issue 16; bench/lib/plan.ts):
 * left to the full run unless named are the full server on PostgreSQL (its own boot, schema and a second set
 * of apps) and the API under load (its POSTs start hundreds of AUTO cases that must drain).
 */
export const QUICK_SECTIONS = SECTIONS.filter((section) => section !== 'temporal-pg' && section !== 'api');
/** Run only when named: the cluster under faults (its own report, docs/cluster-bench.*). */
export const OPTIONAL_SECTIONS = ['cluster'];

const kebab = (key: string): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const snake = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const quick = argv.includes('--quick') || env.BENCH_QUICK === '1';
  const sizes: Record<string, number | number[]> = { ...(quick ? QUICK : FULL) };
  for (const key of Object.keys(sizes)) {
    const flag = argv.find((arg) => arg.startsWith(`--${kebab(key)}=`));
    const raw = flag ? flag.slice(flag.indexOf('=') + 1) : env[`BENCH_${snake(key)}`];
    if (raw === undefined || raw === '') continue;
    const values = raw.split(',').map((part) => Number(part.replace(/_/g, '')));
    if (values.some((value) => !Number.isFinite(value) || value < 0)) throw new Error(`--${kebab(key)}: "${raw}" is not a number`);
    sizes[key] = Array.isArray(sizes[key]) ? values : values[0];
  }
  const sectionFlag = argv.find((arg) => arg.startsWith('--sections='));
  const sections = (sectionFlag?.slice('--sections='.length) ?? env.BENCH_SECTIONS ?? (quick ? QUICK_SECTIONS : SECTIONS).join(',')).split(',').filter(Boolean);
  const unknown = sections.filter((section) => !SECTIONS.includes(section) && !OPTIONAL_SECTIONS.includes(section));
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}: choose from ${[...SECTIONS, ...OPTIONAL_SECTIONS].join(', ')}`);
  return { quick, sections, ...(sizes as Omit<BenchOptions, 'quick' | 'sections'>) };
}

export function usage(): string {
  const keys = Object.keys(FULL).map((key) => `  --${kebab(key)}=N  (BENCH_${snake(key)}; full ${String(FULL[key as keyof typeof FULL])}, quick ${String(QUICK[key as keyof typeof QUICK])})`);
  return [
    'usage: ./onetrip bench [--quick] [--sections=cases,peer-flowable,api,clerks,temporal-pg,reads,cluster] [sizes]',
    `  (--quick runs ${QUICK_SECTIONS.join(',')} unless --sections says otherwise)`,
    ...keys,
  ].join('\n');
}
