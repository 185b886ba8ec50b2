import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import { ALWAYS_OPEN_CALENDAR, DEFAULT_FORBIDDEN_WORDS } from '@onetrip/domain';
import type { PlannedStep } from '@onetrip/domain/engine/process-definition';
import type { StepStatus } from '@onetrip/domain/case/case-status';
import {
  CASE_STATUS_KEY,
  caseStateQuery,
  decideTaskUpdate,
  NEXT_DUE_AT_KEY,
  OPEN_DEPARTMENTS_KEY,
  OVERDUE_DEPARTMENTS_KEY,
  PROCESS_WORKFLOW,
  raiseObjectionUpdate,
  type CasePolicy,
  type ProcessWorkflowInput,
  type TaskDecision,
  type TaskDecisionResult,
} from '@onetrip/workflows/contracts';
import type { CaseActivities, DecisionInput, NoticeClosing, NoticeOpening, OpenStepInput } from '@onetrip/workflows/activities/case.activities';
import { waitFor } from '../../scripts/stack/wait-for';
import { temporalBinary } from '../../scripts/stack/temporal-dev-server';
import { testStack } from '../support/test-stack';
import { sendUpdate } from '../support/workflow-updates';

// The fast tier of the notice step (kind public-notice): processWorkflow on a local Temporal dev server with
// its activities in memory. A notice of NOTICE seconds: ends by its timer with no objection; an objection
// dismissed lets it run on; an objection upheld hands the case on to the ordinary notice.

const TASK_QUEUE = `notice-${randomUUID()}`;
const NOTICE_SECONDS = 3;

const calls = new Map<string, { name: string; input: unknown }[]>();
const note = (caseId: string, name: string, input: unknown): void => {
  calls.set(caseId, [...(calls.get(caseId) ?? []), { name, input }]);
};

function fakeActivities(): Partial<CaseActivities> {
  const result = (input: { taskId: string; department: string; stepId?: string }, status: StepStatus, outputs?: Record<string, unknown>): TaskDecisionResult => ({
    taskId: input.taskId,
    department: input.department as TaskDecisionResult['department'],
    stepId: input.stepId,
    status,
    outputs,
  });
  return {
    openStep: async (input: OpenStepInput) => note(input.caseId, 'openStep', input),
    openNotice: async (input: NoticeOpening) => note(input.caseId, 'openNotice', input),
    closeNotice: async (input: NoticeClosing) => {
      note(input.caseId, 'closeNotice', input);
      return result(input, 'DONE', { result: input.result, endedAt: input.closedAt });
    },
    recordDecision: async (input: DecisionInput) => {
      note(input.caseId, 'recordDecision', input);
      const status: StepStatus = input.decision === 'COMPLETE' ? 'DONE' : input.decision === 'RETURN' ? 'RETURNED' : 'REJECTED';
      return result(input, status, status === 'DONE' ? { ...input.outputs } : undefined);
    },
    remindStep: async () => undefined,
    escalateOverdueStep: async () => undefined,
    completeProcess: async (input) => {
      note(input.caseId, 'completeProcess', input);
      return { mail: false };
    },
    endCase: async (input) => note(input.caseId, 'endCase', input),
    verifyCommand: async () => undefined,
  };
}

const policy: CasePolicy = {
  modes: { SAMR: 'MANUAL', PSB: 'MANUAL', TAX: 'MANUAL', HRSS: 'MANUAL', BANK: 'MANUAL' },
  timeLimitMinutes: { SAMR: 240, PSB: 240, TAX: 240, HRSS: 240, BANK: 240 },
  reminderLeadMinutes: 60,
  calendar: ALWAYS_OPEN_CALENDAR,
  rules: { jurisdiction: { divisionCode: '433101', name: '吉首市' }, forbiddenWords: [...DEFAULT_FORBIDDEN_WORDS] },
};

const step = (id: string, dependsOn: string[], extra: Partial<PlannedStep> = {}): PlannedStep => ({
  id,
  department: id === 'OBJECTION' ? 'SAMR' : id,
  kind: 'review',
  dependsOn,
  mode: 'MANUAL',
  timeLimitMinutes: 240,
  reminderLeadMinutes: 60,
  reads: ['route'],
  ...extra,
});

/** The deregistration's shape in small: a clerk's step, the simplified notice (upheld → the ordinary one), SAMR last. */
const steps: PlannedStep[] = [
  step('TAX', []),
  step('PUBLIC_NOTICE', ['TAX'], { department: 'GSXT', kind: 'public-notice', notice: { seconds: NOTICE_SECONDS, objectionStep: 'OBJECTION', onUpheld: 'CREDITOR_NOTICE' } }),
  step('CREDITOR_NOTICE', ['TAX'], { department: 'GSXT', kind: 'public-notice', notice: { seconds: NOTICE_SECONDS, objectionStep: 'OBJECTION' } }),
  step('OBJECTION', []),
  step('SAMR', ['PUBLIC_NOTICE', 'CREDITOR_NOTICE']),
];

describe('the notice step (public-notice) in processWorkflow', () => {
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
    const workflowBundle = { codePath: path.resolve(testStack().workflowBundle) } as unknown as WorkflowBundleWithSourceMap;
    worker = await Worker.create({ connection: env.nativeConnection, taskQueue: TASK_QUEUE, workflowBundle, activities: fakeActivities() });
    running = worker.run();
  }, 120_000);

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  const start = async () => {
    const caseId = randomUUID();
    const input: ProcessWorkflowInput = { caseId, process: { key: 'test', version: 1 }, steps, skipped: ['CREDITOR_NOTICE', 'OBJECTION'], policy };
    const handle = (await env.client.workflow.start(PROCESS_WORKFLOW, { taskQueue: TASK_QUEUE, workflowId: `case-${caseId}`, args: [input] })) as WorkflowHandle;
    return { caseId, handle, calls: () => calls.get(caseId) ?? [] };
  };
  const statusOf = async (handle: WorkflowHandle) => Object.fromEntries((await handle.query(caseStateQuery)).steps.map((s) => [s.stepId, s.status]));
  /** Waits until the step is OPEN and answers its task id. */
  const openTask = (handle: WorkflowHandle, id: string) =>
    waitFor(`${id} open`, async () => (await handle.query(caseStateQuery)).steps.find((s) => s.stepId === id && s.status === 'OPEN')?.taskId, { timeoutMs: 20_000, intervalMs: 50 });
  const decide = (handle: WorkflowHandle, taskId: string, decision: Partial<TaskDecision> = {}) =>
    sendUpdate(() => handle.executeUpdate(decideTaskUpdate, { args: [{ taskId, actorId: 'clerk', decision: 'COMPLETE', ...decision }] }));
  const object = (handle: WorkflowHandle, objectionId = randomUUID()) =>
    sendUpdate(() => handle.executeUpdate(raiseObjectionUpdate, { args: [{ objectionId }], updateId: objectionId }));
  /** What a refused Update said: its failure's type and message (the client's own error only says the Update failed). */
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => 'accepted',
      (error: { cause?: { type?: string; message?: string } }) => `${error.cause?.type}: ${error.cause?.message}`,
    );
  const closings = (list: { name: string; input: unknown }[]) => list.filter((c) => c.name === 'closeNotice').map((c) => [(c.input as NoticeClosing).stepId, (c.input as NoticeClosing).result]);

  it('the timer fires with no objection: the notice is DONE (ENDED), then SAMR opens; no objection is taken before or after', async () => {
    const { handle, calls } = await start();
    expect(await refusal(object(handle))).toMatch(/not in a notice period/);
    await decide(handle, await openTask(handle, 'TAX'));
    const notice = await openTask(handle, 'PUBLIC_NOTICE');
    expect(notice).toMatch(/\.PUBLIC_NOTICE\.1$/);
    const opened = calls().find((c) => c.name === 'openNotice')!.input as NoticeOpening;
    expect(Date.parse(opened.endsAt) - Date.parse(opened.openedAt)).toBe(NOTICE_SECONDS * 1000);
    await decide(handle, await openTask(handle, 'SAMR'));
    expect(await handle.result()).toEqual({ status: 'COMPLETED' });
    expect(closings(calls())).toEqual([['PUBLIC_NOTICE', 'ENDED']]);
    expect(await statusOf(handle)).toEqual({ TAX: 'DONE', PUBLIC_NOTICE: 'DONE', CREDITOR_NOTICE: 'SKIPPED', OBJECTION: 'SKIPPED', SAMR: 'DONE' });
    expect(await refusal(object(handle))).not.toBe('accepted');
  }, 60_000);

  it('an objection is ruled on by a SAMR task; dismissed, the notice runs on and ends after its timer (a retried objection answers the same task)', async () => {
    const { handle, calls } = await start();
    await decide(handle, await openTask(handle, 'TAX'));
    await openTask(handle, 'PUBLIC_NOTICE');
    const objectionId = randomUUID();
    const raised = await object(handle, objectionId);
    expect(raised).toEqual({ noticeStepId: 'PUBLIC_NOTICE', taskId: expect.stringMatching(/\.OBJECTION\.1$/) });
    expect(await object(handle, objectionId)).toEqual(raised);
    // A second objection while the first is open joins its task.
    expect((await object(handle)).taskId).toBe(raised.taskId);
    expect(calls().filter((c) => c.name === 'openStep' && (c.input as OpenStepInput).stepId === 'OBJECTION')).toHaveLength(1);
    // Returning an objection, or upholding without a ruling, is refused at once.
    expect(await refusal(decide(handle, raised.taskId, { decision: 'RETURN', items: [{ field: 'route', reason: 'x' }] }))).toMatch(/not returned/);
    expect(await refusal(decide(handle, raised.taskId, { outputs: { ruling: 'MAYBE' } }))).toMatch(/DISMISSED or UPHELD/);
    await decide(handle, raised.taskId, { outputs: { ruling: 'DISMISSED' } });
    await decide(handle, await openTask(handle, 'SAMR'));
    expect(await handle.result()).toEqual({ status: 'COMPLETED' });
    expect(closings(calls())).toEqual([['PUBLIC_NOTICE', 'ENDED']]);
    expect(await statusOf(handle)).toMatchObject({ PUBLIC_NOTICE: 'DONE', CREDITOR_NOTICE: 'SKIPPED', OBJECTION: 'DONE' });
  }, 60_000);

  it('an objection upheld ends the simplified notice at once and the ordinary notice runs before SAMR; there, upholding needs a refusal', async () => {
    const { handle, calls } = await start();
    await decide(handle, await openTask(handle, 'TAX'));
    await openTask(handle, 'PUBLIC_NOTICE');
    const first = await object(handle);
    await decide(handle, first.taskId, { outputs: { ruling: 'UPHELD' } });
    await openTask(handle, 'CREDITOR_NOTICE');
    expect(await statusOf(handle)).toMatchObject({ PUBLIC_NOTICE: 'DONE', CREDITOR_NOTICE: 'OPEN', SAMR: 'PENDING' });
    // The ordinary notice takes objections too; it hands on to nothing, so "upheld" is a refusal of the case.
    const second = await object(handle);
    expect(second).toEqual({ noticeStepId: 'CREDITOR_NOTICE', taskId: expect.stringMatching(/\.OBJECTION\.2$/) });
    expect(await refusal(decide(handle, second.taskId, { outputs: { ruling: 'UPHELD' } }))).toMatch(/refusing the case/);
    await decide(handle, second.taskId, { outputs: { ruling: 'DISMISSED' } });
    await decide(handle, await openTask(handle, 'SAMR'));
    expect(await handle.result()).toEqual({ status: 'COMPLETED' });
    expect(closings(calls())).toEqual([['PUBLIC_NOTICE', 'OBJECTION_UPHELD'], ['CREDITOR_NOTICE', 'ENDED']]);
  }, 60_000);

  it('an objection upheld by refusing the case ends it REJECTED', async () => {
    const { handle, calls } = await start();
    await decide(handle, await openTask(handle, 'TAX'));
    await openTask(handle, 'PUBLIC_NOTICE');
    const raised = await object(handle);
    await decide(handle, raised.taskId, { decision: 'REJECT', reason: 'A creditor holds an unpaid claim' });
    expect(await handle.result()).toMatchObject({ status: 'REJECTED', reason: 'SAMR: A creditor holds an unpaid claim' });
    expect(calls().some((c) => c.name === 'closeNotice')).toBe(false);
  }, 60_000);
});
