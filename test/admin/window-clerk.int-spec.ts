import { randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import { newApplicant, openTaskId, signIn, validForm, waitForView, type CaseView, type SignedIn } from '../api/api-fixtures';
import { connectDatabase } from '../support/case-fixtures';
import { http } from '../support/http';

describe('the window clerk (综合窗口 / 帮代办) files and corrects for an applicant at the counter', () => {
  let db: PgClient;
  let window: SignedIn;
  let samr: SignedIn;
  let admin: SignedIn;

  beforeAll(async () => {
    db = await connectDatabase();
    [window, samr, admin] = await Promise.all([signIn('window'), signIn('clerk-samr'), signIn('admin')]);
  });
  afterAll(() => db.end());

  it('corrects a case it filed; the applicant sees it; the audit and the timeline show who acted', async () => {
    const applicant = await newApplicant();
    const filed = await http<CaseView>('POST', '/applications', { token: window.token, body: { ...validForm(), onBehalfOf: applicant.username } });
    expect(filed.status).toBe(201);
    const caseId = filed.body.id;
    const task = await openTaskId(db, caseId, 'SAMR');
    expect((await http('POST', `/tasks/${task}/return`, { token: samr.token, body: { items: [{ field: 'legalRepresentative.mobile', reason: '手机号无法接通' }] } })).status).toBe(200);
    await waitForView(window.token, caseId, 'awaiting correction', (view) => view.status === 'AWAITING_CORRECTION');

    const corrected = await http<CaseView>('POST', `/applications/${caseId}/corrections`, { token: window.token, body: { changes: { 'legalRepresentative.mobile': '13711112222' } } });
    expect(corrected.status).toBe(200);
    const mine = await waitForView(applicant.token, caseId, 'SAMR reopened', (view) => view.steps[0].status === 'OPEN' && view.steps[0].round === 2);
    expect(mine.form?.legalRepresentative.mobile).toBe('13711112222');

    const audit = await db.query(`SELECT actor_id, actor_role, action FROM audit_log WHERE case_id = $1 AND actor_role = 'WINDOW' ORDER BY id`, [caseId]);
    expect(audit.rows).toEqual([
      { actor_id: window.id, actor_role: 'WINDOW', action: 'FILE_ON_BEHALF' },
      { actor_id: window.id, actor_role: 'WINDOW', action: 'SUBMIT_CORRECTION' },
    ]);
    const detail = await http<{ timeline: { event: string; actor?: string }[] }>('GET', `/admin/cases/${caseId}`, { token: admin.token });
    expect(detail.body.timeline).toEqual(expect.arrayContaining([expect.objectContaining({ event: 'CORRECTION_SUBMITTED', actor: 'window' }), expect.objectContaining({ event: 'FILE_ON_BEHALF', actor: 'window' })]));
  });

  it('finds a walk-in by name and the last four digits, or opens an account that files and cannot be signed into yet', async () => {
    // A name no other test uses; the mobile's last four tell two people of one name apart.
    const name = `窗${randomUUID().replace(/[^0-9]/g, '').slice(0, 6).replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)])}`;
    const opened = await http<{ username: string; name: string; maskedMobile: string; canSignIn: boolean; created: boolean }>('POST', '/window/applicants', {
      token: window.token,
      body: { name, mobile: '13700004321' },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ name, maskedMobile: '137****4321', canSignIn: false, created: true });
    // Safe to repeat: the same person again is the same account.
    const again = await http<{ username: string; created: boolean }>('POST', '/window/applicants', { token: window.token, body: { name, mobile: '13700004321' } });
    expect(again.body).toEqual(expect.objectContaining({ username: opened.body.username, created: false }));
    const other = await http<{ username: string }>('POST', '/window/applicants', { token: window.token, body: { name, mobile: '13700008765' } });
    expect(other.body.username).not.toBe(opened.body.username);

    const lookup = (mobileLast4: string) => http<{ username: string }[]>('POST', '/window/applicants/lookup', { token: window.token, body: { name, mobileLast4 } });
    const found = await lookup('4321');
    expect(found.status).toBe(200);
    expect(found.body.map((account) => account.username)).toEqual([opened.body.username]);
    expect((await lookup('0000')).body).toEqual([]);
    const invalid = await lookup('43');
    expect(invalid.status).toBe(400);
    // The mobile is sealed at rest like a registered applicant's.
    const stored = await db.query(`SELECT mobile FROM users WHERE username = $1`, [opened.body.username]);
    expect(String(stored.rows[0].mobile)).not.toContain('4321');

    // The window files for the new account, and its list and case page say for whom.
    const filed = await http<CaseView & { applicant?: { username: string; name?: string } }>('POST', '/applications', { token: window.token, body: { ...validForm(), onBehalfOf: opened.body.username } });
    expect(filed.status).toBe(201);
    const list = await http<{ items: { id: string; applicant?: { username: string; name?: string } }[] }>('GET', '/applications?limit=50', { token: window.token });
    expect(list.body.items.find((item) => item.id === filed.body.id)?.applicant).toEqual({ username: opened.body.username, name });
    // No password yet: signing in is refused like a wrong password (the applicant sets one after a code on the phone).
    expect((await http('POST', '/auth/token', { body: { username: opened.body.username, password: '!unset' } })).status).toBe(401);
  });
});
