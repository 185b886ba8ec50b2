import { randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import { isS10Number, isValidUscc, makeResidentId, maskIdNumber, maskMobile, type Department } from '@onetrip/domain';
import { connectDatabase, testCipher } from '../support/case-fixtures';
import { recordCheck } from '../support/scorecard';
import { http } from '../support/http';
import { testStack } from '../support/test-stack';
import { fieldPaths, fileCase, newApplicant, newClerk, openTaskId, signIn, validForm, waitForView, type CaseView, type ErrorBody, type SignedIn } from './api-fixtures';

interface TaskDecision {
  id: string;
  caseId: string;
  department: Department;
  status: string;
  outputs?: Record<string, unknown>;
}

const OTHERS: Department[] = ['PSB', 'TAX', 'HRSS', 'BANK'];

describe('a case through the clerks’ API', () => {
  let db: PgClient;
  const clerks = {} as Record<Department, SignedIn>;

  beforeAll(async () => {
    db = await connectDatabase();
    for (const department of ['SAMR', ...OTHERS] as Department[]) clerks[department] = await signIn(`clerk-${department.toLowerCase()}`);
  });
  afterAll(() => db.end());

  const complete = (department: Department, taskId: string, outputs?: Record<string, string>) =>
    http<TaskDecision>('POST', `/tasks/${taskId}/complete`, { token: clerks[department].token, body: outputs ? { outputs } : {} });

  it('runs SAMR, then the four others, to one outcome the applicant reads', async () => {
    const applicant = await newApplicant();
    const filed = await fileCase(applicant.token);
    const samrTask = await openTaskId(db, filed.id, 'SAMR');

    const inbox = await http<{ items: { id: string; caseId: string; status: string; overdue: boolean; dueAt: string }[]; total: number }>(
      'GET',
      `/tasks?status=OPEN&limit=100`,
      { token: clerks.SAMR.token },
    );
    expect(inbox.status).toBe(200);
    expect(inbox.body.total).toBeGreaterThanOrEqual(1);
    const dueTimes = inbox.body.items.map((item) => item.dueAt);
    expect([...dueTimes].sort()).toEqual(dueTimes);

    const inProgress = await waitForView(applicant.token, filed.id, 'SAMR open', (view) => view.steps[0].status === 'OPEN');
    expect(inProgress.status).toBe('IN_PROGRESS');
    expect(inProgress.steps[0].dueAt).toBeDefined();

    const licence = await complete('SAMR', samrTask);
    expect(licence.status).toBe(200);
    expect(licence.body).toMatchObject({ id: samrTask, caseId: filed.id, department: 'SAMR', status: 'DONE' });
    expect(isValidUscc(String(licence.body.outputs?.uscc))).toBe(true);

    const bankTask = await openTaskId(db, filed.id, 'BANK');
    const noAccount = await complete('BANK', bankTask);
    expect(noAccount.status).toBe(400);
    expect(fieldPaths(noAccount)).toEqual(['outputs.accountNumber']);
    expect(fieldPaths(await complete('BANK', bankTask, { accountNumber: '12345' }))).toEqual(['outputs.accountNumber']);
    expect(fieldPaths(await http('POST', `/tasks/${bankTask}/complete`, { token: clerks.BANK.token, body: { outputs: { accountNumber: 6222020200112233445 } } }))).toEqual(['outputs']);

    for (const department of OTHERS) {
      const taskId = await openTaskId(db, filed.id, department);
      const done = await complete(department, taskId, department === 'BANK' ? { accountNumber: '6222020200112233445' } : undefined);
      expect(done.status).toBe(200);
      expect(done.body.status).toBe('DONE');
    }

    const finished = await waitForView(applicant.token, filed.id, 'COMPLETED', (view) => view.status === 'COMPLETED');
    expect(finished.steps.every((step) => step.status === 'DONE' && step.completedAt)).toBe(true);
    expect(finished.completedAt).toBeDefined();
    expect(finished.outcome).toMatchObject({
      uscc: licence.body.outputs?.uscc,
      bankAccount: expect.objectContaining({ accountNumber: '6222020200112233445' }),
      delivery: { method: 'FREE_MAIL', tripsRequired: 0 },
    });
    expect(finished.fees.applicantTotal).toBe('0.00');

    // 政务专递: free mail went through the postal system, which issued the item number (S10, right check digit);
    // one shipment per case at the post, the same number stored and shown.
    const mailed = await waitForView(applicant.token, filed.id, 'the mail item number', (view) => typeof view.outcome?.mailTrackingNumber === 'string');
    const trackingNumber = String(mailed.outcome?.mailTrackingNumber);
    expect(isS10Number(trackingNumber)).toBe(true);
    const atThePost = (await (await fetch(`${testStack().departmentSystems.postalUrl}/_sim/shipments?caseId=${filed.id}`)).json()) as { trackingNumber: string; idempotencyKey: string; licenseNumber: string }[];
    expect(atThePost).toEqual([expect.objectContaining({ trackingNumber, idempotencyKey: filed.id, licenseNumber: mailed.outcome?.licenseNumber })]);
    expect((await db.query(`SELECT tracking_number FROM mail_shipments WHERE case_id = $1`, [filed.id])).rows).toEqual([{ tracking_number: trackingNumber }]);

    const audit = await db.query(`SELECT action, task_id FROM audit_log WHERE case_id = $1 AND action = 'COMPLETE' ORDER BY id`, [filed.id]);
    expect(audit.rows).toHaveLength(5);
    expect(audit.rows[0]).toEqual({ action: 'COMPLETE', task_id: samrTask });
  });

  it('shows each department its part of the form, masked where it does not need personal data, and audits what it reveals', async () => {
    const applicant = await newApplicant();
    const form = validForm((data) => (data.legalRepresentative.idNumber = makeResidentId('433101', '1988-08-08', 808)));
    const filed = await fileCase(applicant.token, form);
    const samrTask = await openTaskId(db, filed.id, 'SAMR');

    const samr = await http<{ form: Record<string, unknown>; caseId: string; status: string }>('GET', `/tasks/${samrTask}`, { token: clerks.SAMR.token });
    expect(samr.status).toBe(200);
    expect(samr.body.caseId).toBe(filed.id);
    expect(Object.keys(samr.body.form).sort()).toEqual(['company', 'legalRepresentative', 'shareholders']);
    expect(JSON.stringify(samr.body.form)).toContain(form.legalRepresentative.idNumber);
    const audited = await db.query(`SELECT actor_id, action FROM audit_log WHERE task_id = $1`, [samrTask]);
    expect(audited.rows).toEqual([{ actor_id: clerks.SAMR.id, action: 'VIEW_PERSONAL_DATA' }]);

    // Another department's task is not found (a 403 would tell it exists).
    const hidden = await http<ErrorBody>('GET', `/tasks/${samrTask}`, { token: clerks.TAX.token });
    expect(hidden.status).toBe(404);
    expect((await http('POST', `/tasks/${samrTask}/claim`, { token: clerks.TAX.token })).status).toBe(404);
    expect((await http('GET', `/tasks/${filed.id}.SAMR.9`, { token: clerks.SAMR.token })).status).toBe(404);

    await complete('SAMR', samrTask);
    const taxTask = await openTaskId(db, filed.id, 'TAX');
    const tax = await http<{ form: { legalRepresentative: { idNumber: string; mobile: string } } }>('GET', `/tasks/${taxTask}`, { token: clerks.TAX.token });
    expect(tax.body.form.legalRepresentative.idNumber).toBe(maskIdNumber(form.legalRepresentative.idNumber));
    expect(tax.body.form.legalRepresentative.mobile).toBe(maskMobile(form.legalRepresentative.mobile));
    expect((await db.query(`SELECT 1 FROM audit_log WHERE task_id = $1`, [taxTask])).rows).toHaveLength(0);

    const bankTask = await openTaskId(db, filed.id, 'BANK');
    const bank = await http<{ form: { legalRepresentative: { idNumber: string; mobile: string } } }>('GET', `/tasks/${bankTask}`, { token: clerks.BANK.token });
    expect(bank.body.form.legalRepresentative.idNumber).toBe(form.legalRepresentative.idNumber);
    expect(bank.body.form.legalRepresentative.mobile).toBe(maskMobile(form.legalRepresentative.mobile));
  });

  it('lets one of two clerks claim or complete a task: the other gets 409', async () => {
    const applicant = await newApplicant();
    const filed = await fileCase(applicant.token);
    const samrTask = await openTaskId(db, filed.id, 'SAMR');
    const second = await newClerk(db, 'SAMR');

    const claims = await Promise.all([clerks.SAMR, second].map((clerk) => http('POST', `/tasks/${samrTask}/claim`, { token: clerk.token })));
    expect(claims.map((claim) => claim.status).sort()).toEqual([200, 409]);
    const winner = claims[0].status === 200 ? clerks.SAMR : second;
    const loser = winner === second ? clerks.SAMR : second;
    expect((await http<{ claimedBy: string }>('POST', `/tasks/${samrTask}/claim`, { token: winner.token })).body.claimedBy).toBe(winner.username);
    const stolen = await http<ErrorBody>('POST', `/tasks/${samrTask}/complete`, { token: loser.token, body: {} });
    expect(stolen.status).toBe(409);
    expect(stolen.body.error).toBe('CONFLICT');
    expect(stolen.body.code).toBe('ALREADY_CLAIMED');
    const claimed = await http<{ id: string; claimedBy?: string; status: string }>('GET', `/tasks/${samrTask}`, { token: winner.token });
    expect(claimed.body).toMatchObject({ status: 'CLAIMED', claimedBy: winner.username });

    // Two clerks completing the same open task at once: one 200, one 409.
    const next = await fileCase(applicant.token);
    const nextTask = await openTaskId(db, next.id, 'SAMR');
    const completions = await Promise.all([clerks.SAMR, second].map((clerk) => http<TaskDecision>('POST', `/tasks/${nextTask}/complete`, { token: clerk.token, body: {} })));
    expect(completions.map((completion) => completion.status).sort()).toEqual([200, 409]);
    const audit = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE task_id = $1 AND action = 'COMPLETE'`, [nextTask]);
    expect(audit.rows[0].n).toBe(1);

    const decided = await db.query(`SELECT status FROM tasks WHERE id = $1`, [nextTask]);
    recordCheck({
      id: 'faults.double-decision-two-clerks',
      section: 'Faults',
      check: 'Two clerks deciding the same task at once',
      how: 'Two SAMR clerks POST /tasks/:id/claim at once, then two POST /tasks/:id/complete at once on another task',
      figures: {
        'claims accepted': claims.filter((claim) => claim.status === 200).length,
        'claims refused 409': claims.filter((claim) => claim.status === 409).length,
        'completions accepted': completions.filter((completion) => completion.status === 200).length,
        'completions refused 409': completions.filter((completion) => completion.status === 409).length,
        'task status': String((decided.rows[0] as { status: string }).status),
        'COMPLETE audit rows': audit.rows[0].n as number,
      },
    });
  });

  it('counts a large inbox up to 1,000 and says there are more (totalCapped), and exactly below that', async () => {
    // A department of this test's own, so no other inbox sees its 1,001 tasks (planted on one case of its own).
    const department = `CAP${randomUUID().slice(0, 6).toUpperCase()}` as Department;
    const clerk = await newClerk(db, department);
    const filed = await fileCase((await newApplicant()).token);
    await db.query(
      `INSERT INTO tasks (id, case_id, department, step_id, round, mode, status, opened_at, due_at)
       SELECT $1 || '.' || $2 || g || '.1', $1::uuid, $2, $2 || g, 1, 'MANUAL', 'OPEN', now(), now() + interval '1 day' FROM generate_series(1, 1001) g`,
      [filed.id, department],
    );
    try {
      const page = () => http<{ items: unknown[]; total: number; totalCapped: boolean }>('GET', '/tasks?status=OPEN&limit=5', { token: clerk.token });
      const many = await page();
      expect(many.status).toBe(200);
      expect(many.body).toMatchObject({ total: 1000, totalCapped: true });
      expect(many.body.items).toHaveLength(5);
      await db.query(`DELETE FROM tasks WHERE id = $1`, [`${filed.id}.${department}1001.1`]);
      expect((await page()).body).toMatchObject({ total: 1000, totalCapped: false });
    } finally {
      await db.query(`DELETE FROM tasks WHERE case_id = $1 AND department = $2`, [filed.id, department]);
    }
  });

  it('answers one 200 and one 409 when the same clerk’s two completions race (the workflow refuses the second)', async () => {
    const applicant = await newApplicant();
    const filed = await fileCase(applicant.token);
    const samrTask = await openTaskId(db, filed.id, 'SAMR');
    const results = await Promise.all([complete('SAMR', samrTask), complete('SAMR', samrTask)]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    const refused = results.find((result) => result.status === 409)!.body as unknown as ErrorBody;
    expect(refused.error).toBe('CONFLICT');
    expect(refused.message).toMatch(/TASK_NOT_OPEN/);
    expect(refused.code).toBe('TASK_NOT_OPEN');
    // Once decided, the task is no longer open.
    const again = await complete('SAMR', samrTask);
    expect(again.status).toBe(409);
    const audit = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE task_id = $1 AND action = 'COMPLETE'`, [samrTask]);
    expect(audit.rows[0].n).toBe(1);

    recordCheck({
      id: 'faults.double-decision',
      section: 'Faults',
      check: 'The same clerk’s decision sent twice at once, then again',
      how: 'Two POST /tasks/:id/complete at once by one clerk (the workflow Update validator refuses the second), then a third later',
      figures: {
        'decisions sent': results.length + 1,
        accepted: [...results, again].filter((result) => result.status === 200).length,
        'refused 409 TASK_NOT_OPEN': [...results, again].filter((result) => result.status === 409).length,
        'COMPLETE audit rows': audit.rows[0].n as number,
      },
    });
  });

  it('returns the case for correction; the applicant corrects only what was asked; the step reopens', async () => {
    const applicant = await newApplicant();
    const filed = await fileCase(applicant.token);
    const samrTask = await openTaskId(db, filed.id, 'SAMR');

    const badReturn = await http('POST', `/tasks/${samrTask}/return`, { token: clerks.SAMR.token, body: { items: [{ field: 'company.nonsense', reason: 'x' }] } });
    expect(fieldPaths(badReturn)).toEqual(['items[0].field']);
    expect(fieldPaths(await http('POST', `/tasks/${samrTask}/return`, { token: clerks.SAMR.token, body: { items: [] } }))).toEqual(['items']);

    const returned = await http<TaskDecision>('POST', `/tasks/${samrTask}/return`, {
      token: clerks.SAMR.token,
      body: { items: [{ field: 'legalRepresentative.idNumber', reason: 'Does not match the ID card' }] },
    });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('RETURNED');

    const waiting = await waitForView(applicant.token, filed.id, 'AWAITING_CORRECTION', (view) => view.status === 'AWAITING_CORRECTION');
    expect(waiting.correction).toEqual({ round: 1, items: [{ department: 'SAMR', field: 'legalRepresentative.idNumber', reason: 'Does not match the ID card' }] });
    expect(waiting.steps[0].status).toBe('RETURNED');

    const outside = await http('POST', `/applications/${filed.id}/corrections`, { token: applicant.token, body: { changes: { 'company.name': '吉首市别的科技有限公司' } } });
    expect(outside.status).toBe(400);
    expect(fieldPaths(outside)).toEqual(['company.name']);
    const valid = makeResidentId('433101', '1979-12-31', 555);
    const typo = valid.slice(0, 17) + (valid[17] === '1' ? '2' : '1');
    const invalid = await http('POST', `/applications/${filed.id}/corrections`, { token: applicant.token, body: { changes: { 'legalRepresentative.idNumber': typo } } });
    expect(invalid.status).toBe(400);
    expect(fieldPaths(invalid)).toEqual(['legalRepresentative.idNumber']);
    const wrongType = await http('POST', `/applications/${filed.id}/corrections`, { token: applicant.token, body: { changes: { 'legalRepresentative.idNumber': 433101 } } });
    expect(fieldPaths(wrongType)).toEqual(['legalRepresentative.idNumber']);
    expect((await db.query(`SELECT 1 FROM corrections WHERE case_id = $1`, [filed.id])).rows).toHaveLength(0);

    const newId = valid;
    const corrected = await http<CaseView>('POST', `/applications/${filed.id}/corrections`, { token: applicant.token, body: { changes: { 'legalRepresentative.idNumber': newId } } });
    expect(corrected.status).toBe(200);
    expect(corrected.body.status).toBe('IN_PROGRESS');
    expect(corrected.body.correction).toBeUndefined();
    expect(corrected.body.form?.legalRepresentative.idNumber).toBe(newId);

    const row = await db.query(`SELECT round, status, changes, submitted_by_id FROM corrections WHERE case_id = $1`, [filed.id]);
    // Stored sealed (the ID number is encrypted at rest); the run's key opens it.
    expect(JSON.stringify(row.rows[0].changes)).not.toContain(newId);
    expect(row.rows.map((stored) => ({ ...stored, changes: testCipher().openFields(stored.changes) }))).toEqual([
      { round: 1, status: 'APPLIED', changes: { 'legalRepresentative.idNumber': newId }, submitted_by_id: applicant.id },
    ]);
    const reopened = await openTaskId(db, filed.id, 'SAMR');
    expect(reopened).toBe(`${filed.id}.SAMR.2`);

    // Not waiting any more: a second correction is a conflict.
    const late = await http<ErrorBody>('POST', `/applications/${filed.id}/corrections`, { token: applicant.token, body: { changes: { 'legalRepresentative.idNumber': newId } } });
    expect(late.status).toBe(409);
  });

  it('ends the case REJECTED when a department refuses; later decisions are 409', async () => {
    const applicant = await newApplicant();
    const filed = await fileCase(applicant.token);
    const samrTask = await openTaskId(db, filed.id, 'SAMR');
    expect(fieldPaths(await http('POST', `/tasks/${samrTask}/reject`, { token: clerks.SAMR.token, body: { reason: '' } }))).toEqual(['reason']);
    const rejected = await http<TaskDecision>('POST', `/tasks/${samrTask}/reject`, { token: clerks.SAMR.token, body: { reason: 'Business scope not permitted' } });
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('REJECTED');
    const ended = await waitForView(applicant.token, filed.id, 'REJECTED', (view) => view.status === 'REJECTED');
    expect(ended.endReason).toBe('SAMR: Business scope not permitted');
    expect((await complete('SAMR', samrTask)).status).toBe(409);
    expect((await http('POST', `/applications/${filed.id}/cancel`, { token: applicant.token, body: { reason: 'too late' } })).status).toBe(409);
  });

  it('lets the applicant cancel, once', async () => {
    const applicant = await newApplicant();
    const filed = await fileCase(applicant.token);
    const samrTask = await openTaskId(db, filed.id, 'SAMR');
    expect(fieldPaths(await http('POST', `/applications/${filed.id}/cancel`, { token: applicant.token, body: {} }))).toEqual(['reason']);
    const cancelled = await http<CaseView>('POST', `/applications/${filed.id}/cancel`, { token: applicant.token, body: { reason: 'Changed my plans' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('CANCELLED');
    expect(cancelled.body.endReason).toBe('Changed my plans');
    expect(cancelled.body.steps[0].status).toBe('CANCELLED');
    const again = await http<ErrorBody>('POST', `/applications/${filed.id}/cancel`, { token: applicant.token, body: { reason: 'again' } });
    expect(again.status).toBe(409);
    expect((await complete('SAMR', samrTask)).status).toBe(409);
  });
});
