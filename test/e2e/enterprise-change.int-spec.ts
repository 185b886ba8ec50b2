import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Department } from '@onetrip/domain';
import { waitFor } from '../../scripts/stack/wait-for';
import { signIn as signInApi, type SignedIn } from '../api/api-fixtures';
import { connectDatabase, sampleForm, uniqueEnterpriseName } from '../support/case-fixtures';
import { http } from '../support/http';
import { webOrigin } from '../support/test-stack';
import { checkAccessibility, expectEveryPageChecked, screenshot, signIn, useBrowser } from './browser';

// Through the pages, in Chromium: an applicant's "my enterprises" → the enterprise → a name change filed
// through the definition's wizard → the outcome once the departments are done (by HTTP, as their clerks);
// then a window clerk finds the enterprise by its USCC and files a change for the applicant.

const PASSWORD = 'correct-horse-battery';
const DEPARTMENTS: Department[] = ['SAMR', 'PSB', 'TAX', 'HRSS', 'BANK'];

describe('web pages: the register of enterprises and the enterprise change', () => {
  const opened = useBrowser();
  const username = `e2e-ent-${randomUUID().slice(0, 8)}`;
  const opening = sampleForm();
  let token = '';
  let uscc = '';
  const clerks = new Map<string, SignedIn>();

  const completeAll = async (caseId: string, steps: string[]) => {
    const db = await connectDatabase();
    try {
      for (const stepId of steps) {
        const task = await waitFor(`${stepId} of ${caseId}`, async () => {
          const found = await db.query(`SELECT id, department FROM tasks WHERE case_id = $1 AND step_id = $2 AND status IN ('OPEN', 'CLAIMED')`, [caseId, stepId]);
          return found.rows[0] as { id: string; department: string } | undefined;
        }, { timeoutMs: 30_000 });
        const answer = await http('POST', `/tasks/${task.id}/complete`, { token: clerks.get(task.department)!.token, body: {} });
        expect(answer.status).toBe(200);
      }
    } finally {
      await db.end();
    }
  };

  /** Fills the change wizard: the representative's ID number, then the changes, then delivery; submits it. */
  async function fileChange(page: Page, changes: (page: Page) => Promise<void>): Promise<string> {
    await page.locator('form[data-process="enterprise-change"]').waitFor();
    expect(await page.locator('#f-enterprise-uscc').inputValue()).toBe(uscc);
    await page.locator('#f-enterprise-legalRepresentativeIdNumber').fill(opening.legalRepresentative.idNumber);
    await page.getByRole('button', { name: '下一步' }).click();
    await changes(page);
    await page.getByRole('button', { name: '下一步' }).click();
    const radio = page.locator('#f-delivery-method-WINDOW_PICKUP');
    if ((await radio.count()) > 0) await radio.check();
    else await page.locator('#f-delivery-method').selectOption('WINDOW_PICKUP');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('表单已通过检查，可以提交。').waitFor();
    await checkAccessibility(page, 'change wizard, review', { oncePerKind: true });
    await page.getByTestId('submit-application').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    return new URL(page.url()).pathname.split('/').pop() as string;
  }

  beforeAll(async () => {
    const registered = await http('POST', '/auth/register', { body: { username, password: PASSWORD, name: '张三', mobile: '13612345678' } });
    expect(registered.status).toBe(202);
    token = (await signInApi(username, PASSWORD)).token;
    for (const department of DEPARTMENTS) clerks.set(department, await signInApi(`clerk-${department.toLowerCase()}`));
    // The enterprise: an opening completed by the departments' clerks.
    const filed = await http<{ id: string }>('POST', '/applications', { token, body: opening });
    expect(filed.status).toBe(201);
    const db = await connectDatabase();
    try {
      for (const department of DEPARTMENTS) {
        const task = await waitFor(`${department} task`, async () => {
          const found = await db.query(`SELECT id FROM tasks WHERE case_id = $1 AND department = $2 AND status IN ('OPEN', 'CLAIMED')`, [filed.body.id, department]);
          return found.rows[0] as { id: string } | undefined;
        }, { timeoutMs: 30_000 });
        const body = department === 'BANK' ? { outputs: { accountNumber: '6222020200112233445' } } : {};
        expect((await http('POST', `/tasks/${task.id}/complete`, { token: clerks.get(department)!.token, body })).status).toBe(200);
      }
    } finally {
      await db.end();
    }
    const mine = await waitFor('the enterprise in the register', async () => {
      const found = await http<{ items: { uscc: string }[] }>('GET', '/enterprises', { token });
      return found.body.items[0];
    }, { timeoutMs: 30_000 });
    uscc = mine.uscc;
  }, 180_000);

  it('my enterprises → the enterprise → a name change → its outcome, and the register shows the new name', async () => {
    const base = webOrigin();
    const page = await opened.browser.newPage();
    await signIn(page, base, username, PASSWORD);
    await page.getByRole('link', { name: '我的企业' }).first().waitFor();
    await checkAccessibility(page, 'applicant start page', { oncePerKind: true });
    await page.getByRole('link', { name: '我的企业' }).first().click();
    await page.getByRole('link', { name: opening.company.name }).waitFor();
    await checkAccessibility(page, 'my enterprises');
    await screenshot(page, 'enterprise-01-my-enterprises');
    await page.getByRole('link', { name: opening.company.name }).click();
    await page.getByTestId('enterprise-history').waitFor();
    await checkAccessibility(page, 'enterprise');
    await screenshot(page, 'enterprise-02-enterprise');

    await page.getByTestId('file-change').click();
    const newName = uniqueEnterpriseName();
    const caseId = await fileChange(page, async (wizard) => {
      await wizard.locator('#f-changes-name').fill(newName);
    });
    await checkAccessibility(page, 'change case', { oncePerKind: true });
    await completeAll(caseId, DEPARTMENTS);
    await page.locator('.case-page[data-status="COMPLETED"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('outcome').waitFor();
    await checkAccessibility(page, 'change case, outcome');
    await screenshot(page, 'enterprise-03-change-outcome');

    await page.goto(`${base}/enterprises`);
    await page.getByRole('link', { name: newName }).click();
    await page.getByTestId('enterprise-history').getByText('信息变更').waitFor();
    expect(await page.getByTestId('enterprise-status').textContent()).toBe('存续');
    await screenshot(page, 'enterprise-04-enterprise-changed');
    expectEveryPageChecked(opened.browser);
    await page.close();
  }, 240_000);

  it('a window clerk finds the enterprise by its USCC and files a change for the applicant', async () => {
    const base = webOrigin();
    const page = await opened.browser.newPage();
    await signIn(page, base, 'window');
    await page.getByRole('link', { name: '查询企业' }).first().waitFor();
    await checkAccessibility(page, 'window start page', { oncePerKind: true });
    await page.getByRole('link', { name: '查询企业' }).first().click();
    await page.getByLabel('统一社会信用代码').fill(uscc);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('enterprise-list').waitFor();
    await checkAccessibility(page, 'find an enterprise');
    await screenshot(page, 'enterprise-05-window-find');
    await page.getByTestId('enterprise-list').getByRole('link').first().click();
    await page.getByTestId('file-change').click();
    await page.getByLabel('申请人用户名').fill(username);
    const caseId = await fileChange(page, async (wizard) => {
      await wizard.locator('#f-changes-businessScope-0-').fill('软件开发、信息技术咨询服务');
    });
    await screenshot(page, 'enterprise-06-window-filed-change');
    // Filed for the applicant: it is their case, and the enterprise is in its change.
    const theirs = await http<{ id: string; status: string }>('GET', `/applications/${caseId}`, { token });
    expect(theirs.status).toBe(200);
    const enterprise = await http<{ items: { status: string }[] }>('GET', '/enterprises', { token });
    expect(enterprise.body.items[0].status).toBe('CHANGING');
    expectEveryPageChecked(opened.browser);
    await page.close();
  }, 180_000);
});
