import autocannon from 'autocannon';
import type { BenchContext } from '../lib/context';
import { benchForm } from '../lib/forms';
import { expectStatus, registerApplicant, request, type Reply } from '../lib/http';
import { atRate, now, round, sleep, summarize } from '../lib/stats';
import type { Proc } from '../lib/stack';

// Section 5: the API under autocannon on loopback at fixed request rates: POST /api/applications
// (each starts an AUTO case) and GET /api/applications/:id, beside a NestJS hello-world in its own
// process on the same platform (bench/hello-app.ts).

export interface LoadRun {
  route: string;
  /** autocannon (each connection sends its per-second quota back to back: bursts at each second) or paced (one request every 1/rate s). */
  generator: 'autocannon' | 'paced';
  rate: number;
  seconds: number;
  requests: number;
  achievedPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  timeouts: number;
}

export interface ApiSectionResult {
  runs: LoadRun[];
  helloProcess: string;
}

function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result)));
  });
}

async function run(route: string, rate: number, seconds: number, connections: number, options: Partial<autocannon.Options>): Promise<LoadRun> {
  const result = await cannon({ connections, overallRate: rate, duration: seconds, timeout: 10, ...options } as autocannon.Options);
  return {
    route,
    generator: 'autocannon',
    rate,
    seconds,
    requests: result.requests.total,
    achievedPerSecond: round(result.requests.total / seconds, 1),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
  };
}

/**
 * Open loop at an even pace: request i is sent at start + i/rate whatever the earlier ones do, and its
 * latency counts from that planned time (a late send counts against the server, no coordinated omission).
 */
async function paced(route: string, rate: number, seconds: number, send: (i: number) => Promise<Reply>): Promise<LoadRun> {
  const count = Math.round(rate * seconds);
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const start = now();
  await atRate(count, rate, async (i) => {
    const planned = start + (i * 1000) / rate;
    try {
      const reply = await send(i);
      if (reply.status < 200 || reply.status >= 300) non2xx++;
      latencies.push(now() - planned);
    } catch {
      errors++;
    }
  });
  const summary = summarize(latencies);
  return {
    route,
    generator: 'paced',
    rate,
    seconds,
    requests: count,
    achievedPerSecond: round(count / ((now() - start) / 1000), 1),
    p50: summary.p50,
    p90: round(latencies.sort((a, b) => a - b)[Math.ceil(latencies.length * 0.9) - 1] ?? NaN),
    p99: summary.p99,
    max: summary.max,
    errors,
    non2xx,
    timeouts: 0,
  };
}

export async function runApiSection(ctx: BenchContext): Promise<ApiSectionResult> {
  const { options, log, stack } = ctx;
  const api = ctx.procs.api!;
  const hello: Proc & { url: string } = await stack.startHelloApp();
  const applicant = await registerApplicant(api.url, `bench-load-${process.pid}`);
  const auth = { authorization: `Bearer ${applicant.token}`, 'content-type': 'application/json' };
  // Cases to read: a few of this applicant's, finished.
  const ids: string[] = [];
  for (let i = 0; i < 20; i++) {
    ids.push((await expectStatus(request<{ id: string }>(api.url, 'POST', '/applications', { token: applicant.token, body: benchForm() }), 201, 'POST /api/applications')).body.id);
  }
  await waitForIdle(ctx);
  let next = 0;
  const runs: LoadRun[] = [];
  const report = (entry: LoadRun): void => {
    runs.push(entry);
    log(`  ${entry.route} at ${entry.rate}/s (${entry.generator}): p50 ${entry.p50} ms p99 ${entry.p99} ms, ${entry.requests} requests, errors ${entry.errors + entry.non2xx + entry.timeouts}`);
  };
  try {
    // Warm-up, not counted.
    await run('warm-up', 50, 2, options.apiConnections, { url: `${api.url}/applications/${ids[0]}`, headers: auth });
    await run('warm-up', 50, 2, options.apiConnections, { url: `${hello.url}/hello` });
    const post = (): Promise<Reply> => request(api.url, 'POST', '/applications', { token: applicant.token, body: benchForm() });
    for (const rate of options.apiRates) {
      log(`API load at ${rate} requests/s: paced (even), then autocannon (per-second bursts)`);
      report(await paced('GET /api/hello (NestJS hello-world)', rate, options.apiSeconds, () => request(hello.url, 'GET', '/hello')));
      report(await paced('GET /api/applications/:id', rate, options.apiSeconds, (i) => request(api.url, 'GET', `/applications/${ids[i % ids.length]}`, { token: applicant.token })));
      report(await paced('POST /api/applications', rate, options.apiPostSeconds, post));
      await waitForIdle(ctx);
      report(await run('GET /api/hello (NestJS hello-world)', rate, options.apiSeconds, options.apiConnections, { url: `${hello.url}/hello` }));
      report(
        await run('GET /api/applications/:id', rate, options.apiSeconds, options.apiConnections, {
          url: api.url,
          headers: auth,
          requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/applications/${ids[next++ % ids.length]}` }) }],
        }),
      );
      report(
        await run('POST /api/applications', rate, options.apiPostSeconds, options.apiPostConnections, {
          url: api.url,
          headers: auth,
          requests: [{ method: 'POST', path: '/api/applications', setupRequest: (req) => ({ ...req, body: JSON.stringify(benchForm()) }) }],
        }),
      );
      await waitForIdle(ctx);
    }
  } finally {
    await hello.stop();
  }
  return { runs, helloProcess: 'bench/hello-app.ts: @nestjs/core + @nestjs/platform-express (the API’s versions), one GET route, no guards/pipes/logging, own process' };
}

/** Waits until no case is still running (the POSTs' AUTO cases), so the next run starts quiet. */
async function waitForIdle(ctx: BenchContext, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ running }] = (await ctx.db.query(`SELECT count(*)::int AS running FROM cases WHERE status NOT IN ('COMPLETED', 'REJECTED', 'CANCELLED')`)).rows as { running: number }[];
    if (running === 0) return;
    if (Date.now() > deadline) throw new Error(`${running} cases still running`);
    await sleep(500);
  }
}
