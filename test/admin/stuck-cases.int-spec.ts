import type { Client as PgClient } from 'pg';
import { waitFor } from '../../scripts/stack/wait-for';
import { newApplicant, openTaskId, signIn, validForm, waitForView, type SignedIn } from '../api/api-fixtures';
import { connectDatabase } from '../support/case-fixtures';
import { http } from '../support/http';
import { startApi } from '../support/test-stack';
import type { AppProcess } from '../../scripts/stack/app-process';

interface StuckReason {
  reason: string;
  department?: string;
  attempts?: number;
  lastError?: string;
  escalated?: boolean;
  summary: string;
}
interface StuckCase {
  caseId: string;
  stuckSince: string;
  reasons: StuckReason[];
}

describe('admins find every stuck case, see why, and unstick it', () => {
  let db: PgClient;
  const apps: AppProcess[] = [];
  // Three APIs on the shared worker, each filing with other rules (the policy travels with the case).
  let shortLimits: string; // 3-second limits on the 24x7 calendar: steps go overdue at once
  let taxAuto: string; // TAX decides automatically (its simulated system can be made to fail)
  let allAuto: string; // every department automatic: cases finish on their own
  let admin: SignedIn;
  let samrClerk: SignedIn;
  let applicant: SignedIn;

  beforeAll(async () => {
    db = await connectDatabase();
    const started = await Promise.all([
      startApi({ CASE_TIME_LIMIT_MINUTES: '0.05', CASE_REMINDER_LEAD_MINUTES: '0.02', CASE_CALENDAR: 'ALWAYS' }, 'api-short-limits'),
      startApi({ CASE_DEPARTMENT_MODES: 'TAX=AUTO', CASE_CALENDAR: 'ALWAYS' }, 'api-tax-auto'),
      startApi({ CASE_DEPARTMENT_MODES: '*=AUTO', CASE_CALENDAR: 'ALWAYS' }, 'api-all-auto'),
    ]);
    [shortLimits, taxAuto, allAuto] = started.map((api) => api.url);
    apps.push(...started.map((api) => api.app));
    [admin, samrClerk, applicant] = await Promise.all([signIn('admin'), signIn('clerk-samr'), newApplicant()]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await db.end();
  });

  async function fileVia(baseUrl: string): Promise<string> {
    const result = await http<{ id: string }>('POST', '/applications', { token: applicant.token, body: validForm(), baseUrl });
    if (result.status !== 201) throw new Error(`filing answered ${result.status}`);
    return result.body.id;
  }

  async function stuckList(query = ''): Promise<StuckCase[]> {
    const items: StuckCase[] = [];
    for (let page = 1; ; page++) {
      const result = await http<{ items: StuckCase[]; total: number }>('GET', `/admin/cases?stuck=true&limit=100&page=${page}${query}`, { token: admin.token });
      expect(result.status).toBe(200);
      items.push(...result.body.items);
      if (items.length >= result.body.total || result.body.items.length === 0) return items;
    }
  }

  const reasonsOf = (list: StuckCase[], caseId: string): string[] | undefined =>
    list.find((item) => item.caseId === caseId)?.reasons.map((reason) => `${reason.reason}${reason.department ? `:${reason.department}` : ''}`).sort();

  async function act(caseId: string, body: Record<string, unknown>) {
    return http<{ result: string }>('POST', `/admin/cases/${caseId}/actions`, { token: admin.token, body });
  }

  async function auditActions(caseId: string): Promise<{ action: string; actor_id: string; reason: string | null }[]> {
    const rows = await db.query(`SELECT action, actor_id, details ->> 'reason' AS reason FROM audit_log WHERE case_id = $1 ORDER BY id`, [caseId]);
    return rows.rows as { action: string; actor_id: string; reason: string | null }[];
  }

  it('lists exactly the stuck cases with the right reasons, and each action moves its case on', async () => {
    // One case of each reason, plus a healthy one, a finished one and a cancelled one.
    const [overdue, failing, complained, awaiting, idle, healthy, finished, cancelled] = await Promise.all([
      fileVia(shortLimits),
      fileVia(taxAuto),
      fileVia(taxAuto),
      fileVia(taxAuto),
      fileVia(taxAuto),
      fileVia(taxAuto),
      fileVia(allAuto),
      fileVia(taxAuto),
    ]);

    // STEP_FAILING: TAX's system is down for this case; SAMR completes, TAX keeps failing and retrying.
    await db.query(`INSERT INTO department_outages (department, scope, message) VALUES ('TAX', $1, 'connect ECONNREFUSED tax-ukey-gateway:443')`, [failing]);
    const samrOfFailing = await openTaskId(db, failing, 'SAMR');
    expect((await http('POST', `/tasks/${samrOfFailing}/complete`, { token: samrClerk.token, body: {} })).status).toBe(200);
    await waitFor('TAX failing twice', async () => {
      const rows = await db.query(`SELECT attempts FROM step_failures WHERE case_id = $1 AND department = 'TAX'`, [failing]);
      return ((rows.rows[0] as { attempts: number } | undefined)?.attempts ?? 0) >= 2 ? true : undefined;
    });

    // COMPLAINT: "can't get it done".
    await openTaskId(db, complained, 'SAMR');
    const complaint = await http<{ id: string }>('POST', `/applications/${complained}/complaints`, { token: applicant.token, body: { text: '材料交了三次还没办好' } });
    expect(complaint.status).toBe(201);

    // AWAITING_APPLICANT: SAMR returns it for correction and nobody answers.
    const samrOfAwaiting = await openTaskId(db, awaiting, 'SAMR');
    expect((await http('POST', `/tasks/${samrOfAwaiting}/return`, { token: samrClerk.token, body: { items: [{ field: 'company.address.detail', reason: '门牌号不全' }] } })).status).toBe(200);
    await waitForView(applicant.token, awaiting, 'awaiting correction', (view) => view.status === 'AWAITING_CORRECTION');

    // NO_PROGRESS: nothing has happened on this case for two days.
    await openTaskId(db, idle, 'SAMR');
    await db.query(`UPDATE cases SET last_progress_at = now() - interval '2 days' WHERE id = $1`, [idle]);

    // Not stuck: healthy (SAMR open well within its limit), finished, cancelled.
    await openTaskId(db, healthy, 'SAMR');
    await waitForView(applicant.token, finished, 'finished', (view) => view.status === 'COMPLETED');
    await openTaskId(db, cancelled, 'SAMR');
    expect((await http('POST', `/applications/${cancelled}/cancel`, { token: applicant.token, body: { reason: 'no longer needed' } })).status).toBe(200);

    // OVERDUE: the 3-second limit passes and the workflow escalates.
    await waitFor('SAMR escalated on the overdue case', async () => {
      const rows = await db.query(`SELECT 1 FROM tasks WHERE case_id = $1 AND department = 'SAMR' AND escalated_at IS NOT NULL`, [overdue]);
      return rows.rowCount ? true : undefined;
    });

    const listed = await stuckList();
    expect(reasonsOf(listed, overdue)).toEqual(['OVERDUE:SAMR']);
    expect(reasonsOf(listed, failing)).toEqual(['STEP_FAILING:TAX']);
    expect(reasonsOf(listed, complained)).toEqual(['COMPLAINT']);
    expect(reasonsOf(listed, awaiting)).toEqual(['AWAITING_APPLICANT']);
    expect(reasonsOf(listed, idle)).toEqual(['NO_PROGRESS']);
    for (const notStuck of [healthy, finished, cancelled]) expect(reasonsOf(listed, notStuck)).toBeUndefined();

    // In the case's own words, most late first.
    const failingEntry = listed.find((item) => item.caseId === failing)!.reasons[0];
    expect(failingEntry.attempts).toBeGreaterThanOrEqual(2);
    expect(failingEntry.lastError).toContain('ECONNREFUSED');
    expect(failingEntry.summary).toMatch(/^TAX: runAutomaticStep failing since \d\d:\d\d \(TAX system unavailable: connect ECONNREFUSED/);
    expect(listed.find((item) => item.caseId === overdue)!.reasons[0]).toMatchObject({ escalated: true });
    const order = listed.map((item) => item.stuckSince);
    expect([...order].sort()).toEqual(order);

    // Filters: by reason, by department, by age.
    const onlyOverdue = await stuckList('&reason=OVERDUE');
    expect(onlyOverdue.map((item) => item.caseId)).toContain(overdue);
    expect(onlyOverdue.map((item) => item.caseId)).not.toContain(complained);
    const tax = await stuckList('&department=TAX');
    expect(tax.map((item) => item.caseId)).toContain(failing);
    expect(tax.map((item) => item.caseId)).not.toContain(overdue);
    const old = await stuckList('&minAgeMinutes=60');
    expect(old.map((item) => item.caseId)).toContain(idle);
    expect(old.map((item) => item.caseId)).not.toContain(overdue);

    // The whole case, with one timeline and the live retry state from Temporal.
    const detail = await http<{ pendingActivities: { department?: string; attempt: number; lastFailure?: string }[]; timeline: { event: string; source: string }[]; form: { legalRepresentative: { idNumber: string } } }>(
      'GET',
      `/admin/cases/${failing}`,
      { token: admin.token },
    );
    expect(detail.status).toBe(200);
    const pendingTax = detail.body.pendingActivities.find((activity) => activity.department === 'TAX')!;
    expect(pendingTax.attempt).toBeGreaterThanOrEqual(2);
    expect(pendingTax.lastFailure).toContain('ECONNREFUSED');
    expect(detail.body.timeline.map((entry) => entry.event)).toEqual(expect.arrayContaining(['CASE_STARTED', 'STEP_OPENED', 'DECISION', 'COMPLETE']));
    expect(detail.body.form.legalRepresentative.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);

    // Actions: each moves its case on and is audited with who and why.
    expect((await act(overdue, { action: 'REASSIGN', department: 'SAMR', clerk: 'clerk-samr', reason: '原经办人请假' })).status).toBe(200);
    expect((await act(overdue, { action: 'ESCALATE', department: 'SAMR', reason: '超时未办' })).status).toBe(200);
    const samrOfOverdue = await openTaskId(db, overdue, 'SAMR');
    expect((await db.query(`SELECT u.username FROM tasks t JOIN users u ON u.id = t.claimed_by_id WHERE t.id = $1`, [samrOfOverdue])).rows[0]).toEqual({ username: 'clerk-samr' });
    expect((await http('POST', `/tasks/${samrOfOverdue}/complete`, { token: samrClerk.token, body: {} })).status).toBe(200);
    await waitForView(applicant.token, overdue, 'SAMR done on the overdue case', (view) => view.steps[0].status === 'DONE');

    // The repair is held uncommitted until the admin has asked for the retry: otherwise the step's own
    // next attempt could win the race, and there would be nothing failing left to retry.
    await db.query('BEGIN');
    await db.query(`DELETE FROM department_outages WHERE scope = $1`, [failing]);
    const retried = await act(failing, { action: 'RETRY', department: 'TAX', reason: '税务系统已恢复' });
    await db.query('COMMIT');
    expect(retried.status).toBe(200);
    await waitForView(applicant.token, failing, 'TAX done after the retry', (view) => view.steps.find((step) => step.department === 'TAX')?.status === 'DONE');
    expect((await act(failing, { action: 'REOPEN', department: 'TAX', reason: '发票核定有误，重新办理' })).status).toBe(200);
    await waitFor('TAX round 2', async () => ((await db.query(`SELECT 1 FROM tasks WHERE case_id = $1 AND department = 'TAX' AND round = 2`, [failing])).rowCount ? true : undefined));

    const resolved = await http('POST', `/admin/complaints/${complaint.body.id}/resolve`, { token: admin.token, body: { resolution: '已协调市场监管局当日办结' } });
    expect(resolved.status).toBe(200);
    const seen = await http<{ status: string; resolution: string }[]>('GET', `/applications/${complained}/complaints`, { token: applicant.token });
    expect(seen.body[0]).toMatchObject({ status: 'RESOLVED', resolution: '已协调市场监管局当日办结' });

    expect((await act(awaiting, { action: 'CANCEL', reason: '申请人放弃办理' })).status).toBe(200);
    await waitForView(applicant.token, awaiting, 'cancelled by the admin', (view) => view.status === 'CANCELLED');

    const samrOfIdle = await openTaskId(db, idle, 'SAMR');
    expect((await act(idle, { action: 'REASSIGN', department: 'SAMR', clerk: 'clerk-samr', reason: '无人处理' })).status).toBe(200);
    expect((await http('POST', `/tasks/${samrOfIdle}/complete`, { token: samrClerk.token, body: {} })).status).toBe(200);
    await waitForView(applicant.token, idle, 'SAMR done on the idle case', (view) => view.steps[0].status === 'DONE');

    const after = await stuckList();
    expect(reasonsOf(after, failing)).toBeUndefined();
    expect(reasonsOf(after, complained)).toBeUndefined();
    expect(reasonsOf(after, awaiting)).toBeUndefined();
    expect(reasonsOf(after, idle)).toBeUndefined();
    // The overdue case moved on to the next departments (which, on 3-second limits, are late in turn).
    expect(reasonsOf(after, overdue) ?? []).not.toContain('OVERDUE:SAMR');

    const audited = async (caseId: string) => (await auditActions(caseId)).filter((row) => row.actor_id === admin.id).map((row) => `${row.action}:${row.reason}`);
    expect(await audited(overdue)).toEqual(['REASSIGN:原经办人请假', 'ESCALATE:超时未办']);
    expect(await audited(failing)).toEqual(['RETRY:税务系统已恢复', 'REOPEN:发票核定有误，重新办理']);
    expect(await audited(awaiting)).toEqual(['CANCEL:申请人放弃办理']);
    expect(await audited(complained)).toEqual(['COMPLAINT_RESOLVED:null']);
  }, 120_000);

  it('counts each stuck case once, and only live ones', async () => {
    const [twoReasons, withdrawn] = await Promise.all([fileVia(taxAuto), fileVia(taxAuto)]);
    // Stuck twice over: no progress for two days, and a complaint.
    await openTaskId(db, twoReasons, 'SAMR');
    await db.query(`UPDATE cases SET last_progress_at = now() - interval '2 days' WHERE id = $1`, [twoReasons]);
    expect((await http('POST', `/applications/${twoReasons}/complaints`, { token: applicant.token, body: { text: '两天没有动静' } })).status).toBe(201);
    // Complained about, then withdrawn: its complaint is still open, but the case is over, so not stuck.
    await openTaskId(db, withdrawn, 'SAMR');
    expect((await http('POST', `/applications/${withdrawn}/complaints`, { token: applicant.token, body: { text: '等了太久' } })).status).toBe(201);
    expect((await http('POST', `/applications/${withdrawn}/cancel`, { token: applicant.token, body: { reason: 'no longer needed' } })).status).toBe(200);
    await waitForView(applicant.token, withdrawn, 'cancelled', (view) => view.status === 'CANCELLED');
    expect((await db.query(`SELECT 1 FROM complaints WHERE case_id = $1 AND status = 'OPEN'`, [withdrawn])).rowCount).toBe(1);

    // The search narrows the listing to one case, so other specs' cases do not move the count.
    const only = async (caseId: string) => http<{ items: StuckCase[]; total: number; totalCapped: boolean }>('GET', `/admin/cases?stuck=true&q=${caseId}`, { token: admin.token });
    const stuck = await only(twoReasons);
    expect(stuck.body.items.map((item) => item.reasons.map((reason) => reason.reason).sort())).toEqual([['COMPLAINT', 'NO_PROGRESS']]);
    expect(stuck.body).toMatchObject({ total: 1, totalCapped: false });
    const over = await only(withdrawn);
    expect(over.body).toMatchObject({ items: [], total: 0, totalCapped: false });
  }, 60_000);
});
