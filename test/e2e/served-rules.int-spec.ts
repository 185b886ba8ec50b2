import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { sampleApplicationForm } from '@onetrip/domain';
import type { AppProcess } from '../../scripts/stack/app-process';
import { fieldPaths, newApplicant, signIn as signInApi } from '../api/api-fixtures';
import { uniqueEnterpriseName } from '../support/case-fixtures';
import { http } from '../support/http';
import { startApi, webOrigin } from '../support/test-stack';
import { checkAccessibility, expectEveryPageChecked, launchBrowser, signIn, type TestBrowser } from './browser';

// The page checks the form with the rules its API serves: an API set to another jurisdiction and other
// forbidden words makes its pages flag what the API refuses, field by field, while the default API's
// pages pass the same form.

const SETTINGS = { FORBIDDEN_NAME_WORDS: '湘土,中国,国家', JURISDICTION_DIVISION_CODE: '433122', JURISDICTION_NAME: '泸溪县' };

/** Opens the new-case page, fills in the example with `name`, and answers the paths the review lists. */
async function reviewWithName(page: Page, base: string, name: string): Promise<string[]> {
  await page.goto(`${base}/cases/new`);
  await page.getByTestId('fill-example').waitFor();
  await checkAccessibility(page, 'new case', { oncePerKind: true });
  await page.getByTestId('fill-example').click();
  await page.getByLabel('企业名称').fill(name);
  // Straight from the field with a problem to the parts' list (leaving the field must not lose the click).
  await page.getByRole('button', { name: /核对并提交/ }).click();
  await page.locator('#problem-summary, .notice--success').first().waitFor();
  return (await page.locator('#problem-summary li').evaluateAll((items) => items.map((item) => item.getAttribute('data-path') ?? ''))).sort();
}

describe('web pages: the form rules come from the API', () => {
  let browser: TestBrowser;
  let other: { url: string; app: AppProcess };

  beforeAll(async () => {
    [browser, other] = await Promise.all([launchBrowser(), startApi(SETTINGS, 'api-other-rules')]);
  }, 90_000);
  afterAll(async () => {
    await Promise.all([browser?.close(), other?.app.stop()]);
  }, 60_000);

  it('flags a configured forbidden word and jurisdiction as the API does, and not on the default API', async () => {
    const name = uniqueEnterpriseName().replace('吉首市', '吉首市湘土'); // 湘土 is forbidden on the other API only
    const password = 'correct-horse-battery';
    const username = `e2e-${randomUUID().slice(0, 8)}`;
    expect((await http('POST', '/auth/register', { baseUrl: other.url, body: { username, password, name: '吴九', mobile: '13312345678' } })).status).toBe(202);

    // The API set to 泸溪县 and 湘土: its page starts the address there and flags both, with its words.
    const page = await browser.newPage();
    await signIn(page, webOrigin(other.url), username, password);
    await page.waitForURL('**/cases');
    await checkAccessibility(page, 'my cases');
    await page.goto(`${webOrigin(other.url)}/cases/new`);
    expect(await page.locator('#f-company-address-divisionCode').inputValue()).toBe('433122');
    const flagged = await reviewWithName(page, webOrigin(other.url), name);
    expect(flagged).toEqual(['company.address.divisionCode', 'company.name']);
    await page.locator('#problem-summary').getByText('企业名称含有不得使用的字词：湘土。').waitFor();
    await page.locator('#problem-summary').getByText('注册地址须在泸溪县（433122）辖区内。').waitFor();
    await checkAccessibility(page, 'new case, review with problems');

    // The API's 400 for the same form names the same fields.
    const token = (await signInApi(username, password, other.url)).token;
    const answer = await http('POST', '/applications', { baseUrl: other.url, token, body: { ...sampleApplicationForm(), company: { ...sampleApplicationForm().company, name } } });
    expect(answer.status).toBe(400);
    expect([...new Set(fieldPaths(answer))].sort()).toEqual(flagged);

    // The default API's page passes the same form (its API would too, name register aside).
    const applicant = await newApplicant();
    const defaults = await browser.newPage();
    await signIn(defaults, webOrigin(), applicant.username, 'applicant-pass-1');
    await defaults.waitForURL('**/cases');
    expect(await reviewWithName(defaults, webOrigin(), name)).toEqual([]);
    await defaults.getByText('表单已通过检查，可以提交。').waitFor();
    await checkAccessibility(defaults, 'new case, review passed');
    expectEveryPageChecked(browser);
  }, 180_000);
});
