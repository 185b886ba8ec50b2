import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { Department } from '@onetrip/domain';
import { freePort } from '../../scripts/stack/ports';
import { startRoundRobinProxy, type RoundRobinProxy } from '../../scripts/stack/round-robin-proxy';
import { startTemporalOnPostgres, temporalServerBinary, type RunningTemporalServer } from '../../scripts/stack/temporal-postgres';
import { recordPeaks, type BenchContext } from '../lib/context';
import { benchForm } from '../lib/forms';
import { registerApplicant, renewingSession, request, signIn, type Reply, type Session } from '../lib/http';
import { now, pool, round, sleep } from '../lib/stats';
import { CpuMeter } from '../lib/proc';
import { fileLog, type Proc } from '../lib/stack';
import { DEMO_PASSWORD } from './clerks';

// The cluster profile under faults (issue 15 §2): the full Temporal server on PostgreSQL, two API
// processes behind the round-robin proxy and three workers. Cases with AUTO and MANUAL steps go in
// through the proxy while one API and one worker are killed (SIGKILL) and the Temporal server's process
// is killed and started again. Every case must finish, nothing may be written twice, and the only
// client-visible failures allowed are 503s that a retry (same Idempotency-Key) got past.
// Then throughput with one worker and with three, AUTO cases on the same cluster.

/** TAX and BANK wait for clerks; the other steps decide themselves. */
const MIXED_MODES = 'SAMR=AUTO,PSB=AUTO,HRSS=AUTO,TAX=MANUAL,BANK=MANUAL';
const MANUAL_DEPARTMENTS: Department[] = ['TAX', 'BANK'];
const CLERK_OF: Partial<Record<Department, string>> = { TAX: 'clerk-tax', BANK: 'clerk-bank' };
const RETRY_LIMIT = 60;
const CLERKS_PER_DEPARTMENT = 8;
const WARM_UP_CASES_PER_WORKER = 15;

export interface ClusterRun {
  cases: number;
  seconds: number;
  casesPerSecond: number;
  /** CPU ms per case by role over the timed cases (the throughput runs only). */
  cpuMsPerCase?: { workers: number; apis: number; temporal: number; postgres: number };
}

export interface ClusterSectionResult {
  server: string;
  layout: string;
  faults: ClusterRun & {
    modes: string;
    /** What happened when, seconds from the first submission. */
    events: string[];
    completed: number;
    /** Requests answered 503 (by the proxy or an API) and sent again; none failed for good. */
    retried503: number;
    /** Requests that failed without an HTTP answer (connection reset) and were sent again. */
    retriedConnection: number;
    failedRequests: string[];
    proxy: RoundRobinProxy['counts'];
    /** Each should be 0: cases per submission beyond one, tasks not DONE, enterprises per case beyond one, notifications of one kind twice. */
    duplicates: { extraCases: number; tasksNotDone: number; extraEnterprises: number; repeatedNotifications: number };
  };
  throughput: { oneWorker: ClusterRun; threeWorkers: ClusterRun; ratio: number };
}

interface Cluster {
  proxy: RoundRobinProxy;
  apis: (Proc & { url: string })[];
  workers: Proc[];
  stop(): Promise<void>;
}

export async function runClusterSection(ctx: BenchContext): Promise<ClusterSectionResult | { skipped: string }> {
  const { stack, log, options } = ctx;
  const binary = temporalServerBinary();
  if (!binary) return { skipped: 'no Temporal server binary (bench/ensure-temporal-server.sh needs Go to build one)' };
  log('cluster: the full Temporal server on PostgreSQL, 2 APIs behind a round-robin proxy, 3 workers');
  const server = await startTemporalOnPostgres({ binary, postgresUrl: stack.postgres.url, dataDir: path.join(stack.dataDir, 'temporal-cluster'), log: fileLog('temporal-cluster') });
  const stopServer = stack.onStop(() => server.stop());
  recordPeaks(ctx);
  await Promise.all([ctx.procs.api?.stop(), ctx.procs.worker?.stop(), ctx.procs.skeletonWorker?.stop()]);
  ctx.procs = {};
  const env = { TEMPORAL_ADDRESS: server.address };
  const startCluster = async (label: string, workers: number, modes: string): Promise<Cluster> => {
    const workerProcs = await Promise.all(Array.from({ length: workers }, (_, i) => stack.startWorker(`${label}-worker-${i + 1}`, env)));
    const apis = await Promise.all([1, 2].map((i) => stack.startApi(`${label}-api-${i}`, { ...env, CASE_DEPARTMENT_MODES: modes })));
    const proxy = await startRoundRobinProxy({
      port: await freePort(),
      upstreams: apis.map((api) => ({ host: '127.0.0.1', port: Number(new URL(api.url).port) })),
      log: fileLog(`${label}-proxy`),
    });
    return { proxy, apis, workers: workerProcs, stop: async () => void (await Promise.all([proxy.close(), ...apis.map((api) => api.stop()), ...workerProcs.map((w) => w.stop())])) };
  };

  try {
    const version = (await ctx.stack.temporalClientFor(server.address).then(async (client) => {
      try {
        return (await client.workflowService.getSystemInfo({})).serverVersion;
      } finally {
        await client.connection.close();
      }
    })) ?? 'unknown';

    const cases = options.quick ? 40 : 200;
    log(`cluster under faults: ${cases} cases (${MIXED_MODES}); one API and one worker killed, the Temporal server killed and restarted`);
    const faultCluster = await startCluster('cluster-faults', 3, MIXED_MODES);
    let faults: ClusterSectionResult['faults'];
    try {
      faults = await runUnderFaults(ctx, faultCluster, server, cases);
    } finally {
      await faultCluster.stop();
    }
    log(`  ${faults.completed}/${faults.cases} completed in ${faults.seconds} s; ${faults.retried503} 503s retried; duplicates ${JSON.stringify(faults.duplicates)}`);

    const throughputCases = options.quick ? 40 : 150;
    const runs: ClusterRun[] = [];
    for (const workers of [1, 3]) {
      const cluster = await startCluster(`cluster-${workers}w`, workers, '*=AUTO');
      try {
        // Fresh processes: each worker's first workflow tasks compile the bundle and warm the JIT (5-6 s tasks
        // were seen), which would be charged to the three-worker run three times over. Timed cases come after.
        await runAutoCases(ctx, cluster, WARM_UP_CASES_PER_WORKER * workers);
        const meter = new CpuMeter(() => ({
          ...Object.fromEntries(cluster.workers.map((w, i) => [`worker${i}`, w.pid])),
          ...Object.fromEntries(cluster.apis.map((a, i) => [`api${i}`, a.pid])),
          temporal: server.process.pid,
          postgres: ctx.stack.postgresPid(),
        }));
        meter.start();
        const run = await runAutoCases(ctx, cluster, throughputCases);
        const used = meter.stop();
        const perCase = (prefix: string) =>
          round((Object.entries(used).filter(([name]) => name.startsWith(prefix)).reduce((sum, [, s]) => sum + s, 0) * 1000) / Math.max(1, run.cases), 1);
        runs.push({ ...run, cpuMsPerCase: { workers: perCase('worker'), apis: perCase('api'), temporal: perCase('temporal'), postgres: perCase('postgres') } });
      } finally {
        await cluster.stop();
      }
      log(`  ${workers} worker(s): ${runs.at(-1)!.casesPerSecond} cases/s (${throughputCases} AUTO cases after ${WARM_UP_CASES_PER_WORKER * workers} to warm up); CPU ms per case ${JSON.stringify(runs.at(-1)!.cpuMsPerCase)}`);
    }
    return {
      server: `Temporal server ${version}, PostgreSQL persistence and visibility, 4 history shards`,
      layout: '2 API processes behind the round-robin proxy (scripts/stack/round-robin-proxy.ts); 3 workers (1 for the throughput baseline)',
      faults,
      throughput: { oneWorker: runs[0], threeWorkers: runs[1], ratio: round(runs[1].casesPerSecond / runs[0].casesPerSecond, 3) },
    };
  } finally {
    // The last section (bench/run.ts): nothing after it needs the dev server's apps, so none are started again.
    await stopServer();
  }
}

/** A client that keeps going through the faults: a 503 or a dropped connection is sent again, as a browser would. */
function retryingClient(proxyUrl: string) {
  const counts = { retried503: 0, retriedConnection: 0 };
  const failed: string[] = [];
  const send = async <T>(method: string, route: string, options: Parameters<typeof request>[3], accept: (reply: Reply<T>) => boolean): Promise<Reply<T> | undefined> => {
    for (let attempt = 1; attempt <= RETRY_LIMIT; attempt++) {
      let reply: Reply<T>;
      try {
        reply = await request<T>(`${proxyUrl}/api`, method, route, options);
      } catch {
        counts.retriedConnection++;
        await sleep(200);
        continue;
      }
      if (reply.status === 503) {
        counts.retried503++;
        await sleep(250 * Math.min(attempt, 4));
        continue;
      }
      if (accept(reply)) return reply;
      failed.push(`${method} ${route}: HTTP ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
      return undefined;
    }
    failed.push(`${method} ${route}: still unavailable after ${RETRY_LIMIT} attempts`);
    return undefined;
  };
  return { send, counts, failed };
}

async function runUnderFaults(ctx: BenchContext, cluster: Cluster, server: RunningTemporalServer, cases: number): Promise<ClusterSectionResult['faults']> {
  const proxyUrl = cluster.proxy.url;
  const applicantName = `bench-cluster-${process.pid}`;
  const client = retryingClient(proxyUrl);
  // Sign in again, through the faults, before a token's 15 minutes are up: a loaded machine made this run
  // outlast them, and every later request was refused 401.
  const signInAgain = (username: string, password: string) => async (): Promise<Session> => {
    const reply = await client.send<{ accessToken: string; user: { id: string } }>('POST', '/auth/token', { body: { username, password } }, (r) => r.status === 200);
    if (!reply) throw new Error(`could not sign in again as ${username}`);
    return { token: reply.body.accessToken, userId: reply.body.user.id };
  };
  const applicant = renewingSession(await registerApplicant(`${proxyUrl}/api`, applicantName), signInAgain(applicantName, 'bench-password-1'));
  const clerks = Object.fromEntries(
    await Promise.all(
      MANUAL_DEPARTMENTS.map(async (d) => [d, renewingSession(await signIn(`${proxyUrl}/api`, CLERK_OF[d]!, DEMO_PASSWORD), signInAgain(CLERK_OF[d]!, DEMO_PASSWORD))] as const),
    ),
  );
  const caseIds = new Set<string>();
  const events: string[] = [];
  const began = now();
  const at = (what: string): void => {
    events.push(`${round((now() - began) / 1000, 1)} s: ${what}`);
    ctx.log(`    ${events.at(-1)}`);
  };
  let submitted = 0;
  const faultsDone = (async () => {
    const waitSubmitted = async (count: number): Promise<void> => {
      while (submitted < count) await sleep(50);
    };
    await waitSubmitted(Math.round(cases * 0.25));
    process.kill(cluster.apis[0].pid, 'SIGKILL');
    at('API 1 killed (SIGKILL)');
    await waitSubmitted(Math.round(cases * 0.5));
    process.kill(cluster.workers[0].pid, 'SIGKILL');
    at('worker 1 killed (SIGKILL)');
    await waitSubmitted(Math.round(cases * 0.75));
    at('Temporal server killed (SIGKILL)');
    await server.restart({ kill: true });
    at('Temporal server back');
  })();

  let done = false;
  const clerkLoop = async (department: Department): Promise<void> => {
    const clerk = clerks[department];
    while (!done) {
      const session = await clerk.current();
      const page = await client.send<{ items: { id: string; caseId: string }[] }>('GET', '/tasks?status=OPEN&limit=50', { token: session.token }, (r) => r.status === 200);
      const items = (page?.body.items ?? []).filter((item) => caseIds.has(item.caseId));
      if (!items.length) {
        await sleep(100);
        continue;
      }
      // Several tasks at once, as an office's clerks work: one decision waits for its workflow (an Update),
      // which on a loaded machine took 30-116 s, so one at a time finished 5 of 400 in ten minutes.
      await pool(items.length, CLERKS_PER_DEPARTMENT, async (index) => {
        const id = encodeURIComponent(items[index].id);
        // A claim or completion retried after a 503 may find its own earlier attempt done: 409 then means "already".
        const claimed = await client.send('POST', `/tasks/${id}/claim`, { token: session.token }, (r) => r.status === 200 || r.status === 409);
        if (!claimed || claimed.status === 409) return;
        const outputs = department === 'BANK' ? { accountNumber: String(6222020000000000000n + BigInt(Math.floor(Math.random() * 1e12))) } : undefined;
        await client.send('POST', `/tasks/${id}/complete`, { token: session.token, body: outputs ? { outputs } : {} }, (r) => r.status === 200 || r.status === 409);
      });
    }
  };
  const clerkLoops = MANUAL_DEPARTMENTS.map((department) => clerkLoop(department));

  await pool(cases, 8, async () => {
    const key = randomUUID();
    const { token } = await applicant.current();
    const reply = await client.send<{ id: string }>('POST', '/applications', { token, body: benchForm(), headers: { 'idempotency-key': key } }, (r) => r.status === 201 || r.status === 200);
    if (reply) caseIds.add(reply.body.id);
    submitted++;
  });
  await faultsDone;
  const completed = await waitForCompletion(ctx, [...caseIds], 600_000);
  const seconds = round((now() - began) / 1000, 1);
  done = true;
  await Promise.all(clerkLoops);
  at(`${completed} of ${caseIds.size} cases completed`);

  const ids = [...caseIds];
  const one = async (sql: string, params: unknown[] = [ids]): Promise<number> => ((await ctx.db.query(sql, params)).rows[0] as { n: number }).n;
  const duplicates = {
    extraCases: (await one(`SELECT count(*)::int AS n FROM cases WHERE applicant_id = $2 AND id <> ALL($1::uuid[])`, [ids, (await applicant.current()).userId])) + (cases - ids.length),
    tasksNotDone: await one(`SELECT count(*)::int AS n FROM tasks WHERE case_id = ANY($1::uuid[]) AND status <> 'DONE'`),
    extraEnterprises: await one(`SELECT coalesce(sum(c - 1), 0)::int AS n FROM (SELECT count(*) AS c FROM enterprise_cases WHERE case_id = ANY($1::uuid[]) GROUP BY case_id) x`),
    repeatedNotifications: await one(
      `SELECT coalesce(sum(c - 1), 0)::int AS n FROM (SELECT count(*) AS c FROM notifications WHERE case_id = ANY($1::uuid[]) GROUP BY case_id, kind, payload::text) x`,
    ),
  };
  return {
    cases,
    modes: MIXED_MODES,
    seconds,
    casesPerSecond: round(completed / seconds, 2),
    completed,
    events,
    retried503: client.counts.retried503,
    retriedConnection: client.counts.retriedConnection,
    failedRequests: client.failed.slice(0, 20),
    proxy: { ...cluster.proxy.counts },
    duplicates,
  };
}

async function runAutoCases(ctx: BenchContext, cluster: Cluster, cases: number): Promise<ClusterRun> {
  const client = retryingClient(cluster.proxy.url);
  const applicant = await registerApplicant(`${cluster.proxy.url}/api`, `bench-cluster-auto-${randomUUID().slice(0, 8)}`);
  const ids: string[] = [];
  const began = now();
  await pool(cases, 16, async () => {
    const reply = await client.send<{ id: string }>('POST', '/applications', { token: applicant.token, body: benchForm() }, (r) => r.status === 201);
    if (reply) ids.push(reply.body.id);
  });
  const completed = await waitForCompletion(ctx, ids, 600_000);
  const seconds = round((now() - began) / 1000, 2);
  return { cases: completed, seconds, casesPerSecond: round(completed / seconds, 2) };
}

async function waitForCompletion(ctx: BenchContext, caseIds: string[], timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { n } = (await ctx.db.query(`SELECT count(*)::int AS n FROM cases WHERE id = ANY($1::uuid[]) AND status = 'COMPLETED'`, [caseIds])).rows[0] as { n: number };
    if (n === caseIds.length || Date.now() > deadline) return n;
    await sleep(250);
  }
}

/** The section's own report (docs/cluster-bench.md and .json): it runs apart from the figures of record. */
export function renderClusterMarkdown(
  result: ClusterSectionResult,
  startedAt: string,
  load?: { otherCores: number; loadAverageAtStart: number[]; loadAverageAtEnd: number[] },
): string {
  const { faults, throughput } = result;
  return [
    '# The cluster profile under faults',
    '',
    '<!-- Generated by `./onetrip bench --sections=cluster` (bench/sections/cluster.ts) into docs/cluster-bench.json and this file. -->',
    '',
    `Run ${startedAt} on this machine (2 cores): ${result.server}; ${result.layout}.`,
    ...(load
      ? ['', `Other work on the machine meanwhile: ${load.otherCores} cores on average; load average (1, 5, 15 min) ${load.loadAverageAtStart.join(', ')} at the start, ${load.loadAverageAtEnd.join(', ')} at the end.`]
      : []),
    '',
    `## ${faults.cases} cases through the proxy while processes die`,
    '',
    `Modes ${faults.modes}: clerks of TAX and BANK claim and complete through the proxy, the rest decide themselves.`,
    '',
    '| | |',
    '|---|---|',
    `| cases completed | **${faults.completed} of ${faults.cases}** in ${faults.seconds} s (${faults.casesPerSecond}/s, clerks included) |`,
    `| requests answered 503 and sent again | ${faults.retried503} |`,
    `| requests dropped without an answer and sent again | ${faults.retriedConnection} |`,
    `| requests that failed for good | ${faults.failedRequests.length}${faults.failedRequests.length ? ': ' + faults.failedRequests.join('; ') : ''} |`,
    `| proxy: forwarded, failed over to the other API, answered 503 itself | ${faults.proxy.forwarded}, ${faults.proxy.failedOver}, ${faults.proxy.unavailable} |`,
    `| written twice: extra cases, tasks not DONE, extra enterprises, repeated notifications | ${faults.duplicates.extraCases}, ${faults.duplicates.tasksNotDone}, ${faults.duplicates.extraEnterprises}, ${faults.duplicates.repeatedNotifications} |`,
    '',
    'What happened when:',
    '',
    ...faults.events.map((event) => `- ${event}`),
    '',
    '## Throughput with one worker and with three (AUTO cases, same cluster)',
    '',
    '| workers | timed cases | seconds | cases/s | CPU ms per case: workers / APIs / Temporal / PostgreSQL |',
    '|---|---|---|---|---|',
    ...([
      [1, throughput.oneWorker],
      [3, throughput.threeWorkers],
    ] as const).map(([n, run]) => {
      const cpu = run.cpuMsPerCase;
      return `| ${n} | ${run.cases} | ${run.seconds} | ${run.casesPerSecond} | ${cpu ? `${cpu.workers} / ${cpu.apis} / ${cpu.temporal} / ${cpu.postgres}` : '–'} |`;
    }),
    '',
    `Each layout first ran ${WARM_UP_CASES_PER_WORKER} untimed cases per worker: a fresh worker's first workflow tasks load the bundle and warm the JIT.`,
    `Three workers ÷ one: ${throughput.ratio}. On 2 cores the server, PostgreSQL, two APIs and the workers share the CPU, so more workers cannot add cores; the profile shows the cluster keeps every case through failures, and the ratio says what a third worker buys on this box.`,
    '',
    'Reproduce: `./onetrip bench --sections=cluster` (builds the full Temporal server with `go install` once).',
    '',
  ].join('\n');
}
