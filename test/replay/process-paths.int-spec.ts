import type { Client as PgClient } from 'pg';
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { ApplicationForm } from '@onetrip/domain';
import { enterpriseOpeningOutcome } from '@onetrip/domain/processes/enterprise-opening/kinds/enterprise-outcome';
import { cancelCaseUpdate, caseWorkflowId, decideTaskUpdate, submitCorrectionUpdate, type TaskDecision } from '@onetrip/workflows/contracts';
import { recordHistory } from '../support/history-recorder';
import {
  caseRow,
  sampleForm,
  signedCancellation,
  signedCorrection,
  signedDecision,
  startProcessCaseDirectly,
  tasksOf,
  testCipher,
  testPolicy,
  useRealServers,
  waitForCaseStatus,
  waitForOpenTasks,
} from '../support/case-fixtures';

// The enterprise opening on the generic processWorkflow, against the real worker (its activities, the
// definition read from PostgreSQL, the outcome built by the definition): the paths the replay gate keeps
// for this workflow. With RECORD_HISTORIES=1 each saves its history under histories/process/enterprise-opening/.
describe('processWorkflow paths of the enterprise opening, recorded for replay', () => {
  const servers = useRealServers();
  let db: PgClient;
  let temporal: Client;
  beforeAll(() => {
    ({ db, temporal } = servers);
  });

  const decide = (caseId: string, decision: Omit<TaskDecision, 'actorId'> & { actorId: string }) =>
    temporal.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(decideTaskUpdate, { args: [signedDecision(caseId, decision)] });

  /** The outcome as caseWorkflow wrote it: the postal system's item number comes after, from the shipment (free mail). */
  const withoutMailNumber = (outcome: unknown): unknown => {
    const { mailTrackingNumber: _number, ...rest } = outcome as Record<string, unknown>;
    return rest;
  };

  /** The outcome caseWorkflow would have written from the same tasks' outputs and form. */
  const expectedOutcome = async (caseId: string): Promise<Record<string, unknown>> => {
    const done = (await tasksOf(db, caseId)).filter((task) => task.status === 'DONE');
    const latest = Object.fromEntries(done.map((task) => [task.department, task.outputs ?? {}]));
    const form = testCipher().openFields((await caseRow(db, caseId)).form as ApplicationForm);
    return JSON.parse(JSON.stringify(enterpriseOpeningOutcome(latest, form))) as Record<string, unknown>;
  };

  it("happy-path: the licence, then four departments at once, one outcome equal to caseWorkflow's", async () => {
    const { caseId, applicantId } = await startProcessCaseDirectly(db, temporal, sampleForm(), testPolicy());
    const [samr] = await waitForOpenTasks(db, caseId, ['SAMR']);
    expect(samr.id).toBe(`${caseId}.SAMR.1`);
    await decide(caseId, { taskId: samr.id, actorId: applicantId, decision: 'COMPLETE' });
    const four = await waitForOpenTasks(db, caseId, ['PSB', 'TAX', 'HRSS', 'BANK']);
    for (const task of four) await decide(caseId, { taskId: task.id, actorId: applicantId, decision: 'COMPLETE' });
    const row = await waitForCaseStatus(db, caseId, 'COMPLETED');
    expect(withoutMailNumber(row.outcome)).toEqual(await expectedOutcome(caseId));
    expect((row.outcome as { uscc?: string }).uscc).toMatch(/^[0-9A-Z]{18}$/);
    const steps = await db.query(`SELECT step_id, department FROM tasks WHERE case_id = $1`, [caseId]);
    expect(steps.rows.every((task: { step_id: string; department: string }) => task.step_id === task.department)).toBe(true);
    await recordHistory(temporal.workflow.getHandle(caseWorkflowId(caseId)), 'process/enterprise-opening/happy-path');
  });

  it('correction: two returns, one notice, only the two steps that returned reopen', async () => {
    const { caseId, applicantId } = await startProcessCaseDirectly(db, temporal, sampleForm(), testPolicy());
    const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
    const [samr] = await waitForOpenTasks(db, caseId, ['SAMR']);
    await decide(caseId, { taskId: samr.id, actorId: applicantId, decision: 'COMPLETE' });
    const four = await waitForOpenTasks(db, caseId, ['PSB', 'TAX', 'HRSS', 'BANK']);
    const task = (department: string) => four.find((candidate) => candidate.department === department)!;
    await decide(caseId, { taskId: task('TAX').id, actorId: applicantId, decision: 'RETURN', items: [{ field: 'tax.taxpayerType', reason: 'turnover needs GENERAL' }] });
    await decide(caseId, { taskId: task('PSB').id, actorId: applicantId, decision: 'COMPLETE' });
    await decide(caseId, { taskId: task('BANK').id, actorId: applicantId, decision: 'RETURN', items: [{ field: 'bank.branch', reason: 'branch closed' }] });
    expect((await caseRow(db, caseId)).status).toBe('IN_PROGRESS');
    await decide(caseId, { taskId: task('HRSS').id, actorId: applicantId, decision: 'COMPLETE' });
    const waiting = await waitForCaseStatus(db, caseId, 'AWAITING_CORRECTION');
    expect(waiting.correction).toEqual({
      round: 1,
      items: [
        { stepId: 'TAX', department: 'TAX', field: 'tax.taxpayerType', reason: 'turnover needs GENERAL' },
        { stepId: 'BANK', department: 'BANK', field: 'bank.branch', reason: 'branch closed' },
      ],
    });

    const correctionId = randomUUID();
    await db.query(`INSERT INTO corrections (id, case_id, round, changes, submitted_by_id, status) VALUES ($1, $2, 1, $3, $4, 'PENDING')`, [
      correctionId,
      caseId,
      JSON.stringify({ 'tax.taxpayerType': 'GENERAL', 'bank.branch': '吉首人民路支行' }),
      applicantId,
    ]);
    const result = await handle.executeUpdate(submitCorrectionUpdate, { args: [signedCorrection(caseId, { correctionId, round: 1, actorId: applicantId })] });
    expect({ ...result, changedPaths: [...result.changedPaths].sort() }).toEqual({ changedPaths: ['bank.branch', 'tax.taxpayerType'], reopened: ['TAX', 'BANK'], waiting: [], skipped: [] });
    const reopened = await waitForOpenTasks(db, caseId, ['TAX', 'BANK']);
    expect(reopened.map((row) => row.round)).toEqual([2, 2]);
    for (const open of reopened) await decide(caseId, { taskId: open.id, actorId: applicantId, decision: 'COMPLETE' });
    const row = await waitForCaseStatus(db, caseId, 'COMPLETED');
    expect(withoutMailNumber(row.outcome)).toEqual(await expectedOutcome(caseId));
    await recordHistory(handle, 'process/enterprise-opening/correction');
  });

  it('auto-mode: every step decides on arrival (即来即办) and the case completes with no clerk', async () => {
    const policy = testPolicy({ modes: { SAMR: 'AUTO', PSB: 'AUTO', TAX: 'AUTO', HRSS: 'AUTO', BANK: 'AUTO' } });
    const { caseId } = await startProcessCaseDirectly(db, temporal, sampleForm(), policy);
    const row = await waitForCaseStatus(db, caseId, 'COMPLETED');
    expect(withoutMailNumber(row.outcome)).toEqual(await expectedOutcome(caseId));
    expect((await tasksOf(db, caseId)).map((task) => task.status)).toEqual(['DONE', 'DONE', 'DONE', 'DONE', 'DONE']);
    await recordHistory(temporal.workflow.getHandle(caseWorkflowId(caseId)), 'process/enterprise-opening/auto-mode');
  });

  it('licence-then-auto: a clerk grants the licence and the four AUTO steps it unblocks run after a timer, not in the task that answers the clerk', async () => {
    const policy = testPolicy({ modes: { SAMR: 'MANUAL', PSB: 'AUTO', TAX: 'AUTO', HRSS: 'AUTO', BANK: 'AUTO' } });
    const { caseId, applicantId } = await startProcessCaseDirectly(db, temporal, sampleForm(), policy);
    const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
    const [samr] = await waitForOpenTasks(db, caseId, ['SAMR']);
    await decide(caseId, { taskId: samr.id, actorId: applicantId, decision: 'COMPLETE' });
    const row = await waitForCaseStatus(db, caseId, 'COMPLETED');
    expect(withoutMailNumber(row.outcome)).toEqual(await expectedOutcome(caseId));
    await handle.result();
    // The Update is answered when its workflow task completes, and a task completes only once its local activities
    // have: no AUTO step's marker may be in the task that answered the licence.
    const { events } = await handle.fetchHistory();
    let task = 0;
    const answeredIn = new Set<number>();
    const autoStepsIn = new Set<number>();
    let timersFired = 0;
    for (const event of events ?? []) {
      if (event.workflowTaskCompletedEventAttributes) task = Number(event.eventId);
      if (event.workflowExecutionUpdateCompletedEventAttributes) answeredIn.add(task);
      if (event.timerFiredEventAttributes) timersFired += 1;
      const marker = event.markerRecordedEventAttributes;
      // The marker's data (activity type, attempt) is core's own JSON, not passed through the payload codec.
      const data = marker?.markerName === 'core_local_activity' ? Buffer.from(marker.details?.data?.payloads?.[0]?.data ?? []).toString('utf8') : '';
      if (data.includes('"runAutomaticStep"')) autoStepsIn.add(Number(marker!.workflowTaskCompletedEventId));
    }
    expect({ answeredIn: answeredIn.size, autoStepTasks: autoStepsIn.size, timersFired }).toEqual({ answeredIn: 1, autoStepTasks: 1, timersFired: 1 });
    expect([...autoStepsIn].filter((id) => answeredIn.has(id))).toEqual([]);
    await recordHistory(handle, 'process/enterprise-opening/licence-then-auto');
  });

  it('cancellation: the applicant cancels while four steps are open; they are cancelled, the licence stays done', async () => {
    const { caseId, applicantId } = await startProcessCaseDirectly(db, temporal, sampleForm(), testPolicy());
    const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
    const [samr] = await waitForOpenTasks(db, caseId, ['SAMR']);
    await decide(caseId, { taskId: samr.id, actorId: applicantId, decision: 'COMPLETE' });
    await waitForOpenTasks(db, caseId, ['PSB', 'TAX', 'HRSS', 'BANK']);
    const state = await handle.executeUpdate(cancelCaseUpdate, { args: [signedCancellation(caseId, { actorId: applicantId, reason: 'will apply again later' })] });
    expect(state.status).toBe('CANCELLED');
    expect(await handle.result()).toEqual({ status: 'CANCELLED', reason: 'will apply again later' });
    expect((await caseRow(db, caseId)).status).toBe('CANCELLED');
    expect((await tasksOf(db, caseId)).map((task) => [task.department, task.status])).toEqual([
      ['SAMR', 'DONE'],
      ...['BANK', 'HRSS', 'PSB', 'TAX'].map((department) => [department, 'CANCELLED']),
    ]);
    await recordHistory(handle, 'process/enterprise-opening/cancellation');
  });
});
