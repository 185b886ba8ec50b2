import * as fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { AppProcess } from '../../scripts/stack/app-process';
import { uniqueEnterpriseName } from '../support/case-fixtures';
import { startApi, webOrigin } from '../support/test-stack';
import { checkAccessibility, expectEveryPageChecked, launchBrowser, screenshot, signIn, type TestBrowser } from './browser';

// Through the pages, in Chromium: a case whose licence step runs past its limit (a second API files
// it with a 3-second SAMR limit on a 24x7 calendar) and whose applicant complains "can't get it
// done"; an admin finds it in the stuck console, reassigns the step and resolves the complaint; the
// clerk completes it, the case leaves the stuck list and the applicant reads the resolution.

const PHONE = { width: 375, height: 812 };

describe('web pages: an admin finds a stuck case and unsticks it', () => {
  let browser: TestBrowser;
  let shortLimits: { url: string; app: AppProcess };

  beforeAll(async () => {
    [browser, shortLimits] = await Promise.all([launchBrowser(), startApi({ CASE_TIME_LIMIT_MINUTES: '*=240,SAMR=0.05', CASE_CALENDAR: 'ALWAYS' }, 'api-short-limits')]);
  }, 90_000);
  afterAll(async () => {
    await Promise.all([browser?.close(), shortLimits?.app.stop()]);
  }, 60_000);

  async function fileWithExample(page: Page, enterprise: string): Promise<string> {
    await page.getByRole('button', { name: '填入示例数据' }).waitFor();
    await checkAccessibility(page, 'new case');
    await page.getByRole('button', { name: '填入示例数据' }).click();
    await page.getByText('已填入示例数据，请把企业名称改成您自己的。').first().waitFor();
    await page.getByLabel('企业名称').fill(enterprise);
    await page.getByRole('button', { name: /核对并提交/ }).click();
    await page.getByText('表单已通过检查，可以提交。').waitFor();
    await page.getByTestId('submit-application').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    return new URL(page.url()).pathname.split('/').pop() as string;
  }

  it('lists the overdue case with its complaint, and takes it off the list once acted on', async () => {
    const base = webOrigin();
    const username = `e2e-${randomUUID().slice(0, 8)}`;
    const enterprise = uniqueEnterpriseName();

    // The entrepreneur files through the second API's pages (the same pages, other time limits).
    const me = await browser.newPage(PHONE);
    await me.goto(`${webOrigin(shortLimits.url)}/register`);
    await me.getByLabel('手机号码').waitFor();
    await checkAccessibility(me, 'register');
    await me.getByLabel('用户名').fill(username);
    await me.getByLabel('密码').fill('correct-horse-battery');
    await me.getByLabel('姓名').fill('赵六');
    await me.getByLabel('手机号码').fill('13712345678');
    await me.getByRole('button', { name: '注册并登录' }).click();
    await me.waitForURL('**/cases');
    await me.getByRole('link', { name: '申请开办企业' }).first().waitFor();
    await checkAccessibility(me, 'my cases');
    await me.goto(`${webOrigin(shortLimits.url)}/cases/new`);
    const caseId = await fileWithExample(me, enterprise);

    // SAMR's limit passes: the case page shows it in red, and the applicant complains.
    await me.locator('li[data-department="SAMR"].step--overdue').waitFor({ timeout: 60_000 });
    await me.getByRole('button', { name: /办不好/ }).click();
    await me.getByLabel('遇到了什么问题？').fill('营业执照一直没有人办理');
    await me.getByRole('button', { name: '提交给督查' }).click();
    await me.getByTestId('complaints').getByText('营业执照一直没有人办理').waitFor();
    await screenshot(me, '20-case-overdue-with-complaint');
    await checkAccessibility(me, 'case, overdue, with a complaint');

    // The admin's stuck console, filtered to overdue SAMR steps.
    const admin = await browser.newPage();
    await signIn(admin, base, 'admin');
    await admin.waitForURL('**/admin');
    await admin.getByLabel('原因').selectOption('OVERDUE');
    await admin.getByLabel('部门').selectOption('SAMR');
    await admin.getByRole('button', { name: '筛选' }).click();
    const listed = admin.locator(`li.stuck[data-case-id="${caseId}"]`);
    await listed.waitFor();
    await listed.locator('[data-reason="OVERDUE"]').waitFor();
    await listed.locator('[data-reason="COMPLAINT"]').waitFor();
    await screenshot(admin, '21-admin-stuck-cases');
    await checkAccessibility(admin, 'stuck list');

    // The case: why it is stuck, its timeline; reassign the step, resolve the complaint.
    await listed.getByRole('link', { name: enterprise }).click();
    await admin.getByTestId('timeline').locator('li').first().waitFor();
    await admin.getByTestId('stuck-reasons').locator('[data-reason="OVERDUE"]').waitFor();
    await screenshot(admin, '22-admin-case-timeline');
    await checkAccessibility(admin, 'case timeline');
    const actions = admin.getByTestId('admin-actions');
    await actions.getByLabel('处置方式').selectOption('REASSIGN');
    await actions.getByLabel('部门').selectOption('SAMR');
    await actions.getByLabel('经办人', { exact: true }).locator('option[value="clerk-samr"]').waitFor({ state: 'attached' });
    await actions.getByLabel('经办人', { exact: true }).selectOption('clerk-samr');
    await actions.getByLabel('理由（将记入审计）').fill('超时未认领，改派给当班人员');
    await actions.getByTestId('do-action').click();
    await admin.locator('.notice').getByText('已执行：改派给本部门其他人员。').waitFor();
    const complaints = admin.getByTestId('admin-complaints');
    await complaints.getByLabel('处理结果').fill('已督促市场监管窗口当日办结，并向申请人致歉');
    await complaints.getByTestId('resolve-complaint').click();
    await complaints.getByText('处理结果：已督促市场监管窗口当日办结，并向申请人致歉').waitFor();
    await admin.getByTestId('timeline').getByText('督查：改派').first().waitFor();
    await screenshot(admin, '23-admin-case-acted-on');

    // The clerk it was given to completes the licence step; the next steps have their usual limits.
    const clerk = await browser.newPage();
    await signIn(clerk, base, 'clerk-samr');
    await clerk.goto(`${base}/inbox?status=CLAIMED`);
    const row = clerk.locator(`tr[data-case-id="${caseId}"]`);
    await row.waitFor();
    await checkAccessibility(clerk, 'inbox');
    await row.getByRole('link').click();
    await clerk.getByTestId('complete').waitFor();
    await checkAccessibility(clerk, 'task');
    await clerk.getByTestId('complete').click();
    await clerk.locator('.task-page[data-task-status="DONE"]').waitFor();

    // Off the stuck list; the applicant reads the resolution.
    await admin.goto(`${base}/admin`);
    await admin.locator('[data-testid="stuck-list"], .notice--success').first().waitFor();
    await admin.locator(`li.stuck[data-case-id="${caseId}"]`).waitFor({ state: 'detached', timeout: 30_000 });
    await screenshot(admin, '24-admin-stuck-cases-after');
    await checkAccessibility(admin, 'stuck list, after');
    await me.getByTestId('complaints').getByText('已督促市场监管窗口当日办结，并向申请人致歉').waitFor();
    await me.locator('li[data-department="SAMR"][data-status="DONE"]').waitFor();
    await screenshot(me, '25-case-complaint-resolved');

    // The figures, with a CSV for the monthly report.
    await admin.goto(`${base}/admin/metrics`);
    await admin.getByTestId('metrics').waitFor();
    await screenshot(admin, '26-admin-metrics');
    await checkAccessibility(admin, 'metrics');
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByTestId('download-csv').click()]);
    const csv = fs.readFileSync((await download.path()) as string, 'utf8');
    // The page's language: Chinese headers and words, the machine keys beside them.
    expect(csv.split('\n')[0]).toBe('\uFEFF指标,项目,数值,metric,key');
    expect(csv).toContain('费用（元）,申请人支付,0.00,costs,applicant_paid');
    expectEveryPageChecked(browser);
  }, 240_000);
});
