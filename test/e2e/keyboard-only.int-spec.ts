import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { sampleApplicationForm } from '@onetrip/domain';
import { uniqueEnterpriseName } from '../support/case-fixtures';
import { http } from '../support/http';
import { webOrigin } from '../support/test-stack';
import { checkAccessibility, expectEveryPageChecked, screenshot, useBrowser } from './browser';

// Through the pages with the keyboard only: Tab to a control, type, Enter. The page counts pointer
// events from the start, so a click slipped in would fail the test.

const COUNT_POINTER = `window.pointerEvents = 0;
  for (const type of ['mousedown', 'pointerdown', 'touchstart']) document.addEventListener(type, () => { window.pointerEvents += 1; }, true);`;

/** Presses Tab (or Shift+Tab) until the focused element matches `selector` (at most 80 times). */
async function tabTo(page: Page, selector: string, direction: 'forward' | 'back' = 'forward'): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press(direction === 'forward' ? 'Tab' : 'Shift+Tab');
    if ((await page.evaluate(`!!document.activeElement && document.activeElement.matches(${JSON.stringify(selector)})`)) as boolean) return;
  }
  throw new Error(`80 presses of Tab never reached ${selector}`);
}

describe('web pages with the keyboard only', () => {
  const opened = useBrowser();

  it('signs in and files a case to submitted with Tab, typing and Enter', async () => {
    const base = webOrigin();
    const { browser } = opened;
    const username = `kbd-${randomUUID().slice(0, 8)}`;
    const password = 'correct-horse-battery';
    expect((await http('POST', '/auth/register', { body: { username, password, name: '周八', mobile: '13512345678' } })).status).toBe(202);
    const enterprise = uniqueEnterpriseName();

    const page = await browser.newPage();
    await page.addInitScript({ content: COUNT_POINTER });
    await page.goto(`${base}/sign-in`);
    await page.locator('#f-username').waitFor();
    await checkAccessibility(page, 'sign-in');
    await tabTo(page, '#f-username');
    await page.keyboard.type(username);
    await tabTo(page, '#f-password');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/cases');
    await page.locator('main a[href="/cases/new"]').first().waitFor();
    await checkAccessibility(page, 'my cases');

    await tabTo(page, 'main a[href="/cases/new"]');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/cases/new');
    await page.locator('#f-company-name').waitFor();
    await checkAccessibility(page, 'new case');
    await tabTo(page, 'button[data-testid="fill-example"]');
    await page.keyboard.press('Enter');
    await page.getByText('已填入示例数据，请把企业名称改成您自己的。').first().waitFor();
    await tabTo(page, '#f-company-name');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(enterprise);

    // Enter in a field goes to the next part, as the 下一步 button does; the part's title takes focus.
    await page.keyboard.press('Enter');
    await page.locator('#f-legalRepresentative-idNumber').waitFor();
    await checkAccessibility(page, 'new case, legal representative');
    // The parts' list comes before the part: back to its last entry, the review.
    await tabTo(page, '.stepper li:last-child button', 'back');
    await page.keyboard.press('Enter');
    await page.getByText('表单已通过检查，可以提交。').waitFor();
    await checkAccessibility(page, 'new case, review');

    // Nothing of the people in the form is kept in the browser's storage.
    const sample = sampleApplicationForm();
    const personal = [sample.legalRepresentative.idNumber, sample.legalRepresentative.mobile, ...sample.shareholders.flatMap((s) => (s.idNumber ? [s.idNumber] : [])), ...sample.socialInsurance.employees.map((e) => e.idNumber)];
    const stored = (await page.evaluate('JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])')) as string;
    expect(stored).toContain(enterprise);
    expect(personal.filter((value) => stored.includes(value))).toEqual([]);

    await tabTo(page, 'button[data-testid="submit-application"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.locator('li[data-department="SAMR"][data-status="OPEN"]').waitFor();
    await page.getByText(enterprise).first().waitFor();
    await screenshot(page, '40-keyboard-only-submitted');
    await checkAccessibility(page, 'case');

    expect(await page.evaluate('window.pointerEvents')).toBe(0);
    expectEveryPageChecked(browser);
  }, 180_000);
});
