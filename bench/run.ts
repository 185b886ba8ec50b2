import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client as PgClient } from 'pg';
import { recordPeaks, type BenchContext } from './lib/context';
import { describeMachine, OtherLoadMeter } from './lib/machine';
import { parseOptions, usage } from './lib/options';
import { fullServerOptions, plannedSeconds } from './lib/plan';
import { evaluateGoals, renderTable, writeResults, type BenchResults } from './lib/report';
import { BenchStack, fileLog } from './lib/stack';
import { round } from './lib/stats';
import { startTemporalOnPostgres, temporalServerBinary } from '../scripts/stack/temporal-postgres';
import { runApiSection } from './sections/api-load';
import { runCaseSection } from './sections/cases';
import { runClerkSection } from './sections/clerks';
import { renderClusterMarkdown, runClusterSection } from './sections/cluster';
import { buildPeer, peerBuildNeeded, runPeerSection } from './sections/peer-flowable';
import { runReadsSection } from './sections/reads';

// `./onetrip bench`: every figure of issue 6 in one run, on servers of its own. See docs/benchmarks.md.

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) {
    console.log(usage());
    return;
  }
  const options = parseOptions(argv);
  const began = Date.now();
  const log = (message: string): void => console.log(`[bench ${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}`);
  const stack = new BenchStack();
  let stopping = false;
  const stop = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      log('stopping');
      await stack.stop();
    }
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(130));
  process.once('SIGTERM', () => void stop(143));
  // While stopping, requests in flight fail as their servers go: that is expected, not a crash.
  process.on('unhandledRejection', (reason) => {
    if (stopping) return;
    console.error(reason);
    void stop(1);
  });

  try {
    const plan = plannedSeconds(options, options.sections.includes('peer-flowable') ? peerBuildNeeded() : 'unchanged');
    log(`${options.quick ? 'quick' : 'full'} run on ${os.cpus().length} cores; sections ${options.sections.join(', ')}`);
    log(`planned on an idle machine: ${Object.entries(plan.seconds).map(([name, seconds]) => `${name} ${seconds} s`).join(', ')}; ${(plan.total / 60).toFixed(1)} min in all`);
    const setup = new OtherLoadMeter();
    setup.start();
    // The peer's Maven build (when its sources changed, or ~/.m2 is empty) overlaps the servers' start instead of a section.
    const peerBuild = options.sections.includes('peer-flowable') ? buildPeer(log).catch(() => undefined) : undefined;
    await stack.start({ log });
    const db = new PgClient({ connectionString: stack.postgres.url, application_name: 'onetrip-bench' });
    db.on('error', (error) => log(`bench database connection: ${error.message}`));
    await db.connect();
    const machine = await describeMachine(db);
    const ctx: BenchContext = {
      stack,
      options,
      db,
      log,
      procs: {},
      peaks: {},
      temporal: { address: stack.temporal.address, client: stack.temporalClient, pid: stack.temporal.process.pid! },
    };
    // The cluster section starts apps of its own: run alone, it needs none on the dev server. Else the worker runs
    // the migrations; the API and the skeleton worker then start together.
    if (options.sections.some((name) => name !== 'cluster')) {
      ctx.procs.worker = await stack.startWorker('worker');
      [ctx.procs.api, ctx.procs.skeletonWorker] = await Promise.all([stack.startApi('api-auto', { CASE_DEPARTMENT_MODES: '*=AUTO' }), stack.startSkeletonWorker()]);
    }

    // Not beside a measured section: a section's CPU must be the section's own (its failure is the peer section's to report).
    await peerBuild;
    const buildSeconds = Number(process.env.BENCH_BUILD_SECONDS);
    const partial: Omit<BenchResults, 'goals' | 'durationSeconds' | 'peakRssMiB'> = {
      startedAt: new Date(began).toISOString(),
      options,
      machine,
      ...(Number.isFinite(buildSeconds) && process.env.BENCH_BUILD_SECONDS ? { buildSeconds } : {}),
      otherLoad: { setup: setup.stop() },
      plannedSeconds: plan.seconds,
    };
    log(`setup: ${partial.otherLoad.setup.seconds} s`);
    const section = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
      const meter = new OtherLoadMeter();
      meter.start();
      const result = await run();
      partial.otherLoad[name] = meter.stop();
      const load = partial.otherLoad[name];
      log(`  ${name}: ${load.seconds} s, ${load.ownCpuSeconds} s of the bench's CPU${load.otherCores > 0.2 ? `; other processes used ${load.otherCores} cores meanwhile` : ''}`);
      return result;
    };

    if (options.sections.includes('cases')) partial.cases = await section('cases', () => runCaseSection(ctx));
    // Right after ours, on the same servers (our apps idle meanwhile): the peer at the same sizes.
    // Its failure (no Java, a broken build) is written into the results, not allowed to lose ours.
    if (options.sections.includes('peer-flowable')) {
      partial.peer = await section('peer-flowable', () =>
        runPeerSection(ctx).catch((error: unknown) => {
          log(`peer: FAILED: ${error instanceof Error ? error.message : String(error)}`);
          return { skipped: `the peer failed: ${error instanceof Error ? error.message : String(error)}` };
        }),
      );
    }
    if (options.sections.includes('api')) partial.api = await section('api', () => runApiSection(ctx));
    if (options.sections.includes('clerks')) partial.clerks = await section('clerks', () => runClerkSection(ctx));
    if (options.sections.includes('temporal-pg')) partial.casesOnPostgres = await section('temporal-pg', () => runOnTemporalPostgres(ctx));
    if (options.sections.includes('reads')) {
      if (!ctx.procs.api || ctx.procs.api.name === 'api-auto') {
        recordPeaks(ctx);
        await ctx.procs.api?.stop();
        ctx.procs.api = await stack.startApi('api-reads', { CASE_DEPARTMENT_MODES: '' });
      }
      partial.reads = await section('reads', () => runReadsSection(ctx));
    }
    if (options.sections.includes('cluster')) {
      const cluster = await section('cluster', () => runClusterSection(ctx));
      const json = path.join(process.cwd(), 'docs/cluster-bench.json');
      // What else ran meanwhile goes with the figures: on a shared machine it decides them.
      const otherLoad = { ...partial.otherLoad.cluster, loadAverageAtEnd: os.loadavg().map((value) => round(value, 2)) };
      fs.writeFileSync(json, JSON.stringify({ startedAt: partial.startedAt, machine, otherLoad, ...cluster }, null, 2) + '\n');
      if (!('skipped' in cluster)) fs.writeFileSync(path.join(process.cwd(), 'docs/cluster-bench.md'), renderClusterMarkdown(cluster, partial.startedAt, { ...otherLoad, loadAverageAtStart: machine.loadAverageAtStart }));
      log(`wrote docs/cluster-bench.json${'skipped' in cluster ? ` (skipped: ${cluster.skipped})` : ' and docs/cluster-bench.md'}`);
      // A cluster-only run leaves the figures of record (docs/benchmarks.*) as they are.
      if (options.sections.length === 1) {
        await db.end();
        return void (await stop(0));
      }
    }
    recordPeaks(ctx);

    const withoutGoals = { ...partial, durationSeconds: Math.round((Date.now() - began) / 1000), peakRssMiB: ctx.peaks };
    const results: BenchResults = { ...withoutGoals, goals: evaluateGoals(withoutGoals) };
    const written = writeResults(results);
    console.log('\n' + renderTable(results) + '\n');
    log(`wrote ${path.relative(process.cwd(), written.json)} and ${path.relative(process.cwd(), written.markdown)}`);
    await db.end();
  } catch (error) {
    console.error(error);
    await stop(1);
  }
  await stop(0);
}

/** Sections 1–2 again, on the full Temporal server with PostgreSQL persistence, with fresh apps. */
async function runOnTemporalPostgres(ctx: BenchContext): Promise<NonNullable<BenchResults['casesOnPostgres']>> {
  const { stack, log } = ctx;
  const binary = temporalServerBinary();
  if (!binary) return { skipped: 'no Temporal server binary (bench/ensure-temporal-server.sh needs Go to build one)' };
  log('Temporal on PostgreSQL: starting the full server');
  const server = await startTemporalOnPostgres({ binary, postgresUrl: stack.postgres.url, dataDir: path.join(stack.dataDir, 'temporal-pg'), log: fileLog('temporal-pg') });
  const stopServer = stack.onStop(() => server.stop());
  const client = await stack.temporalClientFor(server.address);
  const saved = { procs: ctx.procs, temporal: ctx.temporal };
  recordPeaks(ctx);
  // The dev server's apps stop (the clerks' cases are all done); fresh ones point at this server.
  await Promise.all([saved.procs.api?.stop(), saved.procs.worker?.stop(), saved.procs.skeletonWorker?.stop()]);
  const env = { TEMPORAL_ADDRESS: server.address };
  ctx.temporal = { address: server.address, client, pid: server.process.pid!, name: 'temporal-pg' };
  ctx.procs = {};
  try {
    ctx.procs.worker = await stack.startWorker('worker-temporal-pg', env);
    ctx.procs.api = await stack.startApi('api-temporal-pg', { ...env, CASE_DEPARTMENT_MODES: '*=AUTO' });
    ctx.procs.skeletonWorker = await stack.startSkeletonWorker('skeleton-worker-temporal-pg', env);
    const result = await runCaseSection({ ...ctx, options: fullServerOptions(ctx.options) });
    const version = (await client.workflowService.getSystemInfo({})).serverVersion ?? 'unknown';
    return { ...result, server: `Temporal server ${version}, PostgreSQL persistence and visibility, 4 history shards` };
  } finally {
    recordPeaks(ctx);
    await Promise.all([ctx.procs.api?.stop(), ctx.procs.worker?.stop(), ctx.procs.skeletonWorker?.stop()]);
    await client.connection.close();
    await stopServer();
    ctx.temporal = saved.temporal;
    ctx.procs = { worker: await stack.startWorker('worker-reads'), api: await stack.startApi('api-reads', { CASE_DEPARTMENT_MODES: '' }) };
  }
}

void main();
