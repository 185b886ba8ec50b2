import { randomUUID } from 'node:crypto';
import { uniqueEnterpriseName } from '../support/case-fixtures';
import { http } from '../support/http';
import { webOrigin } from '../support/test-stack';
import { checkAccessibility, expectEveryPageChecked, screenshot, signIn, useBrowser } from './browser';

// Through the pages, in Chromium: the window clerk (综合窗口, 帮代办) files the one form for an
// applicant at the counter; a wrong username comes back from the server next to its field.

describe('web pages: the window clerk files for an applicant at the counter', () => {
  const opened = useBrowser();

  it('files on behalf of a registered applicant and lists the case', async () => {
    const base = webOrigin();
    const { browser } = opened;
    const applicant = `e2e-${randomUUID().slice(0, 8)}`;
    const registered = await http('POST', '/auth/register', { body: { username: applicant, password: 'correct-horse-battery', name: '孙七', mobile: '13612345678' } });
    expect(registered.status).toBe(202);
    const enterprise = uniqueEnterpriseName();

    const page = await browser.newPage();
    await signIn(page, base, 'window');
    await page.waitForURL('**/window');
    await page.getByRole('link', { name: '帮代办申报' }).first().waitFor();
    await checkAccessibility(page, 'window: cases filed');
    await page.getByRole('link', { name: '帮代办申报' }).first().click();
    await page.getByRole('button', { name: '填入示例数据' }).waitFor();
    await checkAccessibility(page, 'window: new case');
    await page.getByRole('button', { name: '填入示例数据' }).click();
    await page.getByLabel('企业名称').fill(enterprise);

    // A username nobody registered: the server's 400 is shown next to the field, in the page's language.
    await page.getByLabel('申请人用户名').fill(`${applicant}-nobody`);
    await page.getByRole('button', { name: /核对并提交/ }).click();
    await page.getByTestId('submit-application').click();
    await page.locator('#f-onBehalfOf-err').getByText('没有这个申请人账号：请申请人先注册，或核对用户名。').waitFor();
    await screenshot(page, '30-window-unknown-applicant');
    await checkAccessibility(page, 'window: the server refused a field');

    await page.getByLabel('申请人用户名').fill(applicant);
    await page.getByTestId('submit-application').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseId = new URL(page.url()).pathname.split('/').pop() as string;
    await page.locator('li[data-department="SAMR"][data-status="OPEN"]').waitFor();
    await checkAccessibility(page, 'case');

    await page.getByRole('link', { name: '代办件' }).first().click();
    await page.getByRole('link', { name: enterprise }).waitFor();
    await screenshot(page, '31-window-cases-filed');
    await checkAccessibility(page, 'window: cases filed, with the new one');
    expectEveryPageChecked(browser);

    // The applicant sees the case as their own.
    const token = await http<{ accessToken: string }>('POST', '/auth/token', { body: { username: applicant, password: 'correct-horse-battery' } });
    const mine = await http<{ items: { id: string }[] }>('GET', '/applications', { token: token.body.accessToken });
    expect(mine.body.items.map((item) => item.id)).toContain(caseId);
  }, 240_000);
});
