import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { Worker, type ActivityInterceptorsFactory, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { Client, type WorkflowClientInterceptor, type WorkflowHandle } from '@temporalio/client';
import { ALWAYS_OPEN_CALENDAR, DEFAULT_FORBIDDEN_WORDS } from '@onetrip/domain';
import type { PlannedStep, StepMode } from '@onetrip/domain/engine/process-definition';
import type { StepStatus } from '@onetrip/domain/case/case-status';
import {
  cancelCaseUpdate,
  CASE_STATUS_KEY,
  caseStateQuery,
  decideTaskUpdate,
  NEXT_DUE_AT_KEY,
  OPEN_DEPARTMENTS_KEY,
  OVERDUE_DEPARTMENTS_KEY,
  PROCESS_WORKFLOW,
  reopenStepUpdate,
  submitCorrectionUpdate,
  type CasePolicy,
  type CaseWorkflowResult,
  type ProcessWorkflowInput,
  type TaskDecision,
  type TaskDecisionResult,
} from '@onetrip/workflows/contracts';
import type { CaseActivities, DecisionInput, OpenStepInput } from '@onetrip/workflows/activities/case.activities';
import { waitFor } from '../../scripts/stack/wait-for';
import { temporalBinary } from '../../scripts/stack/temporal-dev-server';
import { testStack } from '../support/test-stack';
import { sendUpdate } from '../support/workflow-updates';
import { ENTERPRISE_OPENING_V1 } from '@onetrip/domain/processes/shipped-definitions';
import { REQUEST_ID_BAGGAGE, TRACE_HEADER } from '@onetrip/workflows/workflows/request-context.interceptors';
import { requestIdOfHeaders } from '../../apps/worker/src/request-id.interceptor';

// The fast tier of the engine: processWorkflow on Temporal's TestWorkflowEnvironment (a local dev server
// from the project's own `temporal` binary; the time-skipping test server is not in any registry here),
// its activities replaced by an in-memory fake that records every call. Each DAG shape, the one notice,
// the correction's reopening, cancellation and refusal.

const TASK_QUEUE = `engine-${randomUUID()}`;
const { EventType } = temporal.api.enums.v1;

type AutoOutcome = { decision: 'COMPLETE' } | { decision: 'RETURN'; items: { field: string; reason: string }[] } | { decision: 'REJECT'; reason: string };

interface FakeCase {
  calls: { name: string; input: unknown }[];
  /** AUTO steps' decisions by step id (COMPLETE when absent). */
  auto: Record<string, AutoOutcome>;
  /** What applyCorrection answers. */
  correction: { changedPaths: string[]; skipped: string[] };
  /** AUTO steps' attempts still to fail, by step id (a department's outage). */
  failAuto?: Record<string, number>;
}

const cases = new Map<string, FakeCase>();
const fake = (caseId: string): FakeCase => {
  let found = cases.get(caseId);
  if (!found) {
    found = { calls: [], auto: {}, correction: { changedPaths: [], skipped: [] } };
    cases.set(caseId, found);
  }
  return found;
};
const caseOfTask = (taskId: string) => taskId.split('.')[0];

/** What each activity's headers carried, by case: the request id the worker reads from them, and whether a trace context came too. */
const headersSeen = new Map<string, { activity: string; requestId?: string; traceContext: boolean }[]>();
const noteHeaders: ActivityInterceptorsFactory = (ctx) => ({
  inbound: {
    execute: (input, next) => {
      const caseId = (input.args[0] as { caseId?: string; taskId?: string } | undefined)?.caseId ?? caseOfTask((input.args[0] as { taskId: string }).taskId);
      const carrier = input.headers[TRACE_HEADER] ? (defaultPayloadConverter.fromPayload(input.headers[TRACE_HEADER]) as Record<string, unknown>) : {};
      const seen = headersSeen.get(caseId) ?? [];
      seen.push({ activity: ctx.info.activityType, requestId: requestIdOfHeaders(input.headers), traceContext: 'traceparent' in carrier });
      headersSeen.set(caseId, seen);
      return next(input);
    },
  },
});

/** Client calls that carry a request id the way the API's do with tracing off: baggage in the trace header, no trace context. */
let requestIdToSend = '';
const withRequestId = <T extends { headers: Record<string, unknown> }>(input: T): T => ({
  ...input,
  headers: { ...input.headers, [TRACE_HEADER]: defaultPayloadConverter.toPayload({ baggage: `${REQUEST_ID_BAGGAGE}=${encodeURIComponent(requestIdToSend)}` }) },
});
const requestIdHeaders: WorkflowClientInterceptor = {
  start: (input, next) => next(withRequestId(input)),
  startUpdate: (input, next) => next(withRequestId(input)),
};

/** The activities processWorkflow calls, in memory: they answer as the real ones do and note each call. */
function fakeActivities(): Partial<CaseActivities> {
  const note = (caseId: string, name: string, input: unknown): void => {
    fake(caseId).calls.push({ name, input });
  };
  const result = (input: { taskId: string; department: string; stepId?: string }, status: StepStatus, outputs?: Record<string, unknown>): TaskDecisionResult => ({
    taskId: input.taskId,
    department: input.department as TaskDecisionResult['department'],
    stepId: input.stepId,
    status,
    outputs,
  });
  return {
    openStep: async (input: OpenStepInput) => note(input.caseId, 'openStep', input),
    runAutomaticStep: async (input: OpenStepInput) => {
      note(input.caseId, 'runAutomaticStep', input);
      const failing = fake(input.caseId).failAuto ?? {};
      const stepId = input.stepId ?? '';
      if ((failing[stepId] ?? 0) > 0) {
        failing[stepId] -= 1;
        throw new Error(`${input.department} system unavailable`);
      }
      const outcome = fake(input.caseId).auto[input.stepId ?? ''] ?? { decision: 'COMPLETE' };
      if (outcome.decision === 'RETURN') return { ...result(input, 'RETURNED'), items: outcome.items };
      if (outcome.decision === 'REJECT') return { ...result(input, 'REJECTED'), reason: outcome.reason };
      return result(input, 'DONE', { by: 'auto' });
    },
    recordDecision: async (input: DecisionInput) => {
      note(input.caseId, 'recordDecision', input);
      const status: StepStatus = input.decision === 'COMPLETE' ? 'DONE' : input.decision === 'RETURN' ? 'RETURNED' : 'REJECTED';
      return result(input, status, status === 'DONE' ? { ...input.outputs } : undefined);
    },
    remindStep: async (input: { taskId: string }) => note(caseOfTask(input.taskId), 'remindStep', input),
    escalateOverdueStep: async (input: { taskId: string }) => note(caseOfTask(input.taskId), 'escalateOverdueStep', input),
    requestCorrection: async (input) => note(input.caseId, 'requestCorrection', input),
    applyCorrection: async (input) => {
      note(input.caseId, 'applyCorrection', input);
      return fake(input.caseId).correction;
    },
    completeProcess: async (input) => {
      note(input.caseId, 'completeProcess', input);
      return { mail: false };
    },
    endCase: async (input) => note(input.caseId, 'endCase', input),
    verifyCommand: async (input) => note(input.caseId, 'verifyCommand', input),
  };
}

const policy: CasePolicy = {
  // Modes and limits are in the planned steps; these are caseWorkflow's and unused here.
  modes: { SAMR: 'MANUAL', PSB: 'MANUAL', TAX: 'MANUAL', HRSS: 'MANUAL', BANK: 'MANUAL' },
  timeLimitMinutes: { SAMR: 240, PSB: 240, TAX: 240, HRSS: 240, BANK: 240 },
  reminderLeadMinutes: 60,
  calendar: ALWAYS_OPEN_CALENDAR,
  rules: { jurisdiction: { divisionCode: '433101', name: '吉首市' }, forbiddenWords: [...DEFAULT_FORBIDDEN_WORDS] },
};

const plan = (id: string, dependsOn: string[] = [], options: { mode?: StepMode; department?: string; reads?: string[]; limit?: number; lead?: number } = {}): PlannedStep => ({
  id,
  department: options.department ?? id,
  kind: 'review',
  dependsOn,
  mode: options.mode ?? 'MANUAL',
  timeLimitMinutes: options.limit ?? 240,
  reminderLeadMinutes: options.lead ?? 60,
  reads: options.reads ?? [id.toLowerCase()],
});

/** The enterprise opening's steps as a case filed today plans them (the shipped definition, all in `mode`). */
const openingSteps = (mode: StepMode = 'MANUAL'): PlannedStep[] =>
  ENTERPRISE_OPENING_V1.steps.map((step) => ({
    id: step.id,
    department: step.department,
    kind: step.kind,
    dependsOn: step.dependsOn,
    mode,
    timeLimitMinutes: step.timeLimitMinutes,
    reminderLeadMinutes: step.reminderLeadMinutes,
    reads: step.reads,
  }));

describe('processWorkflow on TestWorkflowEnvironment (mocked activities)', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: temporalBinary() },
        searchAttributes: [CASE_STATUS_KEY, OPEN_DEPARTMENTS_KEY, OVERDUE_DEPARTMENTS_KEY, NEXT_DUE_AT_KEY],
      },
    });
    // The run's bundle of the workflow code (test/setup/global-setup.ts), as the stack's worker runs it.
    const workflowBundle: WorkflowBundleWithSourceMap = { codePath: path.resolve(testStack().workflowBundle) } as unknown as WorkflowBundleWithSourceMap;
    worker = await Worker.create({ connection: env.nativeConnection, taskQueue: TASK_QUEUE, workflowBundle, activities: fakeActivities(), interceptors: { activity: [noteHeaders] } });
    running = worker.run();
  }, 120_000);

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  const start = async (steps: PlannedStep[], skipped: string[] = [], setUp: (fakeCase: FakeCase) => void = () => undefined) => {
    const caseId = randomUUID();
    setUp(fake(caseId));
    const input: ProcessWorkflowInput = { caseId, process: { key: 'test', version: 1 }, steps, skipped, policy };
    const handle = await env.client.workflow.start(PROCESS_WORKFLOW, { taskQueue: TASK_QUEUE, workflowId: `case-${caseId}`, args: [input] });
    return { caseId, handle: handle as WorkflowHandle, calls: () => fake(caseId).calls };
  };

  /** Waits until exactly these steps are OPEN (by step id), then answers their task ids. */
  const open = async (handle: WorkflowHandle, ids: string[]): Promise<Record<string, string>> =>
    waitFor(`open steps ${ids.join(',')}`, async () => {
      const state = await handle.query(caseStateQuery);
      const opened = state.steps.filter((step) => step.status === 'OPEN');
      if (opened.map((step) => step.stepId).sort().join(',') !== [...ids].sort().join(',')) return undefined;
      return Object.fromEntries(opened.map((step) => [step.stepId!, step.taskId!]));
    }, { timeoutMs: 20_000, intervalMs: 50 });

  const decide = (handle: WorkflowHandle, taskId: string, decision: Partial<TaskDecision> = {}) =>
    sendUpdate(() => handle.executeUpdate(decideTaskUpdate, { args: [{ taskId, actorId: 'clerk', decision: 'COMPLETE', ...decision }] }));

  const completeAll = async (handle: WorkflowHandle, ids: string[]) => {
    const tasks = await open(handle, ids);
    for (const id of ids) await decide(handle, tasks[id]);
  };

  const statusOf = async (handle: WorkflowHandle) => Object.fromEntries((await handle.query(caseStateQuery)).steps.map((step) => [step.stepId, step.status]));
  const openings = (calls: FakeCase['calls']) => calls.filter((call) => call.name === 'openStep').map((call) => (call.input as OpenStepInput).taskId.split('.').slice(1).join('.'));
  /** The openings came in these groups, one group after another; within a group in any order (they open in parallel). */
  const expectOpenings = (calls: FakeCase['calls'], groups: string[][]) => {
    const seen = openings(calls);
    let at = 0;
    const got = groups.map((group) => {
      const slice = seen.slice(at, at + group.length);
      at += group.length;
      return slice.sort();
    });
    expect({ got, rest: seen.slice(at) }).toEqual({ got: groups.map((group) => [...group].sort()), rest: [] });
  };

  it('an untraced request id reaches the activities: the start\'s for the first step, a clerk\'s Update\'s for its decision; no trace context is made', async () => {
    const client = new Client({ connection: env.connection, interceptors: { workflow: [requestIdHeaders] } });
    const caseId = randomUUID();
    requestIdToSend = `filing-${caseId}`;
    const input: ProcessWorkflowInput = { caseId, process: { key: 'test', version: 1 }, steps: [plan('A'), plan('B', ['A'])], skipped: [], policy };
    const handle = await client.workflow.start(PROCESS_WORKFLOW, { taskQueue: TASK_QUEUE, workflowId: `case-${caseId}`, args: [input] });
    const first = await open(handle as WorkflowHandle, ['A']);
    const decideWithRequestId = async (taskId: string, requestId: string) => {
      requestIdToSend = requestId;
      await sendUpdate(() => handle.executeUpdate(decideTaskUpdate, { args: [{ taskId, actorId: 'clerk', decision: 'COMPLETE' }] }));
    };
    await decideWithRequestId(first.A, `clerk-a-${caseId}`);
    const second = await open(handle as WorkflowHandle, ['B']);
    await decideWithRequestId(second.B, `clerk-b-${caseId}`);
    await handle.result();
    const seen = headersSeen.get(caseId) ?? [];
    expect(seen.find((call) => call.activity === 'openStep')?.requestId).toBe(`filing-${caseId}`);
    expect(seen.filter((call) => call.activity === 'recordDecision').map((call) => call.requestId)).toEqual([`clerk-a-${caseId}`, `clerk-b-${caseId}`]);
    expect(seen.filter((call) => call.traceContext)).toEqual([]);
  });

  it('chain: each step opens only when the one before it is done', async () => {
    const { handle, calls } = await start([plan('A'), plan('B', ['A']), plan('C', ['B'])]);
    await completeAll(handle, ['A']);
    await completeAll(handle, ['B']);
    await completeAll(handle, ['C']);
    expect(await handle.result()).toEqual({ status: 'COMPLETED' });
    expect(openings(calls())).toEqual(['A.1', 'B.1', 'C.1']);
    expect(calls().filter((call) => call.name === 'completeProcess').map((call) => call.input)).toEqual([{ caseId: expect.any(String), skipped: [] }]);
  });

  it('fan-out/fan-in: three steps open together after the first; the last waits for all three', async () => {
    const { handle, calls } = await start([plan('A'), plan('B', ['A']), plan('C', ['A']), plan('D', ['A']), plan('E', ['B', 'C', 'D'])]);
    await completeAll(handle, ['A']);
    const three = await open(handle, ['B', 'C', 'D']);
    await decide(handle, three.B);
    await decide(handle, three.D);
    // E still waits for C.
    expect(await statusOf(handle)).toMatchObject({ B: 'DONE', C: 'OPEN', D: 'DONE', E: 'PENDING' });
    await decide(handle, three.C);
    await completeAll(handle, ['E']);
    expect(await handle.result()).toEqual({ status: 'COMPLETED' });
    expectOpenings(calls(), [['A.1'], ['B.1', 'C.1', 'D.1'], ['E.1']]);
  });

  it('all-then-one: four departments at once, the licence last', async () => {
    const { handle, calls } = await start([plan('PSB'), plan('TAX'), plan('HRSS'), plan('BANK'), plan('SAMR', ['PSB', 'TAX', 'HRSS', 'BANK'])]);
    const four = await open(handle, ['PSB', 'TAX', 'HRSS', 'BANK']);
    for (const id of ['BANK', 'PSB', 'HRSS']) await decide(handle, four[id]);
    expect((await statusOf(handle)).SAMR).toBe('PENDING');
    await decide(handle, four.TAX);
    await completeAll(handle, ['SAMR']);
    expect(await handle.result()).toEqual({ status: 'COMPLETED' });
    expect(openings(calls()).at(-1)).toBe('SAMR.1');
  });

  it('diamond: both branches open after the top, the bottom after both', async () => {
    const { handle } = await start([plan('A'), plan('B', ['A']), plan('C', ['A']), plan('D', ['B', 'C'])]);
    await completeAll(handle, ['A']);
    const both = await open(handle, ['B', 'C']);
    await decide(handle, both.C);
    expect((await statusOf(handle)).D).toBe('PENDING');
    await decide(handle, both.B);
    await completeAll(handle, ['D']);
    expect(await handle.result()).toEqual({ status: 'COMPLETED' });
  });

  it('a skipped conditional step shows as not needed, never opens, and does not hold back what depends on it', async () => {
    const { handle, calls } = await start([plan('A'), plan('B', ['A']), plan('C', ['A']), plan('D', ['B', 'C'])], ['C']);
    expect((await statusOf(handle)).C).toBe('SKIPPED');
    await completeAll(handle, ['A']);
    await completeAll(handle, ['B']);
    await completeAll(handle, ['D']);
    expect(await handle.result()).toEqual({ status: 'COMPLETED' });
    expectOpenings(calls(), [['A.1'], ['B.1'], ['D.1']]);
    expect(calls().find((call) => call.name === 'completeProcess')?.input).toMatchObject({ skipped: ['C'] });
    expect((await handle.query(caseStateQuery)).steps.find((step) => step.stepId === 'C')).toMatchObject({ status: 'SKIPPED', round: 0 });
  });

  it('AUTO steps decide on arrival through one local activity each, in the DAG order', async () => {
    const { handle, calls } = await start(openingSteps('AUTO'));
    expect(await handle.result()).toEqual({ status: 'COMPLETED' });
    const autos = calls().filter((call) => call.name === 'runAutomaticStep').map((call) => (call.input as OpenStepInput).stepId);
    expect(autos[0]).toBe('SAMR');
    expect([...autos.slice(1)].sort()).toEqual(['BANK', 'HRSS', 'PSB', 'TAX']);
    expect(calls().some((call) => call.name === 'openStep')).toBe(false);
  });

  it('an all-AUTO opening is one workflow task: every step and the outcome are local activities, no activity task', async () => {
    const { handle } = await start(openingSteps('AUTO'));
    expect(await handle.result()).toEqual({ status: 'COMPLETED' });
    const events = (await handle.fetchHistory()).events ?? [];
    const payload = (event: (typeof events)[number]) => event.markerRecordedEventAttributes?.details?.data?.payloads?.[0];
    const local = events.flatMap((event) => (event.markerRecordedEventAttributes?.markerName === 'core_local_activity' ? [(defaultPayloadConverter.fromPayload(payload(event)!) as { activity_type: string }).activity_type] : []));
    // Before (AUTO steps as regular activities, the recorded before-local-auto/auto-mode): 33 events, 4 workflow tasks,
    // 5 activity tasks, 2 upserts. Now 14: the start, one task (3 events), 5 + 1 local activity markers, one patch
    // marker with its TemporalChangeVersion upsert (the outcome asks for none of its own), the status upsert, the close.
    expect({
      activities: events.flatMap((event) => event.activityTaskScheduledEventAttributes?.activityType?.name ?? []),
      local,
      workflowTasks: events.filter((event) => event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED).length,
      upserts: events.filter((event) => event.eventType === EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES).length,
      events: events.length,
    }).toEqual({ activities: [], local: [...Array(5).fill('runAutomaticStep'), 'completeProcess'], workflowTasks: 1, upserts: 2, events: 14 });
  });

  it('an AUTO step whose local attempts fail goes on as a regular activity, retried by the server until it succeeds', async () => {
    const { handle, calls } = await start(openingSteps('AUTO'), [], (fakeCase) => {
      fakeCase.failAuto = { TAX: 3 };
    });
    expect(await handle.result()).toEqual({ status: 'COMPLETED' });
    const events = (await handle.fetchHistory()).events ?? [];
    // Two local attempts, then the regular activity: its first attempt fails, its second succeeds.
    expect(calls().filter((call) => call.name === 'runAutomaticStep' && (call.input as OpenStepInput).stepId === 'TAX')).toHaveLength(4);
    expect(events.flatMap((event) => event.activityTaskScheduledEventAttributes?.activityType?.name ?? [])).toEqual(['runAutomaticStep']);
  });

  it('the enterprise opening: licence first, then four at once, one outcome (happy path)', async () => {
    const { handle, calls } = await start(openingSteps());
    await completeAll(handle, ['SAMR']);
    await completeAll(handle, ['PSB', 'TAX', 'HRSS', 'BANK']);
    expect(await handle.result()).toEqual({ status: 'COMPLETED' });
    expectOpenings(calls(), [['SAMR.1'], ['PSB.1', 'TAX.1', 'HRSS.1', 'BANK.1']]);
    // The first opening also tells the applicant the case was submitted.
    expect(calls().filter((call) => call.name === 'openStep').map((call) => (call.input as OpenStepInput).firstOfCase)).toEqual([true, false, false, false, false]);
  });

  it('several returns make one notice, sent once every step that could run has decided; the correction reopens only the affected steps', async () => {
    const { handle, calls } = await start(openingSteps(), [], (c) => {
      c.correction = { changedPaths: ['seals.kinds', 'tax.ukey'], skipped: [] };
    });
    await completeAll(handle, ['SAMR']);
    const four = await open(handle, ['PSB', 'TAX', 'HRSS', 'BANK']);
    await decide(handle, four.PSB, { decision: 'RETURN', items: [{ field: 'seals.kinds', reason: 'no official seal' }] });
    await decide(handle, four.TAX, { decision: 'RETURN', items: [{ field: 'tax.ukey', reason: 'choose' }, { field: 'company.name', reason: 'typo' }] });
    await decide(handle, four.HRSS);
    // BANK is still open: no notice yet.
    expect(calls().some((call) => call.name === 'requestCorrection')).toBe(false);
    await decide(handle, four.BANK);
    const notice = await waitFor('the notice', async () => calls().find((call) => call.name === 'requestCorrection'));
    expect(notice.input).toEqual({
      caseId: expect.any(String),
      round: 1,
      items: [
        { stepId: 'PSB', department: 'PSB', field: 'seals.kinds', reason: 'no official seal' },
        { stepId: 'TAX', department: 'TAX', field: 'company.name', reason: 'typo' },
        { stepId: 'TAX', department: 'TAX', field: 'tax.ukey', reason: 'choose' },
      ],
    });
    const corrected = await handle.executeUpdate(submitCorrectionUpdate, { args: [{ correctionId: randomUUID(), round: 1, actorId: 'applicant' }] });
    expect(corrected).toEqual({ changedPaths: ['seals.kinds', 'tax.ukey'], reopened: ['PSB', 'TAX'], waiting: [], skipped: [] });
    const again = await open(handle, ['PSB', 'TAX']);
    expect(again).toMatchObject({ PSB: expect.stringMatching(/\.PSB\.2$/), TAX: expect.stringMatching(/\.TAX\.2$/) });
    await decide(handle, again.PSB);
    await decide(handle, again.TAX);
    expect(await handle.result()).toEqual({ status: 'COMPLETED' });
    expect(calls().filter((call) => call.name === 'requestCorrection')).toHaveLength(1);
    expectOpenings(calls(), [['SAMR.1'], ['PSB.1', 'TAX.1', 'HRSS.1', 'BANK.1'], ['PSB.2', 'TAX.2']]);
  });

  it('a correction that changes what the licence read reopens it, and the steps after it open again once it is done', async () => {
    const { handle, calls } = await start(openingSteps(), [], (c) => {
      c.correction = { changedPaths: ['company.address'], skipped: [] };
    });
    await completeAll(handle, ['SAMR']);
    const four = await open(handle, ['PSB', 'TAX', 'HRSS', 'BANK']);
    await decide(handle, four.TAX, { decision: 'RETURN', items: [{ field: 'company.address', reason: 'house number missing' }] });
    for (const id of ['PSB', 'HRSS', 'BANK']) await decide(handle, four[id]);
    await waitFor('the notice', async () => calls().find((call) => call.name === 'requestCorrection'));
    const corrected = await handle.executeUpdate(submitCorrectionUpdate, { args: [{ correctionId: randomUUID(), round: 1, actorId: 'applicant' }] });
    expect(corrected).toMatchObject({ reopened: ['SAMR'], waiting: ['PSB', 'TAX', 'HRSS', 'BANK'] });
    await completeAll(handle, ['SAMR']);
    await completeAll(handle, ['PSB', 'TAX', 'HRSS', 'BANK']);
    expect(await handle.result()).toEqual({ status: 'COMPLETED' });
    expectOpenings(calls(), [['SAMR.1'], ['PSB.1', 'TAX.1', 'HRSS.1', 'BANK.1'], ['SAMR.2'], ['PSB.2', 'TAX.2', 'HRSS.2', 'BANK.2']]);
  });

  it('conditions are evaluated again after a correction: a step no longer needed is skipped, one needed again opens', async () => {
    const { handle, calls } = await start([plan('A'), plan('B', ['A']), plan('C', ['A'])], ['C'], (c) => {
      c.correction = { changedPaths: ['b'], skipped: ['B'] };
    });
    await completeAll(handle, ['A']);
    const [b] = Object.values(await open(handle, ['B']));
    await decide(handle, b, { decision: 'RETURN', items: [{ field: 'b', reason: 'wrong' }] });
    await waitFor('the notice', async () => calls().find((call) => call.name === 'requestCorrection'));
    const corrected = await handle.executeUpdate(submitCorrectionUpdate, { args: [{ correctionId: randomUUID(), round: 1, actorId: 'applicant' }] });
    expect(corrected).toMatchObject({ reopened: [], skipped: ['B'] });
    await completeAll(handle, ['C']);
    expect(await handle.result()).toEqual({ status: 'COMPLETED' });
    expect(await statusOf(handle)).toEqual({ A: 'DONE', B: 'SKIPPED', C: 'DONE' });
    expect(calls().find((call) => call.name === 'completeProcess')?.input).toMatchObject({ skipped: ['B'] });
  });

  it('cancellation ends the case: open steps cancelled, the end recorded once, the signature checked first', async () => {
    const { handle, calls } = await start(openingSteps());
    await completeAll(handle, ['SAMR']);
    await open(handle, ['PSB', 'TAX', 'HRSS', 'BANK']);
    const state = await handle.executeUpdate(cancelCaseUpdate, { args: [{ actorId: 'applicant', reason: 'changed my mind' }] });
    expect(state.status).toBe('CANCELLED');
    expect(state.steps.map((step) => step.status)).toEqual(['DONE', 'CANCELLED', 'CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect(await handle.result()).toEqual<CaseWorkflowResult>({ status: 'CANCELLED', reason: 'changed my mind' });
    const names = calls().map((call) => call.name);
    expect(names.filter((name) => name === 'endCase')).toHaveLength(1);
    expect(names.indexOf('verifyCommand')).toBeLessThan(names.indexOf('endCase'));
    await expect(handle.executeUpdate(cancelCaseUpdate, { args: [{ actorId: 'applicant', reason: 'again' }] })).rejects.toThrow();
  });

  it('refusal by one step ends the case as REJECTED with its reason; the refusing clerk gets the answer once the end is recorded', async () => {
    const { handle, calls } = await start([plan('A'), plan('B', ['A']), plan('C', ['A'])]);
    await completeAll(handle, ['A']);
    const both = await open(handle, ['B', 'C']);
    const answer = await decide(handle, both.C, { decision: 'REJECT', reason: 'not allowed here' });
    expect(answer.status).toBe('REJECTED');
    expect(calls().some((call) => call.name === 'endCase')).toBe(true);
    expect(await handle.result()).toEqual({ status: 'REJECTED', reason: 'C: not allowed here' });
    expect((await statusOf(handle)).B).toBe('CANCELLED');
  });

  it('refuses stale and malformed decisions in the validator, and reopens a finished step by its step id', async () => {
    const { handle } = await start([plan('A', [], { department: 'SAMR' }), plan('B', ['A'])]);
    const { A } = await open(handle, ['A']);
    await decide(handle, A);
    await expect(decide(handle, A)).rejects.toMatchObject({ cause: { type: 'TASK_NOT_OPEN' } });
    const { B } = await open(handle, ['B']);
    await expect(decide(handle, B, { decision: 'RETURN', items: [] })).rejects.toMatchObject({ cause: { type: 'INVALID_DECISION' } });
    const reopened = await handle.executeUpdate(reopenStepUpdate, { args: [{ stepId: 'A', department: 'SAMR', actorId: 'admin', reason: 'wrong code' }] });
    expect(reopened).toMatchObject({ stepId: 'A', status: 'OPEN', round: 2 });
    await completeAll(handle, ['A', 'B']);
    expect(await handle.result()).toEqual({ status: 'COMPLETED' });
  });

  it('reminds a MANUAL step before its limit and escalates it past the limit, then still takes the decision', async () => {
    // 0.05 working minutes (3 s) with the reminder 0.025 minutes before it, on the 24x7 calendar.
    const { handle, calls } = await start([plan('A', [], { limit: 0.05, lead: 0.025 })]);
    const { A } = await open(handle, ['A']);
    await waitFor('escalation', async () => calls().find((call) => call.name === 'escalateOverdueStep'), { timeoutMs: 20_000 });
    expect(calls().map((call) => call.name)).toEqual(['openStep', 'remindStep', 'escalateOverdueStep']);
    expect(A).toMatch(/\.A\.1$/);
    expect((await handle.query(caseStateQuery)).steps[0]).toMatchObject({ overdue: true, status: 'OPEN' });
    await decide(handle, A);
    expect(await handle.result()).toEqual({ status: 'COMPLETED' });
  });
});
