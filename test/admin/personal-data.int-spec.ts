import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Client as PgClient } from 'pg';
import { makeResidentId, maskIdNumber, maskMobile } from '@onetrip/domain';
import type { AppProcess } from '../../scripts/stack/app-process';
import { waitFor } from '../../scripts/stack/wait-for';
import { newApplicant, openTaskId, signIn, validForm } from '../api/api-fixtures';
import { connectDatabase } from '../support/case-fixtures';
import { http } from '../support/http';
import { startApi } from '../support/test-stack';

const LOG_DIR = path.resolve(__dirname, '../../test-results/logs');

describe('personal data stays out of lists, logs and errors', () => {
  let db: PgClient;
  let api: { url: string; app: AppProcess };

  beforeAll(async () => {
    db = await connectDatabase();
    // Its own API at debug level, so its log file is this test's alone and as talkative as it gets.
    api = await startApi({ LOG_LEVEL: 'debug' }, 'api-personal-data');
  });
  afterAll(async () => {
    await api.app.stop();
    await db.end();
  });

  /** Reads a list page by page (100 a page) until an item of the case appears or the list ends; the text of every page read. */
  async function pagesUntil(list: string, token: string, caseId: string): Promise<{ found: boolean; text: string }> {
    let text = '';
    for (let page = 1; ; page += 1) {
      const result = await http<{ items: { caseId: string }[] }>('GET', `${list}${list.includes('?') ? '&' : '?'}limit=100&page=${page}`, { token, baseUrl: api.url });
      expect(result.status).toBe(200);
      text += JSON.stringify(result.body);
      if (result.body.items.some((item) => item.caseId === caseId)) return { found: true, text };
      if (result.body.items.length < 100) return { found: false, text };
    }
  }

  it('masks ID numbers and mobiles everywhere but where a role needs them, and audits those views', async () => {
    const idNumber = makeResidentId('433101', '1988-08-08', 777);
    const mobile = '13698765432';
    const applicant = await newApplicant(api.url);
    const form = validForm((draft) => {
      draft.legalRepresentative.idNumber = idNumber;
      draft.legalRepresentative.mobile = mobile;
      draft.shareholders[0].idNumber = idNumber;
    });
    // A bad check character: the error names the field, never the value.
    const badId = idNumber.slice(0, 17) + (idNumber[17] === '0' ? '1' : '0');
    const refused = await http<{ message: string; fields: { path: string; messages: string[] }[] }>('POST', '/applications', {
      token: applicant.token,
      body: { ...form, legalRepresentative: { ...form.legalRepresentative, idNumber: badId } },
      baseUrl: api.url,
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).not.toContain(badId);

    const filed = await http<{ id: string }>('POST', '/applications', { token: applicant.token, body: form, baseUrl: api.url });
    expect(filed.status).toBe(201);
    const caseId = filed.body.id;
    const taskId = await openTaskId(db, caseId, 'SAMR');

    // SAMR needs the ID number to issue the licence: unmasked for its clerk, and audited.
    const samr = await signIn('clerk-samr', undefined, api.url);
    const task = await http('GET', `/tasks/${taskId}`, { token: samr.token, baseUrl: api.url });
    expect(JSON.stringify(task.body)).toContain(idNumber);
    await waitFor('the SAMR view audited', async () => {
      const rows = await db.query(`SELECT 1 FROM audit_log WHERE case_id = $1 AND action = 'VIEW_PERSONAL_DATA' AND actor_id = $2`, [caseId, samr.id]);
      return rows.rowCount ? true : undefined;
    });
    // The licence issued, the case moves on to PSB, so it is in the PSB clerk's inbox to be scanned.
    expect((await http('POST', `/tasks/${taskId}/complete`, { token: samr.token, body: {}, baseUrl: api.url })).status).toBe(200);
    await openTaskId(db, caseId, 'PSB');

    // Lists: the clerk's inbox and the admin's listing show the case but carry no personal data at all.
    // Both are shared with other files, so the pages are read until the case turns up, each one scanned.
    const psbClerk = await signIn('clerk-psb', undefined, api.url);
    const inbox = await pagesUntil('/tasks?status=OPEN', psbClerk.token, caseId);
    expect(inbox.found).toBe(true);
    expect(inbox.text).not.toContain(idNumber);
    const admin = await signIn('admin', undefined, api.url);
    const listing = await pagesUntil('/admin/cases', admin.token, caseId);
    expect(listing.found).toBe(true);
    expect(listing.text).not.toContain(idNumber);

    // The admin's case view is masked; unmasking is possible and audited.
    const masked = await http<{ form: { legalRepresentative: { idNumber: string; mobile: string } } }>('GET', `/admin/cases/${caseId}`, { token: admin.token, baseUrl: api.url });
    expect(masked.body.form.legalRepresentative).toMatchObject({ idNumber: maskIdNumber(idNumber), mobile: maskMobile(mobile) });
    const unmasked = await http<{ form: { legalRepresentative: { idNumber: string } } }>('GET', `/admin/cases/${caseId}?unmask=true`, { token: admin.token, baseUrl: api.url });
    expect(unmasked.body.form.legalRepresentative.idNumber).toBe(idNumber);
    const views = await db.query(`SELECT actor_id FROM audit_log WHERE case_id = $1 AND action = 'VIEW_PERSONAL_DATA'`, [caseId]);
    expect(views.rows.map((row) => row.actor_id)).toContain(admin.id);

    // Nothing of it in the API's log (requests, errors, debug lines) or in Temporal's view of the case.
    const apiLog = fs.readdirSync(LOG_DIR).filter((file) => file.startsWith('api-personal-data'));
    expect(apiLog).toHaveLength(1);
    const text = fs.readFileSync(path.join(LOG_DIR, apiLog[0]), 'utf8');
    expect(text.length).toBeGreaterThan(0);
    for (const secret of [idNumber, badId, mobile]) expect(text).not.toContain(secret);
    const history = await http<{ timeline: unknown[] }>('GET', `/admin/cases/${caseId}`, { token: admin.token, baseUrl: api.url });
    expect(JSON.stringify(history.body.timeline)).not.toContain(idNumber);
  });
});
