import type { Page } from 'playwright-core';
import { newApplicant } from '../api/api-fixtures';
import { startApi, webOrigin } from '../support/test-stack';
import { checkAccessibility, screenshot, signIn, useBrowser } from './browser';

// The enterprise opening's wizard (/cases/new) is laid out by its definition: the steps, their order,
// the fields' order and their labels come from the form schema the catalog serves (GET /api/processes).
// A changed copy of the definition, served in place of the stored one, changes the page with no code change.

type Schema = Record<string, unknown> & { properties: Record<string, Record<string, unknown>>; 'x-steps': { key: string; label: { zh: string; en: string }; fields: string[] }[] };
interface Catalog {
  items: { key: string; definition: { form: { schema: Schema } } }[];
}

/** The labels of the stepper, in order. */
const stepperLabels = (page: Page): Promise<string[]> => page.locator('.stepper .stepper-label').allInnerTexts();
/** The ids of the current step's inputs, in page order. */
const inputIds = (page: Page): Promise<string[]> => page.locator('section.part').locator('input, select, textarea').evaluateAll((nodes) => nodes.map((node) => node.id));

describe('web pages: the opening’s wizard from its definition', () => {
  const opened = useBrowser();

  it('shows the steps, order and labels of the definition it is served, and follows a changed copy', async () => {
    const base = webOrigin();
    const applicant = await newApplicant();
    const page = await opened.browser.newPage();
    await signIn(page, base, applicant.username, 'applicant-pass-1');
    await page.waitForURL('**/cases');

    // As shipped: eight steps and the review, the company first, its name first.
    await page.goto(`${base}/cases/new`);
    await page.getByLabel('企业名称').waitFor();
    expect(await stepperLabels(page)).toEqual(['企业信息', '法定代表人', '股东（投资人）', '印章刻制', '税务', '社会保险', '银行开户', '结果送达', '核对并提交']);
    expect((await inputIds(page)).slice(0, 3)).toEqual(['f-company-name', 'f-company-entityType', 'f-company-registeredCapital']);
    await checkAccessibility(page, 'new case', { oncePerKind: true });
    await screenshot(page, 'opening-wizard-01-as-shipped');

    // The same page served a changed copy: delivery first, seals and tax on one step, the name renamed and last.
    await page.route('**/api/processes', async (route) => {
      const response = await route.fetch();
      const catalog = (await response.json()) as Catalog;
      const opening = catalog.items.find((item) => item.key === 'enterprise-opening');
      if (!opening) throw new Error('the catalog has no enterprise-opening');
      const schema = opening.definition.form.schema;
      const steps = schema['x-steps'];
      const [delivery] = steps.splice(steps.findIndex((step) => step.key === 'delivery'), 1);
      steps.unshift(delivery);
      steps.splice(steps.findIndex((step) => step.key === 'seals'), 2, { key: 'sealsAndTax', label: { zh: '印章与税务', en: 'Seals and tax' }, fields: ['tax', 'seals'] });
      const company = schema.properties.company;
      (company.properties as Record<string, Record<string, unknown>>).name['x-label'] = { zh: '拟设企业名称', en: 'Proposed name' };
      company['x-order'] = ['entityType', 'registeredCapital', 'businessScope', 'address', 'name'];
      await route.fulfill({ response, json: catalog });
    });
    await page.evaluate('localStorage.clear()');
    await page.reload();
    await page.getByRole('heading', { name: /结果送达/ }).waitFor();
    expect(await stepperLabels(page)).toEqual(['结果送达', '企业信息', '法定代表人', '股东（投资人）', '印章与税务', '社会保险', '银行开户', '核对并提交']);
    await page.getByRole('button', { name: /企业信息/ }).click();
    await page.getByLabel('拟设企业名称').waitFor();
    expect(await page.getByLabel('企业名称', { exact: true }).count()).toBe(0);
    const ids = await inputIds(page);
    expect(ids[0]).toBe('f-company-entityType');
    expect(ids[ids.length - 1]).toBe('f-company-name');
    await page.getByRole('button', { name: /印章与税务/ }).click();
    await page.getByRole('group', { name: '纳税人类型' }).waitFor();
    await page.getByRole('group', { name: /刻制印章/ }).waitFor();
    await checkAccessibility(page, 'new case, a changed definition');
    await screenshot(page, 'opening-wizard-02-changed-definition');
  }, 120_000);

  it('keeps a draft safe: example data only in demo mode, discarding asks and can be undone, Back goes to the previous step', async () => {
    const base = webOrigin();
    const applicant = await newApplicant();
    const page = await opened.browser.newPage();
    await signIn(page, base, applicant.username, 'applicant-pass-1');
    await page.waitForURL('**/cases');
    await page.goto(`${base}/cases/new`);
    await page.getByLabel('企业名称').fill('吉首市试填科技有限公司');
    await page.getByLabel('注册资本（元）').fill('300000.00');

    // Discarding asks first; after it, one press brings everything back.
    await page.getByRole('button', { name: '清空草稿' }).click();
    expect(await page.getByLabel('企业名称').inputValue()).toBe('吉首市试填科技有限公司');
    await page.getByText('将清空已填写的全部内容，确定吗？').waitFor();
    await screenshot(page, 'opening-wizard-03-discard-asks');
    await checkAccessibility(page, 'new case, discard asks');
    await page.getByRole('button', { name: '确定清空' }).click();
    expect(await page.getByLabel('企业名称').inputValue()).toBe('');
    await page.getByRole('button', { name: '撤销' }).click();
    expect(await page.getByLabel('企业名称').inputValue()).toBe('吉首市试填科技有限公司');
    expect(await page.getByLabel('注册资本（元）').inputValue()).toBe('300000.00');

    // Each step is a history entry: the browser's Back returns to the previous step, still on the form.
    await page.getByRole('button', { name: /印章刻制/ }).click();
    await page.getByRole('heading', { name: /印章刻制/ }).waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: /税务/ }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: /印章刻制/ }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: /企业信息/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/cases/new');
    expect(await page.getByLabel('企业名称').inputValue()).toBe('吉首市试填科技有限公司');
    await screenshot(page, 'opening-wizard-04-back-to-first-step');

    // This stack runs in demo mode and offers the example; an API outside demo mode does not.
    await page.getByTestId('fill-example').waitFor();
    const live = await startApi({ DEMO_MODE: 'false' }, 'api-no-demo');
    try {
      const other = await opened.browser.newPage();
      await signIn(other, webOrigin(live.url), applicant.username, 'applicant-pass-1');
      await other.goto(`${webOrigin(live.url)}/cases/new`);
      await other.getByLabel('企业名称').waitFor();
      await other.getByRole('button', { name: '清空草稿' }).waitFor();
      expect(await other.getByRole('button', { name: '填入示例数据' }).count()).toBe(0);
      await screenshot(other, 'opening-wizard-05-no-example-outside-demo');
    } finally {
      await live.app.stop();
    }
  }, 120_000);

  it('takes amounts as people write them and explains the taxpayer types', async () => {
    const base = webOrigin();
    const applicant = await newApplicant();
    const page = await opened.browser.newPage();
    await signIn(page, base, applicant.username, 'applicant-pass-1');
    await page.waitForURL('**/cases');
    await page.goto(`${base}/cases/new`);
    const capital = page.getByLabel('注册资本（元）');
    await capital.fill('50万');
    await capital.blur();
    await page.getByText('已按 500000.00 元填写').waitFor();
    expect(await capital.inputValue()).toBe('500000.00');
    expect(await capital.getAttribute('aria-invalid')).toBeNull();
    await capital.fill('1,200,000');
    await capital.blur();
    expect(await capital.inputValue()).toBe('1200000.00');
    await screenshot(page, 'opening-wizard-06-amount-normalised');

    // The tax step says what the two taxpayer types mean.
    await page.getByRole('button', { name: /税务/ }).click();
    await page.getByText(/小规模纳税人：年应税销售额 500 万元以下/).waitFor();
    await checkAccessibility(page, 'new case, tax explained');
    await screenshot(page, 'opening-wizard-08-taxpayer-types-explained');
  }, 120_000);
});
