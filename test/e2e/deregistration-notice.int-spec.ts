import type { Client as PgClient } from 'pg';
import type { AppProcess } from '../../scripts/stack/app-process';
import { waitFor } from '../../scripts/stack/wait-for';
import { CLERK_PASSWORD, newApplicant, newClerk, validForm } from '../api/api-fixtures';
import { connectDatabase } from '../support/case-fixtures';
import { http } from '../support/http';
import { startApi, webOrigin } from '../support/test-stack';
import { checkAccessibility, expectEveryPageChecked, screenshot, signIn, useBrowser } from './browser';

// A simplified deregistration with its 20-day notice shortened to seconds (NOTICE_PERIOD_SECONDS), in the
// pages: the public notice page lists the enterprise (name and code only) to anyone; another applicant
// objects there; the SAMR clerk dismisses it; the owner's case page shows the deregistration done.

const NOTICE_SECONDS = 30;
const APPLICANT_PASSWORD = 'applicant-pass-1';

describe('deregistration in the pages, with the public notice page', () => {
  const opened = useBrowser();
  let api: { url: string; app: AppProcess };
  let db: PgClient;

  beforeAll(async () => {
    api = await startApi({ CASE_DEPARTMENT_MODES: '*=AUTO', CASE_CALENDAR: 'ALWAYS', NOTICE_PERIOD_SECONDS: String(NOTICE_SECONDS) }, 'api-notice-pages');
    db = await connectDatabase();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await api?.app.stop();
  });

  it('lists the enterprise publicly, takes an objection from another applicant, and ends deregistered', async () => {
    const { browser } = opened;
    const [owner, objector] = await Promise.all([newApplicant(api.url), newApplicant(api.url)]);
    const clerk = await newClerk(db, 'SAMR');
    const get = <T>(path: string) => http<T>('GET', path, { token: owner.token, baseUrl: api.url });
    const done = (id: string) =>
      waitFor(`case ${id} completed`, async () => {
        const view = await get<{ status: string; outcome?: Record<string, unknown> }>(`/applications/${id}`);
        return view.body.status === 'COMPLETED' ? view.body : undefined;
      }, { timeoutMs: 120_000, intervalMs: 500 });

    // The enterprise: an opening, every step AUTO.
    const form = validForm();
    const opening = await http<{ id: string }>('POST', '/applications', { token: owner.token, body: form, baseUrl: api.url });
    const uscc = String((await done(opening.body.id)).outcome?.uscc);
    const filed = await http<{ id: string }>('POST', '/processes/enterprise-deregistration/applications', {
      token: owner.token,
      baseUrl: api.url,
      body: { form: { enterprise: { uscc, name: form.company.name, legalRepresentativeIdNumber: form.legalRepresentative.idNumber }, route: 'SIMPLIFIED', declaration: { noDebts: true, noUnfinishedBusiness: true }, delivery: { method: 'WINDOW_PICKUP' } } },
    });
    expect(filed.status).toBe(201);

    // Anyone, not signed in: the public notice page.
    const origin = webOrigin(api.url);
    const page = await browser.newPage();
    await page.goto(`${origin}/notices`);
    await page.getByRole('heading', { name: form.company.name }).waitFor({ timeout: 60_000 });
    await page.getByText(uscc).waitFor();
    expect(await page.content()).not.toContain(form.legalRepresentative.idNumber);
    await checkAccessibility(page, 'public notices');
    await screenshot(page, 'deregistration-1-public-notice');

    // Another applicant objects on the page.
    await signIn(page, origin, objector.username, APPLICANT_PASSWORD);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await checkAccessibility(page, 'start page', { oncePerKind: true });
    await page.goto(`${origin}/notices`);
    await page.locator(`#objection-${filed.body.id}`).fill('本人对该企业尚有未结清的货款');
    await page.locator('li', { has: page.getByRole('heading', { name: form.company.name }) }).getByRole('button', { name: '提出异议' }).click();
    await page.getByText('异议已提交').waitFor();
    await checkAccessibility(page, 'objection sent');
    await screenshot(page, 'deregistration-2-objection-sent');

    // The SAMR clerk reads it and dismisses it; the notice runs to its end, then SAMR (AUTO) deregisters.
    const [row] = (await db.query(`SELECT task_id FROM notice_objections WHERE case_id = $1`, [filed.body.id])).rows as { task_id: string }[];
    const objections = await http<{ items: { reason: string }[] }>('GET', `/tasks/${row.task_id}/objections`, { token: clerk.token, baseUrl: api.url });
    expect(objections.body.items.map((item) => item.reason)).toEqual(['本人对该企业尚有未结清的货款']);
    // On the clerk's task page the reason stands before the ruling.
    await signIn(page, origin, clerk.username, CLERK_PASSWORD);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await checkAccessibility(page, 'clerk inbox', { oncePerKind: true });
    await page.goto(`${origin}/tasks/${encodeURIComponent(row.task_id)}`);
    await page.getByTestId('objections').getByText('本人对该企业尚有未结清的货款').waitFor();
    // A ruling, or refusing the case; never a return for correction (the workflow refuses one with 409), so the page offers none.
    const task = await http<{ decisions: string[] }>('GET', `/tasks/${row.task_id}`, { token: clerk.token, baseUrl: api.url });
    expect(task.body.decisions).toEqual(['COMPLETE', 'REJECT']);
    // The decisions come with the claim (issue 17): the clerk claims on the page first.
    await page.getByTestId('claim').click();
    await page.getByTestId('complete').waitFor();
    await page.locator('#refuse-title').waitFor();
    expect(await page.getByTestId('return').count()).toBe(0);
    await checkAccessibility(page, 'objection task');
    await screenshot(page, 'deregistration-2b-clerk-objection');
    expect((await http('POST', `/tasks/${row.task_id}/complete`, { token: clerk.token, baseUrl: api.url, body: { outputs: { ruling: 'DISMISSED' } } })).status).toBe(200);
    const outcome = (await done(filed.body.id)).outcome;
    expect(outcome).toMatchObject({ uscc, publicNotice: 'ENDED' });
    expect(((await db.query(`SELECT status FROM enterprises WHERE uscc = $1`, [uscc])).rows[0] as { status: string }).status).toBe('DEREGISTERED');

    // The owner's case page: done, with the notice step and the outcome.
    await signIn(page, origin, owner.username, APPLICANT_PASSWORD);
    await page.goto(`${origin}/cases/${filed.body.id}`);
    await page.locator(':text("简易注销公告（20日）"):visible').first().waitFor();
    await checkAccessibility(page, 'deregistration case');
    await screenshot(page, 'deregistration-3-case-done');
    // Once over, the notice page no longer lists it.
    await page.goto(`${origin}/notices`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await waitFor('the notice gone from the list', async () => ((await http<{ items: { caseId: string }[] }>('GET', '/notices', { baseUrl: api.url })).body.items.some((n) => n.caseId === filed.body.id) ? undefined : true), { timeoutMs: 10_000 });
    expectEveryPageChecked(browser);
  }, 300_000);
});
