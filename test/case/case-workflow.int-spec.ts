import type { Client as PgClient } from 'pg';
import type { Client } from '@temporalio/client';
import { isValidUscc } from '@onetrip/domain';
import { randomUUID } from 'node:crypto';
import { cancelCaseUpdate, caseWorkflowId, decideTaskUpdate, submitCorrectionUpdate, type TaskDecision } from '@onetrip/workflows/contracts';
import { waitFor } from '../../scripts/stack/wait-for';
import { recordHistory } from '../support/history-recorder';
import { caseRow, sampleForm, useRealServers, startCaseDirectly, tasksOf, testPolicy, waitForCaseStatus, waitForOpenTasks, signedCancellation, signedCorrection, signedDecision } from '../support/case-fixtures';

describe('the case workflow on the real servers (started directly through Temporal)', () => {
  const servers = useRealServers();
  let db: PgClient;
  let temporal: Client;
  beforeAll(() => {
    ({ db, temporal } = servers);
  });

  describe('SAMR first, then the others', () => {

    it('runs SAMR first, then the four others in parallel, to one outcome', async () => {
      const { caseId } = await startCaseDirectly(db, temporal, sampleForm(), testPolicy());
      const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
      const [samr] = await waitForOpenTasks(db, caseId, ['SAMR']);
      const actorId = (await caseRow(db, caseId)).applicant_id as string;
      const licence = await handle.executeUpdate(decideTaskUpdate, { args: [signedDecision(caseId, { taskId: samr.id, actorId, decision: 'COMPLETE' })] });
      expect(licence.status).toBe('DONE');
      expect(isValidUscc(String(licence.outputs?.uscc))).toBe(true);

      const four = await waitForOpenTasks(db, caseId, ['PSB', 'TAX', 'HRSS', 'BANK']);
      for (const task of four) {
        const outputs: Record<string, string> = task.department === 'BANK' ? { accountNumber: '6222020200112233445' } : {};
        await handle.executeUpdate(decideTaskUpdate, { args: [signedDecision(caseId, { taskId: task.id, actorId, decision: 'COMPLETE', outputs })] });
      }
      const done = await waitForCaseStatus(db, caseId, 'COMPLETED');
      const outcome = done.outcome as { uscc: string; seals: unknown[]; bankAccount: { accountNumber: string } };
      expect(outcome.uscc).toBe(licence.outputs?.uscc);
      expect(outcome.seals).toHaveLength(4);
      expect(outcome.bankAccount.accountNumber).toBe('6222020200112233445');
      expect(await handle.result()).toEqual({ status: 'COMPLETED' });
      expect((await tasksOf(db, caseId)).every((task) => task.status === 'DONE')).toBe(true);
      await recordHistory(handle, 'happy-path');
    });

    it('completes on its own with every department AUTO', async () => {
      const { caseId } = await startCaseDirectly(db, temporal, sampleForm(), testPolicy({ modes: { SAMR: 'AUTO', PSB: 'AUTO', TAX: 'AUTO', HRSS: 'AUTO', BANK: 'AUTO' } }));
      const done = await waitForCaseStatus(db, caseId, 'COMPLETED');
      expect(isValidUscc(String((done.outcome as { uscc: string }).uscc))).toBe(true);
      await recordHistory(temporal.workflow.getHandle(caseWorkflowId(caseId)), 'auto-mode');
    });
  });

  describe('case workflow paths (started directly)', () => {

    async function licensed(policy = testPolicy()) {
      const started = await startCaseDirectly(db, temporal, sampleForm(), policy);
      const handle = temporal.workflow.getHandle(caseWorkflowId(started.caseId));
      const [samr] = await waitForOpenTasks(db, started.caseId, ['SAMR']);
      await handle.executeUpdate(decideTaskUpdate, { args: [signedDecision(started.caseId, { taskId: samr.id, actorId: started.applicantId, decision: 'COMPLETE' })] });
      const four = await waitForOpenTasks(db, started.caseId, ['PSB', 'TAX', 'HRSS', 'BANK']);
      const task = (department: string) => four.find((candidate) => candidate.department === department)!;
      return { ...started, handle, task };
    }

    it('refuses a second decision on the same task', async () => {
      const { caseId, handle, task, applicantId } = await licensed();
      const first = handle.executeUpdate(decideTaskUpdate, { args: [signedDecision(caseId, { taskId: task('PSB').id, actorId: applicantId, decision: 'COMPLETE' })] });
      const second = handle.executeUpdate(decideTaskUpdate, { args: [signedDecision(caseId, { taskId: task('PSB').id, actorId: applicantId, decision: 'COMPLETE' })] });
      const results = await Promise.allSettled([first, second]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
      expect(String(refused.reason.cause?.type ?? refused.reason)).toContain('TASK_NOT_OPEN');
    });

    it('ends REJECTED when a department refuses, cancelling the open steps', async () => {
      const { caseId, handle, task, applicantId } = await licensed();
      await handle.executeUpdate(decideTaskUpdate, { args: [signedDecision(caseId, { taskId: task('TAX').id, actorId: applicantId, decision: 'REJECT', reason: 'tax registration refused' })] });
      const ended = await waitForCaseStatus(db, caseId, 'REJECTED');
      expect(ended.end_reason).toBe('TAX: tax registration refused');
      const statuses = Object.fromEntries((await tasksOf(db, caseId)).map((row) => [row.department, row.status]));
      expect(statuses).toEqual({ SAMR: 'DONE', PSB: 'CANCELLED', TAX: 'REJECTED', HRSS: 'CANCELLED', BANK: 'CANCELLED' });
      expect(await handle.result()).toEqual({ status: 'REJECTED', reason: 'TAX: tax registration refused' });
      await recordHistory(handle, 'refusal');
    });

    it('marks a step overdue and escalates it past its limit (24x7 calendar, 2-second limit)', async () => {
      const { caseId } = await startCaseDirectly(db, temporal, sampleForm(), testPolicy({ limitMinutes: 2 / 60, reminderLeadMinutes: 1 / 60 }));
      const [samr] = await waitForOpenTasks(db, caseId, ['SAMR']);
      const row = await waitFor('escalation', async () => (await tasksOf(db, caseId)).find((task) => task.id === samr.id && task.escalated_at), { timeoutMs: 15_000 });
      expect(row.overdue_at).not.toBeNull();
      expect(row.reminded_at).not.toBeNull();
      expect(row.reminded_at!.getTime()).toBeLessThanOrEqual(row.overdue_at!.getTime());
      const audit = await db.query(`SELECT action FROM audit_log WHERE task_id = $1`, [samr.id]);
      expect(audit.rows).toEqual([{ action: 'ESCALATED' }]);
      const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
      await handle.executeUpdate(cancelCaseUpdate, { args: [signedCancellation(caseId, { actorId: randomUUID(), reason: 'test over' })] });
      await recordHistory(handle, 'overdue');
    });
  });

  describe('一次告知: one notice for every return, then only the affected steps reopen', () => {

    it('waits for every step under review, sends one notice, reopens only what read the changed fields', async () => {
      const { caseId, applicantId } = await startCaseDirectly(db, temporal, sampleForm(), testPolicy());
      const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
      const [samr] = await waitForOpenTasks(db, caseId, ['SAMR']);
      await handle.executeUpdate(decideTaskUpdate, { args: [signedDecision(caseId, { taskId: samr.id, actorId: applicantId, decision: 'COMPLETE' })] });
      const four = await waitForOpenTasks(db, caseId, ['PSB', 'TAX', 'HRSS', 'BANK']);
      const task = (department: string) => four.find((candidate) => candidate.department === department)!;
      const decide = (department: string, decision: object) =>
        handle.executeUpdate(decideTaskUpdate, { args: [signedDecision(caseId, { taskId: task(department).id, actorId: applicantId, ...decision } as TaskDecision)] });

      await decide('TAX', { decision: 'RETURN', items: [{ field: 'tax.taxpayerType', reason: 'turnover needs GENERAL' }] });
      await decide('PSB', { decision: 'COMPLETE' });
      // HRSS and BANK are still under review: no notice yet.
      expect((await caseRow(db, caseId)).status).toBe('IN_PROGRESS');
      await decide('BANK', { decision: 'RETURN', items: [{ field: 'bank.branch', reason: 'branch closed' }] });
      expect((await caseRow(db, caseId)).status).toBe('IN_PROGRESS');
      await decide('HRSS', { decision: 'COMPLETE' });

      const waiting = await waitForCaseStatus(db, caseId, 'AWAITING_CORRECTION');
      expect(waiting.correction).toEqual({
        round: 1,
        items: [
          { department: 'TAX', field: 'tax.taxpayerType', reason: 'turnover needs GENERAL' },
          { department: 'BANK', field: 'bank.branch', reason: 'branch closed' },
        ],
      });
      const notices = await waitFor('the correction notice', async () => {
        const rows = await db.query(`SELECT payload FROM notifications WHERE case_id = $1 AND kind = 'CORRECTION_NEEDED'`, [caseId]);
        return rows.rowCount ? rows.rows : undefined;
      });
      expect(notices).toHaveLength(1);
      expect(notices[0].payload.items).toHaveLength(2);

      const correctionId = randomUUID();
      await db.query(`INSERT INTO corrections (id, case_id, round, changes, submitted_by_id, status) VALUES ($1, $2, 1, $3, $4, 'PENDING')`, [
        correctionId,
        caseId,
        JSON.stringify({ 'tax.taxpayerType': 'GENERAL', 'bank.branch': '吉首人民路支行' }),
        applicantId,
      ]);
      const result = await handle.executeUpdate(submitCorrectionUpdate, { args: [signedCorrection(caseId, { correctionId, round: 1, actorId: applicantId })] });
      expect(result.changedPaths.sort()).toEqual(['bank.branch', 'tax.taxpayerType']);
      // TAX and BANK returned it; PSB and HRSS read neither field; SAMR reads neither.
      expect(result.reopened).toEqual(['TAX', 'BANK']);
      const reopened = await waitForOpenTasks(db, caseId, ['TAX', 'BANK']);
      expect(reopened.map((row) => row.round)).toEqual([2, 2]);
      const row = await caseRow(db, caseId);
      expect(row.status).toBe('IN_PROGRESS');
      expect((row.form as { tax: { taxpayerType: string } }).tax.taxpayerType).toBe('GENERAL');
      const statuses = Object.fromEntries((await tasksOf(db, caseId)).filter((t) => t.round === 1).map((t) => [t.department, t.status]));
      expect(statuses).toEqual({ SAMR: 'DONE', PSB: 'DONE', TAX: 'RETURNED', HRSS: 'DONE', BANK: 'RETURNED' });

      // The same correction again is refused: the case is no longer waiting for it.
      await expect(handle.executeUpdate(submitCorrectionUpdate, { args: [signedCorrection(caseId, { correctionId, round: 1, actorId: applicantId })] })).rejects.toThrow();

      for (const open of reopened) {
        await handle.executeUpdate(decideTaskUpdate, { args: [signedDecision(caseId, { taskId: open.id, actorId: applicantId, decision: 'COMPLETE' })] });
      }
      await waitForCaseStatus(db, caseId, 'COMPLETED');
      await recordHistory(handle, 'correction');
    });

    it('cancels on the applicant’s request while steps are open', async () => {
      const { caseId, applicantId } = await startCaseDirectly(db, temporal, sampleForm(), testPolicy());
      const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
      await waitForOpenTasks(db, caseId, ['SAMR']);
      const state = await handle.executeUpdate(cancelCaseUpdate, { args: [signedCancellation(caseId, { actorId: applicantId, reason: 'changed my mind' })] });
      expect(state.status).toBe('CANCELLED');
      const row = await caseRow(db, caseId);
      expect(row.status).toBe('CANCELLED');
      expect((await tasksOf(db, caseId)).map((task) => task.status)).toEqual(['CANCELLED']);
      await expect(handle.executeUpdate(cancelCaseUpdate, { args: [signedCancellation(caseId, { actorId: applicantId, reason: 'again' })] })).rejects.toThrow();
      await recordHistory(handle, 'cancellation');
    });
  });
});
