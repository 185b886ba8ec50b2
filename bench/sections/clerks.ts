import { randomUUID } from 'node:crypto';
import { DEPARTMENTS, type Department } from '@onetrip/domain';
import { caseWorkflowId } from '@onetrip/workflows/contracts';
import { recordPeaks, type BenchContext } from '../lib/context';
import { benchForm } from '../lib/forms';
import { expectStatus, registerApplicant, request, signIn, type Session } from '../lib/http';
import { rssMiB } from '../lib/proc';
import { now, pool, round, sleep, summarize, type Summary } from '../lib/stats';
import { SKELETON_TASK_QUEUE } from '../lib/stack';

// A plain signal's round trip beside an Update's. The case workflows have no handler for it (production
// code carries no bench-only signal): the server acknowledges it all the same, and that is what is timed.
const TOUCH_SIGNAL = 'touch';

// Section 3 and the worker's memory per cached case: MANUAL cases left waiting in a fresh worker's
// cache (RSS before and after), then simulated clerks of every department claim and complete their
// tasks through the HTTP API while a plain signal is sent to the same workflows; then the same round
// trips on bare Temporal (a waiting skeleton workflow) for the floor.

export const DEMO_PASSWORD = 'onetrip-demo';
const CLERKS: Record<Department, string> = { SAMR: 'clerk-samr', PSB: 'clerk-psb', TAX: 'clerk-tax', HRSS: 'clerk-hrss', BANK: 'clerk-bank' };

export interface ClerkSectionResult {
  cache: { cases: number; rssBeforeMiB: number; rssAfterMiB: number; growthPerCaseMiB: number; maxCachedWorkflows: number };
  clerks: {
    cases: number;
    loopsPerDepartment: number;
    seconds: number;
    claim: Summary;
    complete: Summary;
    completeByDepartment: Record<string, Summary>;
    conflicts: number;
    errors: string[];
    signal: Summary;
    signalErrors: number;
  };
  /** One clerk, one task at a time (no other load): the complete call and a signal right after it. */
  oneAtATime: { complete: Summary; claim: Summary; signal: Summary };
  bareTemporal: { signal: Summary; noopUpdate: Summary; oneActivityUpdate: Summary };
}

interface InboxItem {
  id: string;
  caseId: string;
}

export async function runClerkSection(ctx: BenchContext): Promise<ClerkSectionResult> {
  const { stack, options, log } = ctx;
  // A fresh worker, so the cache holds only what this section puts there; MANUAL departments.
  recordPeaks(ctx);
  await ctx.procs.worker?.stop();
  ctx.procs.worker = await stack.startWorker('worker-manual');
  await ctx.procs.api?.stop();
  ctx.procs.api = await stack.startApi('api-manual', { CASE_DEPARTMENT_MODES: '' });
  const api = ctx.procs.api;
  const applicant = await registerApplicant(api.url, `bench-manual-${process.pid}`);
  const clerks = Object.fromEntries(await Promise.all(DEPARTMENTS.map(async (department) => [department, await signIn(api.url, CLERKS[department], DEMO_PASSWORD)] as const))) as Record<
    Department,
    Session
  >;

  const submit = async (): Promise<string> => {
    const reply = await expectStatus(request<{ id: string }>(api.url, 'POST', '/applications', { token: applicant.token, body: benchForm() }), 201, 'POST /api/applications');
    return reply.body.id;
  };

  log('warm-up: MANUAL cases worked by the clerks');
  const warm: string[] = [];
  await pool(Math.max(3, Math.min(10, options.warmupCases)), 4, async () => {
    warm.push(await submit());
  });
  await workCases(ctx, api.url, clerks, warm, 1);

  // Memory per cached case: N cases each waiting on its SAMR clerk, held in the worker's cache.
  const workerPid = ctx.procs.worker.pid;
  await sleep(1000);
  const rssBefore = rssMiB(workerPid)!;
  log(`worker cache: ${options.cachedCases} MANUAL cases left waiting (worker RSS before: ${round(rssBefore, 1)} MiB)`);
  const waiting: string[] = [];
  await pool(options.cachedCases, options.submitConcurrency, async () => {
    waiting.push(await submit());
  });
  await waitForOpenTasks(ctx, waiting, 'SAMR');
  await sleep(2000);
  const rssAfter = rssMiB(workerPid)!;
  const cache = {
    cases: waiting.length,
    rssBeforeMiB: round(rssBefore, 1),
    rssAfterMiB: round(rssAfter, 1),
    growthPerCaseMiB: round((rssAfter - rssBefore) / waiting.length, 3),
    maxCachedWorkflows: await maxCachedWorkflows(),
  };
  log(`  worker RSS ${cache.rssBeforeMiB} → ${cache.rssAfterMiB} MiB: ${cache.growthPerCaseMiB} MiB per cached case`);

  log(`one clerk at a time: ${Math.min(options.roundTrips, waiting.length)} SAMR tasks claimed and completed, each followed by a signal`);
  const oneAtATime = await sequentialCompletes(ctx, api.url, clerks.SAMR, waiting.slice(0, Math.min(options.roundTrips, waiting.length)));
  log(`  complete p50 ${oneAtATime.complete.p50} ms p99 ${oneAtATime.complete.p99} ms; signal p50 ${oneAtATime.signal.p50} ms p99 ${oneAtATime.signal.p99} ms`);

  log(`clerks: ${options.clerksPerDepartment} per department work ${waiting.length} cases through HTTP; ${options.signalsPerSecond} signals/s beside them`);
  const clerkRun = await workCases(ctx, api.url, clerks, waiting, options.clerksPerDepartment, options.signalsPerSecond);
  log(
    `  complete p50 ${clerkRun.complete.p50} ms p99 ${clerkRun.complete.p99} ms; claim p50 ${clerkRun.claim.p50} ms; signal p50 ${clerkRun.signal.p50} ms p99 ${clerkRun.signal.p99} ms` +
      (clerkRun.errors.length ? `; ${clerkRun.errors.length} ERRORS` : ''),
  );

  log(`bare Temporal: ${options.roundTrips} signals, no-op Updates and one-activity Updates, one at a time`);
  const bareTemporal = await bareRoundTrips(ctx, options.roundTrips);
  log(`  signal p50 ${bareTemporal.signal.p50} ms, no-op Update p50 ${bareTemporal.noopUpdate.p50} ms, one-activity Update p50 ${bareTemporal.oneActivityUpdate.p50} ms`);

  return { cache, oneAtATime, clerks: { cases: waiting.length, loopsPerDepartment: options.clerksPerDepartment, ...clerkRun }, bareTemporal };
}

async function waitForOpenTasks(ctx: BenchContext, caseIds: string[], department: Department, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ open }] = (
      await ctx.db.query(`SELECT count(*)::int AS open FROM tasks WHERE case_id = ANY($1::uuid[]) AND department = $2 AND status = 'OPEN'`, [caseIds, department])
    ).rows as { open: number }[];
    if (open === caseIds.length) return;
    if (Date.now() > deadline) throw new Error(`only ${open} of ${caseIds.length} ${department} tasks opened`);
    await sleep(200);
  }
}

/** The worker's cache size: the SDK's default for its heap (apps/worker does not set it). */
async function maxCachedWorkflows(): Promise<number> {
  const v8 = await import('node:v8');
  const heapMiB = v8.getHeapStatistics().heap_size_limit / 1024 / 1024;
  return Math.max(Math.floor((Math.max(heapMiB - 200, 0) * 600) / 1024), 10);
}

/** Clerks of every department claim and complete the cases' tasks until every case is COMPLETED. */
async function workCases(ctx: BenchContext, apiUrl: string, clerks: Record<Department, Session>, caseIds: string[], loopsPerDepartment: number, signalsPerSecond = 0) {
  const ours = new Set(caseIds);
  const claim: number[] = [];
  const complete: number[] = [];
  const completeByDepartment: Record<string, number[]> = {};
  const errors: string[] = [];
  const signal: number[] = [];
  let signalErrors = 0;
  let conflicts = 0;
  let done = false;
  const started = now();
  // Tasks a loop has taken: two loops of one department share its clerk's login, so they must not
  // pick the same task (the API lets a clerk claim their own claim again).
  const taken = new Set<string>();

  const watcher = (async () => {
    while (!done) {
      const [{ completed }] = (await ctx.db.query(`SELECT count(*)::int AS completed FROM cases WHERE id = ANY($1::uuid[]) AND status = 'COMPLETED'`, [caseIds])).rows as {
        completed: number;
      }[];
      if (completed === caseIds.length) done = true;
      else await sleep(250);
    }
  })();

  const clerkLoop = async (department: Department): Promise<void> => {
    const session = clerks[department];
    let idle = 0;
    while (!done) {
      const page = await expectStatus(request<{ items: InboxItem[] }>(apiUrl, 'GET', '/tasks?status=OPEN&limit=50', { token: session.token }), 200, `${department} inbox`);
      const items = page.body.items.filter((item) => ours.has(item.caseId) && !taken.has(item.id));
      if (items.length === 0) {
        if (++idle > 2400) throw new Error(`${department}: no task for 2 minutes`);
        await sleep(50);
        continue;
      }
      idle = 0;
      const task = items[Math.floor(Math.random() * items.length)];
      taken.add(task.id);
      const claimed = await request(apiUrl, 'POST', `/tasks/${encodeURIComponent(task.id)}/claim`, { token: session.token });
      if (claimed.status === 409) {
        conflicts++;
        continue;
      }
      if (claimed.status !== 200) {
        errors.push(`claim ${claimed.status} ${JSON.stringify(claimed.body).slice(0, 200)}`);
        continue;
      }
      claim.push(claimed.ms);
      const outputs = department === 'BANK' ? { accountNumber: String(6222020000000000000n + BigInt(Math.floor(Math.random() * 1e12))) } : undefined;
      const completed = await request(apiUrl, 'POST', `/tasks/${encodeURIComponent(task.id)}/complete`, { token: session.token, body: outputs ? { outputs } : {} });
      if (completed.status !== 200) {
        errors.push(`complete ${completed.status} ${JSON.stringify(completed.body).slice(0, 200)}`);
        continue;
      }
      complete.push(completed.ms);
      (completeByDepartment[department] ??= []).push(completed.ms);
    }
  };

  // A plain signal to the same running workflows, timed the same way (client call to server ack).
  const signaller = (async () => {
    if (!signalsPerSecond) return;
    const client = ctx.temporal.client;
    while (!done) {
      const caseId = caseIds[Math.floor(Math.random() * caseIds.length)];
      const begin = now();
      try {
        await client.workflow.getHandle(caseWorkflowId(caseId)).signal(TOUCH_SIGNAL);
        signal.push(now() - begin);
      } catch {
        signalErrors++; // that case had already completed
      }
      await sleep(1000 / signalsPerSecond);
    }
  })();

  const loops = DEPARTMENTS.flatMap((department) => Array.from({ length: loopsPerDepartment }, () => clerkLoop(department)));
  try {
    await Promise.all([...loops, watcher, signaller]);
  } finally {
    done = true;
  }
  return {
    seconds: round((now() - started) / 1000),
    claim: summarize(claim),
    complete: summarize(complete),
    completeByDepartment: Object.fromEntries(Object.entries(completeByDepartment).map(([department, values]) => [department, summarize(values)])),
    conflicts,
    errors,
    signal: summarize(signal),
    signalErrors,
  };
}

/** Claims and completes each case's SAMR task through HTTP, one at a time, with a signal to the case after each. */
async function sequentialCompletes(ctx: BenchContext, apiUrl: string, clerk: Session, caseIds: string[]): Promise<ClerkSectionResult['oneAtATime']> {
  const claim: number[] = [];
  const complete: number[] = [];
  const signal: number[] = [];
  for (const caseId of caseIds) {
    const taskId = `${caseId}.SAMR.1`;
    claim.push((await expectStatus(request(apiUrl, 'POST', `/tasks/${taskId}/claim`, { token: clerk.token }), 200, 'claim')).ms);
    complete.push((await expectStatus(request(apiUrl, 'POST', `/tasks/${taskId}/complete`, { token: clerk.token, body: {} }), 200, 'complete')).ms);
    await sleep(20);
    const begin = now();
    await ctx.temporal.client.workflow.getHandle(caseWorkflowId(caseId)).signal(TOUCH_SIGNAL);
    signal.push(now() - begin);
    await sleep(20);
  }
  return { complete: summarize(complete), claim: summarize(claim), signal: summarize(signal) };
}

/** Round trips on bare Temporal, one at a time: a signal, a no-op Update, an Update running one no-op activity. */
async function bareRoundTrips(ctx: BenchContext, count: number): Promise<ClerkSectionResult['bareTemporal']> {
  const client = ctx.temporal.client;
  const handle = await client.workflow.start('waitingWorkflow', { taskQueue: SKELETON_TASK_QUEUE, workflowId: `bench-waiting-${randomUUID()}` });
  const time = async (call: () => Promise<unknown>): Promise<number[]> => {
    const values: number[] = [];
    for (let i = 0; i < count + 5; i++) {
      const begin = now();
      await call();
      if (i >= 5) values.push(now() - begin);
    }
    return values;
  };
  const signal = await time(() => handle.signal('touch'));
  const noopUpdate = await time(() => handle.executeUpdate('noop'));
  const oneActivityUpdate = await time(() => handle.executeUpdate('oneActivity'));
  await handle.signal('finish');
  await handle.result();
  return { signal: summarize(signal), noopUpdate: summarize(noopUpdate), oneActivityUpdate: summarize(oneActivityUpdate) };
}
