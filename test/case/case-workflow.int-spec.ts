import type { Client as PgClient } from 'pg';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { isValidUscc } from '@onetrip/domain';
import { randomUUID } from 'node:crypto';
import { cancelCaseUpdate, caseWorkflowId, decideTaskUpdate, NEXT_DUE_AT_KEY, submitCorrectionUpdate, type CasePolicy, type TaskDecision } from '@onetrip/workflows/contracts';
import { waitFor } from '../../scripts/stack/wait-for';
import { recordHistory } from '../support/history-recorder';
import { caseRow, sampleForm, useRealServers, startCaseDirectly, tasksOf, testPolicy, waitForCaseStatus, waitForOpenTasks, signedCancellation, signedCorrection, signedDecision } from '../support/case-fixtures';

/** A protobuf Timestamp or Duration ({ seconds, nanos }) in whole milliseconds. */
function timestampMs(value: { seconds?: { toNumber(): number } | number | null; nanos?: number | null } | null | undefined): number {
  const seconds = value?.seconds ?? 0;
  return (typeof seconds === 'number' ? seconds : seconds.toNumber()) * 1000 + Math.floor((value?.nanos ?? 0) / 1e6);
}

/** What a call threw (fails the test if it did not throw), to be asserted by type rather than by "some error". */
async function failureOf(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    (value) => {
      throw new Error(`expected a refusal, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

/** A refusal by the workflow's Update validator: WorkflowUpdateFailedError caused by an ApplicationFailure of this type. */
async function expectRefused(call: Promise<unknown>, type: string): Promise<void> {
  const error = await failureOf(call);
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  expect((cause as ApplicationFailure).type).toBe(type);
}

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
      await expectRefused(handle.executeUpdate(submitCorrectionUpdate, { args: [signedCorrection(caseId, { correctionId, round: 1, actorId: applicantId })] }), 'NOT_AWAITING_CORRECTION');

      for (const open of reopened) {
        await handle.executeUpdate(decideTaskUpdate, { args: [signedDecision(caseId, { taskId: open.id, actorId: applicantId, decision: 'COMPLETE' })] });
      }
      await waitForCaseStatus(db, caseId, 'COMPLETED');
      await recordHistory(handle, 'correction');
    });

    it('counts the time limit on the office calendar: holidays skipped, a make-up Saturday worked', async () => {
      // Dates relative to today in Asia/Shanghai (UTC+8 all year), so this case crosses them now: every
      // weekday from today up to the Thursday before the next Saturday S (S at least two days away) is a
      // holiday, so the start time of day does not matter; Friday S-1 works, S is a make-up working day,
      // Sunday is off and Monday S+2 a holiday again. Expected times are worked out by hand, not by the domain.
      const DAY = 86_400_000;
      const today = Date.parse(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
      const weekday = new Date(today).getUTCDay();
      let saturday = today + 2 * DAY;
      while (new Date(saturday).getUTCDay() !== 6) saturday += DAY;
      const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
      const holidays: string[] = [];
      for (let day = today; day <= saturday - 2 * DAY; day += DAY) if (![0, 6].includes(new Date(day).getUTCDay())) holidays.push(iso(day));
      holidays.push(iso(saturday + 2 * DAY));
      expect(holidays).toContain(iso(today + (weekday === 6 ? 2 : weekday === 0 ? 1 : 0) * DAY));
      const policy: CasePolicy = {
        ...testPolicy({ limitMinutes: 900, reminderLeadMinutes: 420 }),
        calendar: { kind: 'OFFICE', officeHours: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }], holidays, makeUpWorkdays: [iso(saturday)] },
      };
      // 7 working hours a day: Friday 420 min, Saturday 420, Sunday off, Monday holiday, Tuesday 60 more.
      // Due: Tuesday S+3 10:00 Shanghai = 02:00 UTC. Reminder at 900 - 420 = 480 min: Saturday 10:00 Shanghai.
      const expectedDue = `${iso(saturday + 3 * DAY)}T02:00:00.000Z`;
      const expectedReminder = `${iso(saturday)}T02:00:00.000Z`;

      const { caseId, applicantId } = await startCaseDirectly(db, temporal, sampleForm(), policy);
      const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
      const [samr] = await waitForOpenTasks(db, caseId, ['SAMR']);
      const task = await db.query(`SELECT due_at FROM tasks WHERE id = $1`, [samr.id]);
      expect((task.rows[0] as { due_at: Date }).due_at.toISOString()).toBe(expectedDue);
      const nextDue = await waitFor('the next due time published', async () => (await handle.describe()).typedSearchAttributes.get(NEXT_DUE_AT_KEY));
      expect(nextDue.toISOString()).toBe(expectedDue);

      // The reminder is a timer: it fires at the workflow's clock when it was set (its workflow task's
      // start) plus its duration, both read back from the history.
      const reminderAt = await waitFor('the reminder timer set', async () => {
        const { events } = await handle.fetchHistory();
        let workflowNow: number | undefined;
        for (const event of events ?? []) {
          if (event.workflowTaskStartedEventAttributes) workflowNow = timestampMs(event.eventTime);
          const timer = event.timerStartedEventAttributes;
          if (timer && workflowNow !== undefined) return new Date(workflowNow + timestampMs(timer.startToFireTimeout));
        }
        return undefined;
      });
      expect(reminderAt.toISOString()).toBe(expectedReminder);

      await handle.executeUpdate(cancelCaseUpdate, { args: [signedCancellation(caseId, { actorId: applicantId, reason: 'calendar checked' })] });
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
      // Once the run has closed, Temporal itself refuses the Update (the API maps this to CASE_CLOSED too);
      // waiting for the result first makes that the one possible answer instead of a race with the validator.
      expect(await handle.result()).toMatchObject({ status: 'CANCELLED' });
      const again = await failureOf(handle.executeUpdate(cancelCaseUpdate, { args: [signedCancellation(caseId, { actorId: applicantId, reason: 'again' })] }));
      expect(again).toBeInstanceOf(WorkflowNotFoundError);
      expect((again as WorkflowNotFoundError).workflowId).toBe(caseWorkflowId(caseId));
      await recordHistory(handle, 'cancellation');
    });
  });
});
