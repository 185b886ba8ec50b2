import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client as PgClient } from 'pg';
import { setNamespaceRetention, DEV_SERVER_HISTORY_CACHE_ENTRIES, DEV_SERVER_RETENTION_HOURS } from '../scripts/stack/temporal-dev-server';
import { benchForm } from './lib/forms';
import { registerApplicant, renewingSession, request, signIn } from './lib/http';
import { rssMiB } from './lib/proc';
import { now, round, sleep } from './lib/stats';
import { BenchStack, LOG_DIR } from './lib/stack';

// Issue 15 §3: does the embedded Temporal server's memory level off over a long run of AUTO cases, or how
// fast does it grow? Files AUTO cases through the API at a fixed rate on the bench's own stack (dev server
// on SQLite, as `./onetrip up` runs it), samples the RSS of the server, the API and the worker, the
// server's mutable-state cache entries and Go heap (its /metrics), and fits the growth per 1,000 completed
// cases over the second and the last quarter of the run (the first quarter is the server's warm-up: caches
// filling). Results in docs/operations.md, "Memory of the embedded Temporal server".
// Never more than --max-in-flight cases wait to complete: a machine that cannot hold the rate makes the run
// slower, instead of piling up open workflows whose timed-out workflow tasks would be measured instead.
// Not a test and not part of `./onetrip bench`: 20,000 cases at 8/s take 42 minutes of two cores.
//
//   npx nest build api && npx nest build worker   # dist/ (or any ./onetrip test or bench)
//   node_modules/.bin/tsx bench/temporal-rss.ts --cases=20000 --rate=8
//   node_modules/.bin/tsx bench/temporal-rss.ts --cases=6000 --cache-entries=8096   # the CLI's own cache size
//   node_modules/.bin/tsx bench/temporal-rss.ts --cases=200 --rate=8 --sample-seconds=2   # a dry run

interface Options {
  cases: number;
  rate: number;
  sampleSeconds: number;
  retentionHours: number;
  maxInFlight: number;
  /** history.hostLevelCacheMaxSize for this run (default: the dev server's, DEV_SERVER_HISTORY_CACHE_ENTRIES). */
  cacheEntries: number;
}

interface Sample {
  seconds: number;
  submitted: number;
  completed: number;
  temporalMiB: number;
  apiMiB: number;
  workerMiB: number;
  /** The dev server's SQLite file and its write-ahead log. */
  sqliteMiB: number;
  /** Workflows whose mutable state the server holds in memory (its cache_usage gauge). */
  cachedWorkflows?: number;
  /** The server's Go heap in use (its memory_heap gauge). */
  heapMiB?: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { cases: 20_000, rate: 8, sampleSeconds: 15, retentionHours: DEV_SERVER_RETENTION_HOURS, maxInFlight: 0, cacheEntries: DEV_SERVER_HISTORY_CACHE_ENTRIES };
  for (const arg of argv) {
    const match = /^--(cases|rate|sample-seconds|retention-hours|max-in-flight|cache-entries)=(\d+(?:\.\d+)?)$/.exec(arg);
    if (!match) throw new Error(`unknown option ${arg}: --cases=N --rate=N --sample-seconds=N --retention-hours=N --max-in-flight=N --cache-entries=N`);
    const value = Number(match[2]);
    if (!(value > 0)) throw new Error(`--${match[1]} must be positive`);
    if (match[1] === 'cases') options.cases = Math.round(value);
    if (match[1] === 'rate') options.rate = value;
    if (match[1] === 'sample-seconds') options.sampleSeconds = value;
    if (match[1] === 'retention-hours') options.retentionHours = value;
    if (match[1] === 'max-in-flight') options.maxInFlight = Math.round(value);
    if (match[1] === 'cache-entries') options.cacheEntries = Math.round(value);
  }
  // Half a minute of submissions may wait at once: enough for the rate to hold on a machine that keeps up.
  if (!options.maxInFlight) options.maxInFlight = Math.max(50, Math.round(options.rate * 30));
  return options;
}

const fileMiB = (file: string): number => (fs.existsSync(file) ? fs.statSync(file).size / 2 ** 20 : 0);

/** A gauge from Prometheus text, e.g. `cache_usage{cache_type="mutablestate",service_name="history"}`. */
export function gauge(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => have[key] === value)) return Number(match[3]);
  }
  return undefined;
}

/** Least-squares slope of RSS (MiB) against completed cases, per 1,000 cases. */
export function growthPerThousand(samples: readonly Pick<Sample, 'completed' | 'temporalMiB'>[]): number | undefined {
  if (samples.length < 2) return undefined;
  const n = samples.length;
  const meanX = samples.reduce((sum, s) => sum + s.completed, 0) / n;
  const meanY = samples.reduce((sum, s) => sum + s.temporalMiB, 0) / n;
  const sxx = samples.reduce((sum, s) => sum + (s.completed - meanX) ** 2, 0);
  if (sxx === 0) return undefined;
  const sxy = samples.reduce((sum, s) => sum + (s.completed - meanX) * (s.temporalMiB - meanY), 0);
  return (sxy / sxx) * 1000;
}

// Fewer cases than this say nothing about the long run (the caches are still filling).
const MIN_CASES_FOR_A_VERDICT = 2_000;

/** Levelled off: the last quarter grows at most a fifth as fast as the second, or under 0.5 MiB per 1,000 cases. */
export function verdict(samples: readonly Sample[]): { secondQuarter?: number; lastQuarter?: number; levelsOff?: boolean } {
  const total = samples.at(-1)?.completed ?? 0;
  const secondQuarter = growthPerThousand(samples.filter((s) => s.completed >= total / 4 && s.completed <= total / 2));
  const lastQuarter = growthPerThousand(samples.filter((s) => s.completed >= (total * 3) / 4));
  if (total < MIN_CASES_FOR_A_VERDICT || lastQuarter === undefined) return { secondQuarter, lastQuarter };
  return { secondQuarter, lastQuarter, levelsOff: lastQuarter < 0.5 || (secondQuarter !== undefined && secondQuarter > 0 && lastQuarter <= secondQuarter / 5) };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const began = Date.now();
  const log = (message: string): void => console.log(`[temporal-rss ${((Date.now() - began) / 1000).toFixed(0).padStart(5)} s] ${message}`);
  const stack = new BenchStack();
  const stop = async (code: number): Promise<never> => {
    await stack.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(130));
  try {
    await stack.start({ log, temporalDynamicConfig: { 'history.hostLevelCacheMaxSize': options.cacheEntries } });
    await setNamespaceRetention(stack.temporalClient, 'default', options.retentionHours);
    const worker = await stack.startWorker('worker');
    const api = await stack.startApi('api-auto', { CASE_DEPARTMENT_MODES: '*=AUTO', CASE_CALENDAR: 'ALWAYS' });
    const db = new PgClient({ connectionString: stack.postgres.url, application_name: 'onetrip-bench-rss' });
    await db.connect();
    const username = `bench-rss-${process.pid}`;
    const applicant = renewingSession(await registerApplicant(api.url, username), () => signIn(api.url, username, 'bench-password-1'));
    const temporalPid = stack.temporal.process.pid!;
    const sqlite = path.join(stack.dataDir, 'temporal.sqlite');
    log(
      `${options.cases} AUTO cases at ${options.rate}/s (~${Math.round(options.cases / options.rate / 60)} min), at most ${options.maxInFlight} waiting to complete, ` +
        `retention ${options.retentionHours} h, history cache ${options.cacheEntries} workflows, a sample every ${options.sampleSeconds} s`,
    );

    let submitted = 0;
    let failed = 0;
    // Refused submissions by status: a run whose cases were refused (an expired token once: 401 after 15
    // minutes, counted as in-flight no more) measures nothing, so too many end it.
    const refused: Record<string, number> = {};
    const samples: Sample[] = [];
    // Written at every sample too, so a run stopped early (SIGINT) leaves what it measured.
    const out = path.join(LOG_DIR, `temporal-rss-${options.cases}.json`);
    fs.mkdirSync(LOG_DIR, { recursive: true });
    const completedNow = async (): Promise<number> => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE status = 'COMPLETED'`)).rows[0].n;
    const serverGauges = async (): Promise<Pick<Sample, 'cachedWorkflows' | 'heapMiB'>> => {
      const text = await fetch(stack.temporalMetricsUrl)
        .then((reply) => reply.text())
        .catch(() => '');
      const heap = gauge(text, 'memory_heap', { service_name: 'history' });
      return { cachedWorkflows: gauge(text, 'cache_usage', { cache_type: 'mutablestate', service_name: 'history' }), heapMiB: heap === undefined ? undefined : round(heap / 2 ** 20, 1) };
    };
    const sample = async (): Promise<Sample> => {
      const completed = await completedNow();
      const taken: Sample = {
        seconds: Math.round((Date.now() - began) / 1000),
        submitted,
        completed,
        temporalMiB: round(rssMiB(temporalPid) ?? 0, 1),
        apiMiB: round(rssMiB(api.pid) ?? 0, 1),
        workerMiB: round(rssMiB(worker.pid) ?? 0, 1),
        sqliteMiB: round(fileMiB(sqlite) + fileMiB(`${sqlite}-wal`), 1),
        ...(await serverGauges()),
      };
      samples.push(taken);
      fs.writeFileSync(out, JSON.stringify({ options, finished: false, failed, samples }, null, 2));
      log(
        `submitted ${taken.submitted}, completed ${taken.completed}; RSS Temporal ${taken.temporalMiB} MiB (heap ${taken.heapMiB ?? '?'}, ${taken.cachedWorkflows ?? '?'} workflows cached), ` +
          `API ${taken.apiMiB}, worker ${taken.workerMiB}; SQLite ${taken.sqliteMiB} MiB`,
      );
      return taken;
    };
    await sample();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        await sleep(options.sampleSeconds * 1000);
        if (sampling) await sample();
      }
    })();
    const t0 = now();
    const running: Promise<void>[] = [];
    let next = now();
    let held = 0;
    for (let index = 0; index < options.cases; index++) {
      // Paced at the rate; while too many wait to complete, the pace starts again from when they have.
      if (submitted - failed - (await completedNow()) >= options.maxInFlight) {
        const heldFrom = now();
        while (submitted - failed - (await completedNow()) >= options.maxInFlight) await sleep(500);
        held += now() - heldFrom;
        next = now();
      }
      const wait = next - now();
      if (wait > 0) await sleep(wait);
      next += 1000 / options.rate;
      submitted++;
      const { token } = await applicant.current();
      running.push(
        request(api.url, 'POST', '/applications', { token, body: benchForm() }).then(
          (reply) => {
            if (reply.status === 201) return;
            failed++;
            refused[reply.status] = (refused[reply.status] ?? 0) + 1;
          },
          () => {
            failed++;
            refused.network = (refused.network ?? 0) + 1;
          },
        ),
      );
      if (failed > Math.max(20, submitted / 100)) throw new Error(`${failed} of ${submitted} submissions refused (${JSON.stringify(refused)}): the run would measure nothing`);
    }
    await Promise.all(running);
    const submitSeconds = round((now() - t0) / 1000, 1);
    log(`all submitted in ${submitSeconds} s (${failed} refused; held ${round(held / 1000, 0)} s for cases in flight); waiting for the last to complete`);
    const deadline = Date.now() + 10 * 60_000;
    while ((await completedNow()) < options.cases - failed && Date.now() < deadline) await sleep(1000);
    sampling = false;
    await sampler;
    const last = await sample();

    const result = verdict(samples);
    const first = samples[0];
    const summary = {
      options,
      // The worker's settings come from the environment (apps/worker/src/config/worker.config.ts).
      workerMaxConcurrentWorkflowTasks: process.env.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS ?? 'default',
      finished: true,
      failed,
      refused,
      completed: last.completed,
      submitSeconds,
      heldSeconds: round(held / 1000, 0),
      casesPerSecond: round(last.completed / submitSeconds, 2),
      temporalMiB: { start: first.temporalMiB, end: last.temporalMiB, peak: Math.max(...samples.map((s) => s.temporalMiB)) },
      growthMiBPerThousandCases: { secondQuarter: result.secondQuarter && round(result.secondQuarter, 2), lastQuarter: result.lastQuarter && round(result.lastQuarter, 2) },
      levelsOff: result.levelsOff,
      samples,
    };
    fs.writeFileSync(out, JSON.stringify(summary, null, 2));
    log(
      `Temporal RSS ${first.temporalMiB} → ${last.temporalMiB} MiB (peak ${summary.temporalMiB.peak}) over ${last.completed} completed cases; ` +
        `growth per 1,000 cases: second quarter ${summary.growthMiBPerThousandCases.secondQuarter ?? '–'} MiB, last quarter ${summary.growthMiBPerThousandCases.lastQuarter ?? '–'} MiB: ` +
        (result.levelsOff === undefined
          ? `too short to tell (under ${MIN_CASES_FOR_A_VERDICT} cases)`
          : result.levelsOff
            ? 'levels off'
            : 'still growing (see docs/operations.md, "Memory of the embedded Temporal server")'),
    );
    log(`wrote ${path.relative(process.cwd(), out)}`);
    await db.end();
  } catch (error) {
    console.error(error);
    await stop(1);
  }
  await stop(0);
}

if (require.main === module) void main();
