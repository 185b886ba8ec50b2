import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { PROCESS_WORKFLOW, caseWorkflowId } from '@onetrip/workflows/contracts';
import { benchForm } from '../lib/forms';
import { describeSteps, historyShape, type HistoryShape } from '../lib/history-shape';
import { expectStatus, registerApplicant, request } from '../lib/http';
import { OtherLoadMeter } from '../lib/machine';
import { CpuMeter } from '../lib/proc';
import { atRate, now, pool, round, sleep, summarize, sustainedRate, type Summary } from '../lib/stats';
import { SKELETON_TASK_QUEUE } from '../lib/stack';
import type { BenchContext } from '../lib/context';
import type { SkeletonInput } from '../workflows/skeleton.workflow';

// Sections 1, 2 and 6: AUTO cases through the HTTP API at a fixed rate and at full speed, beside a
// skeleton of the same shape started directly on the same server, and a one-activity floor; CPU
// per case for each process.

export interface Phase {
  label: string;
  workflows: number;
  failed: number;
  /** First start to last close, seconds. */
  seconds: number;
  /** Workflows per second over the whole phase, and in steady state (middle 80 % of completions). */
  overallPerSecond: number;
  sustainedPerSecond: number;
  /** Submit (HTTP request or client start) to workflow close, ms. */
  latency: Summary;
  /**
   * Submit to the outcome, ms: ours, when the read model shows it (cases.completed_at, written by the
   * last activity); the skeleton, when its last activity completed (from its history; fixed rate only).
   */
  outcomeLatency?: Summary;
  /** The start call itself: POST /api/applications, or the client's start, ms. */
  startCall: Summary;
  historyEvents: { min: number; mean: number; max: number };
  /** Cores that processes outside the bench used meanwhile (other work on the machine). */
  otherCores?: number;
  /** CPU seconds used per process during the phase, and per workflow (ms). */
  cpuSeconds?: Record<string, number>;
  cpuMsPerWorkflow?: Record<string, number>;
}

export interface CaseSectionResult {
  shape: HistoryShape & { description: string };
  fixedRate: { perSecond: number; ours: Phase; skeleton: Phase };
  fullSpeed: { ours: Phase; skeleton: Phase; floor: Phase };
  /** Ours ÷ skeleton: sustained cases/s at full speed; p50 at the fixed rate, submit to outcome and submit to close. */
  ratios: { casesPerSecond: number; p50: number; p50ToClose: number };
}

interface Started {
  workflowId: string;
  startedAt: number;
  callMs: number;
  caseId?: string;
}

const TERMINAL = `('COMPLETED', 'REJECTED', 'CANCELLED')`;
const { EventType } = temporal.api.enums.v1;

export async function runCaseSection(ctx: BenchContext): Promise<CaseSectionResult> {
  const { options, log } = ctx;
  const api = ctx.procs.api!;
  const client = ctx.temporal.client;
  const applicant = await registerApplicant(api.url, `bench-auto-${process.pid}`);
  const runId = randomUUID().slice(0, 8);

  const submitCase = async (): Promise<Started> => {
    const startedAt = now();
    const reply = await expectStatus(request<{ id: string }>(api.url, 'POST', '/applications', { token: applicant.token, body: benchForm() }), 201, 'POST /api/applications');
    return { workflowId: caseWorkflowId(reply.body.id), caseId: reply.body.id, startedAt, callMs: reply.ms };
  };

  log('warm-up: AUTO cases through the API');
  const warm = await startAll(options.warmupCases, 4, () => submitCase());
  await waitForCases(ctx, warm, 120_000);
  const real = await historyShape(client, warm[0].workflowId);
  const shape = { ...real, description: describeSteps(real.steps) };
  log(`an AUTO case: ${real.events} history events, ${real.workflowTasks} workflow tasks; skeleton steps: ${shape.description}`);
  const skeletonInput: SkeletonInput = { steps: real.steps, padding: 'x'.repeat(real.inputBytes > 2 ? real.inputBytes - 2 : 0), resultBytes: real.resultBytes };

  let skeletonCounter = 0;
  const startSkeleton = async (type: 'skeletonWorkflow' | 'oneActivityWorkflow'): Promise<Started> => {
    const workflowId = `bench-${type}-${runId}-${skeletonCounter++}`;
    const startedAt = now();
    await client.workflow.start(type, { taskQueue: SKELETON_TASK_QUEUE, workflowId, args: type === 'skeletonWorkflow' ? [skeletonInput] : [] });
    return { workflowId, startedAt, callMs: now() - startedAt };
  };
  log('warm-up: skeleton workflows');
  await waitForWorkflows(client, await startAll(options.warmupCases, 4, () => startSkeleton('skeletonWorkflow')), 'skeletonWorkflow', 120_000);

  const fixedCount = Math.max(1, Math.round(options.fixedRate * options.fixedRateSeconds));
  log(`fixed rate: ${options.fixedRate}/s for ${options.fixedRateSeconds} s — skeleton`);
  const skeletonFixed = await measure(ctx, 'skeleton, fixed rate', 'skeletonWorkflow', () => startAtRate(fixedCount, options.fixedRate, () => startSkeleton('skeletonWorkflow')), true);
  log(`fixed rate: ${options.fixedRate}/s for ${options.fixedRateSeconds} s — OneTrip AUTO cases`);
  const oursFixed = await measure(ctx, 'OneTrip, fixed rate', PROCESS_WORKFLOW, () => startAtRate(fixedCount, options.fixedRate, submitCase));

  log(`full speed: ${options.fullSpeedCases} OneTrip AUTO cases, ${options.submitConcurrency} requests in flight`);
  const oursFull = await measure(ctx, 'OneTrip, full speed', PROCESS_WORKFLOW, () => startAll(options.fullSpeedCases, options.submitConcurrency, submitCase));
  log(`full speed: ${options.fullSpeedCases} skeleton workflows`);
  const skeletonFull = await measure(ctx, 'skeleton, full speed', 'skeletonWorkflow', () =>
    startAll(options.fullSpeedCases, options.submitConcurrency, () => startSkeleton('skeletonWorkflow')),
  );
  log(`full speed: ${options.floorWorkflows} one-activity workflows`);
  const floor = await measure(ctx, 'one activity, full speed', 'oneActivityWorkflow', () =>
    startAll(options.floorWorkflows, options.submitConcurrency, () => startSkeleton('oneActivityWorkflow')),
  );

  return {
    shape,
    fixedRate: { perSecond: options.fixedRate, ours: oursFixed, skeleton: skeletonFixed },
    fullSpeed: { ours: oursFull, skeleton: skeletonFull, floor },
    ratios: {
      casesPerSecond: round(oursFull.sustainedPerSecond / skeletonFull.sustainedPerSecond, 3),
      p50: round((oursFixed.outcomeLatency?.p50 ?? NaN) / (skeletonFixed.outcomeLatency?.p50 ?? NaN), 3),
      p50ToClose: round(oursFixed.latency.p50 / skeletonFixed.latency.p50, 3),
    },
  };
}

function startAll(count: number, concurrency: number, start: () => Promise<Started>): Promise<Started[]> {
  const started: Started[] = [];
  return pool(count, concurrency, async () => {
    started.push(await start());
  }).then(() => started);
}

async function startAtRate(count: number, perSecond: number, start: () => Promise<Started>): Promise<Started[]> {
  const started: Started[] = [];
  await atRate(count, perSecond, async () => {
    started.push(await start());
  });
  return started;
}

/** Runs one phase: starts, waits for every close, reads close times and history lengths, CPU. */
async function measure(ctx: BenchContext, label: string, workflowType: string, run: () => Promise<Started[]>, outcomeFromHistory = false): Promise<Phase> {
  const client = ctx.temporal.client;
  const meter = new CpuMeter(() => ({
    api: ctx.procs.api?.pid,
    worker: ctx.procs.worker?.pid,
    skeletonWorker: ctx.procs.skeletonWorker?.pid,
    temporal: ctx.temporal.pid,
    postgres: ctx.stack.postgresPid(),
  }));
  const benchBefore = process.cpuUsage();
  const others = new OtherLoadMeter();
  others.start();
  meter.start();
  const started = await run();
  const isCase = workflowType === PROCESS_WORKFLOW;
  // The outcome is written (cases.completed_at) just before the case workflow closes: wait for both.
  const outcomes = isCase ? await waitForCases(ctx, started, 600_000) : undefined;
  await waitForWorkflows(client, started, workflowType, 600_000);
  const cpuSeconds = meter.stop();
  const otherCores = others.stop().otherCores;
  const benchCpu = process.cpuUsage(benchBefore);
  cpuSeconds.bench = (benchCpu.user + benchCpu.system) / 1e6;

  const closes = await closeInfo(client, started, workflowType);
  const latencies: number[] = [];
  const outcomeLatencies: number[] = [];
  const closeTimes: number[] = [];
  const events: number[] = [];
  let failed = 0;
  const failures: string[] = [];
  for (const start of started) {
    const close = closes.get(start.workflowId);
    if (!close) {
      failed++;
      failures.push(`${start.workflowId}: not closed in visibility`);
      continue;
    }
    latencies.push(close.closeTime - start.startedAt);
    closeTimes.push(close.closeTime);
    events.push(close.historyLength);
    if (outcomeFromHistory) outcomeLatencies.push((await lastActivityCompleted(client, start.workflowId)) - start.startedAt);
    const outcome = outcomes?.get(start.caseId ?? '');
    if (outcome) {
      if (outcome.status !== 'COMPLETED' || outcome.completedAt === null) {
        failed++;
        failures.push(`${start.workflowId}: ${outcome.status}`);
      } else outcomeLatencies.push(outcome.completedAt - start.startedAt);
    }
  }
  const first = Math.min(...started.map((start) => start.startedAt));
  const last = Math.max(...closeTimes);
  const seconds = (last - first) / 1000;
  const phase: Phase = {
    label,
    workflows: started.length,
    failed,
    seconds: round(seconds),
    overallPerSecond: round(closeTimes.length / seconds),
    sustainedPerSecond: sustainedRate(closeTimes),
    latency: summarize(latencies),
    outcomeLatency: isCase || outcomeFromHistory ? summarize(outcomeLatencies) : undefined,
    startCall: summarize(started.map((start) => start.callMs)),
    otherCores,
    historyEvents: { min: Math.min(...events), mean: round(events.reduce((a, b) => a + b, 0) / (events.length || 1), 1), max: Math.max(...events) },
    cpuSeconds: Object.fromEntries(Object.entries(cpuSeconds).map(([name, value]) => [name, round(value, 2)])),
    cpuMsPerWorkflow: Object.fromEntries(Object.entries(cpuSeconds).map(([name, value]) => [name, round((value * 1000) / started.length, 2)])),
  };
  ctx.log(
    `  ${label}: ${phase.workflows} in ${phase.seconds} s, ${phase.sustainedPerSecond}/s sustained, latency p50 ${phase.latency.p50} ms p95 ${phase.latency.p95} ms p99 ${phase.latency.p99} ms, ` +
      `${phase.historyEvents.mean} events${otherCores > 0.1 ? ` (other processes: ${otherCores} cores)` : ''}${failed ? `, ${failed} FAILED: ${failures.slice(0, 3).join('; ')}` : ''}`,
  );
  return phase;
}

/** When the workflow's last activity completed (epoch ms), from its history. */
async function lastActivityCompleted(client: Client, workflowId: string): Promise<number> {
  const events = (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  const done = events.filter(
    (event) => event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED || event.eventType === EventType.EVENT_TYPE_MARKER_RECORDED,
  );
  const last = done[done.length - 1] ?? events[events.length - 1];
  return Number(last.eventTime?.seconds ?? 0) * 1000 + Math.round((last.eventTime?.nanos ?? 0) / 1e6);
}

interface Outcome {
  status: string;
  completedAt: number | null;
}

/** Polls the read model until every case has ended. */
async function waitForCases(ctx: BenchContext, started: Started[], timeoutMs: number): Promise<Map<string, Outcome>> {
  const ids = started.map((start) => start.caseId!);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ done }] = (await ctx.db.query(`SELECT count(*)::int AS done FROM cases WHERE id = ANY($1::uuid[]) AND status IN ${TERMINAL}`, [ids])).rows as { done: number }[];
    if (done === ids.length) break;
    if (Date.now() > deadline) throw new Error(`only ${done} of ${ids.length} cases ended within ${timeoutMs / 1000} s`);
    await sleep(200);
  }
  const rows = (await ctx.db.query(`SELECT id, status, completed_at FROM cases WHERE id = ANY($1::uuid[])`, [ids])).rows as { id: string; status: string; completed_at: Date | null }[];
  return new Map(rows.map((row) => [row.id, { status: row.status, completedAt: row.completed_at ? row.completed_at.getTime() : null }]));
}

/** Polls Temporal's visibility until every workflow has closed. */
async function waitForWorkflows(client: Client, started: Started[], workflowType: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const ids = new Set(started.map((start) => start.workflowId));
  const open = `WorkflowType = '${workflowType}' AND ExecutionStatus = 'Running'`;
  for (;;) {
    const { count } = await client.workflow.count(open);
    if (count === 0) {
      // Visibility may lag the start: make sure ours are all closed.
      const closes = await closeInfo(client, started, workflowType);
      if ([...ids].every((id) => closes.has(id))) return;
    }
    if (Date.now() > deadline) throw new Error(`${count} ${workflowType} still running after ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

async function closeInfo(client: Client, started: Started[], workflowType: string): Promise<Map<string, { closeTime: number; historyLength: number }>> {
  const ids = new Set(started.map((start) => start.workflowId));
  const closes = new Map<string, { closeTime: number; historyLength: number }>();
  for await (const info of client.workflow.list({ query: `WorkflowType = '${workflowType}' AND ExecutionStatus = 'Completed'` })) {
    if (ids.has(info.workflowId) && info.closeTime) closes.set(info.workflowId, { closeTime: info.closeTime.getTime(), historyLength: info.historyLength });
  }
  return closes;
}

