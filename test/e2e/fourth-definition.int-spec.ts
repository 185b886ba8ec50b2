import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { makeResidentId, pathsOverlap, sampleApplicationForm, type JsonSchema, type ProcessDefinition } from '@onetrip/domain';
import { ROOT } from '../../scripts/stack/app-process';
import { elementFields, fieldsOf, formParts, getAt, schemaAtPath, type FieldNode } from '../../web/src/engine/schema-form';
import { connectDatabase, uniqueEnterpriseName } from '../support/case-fixtures';
import { http } from '../support/http';
import { webOrigin } from '../support/test-stack';
import { checkAccessibility, DEMO_PASSWORD, expectEveryPageChecked, screenshot, signIn, useBrowser } from './browser';

// Issue 12's proof of generality in the pages: a fourth process from a fixture file alone. An admin
// uploads a broken copy and reads its problems next to the document, then uploads the real one and
// activates it; an applicant files a case through the generic wizard (fields from the definition's
// form schema); the clerks of each department complete their steps in the clerk pages, filling the
// outputs the step's schema asks for; the applicant sees the graph and the one outcome. Nothing here
// names a field, a step or a department of the fixture: the pages are driven by reading the file. The
// values typed come from the domain's sample of the opening form where the fixture's form shares its
// paths (its named rules are the opening's), else from each field's schema (type, format, limits, pattern).

const FIXTURE = path.join(ROOT, 'test/fixtures/processes/restaurant-opening.v1.json');
const PASSWORD = 'correct-horse-battery';

const fieldId = (p: string): string => `f-${p.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** A string matching a simple pattern: literals, and [0-9]/\\d/[A-Z] classes with a {n} count. */
function samplePattern(pattern: string): string {
  const body = pattern.replace(/^\^/, '').replace(/\$$/, '');
  let out = '';
  const token = /(\[0-9\]|\\d|\[A-Z\])(\{(\d+)\})?|([A-Za-z0-9\-])/g;
  for (let match = token.exec(body); match; match = token.exec(body)) {
    if (match[4]) out += match[4];
    else out += (match[1] === '[A-Z]' ? 'A' : '1').repeat(Number(match[3] ?? 1));
  }
  return out;
}

/** A valid value for a field of the schema, by its type, format, limits and pattern. */
function sampleScalar(schema: JsonSchema): string | number | boolean {
  if (Array.isArray(schema.enum)) return schema.enum[0] as string;
  if (typeof schema.pattern === 'string') return samplePattern(schema.pattern);
  if (schema.type === 'boolean') return false;
  if (schema.type === 'integer' || schema.type === 'number') return typeof schema.minimum === 'number' ? Math.max(schema.minimum, 1) : 1;
  switch (schema.format) {
    case 'resident-id':
      return makeResidentId('433101', '1988-05-17', 21);
    case 'mobile':
      return '13912345678';
    case 'money':
      return '100000.00';
    case 'division-code':
      return '433101';
    case 'date':
      return '2026-12-01';
    case 'uscc':
      return '91433101MA4QXXXX0X'.replace(/X/g, '1');
  }
  const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
  return '湘西测试'.padEnd(Math.max(min, 4), '测').slice(0, typeof schema.maxLength === 'number' ? schema.maxLength : 50);
}

/** Fills fields of a generic form in the page, by the ids the renderer gives each path: the sample's value, else one from the schema. */
async function fillFields(page: Page, root: JsonSchema, nodes: FieldNode[], sample: unknown): Promise<void> {
  for (const node of nodes) {
    const id = fieldId(node.path);
    const given = getAt(sample, node.path);
    switch (node.kind) {
      case 'section':
        await fillFields(page, root, node.fields, sample);
        break;
      case 'list': {
        const wanted = Array.isArray(given) ? given.length : Math.max(1, node.minItems);
        const label = node.label?.zh ?? node.name;
        // The page starts a list with the elements its schema requires; more are added with its button.
        for (let i = node.minItems; i < wanted; i++) await page.getByRole('button', { name: `添加${label}`, exact: true }).click();
        for (let i = 0; i < wanted; i++) await fillFields(page, root, elementFields(node, root, i), sample);
        break;
      }
      case 'choice': {
        const value = typeof given === 'string' ? given : node.options[0].value;
        if (node.widget === 'radio') await page.locator(`#${id}-${value}`).check();
        else await page.locator(`#${id}`).selectOption(value);
        break;
      }
      case 'choices':
        for (const value of Array.isArray(given) ? (given as string[]) : [node.options[0].value]) await page.locator(`#${id}-${value}`).check();
        break;
      case 'checkbox':
        await page.locator(`#${id}`).setChecked(given === true);
        break;
      case 'text': {
        if (given === undefined && !node.required) break;
        const value = String(given ?? sampleScalar(schemaAtPath(root, node.path) ?? {}));
        const field = page.locator(`#${id}`);
        // A widget registered by format may show a text field as a list (the division picker).
        if ((await field.evaluate((element) => element.tagName)) === 'SELECT') await field.selectOption(value);
        else await field.fill(value);
        break;
      }
    }
  }
}

/**
 * What a person must never read on a page of this process (issues 12 and 17 §3): its form paths, its
 * outputs' keys, its enum values and its department codes. Read from the file, like everything here.
 */
function rawCodes(definition: ProcessDefinition): string[] {
  const codes = new Set<string>(definition.departments.map((department) => department.code));
  const walk = (schema: JsonSchema, path: string, outputs: boolean): void => {
    if (Array.isArray(schema.enum)) for (const value of schema.enum) if (typeof value === 'string') codes.add(value);
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const [key, child] of Object.entries(properties)) {
      const childPath = path === '' ? key : `${path}.${key}`;
      // A dotted form path, or an output's key (camelCase words: `permitNumber`).
      if (path !== '' || (outputs && /[a-z][A-Z]/.test(key))) codes.add(childPath);
      walk(child, childPath, outputs);
    }
    if (schema.items && typeof schema.items === 'object') walk(schema.items as JsonSchema, `${path}[]`, outputs);
  };
  walk(definition.form.schema, '', false);
  for (const step of definition.steps) walk(step.outputs, '', true);
  return [...codes];
}

const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The raw strings a page shows (none expected): codes of the process, ISO times, bare booleans, minutes as "up to N min". */
async function rawOnPage(page: Page, codes: readonly string[]): Promise<string[]> {
  const text = await page.locator('main').innerText();
  const found = codes.filter((code) => text.includes(code));
  const patterns = [ISO_TIME, /\btrue\b|\bfalse\b/, /up to \d+ min/, /\bdue \d{4}/, /\b(RETURN|COMPLETE|REJECT) \(/];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) found.push(match[0]);
  }
  return found;
}

/** Every return checkbox is labelled in words, never by its form path. */
async function returnLabels(page: Page): Promise<{ field: string; label: string }[]> {
  const boxes = page.locator('input[type="checkbox"][data-field]');
  const found: { field: string; label: string }[] = [];
  for (const box of await boxes.all()) {
    const id = (await box.getAttribute('id')) ?? '';
    found.push({ field: (await box.getAttribute('data-field')) ?? '', label: (await page.locator(`label[for="${id}"]`).textContent()) ?? '' });
  }
  return found;
}

function topological(definition: ProcessDefinition): string[] {
  const done: string[] = [];
  while (done.length < definition.steps.length) {
    for (const step of definition.steps) if (!done.includes(step.id) && step.dependsOn.every((d) => done.includes(d))) done.push(step.id);
  }
  return done;
}

describe('web pages: a fourth process from a fixture file alone', () => {
  const opened = useBrowser();

  it('is uploaded and activated by an admin, filed by an applicant, decided by its clerks, and shown as a graph with one outcome', async () => {
    const base = webOrigin();
    const { browser } = opened;
    const text = fs.readFileSync(FIXTURE, 'utf8');
    const definition = JSON.parse(text) as ProcessDefinition;
    const codes = rawCodes(definition);
    const openingForm = sampleApplicationForm();
    const seen: { page: string; raw: string[] }[] = [];
    // A new version of the fixture's key, so the run does not depend on what an earlier test stored.
    const version = 1000 + Math.floor(Math.random() * 100_000);
    const document: ProcessDefinition = { ...definition, version };
    const name = definition.name.zh;

    // The admin: a broken copy (a step after one that does not exist) shows its problems by JSON path.
    const admin = await browser.newPage();
    await signIn(admin, base, 'admin', DEMO_PASSWORD);
    await admin.locator('main h1').waitFor();
    await checkAccessibility(admin, 'admin start', { oncePerKind: true });
    await admin.getByRole('link', { name: '流程定义' }).click();
    await admin.getByTestId('process-definitions').waitFor();
    await checkAccessibility(admin, 'process definitions');
    const broken = { ...document, steps: document.steps.map((step, i) => (i === document.steps.length - 1 ? { ...step, dependsOn: [...step.dependsOn, 'no-such-step'] } : step)) };
    await admin.getByLabel('定义文档（JSON）').fill(JSON.stringify(broken, null, 2));
    await admin.getByTestId('upload-definition').click();
    const problems = admin.getByTestId('definition-problems');
    await problems.waitFor();
    const brokenPath = `$.steps[${document.steps.length - 1}].dependsOn[${broken.steps[document.steps.length - 1].dependsOn.length - 1}]`;
    await problems.locator(`tr[data-path="${brokenPath}"]`).waitFor();
    await screenshot(admin, 'fourth-01-admin-problems');
    await checkAccessibility(admin, 'process definitions, problems');

    // The real document: stored as a draft, viewed (graph, steps, form preview), activated.
    await admin.getByLabel('定义文档（JSON）').fill(JSON.stringify(document, null, 2));
    await admin.getByTestId('upload-definition').click();
    await admin.waitForURL(`**/admin/processes/${definition.key}/versions/${version}`);
    await admin.locator('.process-version[data-status="DRAFT"]').waitFor();
    await admin.getByTestId('process-graph').waitFor();
    for (const step of definition.steps) await admin.locator(`g[data-step="${step.id}"]`).waitFor();
    await admin.getByTestId('form-preview').waitFor();
    await checkAccessibility(admin, 'process version');
    await admin.getByTestId('activate-definition').click();
    await admin.locator('.process-version[data-status="ACTIVE"]').waitFor();
    await admin.getByText('已启用；之前生效的版本已停用。').first().waitFor();
    await screenshot(admin, 'fourth-02-admin-activated');

    // Clerks of the departments the definition declares (the demo users cover the opening's only).
    const users = await connectDatabase();
    const clerks = new Map<string, string>();
    try {
      for (const department of definition.departments) {
        const username = `c-${department.code.toLowerCase().replace(/[^a-z0-9]/g, '')}-${randomUUID().slice(0, 6)}`;
        expect((await http('POST', '/auth/register', { body: { username, password: PASSWORD, name: '窗口', mobile: '13712345678' } })).status).toBe(202);
        await users.query(`UPDATE users SET role = 'CLERK', department = $2 WHERE username = $1`, [username, department.code]);
        clerks.set(department.code, username);
      }
    } finally {
      await users.end();
    }

    // The applicant files through the generic wizard: parts and fields from the definition's form schema.
    const applicant = `r-${randomUUID().slice(0, 8)}`;
    expect((await http('POST', '/auth/register', { body: { username: applicant, password: PASSWORD, name: '赵六', mobile: '13612345678' } })).status).toBe(202);
    const me = await browser.newPage();
    // A script error in the page fails the test with its message (the renderer meets a form it has never seen).
    const pageErrors: string[] = [];
    me.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(me, base, applicant, PASSWORD);
    await me.getByText('还没有办件。').waitFor();
    await checkAccessibility(me, 'my cases', { oncePerKind: true });
    await me.getByRole('link', { name: '办理其他事项' }).click();
    await me.getByTestId('process-catalog').waitFor();
    await checkAccessibility(me, 'process catalog');
    await me.locator(`li[data-process="${definition.key}"] a`).click();
    await me.locator(`form[data-process="${definition.key}"]`).waitFor();
    await checkAccessibility(me, 'generic wizard');
    await screenshot(me, 'fourth-03-applicant-wizard');
    expect(pageErrors).toEqual([]);
    const schema = definition.form.schema;
    const parts = formParts(schema);
    const sample = { ...sampleApplicationForm(), company: { ...sampleApplicationForm().company, name: uniqueEnterpriseName() } };
    for (const part of parts) {
      await fillFields(me, schema, part.fields, sample);
      await me.getByRole('button', { name: '下一步' }).click();
    }
    await me.getByText('表单已通过检查，可以提交。').waitFor();
    await checkAccessibility(me, 'generic wizard, review');
    await screenshot(me, 'fourth-03-applicant-review');
    await me.getByTestId('submit-application').click();
    await me.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseId = new URL(me.url()).pathname.split('/').pop() as string;
    await me.locator('[data-testid="process-graph"] svg').waitFor();
    await checkAccessibility(me, 'case, graph');

    const db = await connectDatabase();
    // Ended at the end; if an assertion fails first, the stack's shutdown must not crash the runner through it.
    db.on('error', () => undefined);
    const modeOf = async (id: string, stepId: string): Promise<string | undefined> =>
      (await db.query<{ mode: string }>(`SELECT mode FROM tasks WHERE case_id = $1 AND step_id = $2 ORDER BY round DESC LIMIT 1`, [id, stepId])).rows[0]?.mode;
    // Each step in dependency order: wait until it opens (an AUTO step or a skipped one decides itself), then its clerk completes it.
    const clerk = await browser.newPage();
    /** The step's clerk (signed in already, or now) opens the case's task from the inbox and claims it. */
    const openAndClaim = async (stepId: string, department: string, signedIn = false): Promise<void> => {
      if (signedIn) await clerk.goto(`${base}/inbox`);
      else await signIn(clerk, base, clerks.get(department) as string, PASSWORD);
      const row = clerk.locator(`tr[data-case-id="${caseId}"]`);
      await row.waitFor();
      await checkAccessibility(clerk, 'inbox', { oncePerKind: true });
      await row.getByRole('link').click();
      await clerk.locator('.task-page').waitFor();
      await checkAccessibility(clerk, `task ${stepId}`, { oncePerKind: true });
      await clerk.getByTestId('claim').click();
      await clerk.getByText('已认领。').first().waitFor();
      // The decisions show once the page has the task as this clerk's claim.
      await clerk.getByTestId('complete').waitFor();
    };
    const order = topological(definition);
    let corrected = false;
    for (const stepId of order) {
      const step = definition.steps.find((s) => s.id === stepId) as ProcessDefinition['steps'][number];
      const node = `[data-testid="process-graph"] g[data-step="${stepId}"]`;
      await me.locator(`${node}:not([data-status="PENDING"])`).waitFor({ timeout: 60_000 });
      // An AUTO step decides by itself, unless its rules hand it to a person (e.g. a filer whose identity is not
      // verified): then it stays open for its department's clerk like any MANUAL step.
      // The mode this case runs the step in counts (the policy may override the definition's; the tests run MANUAL).
      const decided = me.locator(`${node}[data-status="DONE"], ${node}[data-status="SKIPPED"]`);
      if ((await modeOf(caseId, stepId)) === 'AUTO') await decided.waitFor({ timeout: 15_000 }).catch(() => undefined);
      const status = await me.locator(node).getAttribute('data-status');
      if (status !== 'OPEN' && status !== 'CLAIMED') continue;
      await screenshot(me, `fourth-04-applicant-${stepId}-open`);
      await openAndClaim(stepId, step.department);
      if (stepId === order[order.length - 1]) {
        // The last step (every other one decided, so its return is the one notice at once) sends back a choice
        // only it reads; the applicant corrects it in the case page, rendered from the definition's form schema.
        const reads = (other: ProcessDefinition['steps'][number], field: string) => other.reads.some((read) => pathsOverlap(read, field));
        const candidate = (await returnLabels(clerk)).find(({ field }) => {
          const own = schemaAtPath(definition.form.schema, field);
          return (Array.isArray(own?.enum) || own?.type === 'boolean') && !definition.steps.some((other) => other.id !== stepId && reads(other, field));
        });
        expect(candidate).toBeDefined();
        const { field, label } = candidate as { field: string; label: string };
        await clerk.getByLabel(label, { exact: true }).check();
        await clerk.getByLabel(`“${label}”的原因`).fill('请按实际情况重新选择');
        await clerk.getByTestId('return').click();
        // A return asks first, saying what will happen (issue 17).
        await clerk.getByRole('alertdialog').getByRole('button', { name: '确认退回申请人补正' }).click();
        await clerk.locator('.task-page[data-task-status="RETURNED"]').waitFor();
        const notice = me.getByTestId('correction');
        await notice.getByText('请按实际情况重新选择').waitFor({ timeout: 30_000 });
        // Only the flagged field is there to change.
        const editable = notice.locator('input:not([disabled]), select:not([disabled]), textarea:not([disabled])');
        expect(await editable.count()).toBeGreaterThan(0);
        for (const id of await editable.evaluateAll((inputs) => inputs.map((input) => input.id))) expect(id.startsWith(fieldId(field))).toBe(true);
        await screenshot(me, 'fourth-04b-applicant-correction');
        seen.push({ page: 'case, correction notice', raw: await rawOnPage(me, codes) });
        const own = schemaAtPath(definition.form.schema, field) as JsonSchema;
        const current = getAt(sample, field);
        if (Array.isArray(own.enum)) await notice.locator(`#${fieldId(field)}-${String(own.enum.find((value) => value !== current))}`).check();
        else await notice.locator(`#${fieldId(field)}`).setChecked(current !== true);
        await notice.getByTestId('send-correction').click();
        await me.getByText('补正已提交，相关部门将重新审核。').first().waitFor();
        // Only the step that reads it opens again (a new round); the others stay done.
        await me.locator(`${node}[data-status="OPEN"]`).waitFor({ timeout: 30_000 });
        for (const other of order.filter((id) => id !== stepId)) expect(['DONE', 'SKIPPED']).toContain(await me.locator(`[data-testid="process-graph"] g[data-step="${other}"]`).getAttribute('data-status'));
        corrected = true;
        await openAndClaim(stepId, step.department, true);
      }
      // The task in words: no path, code or enum value of the process on it; each return checkbox by its label.
      await screenshot(clerk, `fourth-05-clerk-${stepId}-task`);
      seen.push({ page: `task ${stepId}`, raw: await rawOnPage(clerk, codes) });
      const labels = await returnLabels(clerk);
      expect(labels.length).toBeGreaterThan(0);
      for (const { field, label } of labels) {
        // Never the path itself; a field of the fixture's own part (not the opening's form it shares) by the fixture's word for it.
        const own = schemaAtPath(definition.form.schema, field)?.['x-label'] as { zh: string } | undefined;
        const words = !/^$|[A-Za-z][A-Za-z0-9]*(\.|\[\d+\])/.test(label) && (!own || field.split(/[.[]/)[0] in openingForm || label.includes(own.zh));
        if (!words) seen.push({ page: `task ${stepId}, return checkbox`, raw: [label] });
      }
      const outputs = clerk.getByTestId('outputs-form');
      if (await outputs.count()) {
        // A review fills what its output schema asks; an empty submit first shows what is missing.
        const outputSchema = step.outputs;
        const required = Array.isArray(outputSchema.required) ? outputSchema.required : [];
        if (required.length > 0) {
          await clerk.getByTestId('complete').click();
          await outputs.locator('.field-errors').first().waitFor();
        }
        await fillFields(clerk, outputSchema, fieldsOf(outputSchema, outputSchema), {});
        await checkAccessibility(clerk, `task ${stepId}, outputs`);
        await screenshot(clerk, `fourth-05-clerk-${stepId}`);
      }
      await clerk.getByTestId('complete').click();
      await clerk.locator('.task-page[data-task-status="DONE"]').waitFor();
      // What the step issued, in words (17 §3: no `taxpayerType SMALL_SCALE`, `invoicesApproved true`).
      if (step.kind !== 'review' || stepId === 'FOOD') await screenshot(clerk, `fourth-07-clerk-${stepId}-done`);
      seen.push({ page: `task ${stepId}, decided`, raw: await rawOnPage(clerk, codes) });
      await me.locator(`${node}[data-status="DONE"]`).waitFor({ timeout: 30_000 });
    }

    expect(corrected).toBe(true);
    // The applicant: the case completed, every node done or not needed, the outcome from the definition's fields.
    await me.locator('.case-page[data-status="COMPLETED"]').waitFor({ timeout: 60_000 });
    for (const step of definition.steps) {
      expect(['DONE', 'SKIPPED']).toContain(await me.locator(`[data-testid="process-graph"] g[data-step="${step.id}"]`).getAttribute('data-status'));
    }
    const outcome = me.getByTestId('outcome');
    await outcome.waitFor();
    for (const field of Object.keys(definition.outcome.fields).filter((f) => f !== 'delivery')) await outcome.locator(`[data-field="${field}"]`).waitFor();
    expect(await me.locator('svg[role="img"] title').first().textContent()).toContain(name);
    await screenshot(me, 'fourth-06-applicant-outcome');
    await checkAccessibility(me, 'case, outcome');
    seen.push({ page: 'case', raw: await rawOnPage(me, codes) });

    // The admin's case detail: steps, tasks and the timeline in words (17 §3: no `due 2026-…Z`, "up to 847 min").
    await admin.goto(`${base}/admin/cases/${caseId}`);
    await admin.getByTestId('timeline').locator('li').first().waitFor();
    await screenshot(admin, 'fourth-08-admin-case');
    await checkAccessibility(admin, 'admin case');
    seen.push({ page: 'admin case', raw: await rawOnPage(admin, codes) });
    // Every page in words: the raw strings each page showed, all at once (none expected).
    expect(seen.filter((entry) => entry.raw.length > 0)).toEqual([]);
    expectEveryPageChecked(browser);
    await db.end();
  }, 300_000);
});
