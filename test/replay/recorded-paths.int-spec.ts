import type { Client as PgClient } from 'pg';
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { cancelCaseUpdate, caseWorkflowId, decideTaskUpdate, reopenStepUpdate, type TaskDecision } from '@onetrip/workflows/contracts';
import { waitFor } from '../../scripts/stack/wait-for';
import { recordHistory } from '../support/history-recorder';
import { caseRow, sampleForm, startCaseDirectly, tasksOf, testPolicy, useRealServers, waitForCaseStatus, waitForOpenTasks, signedCancellation, signedDecision, signedReopening } from '../support/case-fixtures';

// The case paths that test/case/case-workflow.int-spec.ts does not drive. Each test checks its path
// ran as intended; with RECORD_HISTORIES=1 it also saves the history for the replay spec.
describe('case workflow paths recorded for replay', () => {
  const servers = useRealServers();
  let db: PgClient;
  let temporal: Client;
  beforeAll(() => {
    ({ db, temporal } = servers);
  });

  const decide = (caseId: string, decision: object) =>
    temporal.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(decideTaskUpdate, { args: [signedDecision(caseId, decision as TaskDecision)] });

  it('reopen-step: an admin reopens a finished step, which runs a second round before the case completes', async () => {
    const { caseId, applicantId } = await startCaseDirectly(db, temporal, sampleForm(), testPolicy());
    const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
    const [samr] = await waitForOpenTasks(db, caseId, ['SAMR']);
    await decide(caseId, { taskId: samr.id, actorId: applicantId, decision: 'COMPLETE' });
    const four = await waitForOpenTasks(db, caseId, ['PSB', 'TAX', 'HRSS', 'BANK']);
    const psb = four.find((task) => task.department === 'PSB')!;
    await decide(caseId, { taskId: psb.id, actorId: applicantId, decision: 'COMPLETE' });

    const reopened = await handle.executeUpdate(reopenStepUpdate, { args: [signedReopening(caseId, { department: 'PSB', actorId: randomUUID(), reason: 'seal design wrong' })] });
    expect(reopened).toMatchObject({ department: 'PSB', status: 'OPEN', round: 2 });
    const open = await waitForOpenTasks(db, caseId, ['PSB', 'TAX', 'HRSS', 'BANK']);
    expect(open.find((task) => task.department === 'PSB')!.round).toBe(2);
    for (const task of open) {
      const outputs = task.department === 'BANK' ? { accountNumber: '6222020200112233445' } : {};
      await decide(caseId, { taskId: task.id, actorId: applicantId, decision: 'COMPLETE', outputs });
    }
    await waitForCaseStatus(db, caseId, 'COMPLETED');
    const psbRounds = (await tasksOf(db, caseId)).filter((task) => task.department === 'PSB').map((task) => [task.round, task.status]);
    expect(psbRounds).toEqual([[1, 'DONE'], [2, 'DONE']]);
    await recordHistory(handle, 'reopen-step');
  });

  it('correction-then-cancel: the applicant cancels while the case waits for a correction', async () => {
    const { caseId, applicantId } = await startCaseDirectly(db, temporal, sampleForm(), testPolicy());
    const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
    const [samr] = await waitForOpenTasks(db, caseId, ['SAMR']);
    await decide(caseId, { taskId: samr.id, actorId: applicantId, decision: 'RETURN', items: [{ field: 'company.address', reason: 'house number missing' }] });
    await waitForCaseStatus(db, caseId, 'AWAITING_CORRECTION');

    const state = await handle.executeUpdate(cancelCaseUpdate, { args: [signedCancellation(caseId, { actorId: applicantId, reason: 'will apply again later' })] });
    expect(state.status).toBe('CANCELLED');
    expect(await handle.result()).toEqual({ status: 'CANCELLED', reason: 'will apply again later' });
    expect((await caseRow(db, caseId)).status).toBe('CANCELLED');
    await recordHistory(handle, 'correction-then-cancel');
  });

  it('decision-failed: a licence whose name another case registered meanwhile is refused and the step stays open', async () => {
    const form = sampleForm();
    const first = await startCaseDirectly(db, temporal, form, testPolicy());
    const second = await startCaseDirectly(db, temporal, form, testPolicy());
    const [firstSamr] = await waitForOpenTasks(db, first.caseId, ['SAMR']);
    const [secondSamr] = await waitForOpenTasks(db, second.caseId, ['SAMR']);
    await decide(first.caseId, { taskId: firstSamr.id, actorId: first.applicantId, decision: 'COMPLETE' });

    await expect(decide(second.caseId, { taskId: secondSamr.id, actorId: second.applicantId, decision: 'COMPLETE' })).rejects.toMatchObject({
      cause: { type: 'NAME_TAKEN' },
    });
    await waitForOpenTasks(db, second.caseId, ['SAMR']);

    const handle = temporal.workflow.getHandle(caseWorkflowId(second.caseId));
    await handle.executeUpdate(cancelCaseUpdate, { args: [signedCancellation(second.caseId, { actorId: second.applicantId, reason: 'name taken' })] });
    await temporal.workflow.getHandle(caseWorkflowId(first.caseId)).executeUpdate(cancelCaseUpdate, { args: [signedCancellation(first.caseId, { actorId: first.applicantId, reason: 'test over' })] });
    await recordHistory(handle, 'decision-failed');
  });

  it('auto-step-retried: an AUTO step fails while its department is down, an admin retries it, the case completes', async () => {
    const policy = testPolicy({ modes: { PSB: 'AUTO', TAX: 'AUTO', HRSS: 'AUTO', BANK: 'AUTO' } });
    const { caseId, applicantId } = await startCaseDirectly(db, temporal, sampleForm(), policy);
    const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
    // SAMR is MANUAL so the outage is in place before TAX's first attempt.
    await db.query(`INSERT INTO department_outages (department, scope, message) VALUES ('TAX', $1, 'connect ECONNREFUSED tax-gateway:443')`, [caseId]);
    const [samr] = await waitForOpenTasks(db, caseId, ['SAMR']);
    await decide(caseId, { taskId: samr.id, actorId: applicantId, decision: 'COMPLETE' });

    const failing = await waitFor('TAX failing twice', async () => {
      const pending = (await handle.describe()).raw.pendingActivities ?? [];
      return pending.find((activity) => activity.activityType?.name === 'runAutomaticStep' && (activity.attempt ?? 0) >= 2);
    });
    expect((await caseRow(db, caseId)).status).toBe('IN_PROGRESS');
    await db.query(`DELETE FROM department_outages WHERE scope = $1`, [caseId]);
    // What the admin's "retry now" does (apps/api/src/admin): run the pending attempt at once.
    await temporal.workflowService.resetActivity({
      namespace: temporal.options.namespace,
      execution: { workflowId: handle.workflowId },
      id: failing.activityId,
      resetHeartbeat: true,
      identity: 'recorded-paths test',
    });
    await waitForCaseStatus(db, caseId, 'COMPLETED');
    expect((await tasksOf(db, caseId)).map((task) => task.status)).toEqual(['DONE', 'DONE', 'DONE', 'DONE', 'DONE']);
    await recordHistory(handle, 'auto-step-retried');
  });
});
