import { randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import type { AppProcess } from '../../scripts/stack/app-process';
import { waitFor } from '../../scripts/stack/wait-for';
import { caseWorkflowId } from '@onetrip/workflows/contracts';
import type { Client } from '@temporalio/client';
import { connectDatabase, connectTemporal } from '../support/case-fixtures';
import { recordHistory } from '../support/history-recorder';
import { http } from '../support/http';
import { startApi } from '../support/test-stack';
import { newApplicant, newClerk, signIn, validForm, type SignedIn } from './api-fixtures';

// Enterprise deregistration (企业注销一件事) over HTTP on the real API, worker, PostgreSQL and Temporal. An API
// of its own runs every department step AUTO and every notice period NOTICE_SECONDS long (NOTICE_PERIOD_SECONDS),
// so what is left to people is what this file is about: objections and the SAMR clerk's ruling on them.
// With RECORD_HISTORIES=1 each path's history is saved for the replay gate (histories/process/enterprise-deregistration/).

const NOTICE_SECONDS = 8;

interface CaseView {
  id: string;
  status: string;
  steps: { stepId: string; status: string }[];
  outcome?: Record<string, unknown>;
  fees: { applicantTotal: string };
}
interface Notice {
  caseId: string;
  stepId: string;
  enterpriseName: string;
  uscc: string;
  endsAt: string;
}

describe('enterprise deregistration, with its notice periods shortened to seconds', () => {
  let api: { url: string; app: AppProcess };
  let db: PgClient;
  let temporal: Client;
  let owner: SignedIn;
  let objector: SignedIn;
  let clerk: SignedIn;
  let admin: SignedIn;

  beforeAll(async () => {
    api = await startApi({ CASE_DEPARTMENT_MODES: '*=AUTO', CASE_CALENDAR: 'ALWAYS', NOTICE_PERIOD_SECONDS: String(NOTICE_SECONDS) }, 'api-deregistration');
    db = await connectDatabase();
    temporal = await connectTemporal();
    [owner, objector] = await Promise.all([newApplicant(api.url), newApplicant(api.url)]);
    clerk = await newClerk(db, 'SAMR');
    admin = await signIn('admin', undefined, api.url);
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await temporal?.connection.close();
    await api?.app.stop();
  });

  const get = <T>(path: string, token?: string) => http<T>('GET', path, { token, baseUrl: api.url });
  const post = <T>(path: string, body: unknown, token?: string) => http<T>('POST', path, { token, body, baseUrl: api.url });
  const caseView = (id: string) => get<CaseView>(`/applications/${id}`, owner.token);
  const waitForCase = (id: string, what: string, ready: (view: CaseView) => boolean, timeoutMs = 60_000) =>
    waitFor(what, async () => {
      const view = await caseView(id);
      return view.status === 200 && ready(view.body) ? view.body : undefined;
    }, { timeoutMs, intervalMs: 250 });
  const enterpriseStatus = async (uscc: string) => ((await db.query(`SELECT status FROM enterprises WHERE uscc = $1`, [uscc])).rows[0] as { status: string } | undefined)?.status;

  /** An enterprise in the register: an opening filed by the owner, every step AUTO, completed. */
  const openEnterprise = async () => {
    const form = validForm();
    const filed = await post<CaseView>('/applications', form, owner.token);
    expect(filed.status).toBe(201);
    const done = await waitForCase(filed.body.id, 'the opening completed', (view) => view.status === 'COMPLETED');
    const uscc = String(done.outcome?.uscc);
    await waitFor('the enterprise registered', async () => ((await enterpriseStatus(uscc)) === 'ACTIVE' ? true : undefined), { timeoutMs: 20_000 });
    return { uscc, name: form.company.name, idNumber: form.legalRepresentative.idNumber, caseId: filed.body.id };
  };

  const deregistrationForm = (enterprise: { uscc: string; name: string; idNumber: string }, route: 'SIMPLIFIED' | 'ORDINARY', declared = true) => ({
    enterprise: { uscc: enterprise.uscc, name: enterprise.name, legalRepresentativeIdNumber: enterprise.idNumber },
    route,
    declaration: { noDebts: declared, noUnfinishedBusiness: declared },
    delivery: { method: 'FREE_MAIL', address: '吉首市人民北路1号' },
  });
  const fileDeregistration = (form: unknown) => post<CaseView & { code?: string }>('/processes/enterprise-deregistration/applications', { form }, owner.token);

  /** Waits until the public list shows the case in the notice step `stepId`. */
  const inNotice = (caseId: string, stepId: string) =>
    waitFor(`${caseId} in ${stepId}`, async () => {
      const list = await get<{ items: Notice[] }>('/notices');
      return list.body.items.find((notice) => notice.caseId === caseId && notice.stepId === stepId);
    }, { timeoutMs: 30_000, intervalMs: 200 });
  const object = (caseId: string, clientKey = `key-${randomUUID()}`, reason = '本人对该企业有未清偿债权') =>
    post<{ id: string; taskId: string; noticeStepId: string; code?: string }>(`/notices/${caseId}/objections`, { reason, clientKey }, objector.token);
  const record = (caseId: string, name: string) => recordHistory(temporal.workflow.getHandle(caseWorkflowId(caseId)), `process/enterprise-deregistration/${name}`);
  const rule = (taskId: string, ruling: 'DISMISSED' | 'UPHELD') => post<{ status: string }>(`/tasks/${taskId}/complete`, { outputs: { ruling } }, clerk.token);

  it('simplified, an objection dismissed: DEREGISTERING while in flight, listed publicly without personal data, then DEREGISTERED; a second filing is 409', async () => {
    const enterprise = await openEnterprise();
    // The opening's signed completion notice: valid until the enterprise is deregistered.
    const completionNotice = await get(`/cases/${enterprise.caseId}/outcome.pdf`, owner.token);
    expect(completionNotice.status).toBe(200);
    const verified = async () => (await get<{ status: string }>(`/verify/${completionNotice.headers.get('x-document-code')}`)).body.status;
    expect(await verified()).toBe('VALID');
    const filed = await fileDeregistration(deregistrationForm(enterprise, 'SIMPLIFIED'));
    expect(filed.status).toBe(201);
    expect(filed.body.fees.applicantTotal).toBe('0.00');
    expect(await enterpriseStatus(enterprise.uscc)).toBe('DEREGISTERING');
    expect((await fileDeregistration(deregistrationForm(enterprise, 'ORDINARY'))).body.code).toBe('ENTERPRISE_CASE_IN_FLIGHT');

    const notice = await inNotice(filed.body.id, 'PUBLIC_NOTICE');
    expect(notice).toMatchObject({ enterpriseName: enterprise.name, uscc: enterprise.uscc });
    expect(JSON.stringify((await get('/notices')).body)).not.toContain(enterprise.idNumber);

    // Signed in only; validated; the same clientKey again is the same objection.
    expect((await http('POST', `/notices/${filed.body.id}/objections`, { body: { reason: 'x', clientKey: 'key-12345678' }, baseUrl: api.url })).status).toBe(401);
    const bad = await post<{ fields?: { path: string }[] }>(`/notices/${filed.body.id}/objections`, { reason: ' ', clientKey: 'no' }, objector.token);
    expect({ status: bad.status, paths: (bad.body.fields ?? []).map((field) => field.path).sort() }).toEqual({ status: 400, paths: ['clientKey', 'reason'] });
    const key = `key-${randomUUID()}`;
    const raised = await object(filed.body.id, key);
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({ noticeStepId: 'PUBLIC_NOTICE', taskId: `${filed.body.id}.OBJECTION.1` });
    expect((await object(filed.body.id, key)).body.id).toBe(raised.body.id);
    expect((await object(filed.body.id, key, 'another reason')).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const audited = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'OBJECTION_RAISED' AND case_id = $1`, [filed.body.id]);
    expect(audited.rows[0]).toEqual({ n: 1 });
    const listed = await get<{ items: { reason: string }[] }>(`/tasks/${raised.body.taskId}/objections`, clerk.token);
    expect(listed.body.items.map((item) => item.reason)).toEqual(['本人对该企业有未清偿债权']);

    expect((await rule(raised.body.taskId, 'DISMISSED')).status).toBe(200);
    const done = await waitForCase(filed.body.id, 'the deregistration completed', (view) => view.status === 'COMPLETED');
    expect(done.outcome).toMatchObject({ uscc: enterprise.uscc, publicNotice: 'ENDED', creditorsNotice: null });
    expect(Object.fromEntries(done.steps.map((step) => [step.stepId, step.status]))).toMatchObject({ PUBLIC_NOTICE: 'DONE', OBJECTION: 'DONE', CREDITOR_NOTICE: 'SKIPPED', SAMR: 'DONE' });
    expect(await enterpriseStatus(enterprise.uscc)).toBe('DEREGISTERED');
    expect(await verified()).toBe('REVOKED');
    // Nothing more to object to, and nothing more to file for it.
    expect((await object(filed.body.id)).body.code).toBe('NOTICE_NOT_OPEN');
    await record(filed.body.id, 'objection-dismissed');
    const again = await fileDeregistration(deregistrationForm(enterprise, 'SIMPLIFIED'));
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'ENTERPRISE_NOT_ACTIVE' });
    // Nor a change of it: the register refuses the change of a deregistered enterprise.
    const change = await post<{ code?: string }>('/processes/enterprise-change/applications', { form: { enterprise: { uscc: enterprise.uscc, legalRepresentativeIdNumber: enterprise.idNumber }, changes: { businessScope: ['软件开发'] }, delivery: { method: 'WINDOW_PICKUP' } } }, owner.token);
    expect({ status: change.status, code: change.body.code }).toEqual({ status: 409, code: 'ENTERPRISE_NOT_ACTIVE' });
    // The owner's enterprise view shows it deregistered: its licence no longer stands.
    const mine = await get<{ items: { id: string; uscc: string; status: string }[] }>('/enterprises', owner.token);
    const entry = mine.body.items.find((item) => item.uscc === enterprise.uscc);
    expect(entry?.status).toBe('DEREGISTERED');
    expect((await get<{ status: string }>(`/enterprises/${entry?.id}`, owner.token)).body.status).toBe('DEREGISTERED');
  }, 240_000);

  it('simplified, an objection upheld: the case goes on as ordinary (creditors\' notice) before SAMR', async () => {
    const enterprise = await openEnterprise();
    const filed = await fileDeregistration(deregistrationForm(enterprise, 'SIMPLIFIED'));
    expect(filed.status).toBe(201);
    await inNotice(filed.body.id, 'PUBLIC_NOTICE');
    // Anyone signed in may object: here a department clerk, not only applicants and the window.
    const raised = await post<{ taskId: string }>(`/notices/${filed.body.id}/objections`, { reason: '该企业尚欠本单位货款', clientKey: `key-${randomUUID()}` }, clerk.token);
    expect(raised.status).toBe(201);
    // A complaint on a deregistration case in flight: filed by the owner, listed for the admin.
    const complaint = await post<{ id: string }>(`/applications/${filed.body.id}/complaints`, { text: '注销公示期内无人答复' }, owner.token);
    expect(complaint.status).toBe(201);
    const complaints = await get<{ items: { id: string }[] }>(`/admin/complaints?caseId=${filed.body.id}`, admin.token);
    expect(complaints.body.items.map((item) => item.id)).toEqual([complaint.body.id]);
    // The admin's view of it: stuck by the complaint, and an action on its objection step (ESCALATE).
    const detail = await get<{ stuckReasons: { reason: string }[] }>(`/admin/cases/${filed.body.id}`, admin.token);
    expect(detail.status).toBe(200);
    expect(detail.body.stuckReasons.map((reason) => reason.reason)).toContain('COMPLAINT');
    const stuck = await get<{ items: { caseId: string; enterpriseName: string; reasons: { reason: string }[] }[] }>('/admin/cases?stuck=true&reason=COMPLAINT&limit=100', admin.token);
    expect(stuck.body.items.find((item) => item.caseId === filed.body.id)).toMatchObject({ enterpriseName: enterprise.name, reasons: [expect.objectContaining({ reason: 'COMPLAINT' })] });
    const escalated = await post<{ result: string }>(`/admin/cases/${filed.body.id}/actions`, { action: 'ESCALATE', stepId: 'OBJECTION', reason: 'supervision' }, admin.token);
    expect(escalated.status).toBe(200);
    expect((await rule(raised.body.taskId, 'UPHELD')).status).toBe(200);
    await inNotice(filed.body.id, 'CREDITOR_NOTICE');
    expect(await enterpriseStatus(enterprise.uscc)).toBe('DEREGISTERING');
    const done = await waitForCase(filed.body.id, 'the deregistration completed', (view) => view.status === 'COMPLETED');
    expect(done.outcome).toMatchObject({ publicNotice: 'OBJECTION_UPHELD', creditorsNotice: 'ENDED' });
    expect(await enterpriseStatus(enterprise.uscc)).toBe('DEREGISTERED');
    // Metrics per process count the deregistrations (this file's, at least this one) apart from the openings.
    const metrics = await get<{ cases: { submitted: number; byStatus: Record<string, number> } }>('/admin/metrics?process=enterprise-deregistration', admin.token);
    expect(metrics.status).toBe(200);
    expect(metrics.body.cases.byStatus.COMPLETED).toBeGreaterThanOrEqual(1);
    const every = await get<{ cases: { submitted: number } }>('/admin/metrics', admin.token);
    expect(every.body.cases.submitted).toBeGreaterThan(metrics.body.cases.submitted);
    // The audit log holds the case's objection and complaint.
    const audited = await db.query(`SELECT DISTINCT action FROM audit_log WHERE case_id = $1`, [filed.body.id]);
    expect(audited.rows.map((row: { action: string }) => row.action)).toEqual(expect.arrayContaining(['OBJECTION_RAISED', 'COMPLAINT_RAISED', 'ESCALATE']));
    await record(filed.body.id, 'objection-upheld');
  }, 240_000);

  it('ordinary: no declaration needed, the 45-day creditors\' notice (shortened), then SAMR; the simplified route needs the declaration', async () => {
    const enterprise = await openEnterprise();
    const undeclared = await fileDeregistration(deregistrationForm(enterprise, 'SIMPLIFIED', false));
    expect(undeclared.status).toBe(400);
    expect(JSON.stringify(undeclared.body)).toContain('form.declaration.noDebts');
    expect(await enterpriseStatus(enterprise.uscc)).toBe('ACTIVE');
    const filed = await fileDeregistration(deregistrationForm(enterprise, 'ORDINARY', false));
    expect(filed.status).toBe(201);
    const notice = await inNotice(filed.body.id, 'CREDITOR_NOTICE');
    expect(notice.uscc).toBe(enterprise.uscc);
    const done = await waitForCase(filed.body.id, 'the deregistration completed', (view) => view.status === 'COMPLETED');
    expect(done.outcome).toMatchObject({ publicNotice: null, creditorsNotice: 'ENDED' });
    expect(Object.fromEntries(done.steps.map((step) => [step.stepId, step.status]))).toMatchObject({ PUBLIC_NOTICE: 'SKIPPED', OBJECTION: 'SKIPPED', CREDITOR_NOTICE: 'DONE', SAMR: 'DONE' });
    expect(await enterpriseStatus(enterprise.uscc)).toBe('DEREGISTERED');
    await record(filed.body.id, 'ordinary');
  }, 240_000);
});
