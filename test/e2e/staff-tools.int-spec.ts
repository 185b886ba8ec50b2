import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import type { Client as PgClient } from 'pg';
import { waitFor } from '../../scripts/stack/wait-for';
import { CLERK_PASSWORD, fileCase, newApplicant, newClerk, openTaskId, validForm, waitForView, type SignedIn } from '../api/api-fixtures';
import { connectDatabase, uniqueEnterpriseName } from '../support/case-fixtures';
import { http } from '../support/http';
import { webOrigin } from '../support/test-stack';
import { checkAccessibility, expectEveryPageChecked, screenshot, signIn, useBrowser } from './browser';

// Issue 17's staff items in Chromium, on one case: TAX returns it (the other four decide through the API),
// the TAX clerk finds it under 已退回 and, after the applicant's correction, in the inbox with its enterprise,
// applicant, working time left and round; the round-2 task shows SAMR's licence, the earlier reason and
// old → new, keeps the data before the decisions, wants a claim, and asks before refusing or returning.
// The admin searches for the case, is offered only the actions that fit (a reminder while it waits on the
// applicant, a reassign to a listed clerk once TAX is open), reads a timeline without the personal-data views
// unless asked, and gets the figures with small durations said and a CSV in Chinese.

describe('staff pages: clerks and admins have what they need to decide', () => {
  const opened = useBrowser();
  let db: PgClient;
  let applicant: SignedIn;
  const clerks = {} as Record<'SAMR' | 'PSB' | 'TAX' | 'HRSS' | 'BANK', SignedIn>;
  const enterprise = uniqueEnterpriseName();
  let caseId: string;
  let clerkPage: Page;
  let adminPage: Page;
  let applicantPage: Page;
  const base = (): string => webOrigin();

  const decide = async (department: keyof typeof clerks, path: string, body: unknown): Promise<void> => {
    const task = await openTaskId(db, caseId, department);
    const result = await http('POST', `/tasks/${task}/${path}`, { token: clerks[department].token, body });
    if (result.status !== 200) throw new Error(`${department} ${path} answered ${result.status}: ${JSON.stringify(result.body)}`);
  };

  beforeAll(async () => {
    db = await connectDatabase();
    applicant = await newApplicant();
    for (const department of ['SAMR', 'PSB', 'TAX', 'HRSS', 'BANK'] as const) clerks[department] = await newClerk(db, department);
    caseId = (await fileCase(applicant.token, validForm((form) => (form.company.name = enterprise)))).id;
    // SAMR reads its task (a personal-data view: the timeline's noise) and issues the licence.
    await http('GET', `/tasks/${await openTaskId(db, caseId, 'SAMR')}`, { token: clerks.SAMR.token });
    await decide('SAMR', 'complete', {});
    await decide('TAX', 'return', { items: [{ field: 'tax.taxpayerType', reason: '开具增值税专用发票需登记为一般纳税人' }] });
    await decide('PSB', 'complete', {});
    await decide('HRSS', 'complete', {});
    await decide('BANK', 'complete', { outputs: { accountNumber: '6222020200112233445' } });
    await waitForView(applicant.token, caseId, 'the case waits for the correction', (view) => view.status === 'AWAITING_CORRECTION', 30_000);
  }, 120_000);

  afterAll(async () => {
    await db?.end();
  });

  // A test that fails leaves a picture of each page as it was (before a fix: what the issue describes).
  let passed = false;
  let failures = 0;
  beforeEach(() => {
    passed = false;
  });
  afterEach(async () => {
    if (passed) return;
    failures += 1;
    for (const [name, page] of [['clerk', clerkPage], ['admin', adminPage], ['applicant', applicantPage]] as const) {
      if (page && !page.isClosed()) await screenshot(page, `staff-failed-${failures}-${name}`).catch(() => undefined);
    }
  });

  it('lists the returned task under 已退回, found by its enterprise name', async () => {
    clerkPage = await opened.browser.newPage();
    await signIn(clerkPage, base(), clerks.TAX.username, CLERK_PASSWORD);
    await clerkPage.getByRole('link', { name: '已退回' }).click();
    await clerkPage.getByLabel('搜索企业名称或办件编号').fill(enterprise);
    await clerkPage.getByRole('button', { name: '搜索' }).click();
    const row = clerkPage.locator(`tr[data-case-id="${caseId}"]`);
    await row.getByText(enterprise).waitFor();
    await screenshot(clerkPage, '60-clerk-inbox-returned');
    await checkAccessibility(clerkPage, 'inbox, returned');
    passed = true;
  }, 60_000);

  it('offers the admin a reminder (and no escalation) for a case waiting on the applicant, found by search and not shown late', async () => {
    adminPage = await opened.browser.newPage();
    await signIn(adminPage, base(), 'admin');
    await adminPage.getByLabel('搜索办件、企业或申请人').fill(enterprise);
    await adminPage.getByRole('button', { name: '筛选' }).click();
    const item = adminPage.locator(`li.stuck[data-case-id="${caseId}"]`);
    await item.locator('[data-reason="AWAITING_APPLICANT"]').waitFor();
    // It has just begun waiting: not overdue, so nothing in red and no "超时".
    expect(await item.locator('.overdue').count()).toBe(0);
    expect(await item.textContent()).not.toContain('超时');
    await screenshot(adminPage, '61-admin-search-waiting-case');
    await checkAccessibility(adminPage, 'stuck list, searched');

    await item.getByRole('link', { name: enterprise }).click();
    const actions = adminPage.getByTestId('admin-actions');
    await actions.getByLabel('处置方式').waitFor();
    const offered = await actions.getByLabel('处置方式').locator('option').allTextContents();
    expect(offered).toContain('提醒申请人补正');
    expect(offered).not.toContain('督办升级');
    // The timeline leaves out the personal-data views unless asked for them.
    const timeline = adminPage.getByTestId('timeline');
    await timeline.locator('li').first().waitFor();
    expect(await timeline.getByText('查看个人信息').count()).toBe(0);
    await adminPage.getByLabel('显示“查看个人信息”记录').check();
    await timeline.getByText('查看个人信息').first().waitFor();
    await adminPage.getByLabel('显示“查看个人信息”记录').uncheck();

    await actions.getByLabel('处置方式').selectOption('REMIND_APPLICANT');
    await actions.getByLabel('理由（将记入审计）').fill('补正已等待，请申请人尽快提交');
    await actions.getByTestId('do-action').click();
    await adminPage.locator('.notice').getByText('已执行：提醒申请人补正。').waitFor();
    await timeline.getByText('督查：提醒申请人补正').waitFor();
    const reminders = await db.query(`SELECT count(*)::int AS n FROM notifications WHERE case_id = $1 AND kind = 'CORRECTION_REMINDER'`, [caseId]);
    expect(reminders.rows[0].n).toBe(1);
    await screenshot(adminPage, '62-admin-case-remind-applicant');
    await checkAccessibility(adminPage, 'admin case, waiting on the applicant');
    passed = true;
  }, 90_000);

  it('shows the round-2 task in the inbox with whose case it is, working time left and round', async () => {
    const corrected = await http('POST', `/applications/${caseId}/corrections`, { token: applicant.token, body: { changes: { 'tax.taxpayerType': 'GENERAL' } } });
    expect(corrected.status).toBe(200);
    await openTaskId(db, caseId, 'TAX', 30_000);
    await clerkPage.getByRole('link', { name: '待认领' }).click();
    await clerkPage.getByLabel('搜索企业名称或办件编号').fill(enterprise);
    await clerkPage.getByRole('button', { name: '搜索' }).click();
    const row = clerkPage.locator(`tr[data-case-id="${caseId}"]`);
    await row.getByText(enterprise).waitFor();
    // The applicant (王五) by surname only; the round; time left counted in working time.
    await row.getByText('王*').waitFor();
    await row.getByText('第 2 轮').waitFor();
    expect(await row.textContent()).toContain('工作时间');
    await clerkPage.getByLabel('排序').selectOption('arrived');
    await row.waitFor();
    await screenshot(clerkPage, '63-clerk-inbox-round-2');
    await checkAccessibility(clerkPage, 'inbox, open, searched');
    await row.getByRole('link').first().click();
    passed = true;
  }, 60_000);

  it("shows SAMR's licence, the earlier reason and old → new; data before the decisions, which need a claim", async () => {
    const page = clerkPage;
    const uscc = ((await db.query(`SELECT uscc FROM cases WHERE id = $1`, [caseId])).rows[0] as { uscc: string }).uscc;
    await page.getByTestId('earlier-results').getByText(uscc).waitFor();
    // The page counts the limit as the inbox does: in working time.
    await page.getByText(/剩余 .+（工作时间）/).first().waitFor();
    const previous = page.getByTestId('previous-round');
    await previous.getByText('开具增值税专用发票需登记为一般纳税人').waitFor();
    const change = previous.getByTestId('corrected-fields').locator('tr', { hasText: '纳税人类型' });
    await change.getByText('小规模纳税人').waitFor();
    await change.getByText('一般纳税人', { exact: true }).waitFor();
    // The data comes first; no decision before the claim.
    const dataFirst = await page.evaluate(
      `(() => { const data = document.getElementById('form-part-title'); const actions = document.querySelector('.task-decide'); return !!data && !!actions && !!(data.compareDocumentPosition(actions) & Node.DOCUMENT_POSITION_FOLLOWING); })()`,
    );
    expect(dataFirst).toBe(true);
    await page.getByText('认领后才能办结、退回或不予办理').waitFor();
    expect(await page.getByTestId('complete').count()).toBe(0);
    await screenshot(page, '64-clerk-task-round-2-unclaimed');
    await checkAccessibility(page, 'task, round 2');
    await page.getByTestId('claim').click();
    await page.locator('.task-page[data-task-status="CLAIMED"]').waitFor();
    await page.getByTestId('complete').waitFor();
    passed = true;
  }, 60_000);

  it('asks before refusing or returning, saying what will happen', async () => {
    const page = clerkPage;
    await page.getByLabel('原因', { exact: true }).fill('材料不实');
    await page.getByRole('button', { name: '不予办理' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('整个办件将终止').waitFor();
    await screenshot(page, '65-clerk-confirm-refusal');
    await checkAccessibility(page, 'task, confirm refusal');
    await dialog.getByRole('button', { name: '返回，不作决定' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('return-fields').locator('input[type="checkbox"]').first().check();
    await page.getByTestId('return-fields').locator('input:not([type="checkbox"])').first().fill('请核对');
    await page.getByTestId('return').click();
    await page.getByRole('alertdialog').locator('#confirm-text').getByText(/退回申请人补正.*合并的补正告知/).waitFor();
    await screenshot(page, '65b-clerk-confirm-return');
    await page.getByRole('alertdialog').getByRole('button', { name: '返回，不作决定' }).click();
    // Nothing was decided.
    await page.locator('.task-page[data-task-status="CLAIMED"]').waitFor();
    const status = await db.query(`SELECT status FROM tasks WHERE case_id = $1 AND department = 'TAX' ORDER BY round DESC LIMIT 1`, [caseId]);
    expect(status.rows[0].status).toBe('CLAIMED');
    passed = true;
  }, 60_000);

  it("lets the admin reassign TAX's open task to a clerk picked from TAX's clerks", async () => {
    const page = adminPage;
    const actions = page.getByTestId('admin-actions');
    await waitFor('REASSIGN offered', async () => ((await actions.getByLabel('处置方式').locator('option').allTextContents()).includes('改派给本部门其他人员') ? true : undefined), { timeoutMs: 20_000 });
    await actions.getByLabel('处置方式').selectOption('REASSIGN');
    await actions.getByLabel('部门').selectOption('TAX');
    const clerkOptions = actions.getByLabel('经办人', { exact: true }).locator(`option[value="${clerks.TAX.username}"]`);
    await clerkOptions.waitFor({ state: 'attached' });
    await actions.getByLabel('经办人', { exact: true }).selectOption(clerks.TAX.username);
    await screenshot(page, '66-admin-reassign-from-list');
    await checkAccessibility(page, 'admin case, reassign');
    passed = true;
  }, 60_000);

  it('lists the applicant\'s notices on /messages, a case whose process names no enterprise by its number, and marks one read', async () => {
    // A second case whose enterprise name is null, as a process whose form names no enterprise leaves it
    // (cases.enterprise_name is nullable since the engine's definitions): its SUBMITTED notice must still have a name.
    const unnamed = (await fileCase(applicant.token, validForm((form) => (form.company.name = uniqueEnterpriseName())))).id;
    await waitFor('the second case\'s SUBMITTED notice', async () => ((await db.query(`SELECT 1 FROM notifications WHERE case_id = $1 AND kind = 'SUBMITTED'`, [unnamed])).rowCount ? true : undefined), { timeoutMs: 20_000 });
    await db.query(`UPDATE cases SET enterprise_name = NULL WHERE id = $1`, [unnamed]);
    // The list shows what the relay delivered in the app (it plans an IN_APP delivery as SENT); no relay runs in this
    // lane, so its rows are planted as it plans them (the relay spec runs the real one).
    await db.query(
      `INSERT INTO notification_deliveries (notification_id, channel, dedupe_key, status, attempts)
       SELECT id, 'IN_APP', dedupe_key || '/IN_APP', 'SENT', 0 FROM notifications WHERE recipient_id = $1 ON CONFLICT DO NOTHING`,
      [applicant.id],
    );

    applicantPage = await opened.browser.newPage({ width: 390, height: 844 });
    await signIn(applicantPage, base(), applicant.username, 'applicant-pass-1');
    await applicantPage.waitForURL('**/cases');
    await checkAccessibility(applicantPage, 'my cases', { oncePerKind: true });
    await applicantPage.goto(`${base()}/messages`);
    const list = applicantPage.getByTestId('messages');
    // The unnamed case by its number, never an empty link.
    await list.locator('li', { hasText: '申请已受理' }).getByRole('link', { name: `办件 ${unnamed.slice(0, 8)}` }).waitFor();
    // The notices this test caused: the one notice of TAX's return and the admin's reminder, under the enterprise's name.
    const named = list.locator('li', { has: applicantPage.locator(`a[href="/cases/${caseId}"]`) });
    await named.filter({ hasText: '需要补正' }).getByRole('link', { name: enterprise }).waitFor();
    await named.filter({ hasText: '补正提醒' }).getByRole('link', { name: enterprise }).waitFor();
    const unread = Number(/\d+/.exec((await applicantPage.getByTestId('unread-count').textContent()) ?? '')?.[0]);
    expect(unread).toBeGreaterThanOrEqual(4);
    await screenshot(applicantPage, '67a-applicant-messages');
    await checkAccessibility(applicantPage, 'messages');
    await named.filter({ hasText: '补正提醒' }).getByRole('button', { name: '标为已读' }).click();
    await named.filter({ hasText: '补正提醒' }).getByText('已读', { exact: true }).waitFor();
    await applicantPage.getByTestId('unread-count').getByText(`未读 ${unread - 1} 条`).waitFor();
    passed = true;
  }, 90_000);

  it('lists a dead letter of this case for the admin on /admin/notifications and queues it again on retry', async () => {
    // The relay (not running in this lane) leaves a delivery DEAD after its attempts: planted here as it would
    // leave it, for the notice TAX's return sent (the relay spec dead-letters one for real).
    const notice = (await db.query(`SELECT id FROM notifications WHERE case_id = $1 AND kind = 'CORRECTION_NEEDED' ORDER BY id LIMIT 1`, [caseId])).rows[0] as { id: string };
    await db.query(`INSERT INTO notification_deliveries (notification_id, channel, dedupe_key, status, attempts, last_error) VALUES ($1, 'SMS', $2, 'DEAD', 3, $3)`, [
      notice.id,
      `staff-${caseId}/SMS`,
      'ServiceUnavailable: the SMS provider answered 503',
    ]);
    const page = adminPage;
    await page.goto(`${base()}/admin/notifications`);
    const row = page.getByTestId('dead-letters').locator('tbody tr', { has: page.locator(`a[href="/admin/cases/${caseId}"]`) });
    await row.getByText('需要补正').waitFor();
    await row.getByText('短信').waitFor();
    await row.getByText('ServiceUnavailable: the SMS provider answered 503').waitFor();
    await screenshot(page, '67b-admin-dead-letters');
    await checkAccessibility(page, 'dead letters');
    await row.getByRole('button', { name: '重新发送' }).click();
    await row.waitFor({ state: 'detached' });
    const status = await db.query(`SELECT status, attempts FROM notification_deliveries WHERE dedupe_key = $1`, [`staff-${caseId}/SMS`]);
    expect(status.rows[0]).toEqual({ status: 'PENDING', attempts: 0 });
    passed = true;
  }, 60_000);

  it('says small durations in the figures and gives the monthly CSV in Chinese', async () => {
    const page = adminPage;
    await page.goto(`${base()}/admin/metrics`);
    const figures = page.getByTestId('time-figures');
    await figures.waitFor();
    const median = (await figures.locator('[data-figure="median"]').textContent()) ?? '';
    expect(median).toMatch(/^(暂无数据|不到 1 分钟|\d+ 分钟|\d+ 小时 \d+ 分|\d+ 天 \d+ 小时)$/);
    await checkAccessibility(page, 'metrics');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    const csv = fs.readFileSync((await download.path()) as string, 'utf8');
    expect(csv.split('\n')[0]).toBe('\uFEFF指标,项目,数值,metric,key');
    expect(csv).toContain('费用（元）,申请人支付,0.00,costs,applicant_paid');
    await screenshot(page, '67-admin-metrics');
    expectEveryPageChecked(opened.browser);
    passed = true;
  }, 60_000);
});
