import type { Client as PgClient } from 'pg';
import type { Department } from '@onetrip/domain';
import { waitFor } from '../../scripts/stack/wait-for';
import { connectDatabase } from '../support/case-fixtures';
import { http } from '../support/http';
import { fileCase, newApplicant, openTaskId, signIn, waitForView, type CaseView, type SignedIn } from './api-fixtures';

// 一次告知 through HTTP: two departments return the case, the applicant gets ONE notice with both
// items, corrects only those fields, and only the steps that need to look again reopen.
describe('one correction notice for two returns (一次告知), through the API', () => {
  let db: PgClient;
  const clerks = {} as Record<Department, SignedIn>;

  beforeAll(async () => {
    db = await connectDatabase();
    for (const department of ['SAMR', 'PSB', 'TAX', 'HRSS', 'BANK'] as Department[]) clerks[department] = await signIn(`clerk-${department.toLowerCase()}`);
  });
  afterAll(() => db.end());

  const decide = (department: Department, taskId: string, action: 'complete' | 'return', body: object = {}) =>
    http<{ status: string }>('POST', `/tasks/${taskId}/${action}`, { token: clerks[department].token, body });

  it('waits for the steps under review, sends one notice, reopens TAX and BANK only, and completes', async () => {
    const applicant = await newApplicant();
    const filed = await fileCase(applicant.token);
    expect((await decide('SAMR', await openTaskId(db, filed.id, 'SAMR'), 'complete')).status).toBe(200);
    const parallel = await waitForView(applicant.token, filed.id, 'four steps open at once', (view) => view.steps.filter((step) => step.status === 'OPEN').length === 4);
    expect(parallel.steps.map((step) => step.status)).toEqual(['DONE', 'OPEN', 'OPEN', 'OPEN', 'OPEN']);
    const task = Object.fromEntries(
      await Promise.all((['PSB', 'TAX', 'HRSS', 'BANK'] as Department[]).map(async (department) => [department, await openTaskId(db, filed.id, department)])),
    ) as Record<Department, string>;

    expect((await decide('TAX', task.TAX, 'return', { items: [{ field: 'tax.taxpayerType', reason: '年销售额超过500万，应登记为一般纳税人' }] })).status).toBe(200);
    expect((await decide('PSB', task.PSB, 'complete')).status).toBe(200);
    expect((await decide('BANK', task.BANK, 'return', { items: [{ field: 'bank.branch', reason: '该网点已撤并' }] })).status).toBe(200);
    // HRSS is still deciding: the applicant has not been told anything yet.
    expect((await http<CaseView>('GET', `/applications/${filed.id}`, { token: applicant.token })).body.status).toBe('IN_PROGRESS');
    expect((await decide('HRSS', task.HRSS, 'complete')).status).toBe(200);

    const waiting = await waitForView(applicant.token, filed.id, 'the one notice', (view) => view.status === 'AWAITING_CORRECTION');
    expect(waiting.correction).toEqual({
      round: 1,
      items: [
        { department: 'TAX', field: 'tax.taxpayerType', reason: '年销售额超过500万，应登记为一般纳税人' },
        { department: 'BANK', field: 'bank.branch', reason: '该网点已撤并' },
      ],
    });
    // The case row says AWAITING_CORRECTION a moment before the notice is written: wait for the notice, then
    // count again once the correction is in, when a second notice could no longer be on its way.
    const correctionNotices = async (): Promise<number> =>
      (await db.query(`SELECT count(*)::int AS n FROM notifications WHERE case_id = $1 AND kind = 'CORRECTION_NEEDED'`, [filed.id])).rows[0].n as number;
    await waitFor('the correction notice', async () => ((await correctionNotices()) > 0 ? true : undefined));

    const corrected = await http<CaseView>('POST', `/applications/${filed.id}/corrections`, {
      token: applicant.token,
      body: { changes: { 'tax.taxpayerType': 'GENERAL', 'bank.branch': '吉首人民路支行' } },
    });
    expect(corrected.status).toBe(200);
    expect(await correctionNotices()).toBe(1);
    const reopened = await waitForView(applicant.token, filed.id, 'TAX and BANK reopened', (view) => view.steps[2].status === 'OPEN' && view.steps[4].status === 'OPEN');
    // SAMR, PSB and HRSS read neither field: they stay DONE, in round 1.
    expect(reopened.steps.map((step) => `${step.department}:${step.status}:${step.round}`)).toEqual(['SAMR:DONE:1', 'PSB:DONE:1', 'TAX:OPEN:2', 'HRSS:DONE:1', 'BANK:OPEN:2']);

    expect((await decide('TAX', await openTaskId(db, filed.id, 'TAX'), 'complete')).status).toBe(200);
    expect((await decide('BANK', await openTaskId(db, filed.id, 'BANK'), 'complete', { outputs: { accountNumber: '62220202001122334455' } })).status).toBe(200);
    const done = await waitForView(applicant.token, filed.id, 'completed', (view) => view.status === 'COMPLETED');
    expect(done.fees.applicantTotal).toBe('0.00');
    expect((done.outcome as { bankAccount: { accountNumber: string } }).bankAccount.accountNumber).toBe('62220202001122334455');
  });
});
