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
});
