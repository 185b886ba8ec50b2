import { randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import type { Client } from '@temporalio/client';
import { makeResidentId, type Department } from '@onetrip/domain';
import { caseWorkflowId } from '@onetrip/workflows/contracts';
import { waitFor } from '../../scripts/stack/wait-for';
import { newApplicant, signIn, type ErrorBody, type SignedIn } from '../api/api-fixtures';
import { connectDatabase, connectTemporal, sampleForm, uniqueEnterpriseName } from '../support/case-fixtures';
import { recordHistory } from '../support/history-recorder';
import { http } from '../support/http';

// The register of enterprises and the enterprise change (企业信息变更一件事), over HTTP on the real API,
// worker, PostgreSQL and Temporal. One opening makes the enterprise every test here acts on, in order:
// a name change (every department, seals re-carved), a scope-only change (SAMR and TAX), a change returned
// for correction (one notice), and a change a window clerk files that SAMR refuses (the register untouched).
// With RECORD_HISTORIES=1 each change's history is kept for the replay gate (histories/process/enterprise-change/).

interface StepView {
  stepId: string;
  status: string;
}
interface CaseView {
  id: string;
  status: string;
  steps: StepView[];
  correction?: { round: number; items: { field: string }[] };
  outcome?: Record<string, unknown>;
  fees: { applicantTotal: string };
}
interface Enterprise {
  id: string;
  uscc: string;
  name: string;
  status: string;
  address: { divisionCode: string; detail: string };
  legalRepresentative: { name: string; idNumber: string };
  businessScope: string[];
  seals: { kind: string; code: string }[];
  licenceEdition: number;
  taxpayerId: string | null;
  socialInsuranceNumber: string | null;
  bankAccount: { accountNumber: string } | null;
  lifecycleCaseId: string | null;
  history: { caseId: string; role: string; status: string; appliedAt: string | null; changed: string[] }[];
}

const CHANGE = 'enterprise-change';
const DEPARTMENTS: Department[] = ['SAMR', 'PSB', 'TAX', 'HRSS', 'BANK'];

describe('the register of enterprises and the enterprise change, over HTTP', () => {
  let db: PgClient;
  let temporal: Client;
  let applicant: SignedIn;
  let stranger: SignedIn;
  let window: SignedIn;
  let admin: SignedIn;
  const clerks = new Map<string, SignedIn>();
  const opening = sampleForm();
  const representativeId = opening.legalRepresentative.idNumber;
  let enterprise: Enterprise;
  let openingCaseId: string;

  const openTask = (caseId: string, stepId: string) =>
    waitFor(
      `${stepId} task of ${caseId}`,
      async () => {
        const result = await db.query(`SELECT id, department FROM tasks WHERE case_id = $1 AND step_id = $2 AND status IN ('OPEN', 'CLAIMED') ORDER BY round DESC LIMIT 1`, [caseId, stepId]);
        return result.rows[0] as { id: string; department: string } | undefined;
      },
      { timeoutMs: 30_000 },
    );
  const decide = async (caseId: string, stepId: string, action: 'complete' | 'return' | 'reject' = 'complete', body: unknown = {}) => {
    const task = await openTask(caseId, stepId);
    const answer = await http<{ status: string }>('POST', `/tasks/${task.id}/${action}`, { token: clerks.get(task.department)!.token, body });
    expect(answer.status).toBe(200);
  };
  const view = async (caseId: string): Promise<CaseView> => (await http<CaseView>('GET', `/applications/${caseId}`, { token: applicant.token })).body;
  const until = (caseId: string, what: string, ready: (current: CaseView) => boolean): Promise<CaseView> =>
    waitFor(what, async () => {
      const current = await view(caseId);
      return ready(current) ? current : undefined;
    }, { timeoutMs: 30_000 });
  const register = async (): Promise<Enterprise> => {
    const answer = await http<Enterprise>('GET', `/enterprises/${enterprise.id}`, { token: applicant.token });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const changeForm = (changes: Record<string, unknown>, idNumber = representativeId) => ({
    enterprise: { uscc: enterprise.uscc, legalRepresentativeIdNumber: idNumber },
    changes,
    delivery: { method: 'WINDOW_PICKUP' },
  });
  const fileChange = (who: SignedIn, form: Record<string, unknown>, onBehalfOf?: string) =>
    http<CaseView & ErrorBody>('POST', `/processes/${CHANGE}/applications`, { token: who.token, body: { form, ...(onBehalfOf ? { onBehalfOf } : {}) }, headers: { 'Idempotency-Key': randomUUID() } });
  const stepsOf = (current: CaseView) => Object.fromEntries(current.steps.map((step) => [step.stepId, step.status]));

  beforeAll(async () => {
    db = await connectDatabase();
    temporal = await connectTemporal();
    [applicant, stranger, window, admin] = await Promise.all([newApplicant(), newApplicant(), signIn('window'), signIn('admin')]);
    for (const department of DEPARTMENTS) clerks.set(department, await signIn(`clerk-${department.toLowerCase()}`));

    // A completed opening creates the enterprise, with the outcome's numbers.
    const filed = await http<CaseView>('POST', '/applications', { token: applicant.token, body: opening });
    expect(filed.status).toBe(201);
    await decide(filed.body.id, 'SAMR');
    for (const department of ['PSB', 'TAX', 'HRSS'] as const) await decide(filed.body.id, department);
    await decide(filed.body.id, 'BANK', 'complete', { outputs: { accountNumber: '6222020200112233445' } });
    const opened = await until(filed.body.id, 'the opening completed', (current) => current.status === 'COMPLETED');
    openingCaseId = filed.body.id;
    const mine = await http<{ items: { id: string; uscc: string; name: string; status: string }[] }>('GET', '/enterprises', { token: applicant.token });
    expect(mine.body.items).toEqual([expect.objectContaining({ uscc: opened.outcome?.uscc, name: opening.company.name, status: 'ACTIVE' })]);
    enterprise = { id: mine.body.items[0].id, uscc: mine.body.items[0].uscc } as Enterprise;
    enterprise = await register();
    expect(enterprise).toMatchObject({ taxpayerId: enterprise.uscc, licenceEdition: 1, bankAccount: expect.objectContaining({ accountNumber: '6222020200112233445' }) });
    expect(enterprise.seals).toHaveLength(opening.seals.kinds.length);
    expect(enterprise.history).toEqual([expect.objectContaining({ caseId: filed.body.id, role: 'OPENING', status: 'COMPLETED' })]);
  }, 240_000);
  afterAll(async () => {
    await db.end();
    await temporal.connection.close();
  });
  const record = (caseId: string, name: string) => recordHistory(temporal.workflow.getHandle(caseWorkflowId(caseId)), `process/${CHANGE}/${name}`);

  it('changes the name: SAMR, then PSB, TAX, HRSS and BANK; the seals re-carved; the register updated at the end and not before', async () => {
    // The opening's signed completion notice, issued before the change: the change replaces it.
    const notice = await http('GET', `/cases/${openingCaseId}/outcome.pdf`, { token: applicant.token });
    expect(notice.status).toBe(200);
    const noticeCode = notice.headers.get('x-document-code');
    const verified = async () => (await http<{ status: string }>('GET', `/verify/${noticeCode}`)).body.status;
    expect(await verified()).toBe('VALID');
    const newName = uniqueEnterpriseName();
    const filed = await fileChange(applicant, changeForm({ name: newName }));
    expect(filed.status).toBe(201);
    expect(filed.body.fees.applicantTotal).toBe('0.00');
    const caseId = filed.body.id;
    expect((await register()).status).toBe('CHANGING');

    // One lifecycle case in flight per enterprise; only the legal representative (or a window clerk for them).
    const second = await fileChange(applicant, changeForm({ businessScope: ['软件开发'] }));
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('ENTERPRISE_CASE_IN_FLIGHT');
    const notTheRepresentative = await fileChange(stranger, changeForm({ name: uniqueEnterpriseName() }, makeResidentId('433101', '1990-01-01', 321)));
    expect(notTheRepresentative.status).toBe(403);
    expect(notTheRepresentative.body.code).toBe('ENTERPRISE_NOT_REPRESENTATIVE');

    await decide(caseId, 'SAMR');
    for (const stepId of ['PSB', 'TAX', 'HRSS']) await decide(caseId, stepId);
    // Every step but one done: the register still holds the old facts, and the old notice still verifies.
    expect(await register()).toMatchObject({ name: opening.company.name, status: 'CHANGING', lifecycleCaseId: caseId, licenceEdition: 1, seals: enterprise.seals });
    expect(await verified()).toBe('VALID');
    await decide(caseId, 'BANK');

    const done = await until(caseId, 'the change completed', (current) => current.status === 'COMPLETED');
    expect(stepsOf(done)).toEqual({ SAMR: 'DONE', PSB: 'DONE', TAX: 'DONE', HRSS: 'DONE', BANK: 'DONE' });
    const newSeals = done.outcome?.seals as { kind: string; code: string }[];
    expect(done.outcome).toMatchObject({ uscc: enterprise.uscc, enterpriseName: newName, changed: ['name'], cancelledSeals: enterprise.seals, licenceEdition: 2 });
    expect(done.outcome).toMatchObject({ tax: { recordUpdated: true }, socialInsurance: { recordUpdated: true }, bankAccount: { customerInfoUpdated: true } });
    expect(newSeals.map((seal) => seal.kind)).toEqual(enterprise.seals.map((seal) => seal.kind));
    expect(newSeals.some((seal) => enterprise.seals.some((old) => old.code === seal.code))).toBe(false);

    expect(await verified()).toBe('SUPERSEDED');
    const after = await register();
    expect(after).toMatchObject({ uscc: enterprise.uscc, name: newName, status: 'ACTIVE', lifecycleCaseId: null, licenceEdition: 2, seals: newSeals });
    expect(after.history).toEqual([
      expect.objectContaining({ role: 'OPENING' }),
      expect.objectContaining({ caseId, role: 'CHANGE', status: 'COMPLETED', appliedAt: expect.any(String), changed: ['name'] }),
    ]);
    enterprise = after;
    await record(caseId, 'name-change');
  }, 180_000);

  it('changes the business scope only: SAMR and TAX run, the rest are not needed', async () => {
    const scope = ['软件开发', '信息技术咨询服务', '数据处理服务'];
    // Two filings at once: the database lets exactly one take the enterprise.
    const both = await Promise.all([fileChange(applicant, changeForm({ businessScope: scope })), fileChange(applicant, changeForm({ businessScope: scope }))]);
    expect(both.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(both.find((answer) => answer.status === 409)?.body.code).toBe('ENTERPRISE_CASE_IN_FLIGHT');
    const filed = both.find((answer) => answer.status === 201)!;
    expect(stepsOf(filed.body)).toMatchObject({ PSB: 'SKIPPED', HRSS: 'SKIPPED', BANK: 'SKIPPED' });
    await decide(filed.body.id, 'SAMR');
    await decide(filed.body.id, 'TAX');
    const done = await until(filed.body.id, 'the scope change completed', (current) => current.status === 'COMPLETED');
    expect(stepsOf(done)).toEqual({ SAMR: 'DONE', PSB: 'SKIPPED', TAX: 'DONE', HRSS: 'SKIPPED', BANK: 'SKIPPED' });
    expect(done.outcome).toMatchObject({ changed: ['businessScope'], seals: [], cancelledSeals: [], licenceEdition: 3 });
    expect((await db.query(`SELECT count(*)::int AS n FROM tasks WHERE case_id = $1 AND step_id IN ('PSB', 'HRSS', 'BANK')`, [filed.body.id])).rows[0]).toEqual({ n: 0 });
    const after = await register();
    expect(after).toMatchObject({ businessScope: scope, seals: enterprise.seals, name: enterprise.name, status: 'ACTIVE', licenceEdition: 3 });
    enterprise = after;
    await record(filed.body.id, 'scope-only');
  }, 120_000);

  it('returns a change for correction with one notice; the corrected change completes', async () => {
    const filed = await fileChange(applicant, changeForm({ address: { divisionCode: '433101003', detail: '乾州街道' } }));
    expect(filed.status).toBe(201);
    expect(stepsOf(filed.body)).toMatchObject({ PSB: 'SKIPPED', BANK: 'SKIPPED' });
    await decide(filed.body.id, 'SAMR', 'return', { items: [{ field: 'changes.address.detail', reason: '详细地址缺少门牌号' }] });
    const waiting = await until(filed.body.id, 'the notice', (current) => current.status === 'AWAITING_CORRECTION');
    expect(waiting.correction).toEqual({ round: 1, items: [expect.objectContaining({ field: 'changes.address.detail' })] });
    expect((await register()).address).toEqual(enterprise.address);

    const corrected = await http('POST', `/applications/${filed.body.id}/corrections`, { token: applicant.token, body: { changes: { 'changes.address.detail': '乾州街道世纪大道88号' } } });
    expect(corrected.status).toBe(200);
    for (const stepId of ['SAMR', 'TAX', 'HRSS']) await decide(filed.body.id, stepId);
    const done = await until(filed.body.id, 'the corrected change completed', (current) => current.status === 'COMPLETED');
    expect(done.outcome).toMatchObject({ changed: ['address'] });
    const notices = await db.query(`SELECT count(*)::int AS n FROM notifications WHERE case_id = $1 AND kind = 'CORRECTION_NEEDED'`, [filed.body.id]);
    expect(notices.rows[0]).toEqual({ n: 1 });
    expect((await register()).address).toEqual({ divisionCode: '433101003', detail: '乾州街道世纪大道88号' });
    await record(filed.body.id, 'correction');
  }, 120_000);

  it('lets a window clerk file on behalf; an admin acts on it; SAMR refuses it and the register stays as it was', async () => {
    const before = await register();
    const newRepresentative = { name: '赵六', idNumber: makeResidentId('433101', '1988-08-08', 77), mobile: '13700001111' };
    const filed = await fileChange(window, changeForm({ legalRepresentative: newRepresentative }), applicant.username);
    expect(filed.status).toBe(201);
    expect((await register()).status).toBe('CHANGING');

    await openTask(filed.body.id, 'SAMR');
    const escalated = await http<{ result: string }>('POST', `/admin/cases/${filed.body.id}/actions`, { token: admin.token, body: { action: 'ESCALATE', stepId: 'SAMR', reason: 'supervision' } });
    expect(escalated.status).toBe(200);
    expect(escalated.body.result).toContain('SAMR');
    // A complaint on a change case: the applicant's (the window filed for them), listed for the admin.
    const complaint = await http<{ id: string }>('POST', `/applications/${filed.body.id}/complaints`, { token: applicant.token, body: { text: '变更办理进度咨询' } });
    expect(complaint.status).toBe(201);
    const complaints = await http<{ items: { id: string }[] }>('GET', `/admin/complaints?caseId=${filed.body.id}`, { token: admin.token });
    expect(complaints.body.items.map((item) => item.id)).toEqual([complaint.body.id]);
    const stuck = await http<{ items: { caseId: string; enterpriseName: string; reasons: { reason: string }[] }[] }>('GET', '/admin/cases?stuck=true&reason=COMPLAINT&limit=100', { token: admin.token });
    expect(stuck.body.items.find((item) => item.caseId === filed.body.id)).toMatchObject({ enterpriseName: enterprise.name, reasons: [expect.objectContaining({ reason: 'COMPLAINT' })] });

    await decide(filed.body.id, 'SAMR', 'reject', { reason: '新任法定代表人未到场签字' });
    await until(filed.body.id, 'the refusal', (current) => current.status === 'REJECTED');
    const after = await register();
    expect(after).toMatchObject({ status: 'ACTIVE', lifecycleCaseId: null, legalRepresentative: before.legalRepresentative, licenceEdition: before.licenceEdition });
    expect(after.history.at(-1)).toMatchObject({ caseId: filed.body.id, role: 'CHANGE', status: 'REJECTED', appliedAt: null });

    // Metrics per process: at least this file's four changes (three completed, one refused), and not the openings.
    type Metrics = { cases: { submitted: number; byStatus: Record<string, number> } };
    const changes = await http<Metrics>('GET', `/admin/metrics?process=${CHANGE}`, { token: admin.token });
    const every = await http<Metrics>('GET', '/admin/metrics', { token: admin.token });
    expect(changes.status).toBe(200);
    expect(changes.body.cases.submitted).toBeGreaterThanOrEqual(4);
    expect(changes.body.cases.byStatus.COMPLETED).toBeGreaterThanOrEqual(3);
    expect(changes.body.cases.byStatus.REJECTED).toBeGreaterThanOrEqual(1);
    expect(every.body.cases.submitted).toBeGreaterThan(changes.body.cases.submitted);
    await record(filed.body.id, 'refusal');
  }, 120_000);
});
