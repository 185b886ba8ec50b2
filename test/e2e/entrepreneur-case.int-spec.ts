import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { makeResidentId } from '@onetrip/domain';
import { uniqueEnterpriseName } from '../support/case-fixtures';
import { webOrigin } from '../support/test-stack';
import { checkAccessibility, expectEveryPageChecked, screenshot, signIn, useBrowser } from './browser';

// Through the pages, in Chromium: an entrepreneur registers and files the one form; five clerks
// complete it, the bank after returning it for a correction the entrepreneur makes in the page;
// the entrepreneur sees the one outcome and ¥0.00 to pay.

const PHONE = { width: 375, height: 812 };


/** A clerk opens the case's task from the inbox, claims it and decides. */
async function openTask(page: Page, base: string, clerk: string, caseId: string): Promise<void> {
  await signIn(page, base, clerk);
  const row = page.locator(`tr[data-case-id="${caseId}"]`);
  await row.waitFor();
  await checkAccessibility(page, 'inbox', { oncePerKind: true });
  await row.getByRole('link').click();
  await page.locator('.task-page').waitFor();
  await checkAccessibility(page, 'task', { oncePerKind: true });
}

async function completeTask(page: Page, base: string, clerk: string, caseId: string): Promise<void> {
  await openTask(page, base, clerk, caseId);
  await page.getByTestId('claim').click();
  await page.getByText('已认领。').first().waitFor();
  await page.getByTestId('complete').click();
  await page.locator('.task-page[data-task-status="DONE"]').waitFor();
}

describe('web pages: an entrepreneur files a case and five clerks complete it', () => {
  const opened = useBrowser();

  it('registers, files the form, corrects what the bank returned, and sees the outcome at ¥0.00', async () => {
    const base = webOrigin();
    const { browser } = opened;
    const username = `e2e-${randomUUID().slice(0, 8)}`;
    const enterprise = uniqueEnterpriseName();
    const founderId = makeResidentId('433101', '1988-08-08', 17);
    const me = await browser.newPage(PHONE);

    // Register (the start page sends a stranger to sign in).
    await me.goto(base);
    await me.waitForURL('**/sign-in');
    await screenshot(me, '01-sign-in');
    await checkAccessibility(me, 'sign-in');
    await me.getByRole('link', { name: '注册为申请人' }).click();
    await me.getByLabel('手机号码').waitFor();
    await checkAccessibility(me, 'register');
    await me.getByLabel('用户名').fill(username);
    // A common password is refused by the API, and the page says why next to the field.
    await me.getByLabel('密码').fill('12345678');
    await me.getByLabel('姓名').fill('王五');
    await me.getByLabel('手机号码').fill('13912345678');
    await me.getByRole('button', { name: '注册并登录' }).click();
    await me.getByText('这个密码太常见，容易被猜到，请换一个。').waitFor();
    await me.getByLabel('密码').fill('correct-horse-battery');
    await me.getByRole('button', { name: '注册并登录' }).click();
    await me.waitForURL('**/cases');
    await me.getByRole('link', { name: '申请开办企业' }).first().waitFor();
    await checkAccessibility(me, 'my cases');

    // The access token runs out (here: made invalid): the page trades the refresh token for a new pair
    // without sending the person back to sign in.
    const stored = async (): Promise<{ accessToken: string; refreshToken: string }> => JSON.parse(String(await me.evaluate("window.sessionStorage.getItem('onetrip.session') ?? '{}'")));
    const before = await stored();
    expect(before.refreshToken).toEqual(expect.any(String));
    await me.evaluate(`window.sessionStorage.setItem('onetrip.session', ${JSON.stringify(JSON.stringify({ ...before, accessToken: 'expired' }))})`);
    await me.reload();
    await me.getByText('还没有办件。').waitFor(); // the list came back from the API
    expect(new URL(me.url()).pathname).toBe('/cases');
    const after = await stored();
    expect(after.accessToken).not.toBe('expired');
    expect(after.refreshToken).not.toBe(before.refreshToken);

    // The guided form, part 1: company.
    await me.getByRole('link', { name: '申请开办企业' }).first().click();
    await me.waitForURL('**/cases/new');
    await me.getByLabel('企业名称').waitFor();
    await checkAccessibility(me, 'new case');
    await me.getByLabel('企业名称').fill(enterprise);
    await me.getByLabel('注册资本（元）').fill('500000.00');
    await me.getByLabel('经营范围').fill('软件开发\n信息技术咨询服务');
    await me.getByLabel('详细地址').fill('乾州街道世纪大道88号');
    await me.getByRole('button', { name: '下一步' }).click();

    // Part 2: a typo in the ID number is caught by the shared domain rule, next to the field.
    const idField = me.getByLabel('法定代表人身份证号码');
    await me.getByLabel('法定代表人姓名').fill('王五');
    await idField.fill(founderId.slice(0, 17) + (founderId[17] === '0' ? '1' : '0'));
    await me.getByLabel('法定代表人手机号码').fill('13912345678');
    await idField.blur();
    await me.getByText('身份证号码校验位不符，请检查是否输错。').waitFor();
    expect(await idField.getAttribute('aria-invalid')).toBe('true');
    await screenshot(me, '02-form-field-error');
    await checkAccessibility(me, 'new case, a field in error');
    await idField.fill(founderId);
    await me.getByText('身份证号码校验位不符，请检查是否输错。').waitFor({ state: 'detached' });

    // The draft is kept on this device without the personal data: no ID number, mobile or person's name
    // in localStorage or sessionStorage (the draft's own save is awaited first).
    await me.getByText(/草稿已保存在本设备/).waitFor();
    const storage = (await me.evaluate('JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])')) as string;
    expect(storage).toContain(enterprise); // the draft is there
    expect([founderId, '13912345678'].filter((value) => storage.includes(value))).toEqual([]);

    // The draft survives a reload, without them: they are typed again.
    await me.reload();
    await me.getByText('已恢复您上次未提交的草稿。姓名、身份证号码和手机号码不保存在本设备，请重新填写。').waitFor();
    expect(await me.getByLabel('法定代表人身份证号码').inputValue()).toBe('');
    await me.getByLabel('法定代表人姓名').fill('王五');
    await me.getByLabel('法定代表人身份证号码').fill(founderId);
    await me.getByLabel('法定代表人手机号码').fill('13912345678');
    await me.getByRole('button', { name: '下一步' }).click();

    // Part 3: one shareholder whose capital must add up to the registered capital.
    await me.getByLabel('名称或姓名').fill('王五');
    await me.getByLabel('身份证号码').fill(founderId);
    await me.getByLabel('认缴出资额（元）').fill('400000.00');
    await me.getByRole('button', { name: '下一步' }).click();
    await me.getByText('股东认缴合计 ¥400,000.00，与注册资本 ¥500,000.00 不一致。').first().waitFor();
    await screenshot(me, '03-form-capital-mismatch');
    await checkAccessibility(me, 'new case, shareholders');
    await me.getByLabel('认缴出资额（元）').fill('500000.00');
    await me.getByRole('button', { name: '下一步' }).click();

    // Seals, tax, social insurance: the defaults (four free seals, invoices and a UKey, no employees yet).
    await me.getByRole('heading', { name: /印章刻制/ }).waitFor();
    await me.getByRole('button', { name: '下一步' }).click();
    await me.getByRole('heading', { name: /税务/ }).waitFor();
    await me.getByRole('button', { name: '下一步' }).click();
    await me.getByRole('heading', { name: /社会保险/ }).waitFor();
    await me.getByRole('button', { name: '下一步' }).click();
    await me.getByLabel('开户银行').selectOption('ICBC');
    await me.getByLabel('开户网点').fill('吉首乾州支行');
    await me.getByRole('button', { name: '下一步' }).click();
    await me.getByLabel('邮寄地址').fill('吉首市人民北路1号');
    await me.getByRole('button', { name: '下一步' }).click();
    await me.getByText('表单已通过检查，可以提交。').waitFor();
    await screenshot(me, '04-form-review');
    await checkAccessibility(me, 'new case, review');
    const storedAtReview = (await me.evaluate('JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])')) as string;
    expect([founderId, '13912345678'].filter((value) => storedAtReview.includes(value))).toEqual([]);

    await me.getByTestId('submit-application').click();
    await me.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseId = new URL(me.url()).pathname.split('/').pop() as string;
    await me.locator('li[data-department="SAMR"][data-status="OPEN"]').waitFor();
    await screenshot(me, '05-case-submitted');
    await checkAccessibility(me, 'case');

    // The clerks, each in a tab of their own.
    const clerk = await browser.newPage();
    await openTask(clerk, base, 'clerk-samr', caseId);
    await clerk.getByText(enterprise).first().waitFor();
    await screenshot(clerk, '06-clerk-samr-task');
    await clerk.getByTestId('claim').click();
    await clerk.getByText('已认领。').first().waitFor();
    await clerk.getByTestId('complete').click();
    await clerk.locator('.task-page[data-task-status="DONE"]').waitFor();

    // After the licence, the four others are open at once; the entrepreneur's page shows it live.
    await me.locator('li[data-department="SAMR"][data-status="DONE"]').waitFor();
    for (const department of ['PSB', 'TAX', 'HRSS', 'BANK']) await me.locator(`li[data-department="${department}"][data-status="OPEN"]`).waitFor();
    await screenshot(me, '07-case-in-parallel');

    await signIn(clerk, base, 'clerk-psb');
    await clerk.locator(`tr[data-case-id="${caseId}"]`).waitFor();
    await screenshot(clerk, '08-clerk-psb-inbox');
    await completeTask(clerk, base, 'clerk-psb', caseId);
    await completeTask(clerk, base, 'clerk-tax', caseId);
    await completeTask(clerk, base, 'clerk-hrss', caseId);

    // The bank returns the branch for correction, with a reason.
    await openTask(clerk, base, 'clerk-bank', caseId);
    await clerk.getByTestId('claim').click();
    await clerk.getByText('已认领。').first().waitFor();
    await clerk.getByLabel('开户网点', { exact: true }).check();
    await clerk.getByLabel('“开户网点”的原因').fill('该网点不办理对公开户，请改选营业部');
    await screenshot(clerk, '09-clerk-bank-return');
    await clerk.getByTestId('return').click();
    // A return asks first, saying what will happen.
    await clerk.getByRole('alertdialog').getByRole('button', { name: '确认退回申请人补正' }).click();
    await clerk.locator('.task-page[data-task-status="RETURNED"]').waitFor();

    // One correction notice; only the flagged field can be changed.
    const notice = me.getByTestId('correction');
    await notice.waitFor();
    await notice.getByText('该网点不办理对公开户，请改选营业部').waitFor();
    const editable = notice.locator('input:not([disabled]), select:not([disabled]), textarea:not([disabled])');
    expect(await editable.count()).toBe(1);
    await screenshot(me, '10-correction-notice');
    await checkAccessibility(me, 'case, correction notice');
    await notice.getByLabel('开户网点').fill('吉首分行营业部');
    await notice.getByTestId('send-correction').click();
    await me.getByText('补正已提交，相关部门将重新审核。').first().waitFor();
    await me.locator('li[data-department="BANK"][data-status="OPEN"]').waitFor();

    // The bank completes with the account number (10–25 digits, checked in the page first).
    await openTask(clerk, base, 'clerk-bank', caseId);
    await clerk.getByTestId('claim').click();
    await clerk.getByLabel('账号').fill('12345');
    await clerk.getByTestId('complete').click();
    await clerk.getByText('请填写 10–25 位数字。').waitFor();
    // Typed in groups as printed on the bank's slip: the page shows what it will send (issue 17, item 9).
    await clerk.getByLabel('账号').fill('6222 0202 0011 2233 445');
    await clerk.getByText('将提交：6222020200112233445').waitFor();
    await screenshot(clerk, '11-clerk-bank-complete');
    await clerk.getByTestId('complete').click();
    await clerk.locator('.task-page[data-task-status="DONE"]').waitFor();

    // One outcome, ¥0.00 to pay, what the government and the bank paid instead.
    await me.locator('.case-page[data-status="COMPLETED"]').waitFor({ timeout: 60_000 });
    const outcome = me.getByTestId('outcome');
    await outcome.waitFor();
    expect(await outcome.getByText('6222020200112233445').count()).toBe(1);
    expect(await me.getByTestId('trips').innerText()).toBe('0 次');
    expect(await me.getByTestId('applicant-total').innerText()).toBe('¥0.00');
    expect(await me.getByTestId('borne-by-others').innerText()).not.toBe('¥0.00');
    await screenshot(me, '12-case-outcome-and-fees');
    await checkAccessibility(me, 'case, outcome');

    // The same page in English (the switch is named by what it shows).
    await me.getByRole('button', { name: 'English', exact: true }).click();
    await me.getByRole('heading', { name: 'Your results, all together' }).waitFor();
    await me.setViewportSize({ width: 1280, height: 900 });
    await screenshot(me, '13-case-outcome-english');
    await checkAccessibility(me, 'case, outcome, English');
    await me.getByRole('button', { name: '中文', exact: true }).click();
    expectEveryPageChecked(browser);
  }, 240_000);
});
