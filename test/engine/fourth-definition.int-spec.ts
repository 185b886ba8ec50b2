import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Client as PgClient } from 'pg';
import type { Department, ProcessDefinition } from '@onetrip/domain';
import { waitFor } from '../../scripts/stack/wait-for';
import { fieldPaths, newApplicant, newClerk, signIn, type SignedIn } from '../api/api-fixtures';
import { connectDatabase, sampleForm } from '../support/case-fixtures';
import { http } from '../support/http';

// The proof of generality, over HTTP on the real API, worker, PostgreSQL and Temporal: a fourth process
// (a restaurant opening: the licence, then a food-permit review and a fire-safety review beside the tax
// step) is loaded from its fixture file alone, uploaded and activated by an admin, and a case runs through
// it with the guarantees of the opening: one notice, only the affected step redone, one outcome, zero fees.
// No code in this repository names it.

const FIXTURE = path.resolve(__dirname, '../fixtures/processes/restaurant-opening.v1.json');

interface StepView {
  stepId: string;
  department: string;
  name: { zh: string; en: string };
  dependsOn: string[];
  status: string;
  round?: number;
}
interface CaseView {
  id: string;
  status: string;
  process: { key: string; version: number; name: { zh: string; en: string } };
  steps: StepView[];
  correction?: { round: number; items: { department: string; field: string; reason: string }[] };
  outcome?: Record<string, unknown>;
  fees: { items: { code: string; payer: string; amount: string }[]; applicantTotal: string };
}
interface TaskView {
  id: string;
  stepId: string;
  kind: string;
  stepName: { zh: string; en: string };
  outputSchema: { required?: string[]; properties?: Record<string, unknown> };
  form: Record<string, unknown>;
}

/** The fixture as a document, under a key of this run's own (the file's key with a suffix), at `version`. */
function restaurantDocument(key: string, version = 1, change: (definition: ProcessDefinition) => ProcessDefinition = (definition) => definition): ProcessDefinition {
  const document = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as ProcessDefinition;
  return change({ ...document, key, version });
}

/** A restaurant's form: the enterprise part as for the opening, plus the restaurant. */
function restaurantForm(restaurant: { seats: number; floorArea: number }): Record<string, unknown> {
  return { ...sampleForm(), restaurant: { ...restaurant, kitchenArea: 30, foodCategories: ['HOT_FOOD', 'BEVERAGES'] } };
}

describe('a fourth definition, from its file alone, over HTTP', () => {
  let db: PgClient;
  let admin: SignedIn;
  let applicant: SignedIn;
  const clerks = new Map<string, SignedIn>();

  beforeAll(async () => {
    db = await connectDatabase();
    [admin, applicant] = await Promise.all([signIn('admin'), newApplicant()]);
    clerks.set('SAMR', await signIn('clerk-samr'));
    clerks.set('TAX', await signIn('clerk-tax'));
    // Departments are data: clerks of the definition's new departments are ordinary users.
    clerks.set('SAMR-FOOD', await newClerk(db, 'SAMR-FOOD' as Department));
    clerks.set('FIRE', await newClerk(db, 'FIRE' as Department));
  });
  afterAll(() => db.end());

  async function publish(document: ProcessDefinition): Promise<void> {
    const uploaded = await http('POST', '/admin/processes', { token: admin.token, body: document });
    expect([200, 201]).toContain(uploaded.status);
    const activated = await http<{ status: string }>('POST', `/admin/processes/${document.key}/versions/${document.version}/activate`, { token: admin.token, body: {} });
    expect(activated.status).toBe(200);
    expect(activated.body.status).toBe('ACTIVE');
  }

  const file = async (key: string, form: Record<string, unknown>): Promise<CaseView> => {
    const filed = await http<CaseView>('POST', `/processes/${key}/applications`, { token: applicant.token, body: { form }, headers: { 'Idempotency-Key': randomUUID() } });
    if (filed.status !== 201) throw new Error(`filing answered ${filed.status}: ${JSON.stringify(filed.body)}`);
    return filed.body;
  };
  const view = async (caseId: string): Promise<CaseView> => (await http<CaseView>('GET', `/applications/${caseId}`, { token: applicant.token })).body;
  const until = (caseId: string, what: string, ready: (view: CaseView) => boolean): Promise<CaseView> =>
    waitFor(what, async () => {
      const current = await view(caseId);
      return ready(current) ? current : undefined;
    }, { timeoutMs: 30_000 });
  const openTask = (caseId: string, stepId: string): Promise<{ id: string; department: string; round: number }> =>
    waitFor(`${stepId} task of ${caseId}`, async () => {
      const result = await db.query(`SELECT id, department, round FROM tasks WHERE case_id = $1 AND step_id = $2 AND status IN ('OPEN', 'CLAIMED') ORDER BY round DESC LIMIT 1`, [caseId, stepId]);
      return result.rows[0] as { id: string; department: string; round: number } | undefined;
    }, { timeoutMs: 30_000 });
  const decide = async (caseId: string, stepId: string, action: 'complete' | 'return', body: unknown = {}) => {
    const task = await openTask(caseId, stepId);
    const clerk = clerks.get(task.department);
    if (!clerk) throw new Error(`no clerk of ${task.department}`);
    return http<{ status: string; stepId: string }>('POST', `/tasks/${task.id}/${action}`, { token: clerk.token, body });
  };
  const stepsOf = (current: CaseView) => Object.fromEntries(current.steps.map((step) => [step.stepId, step.status]));
  const roundsOf = async (caseId: string) =>
    Object.fromEntries(
      ((await db.query(`SELECT step_id, max(round)::int AS round FROM tasks WHERE case_id = $1 GROUP BY step_id`, [caseId])).rows as { step_id: string; round: number }[]).map((row) => [row.step_id, row.round]),
    );
  const permit = { permitNumber: 'JY14331010000001', validUntil: '2031-12-31' };

  it('files a restaurant case, one notice after a food-permit return, only that review redone, one outcome at zero fees', async () => {
    const key = `restaurant-opening-${randomUUID().slice(0, 8).replace(/^\d/, 'a')}`;
    await publish(restaurantDocument(key));

    // The form is checked against the definition's schema: each failing field named under form.
    const bad = await http('POST', `/processes/${key}/applications`, { token: applicant.token, body: { form: { ...restaurantForm({ seats: 0, floorArea: 120 }), extra: 1 } } });
    expect(bad.status).toBe(400);
    expect(fieldPaths(bad)).toEqual(expect.arrayContaining(['form.restaurant.seats', 'form.extra']));

    const filed = await file(key, restaurantForm({ seats: 80, floorArea: 120 }));
    expect(filed.process).toMatchObject({ key, version: 1 });
    expect(filed.steps.map((step) => step.stepId)).toEqual(['SAMR', 'FOOD', 'FIRE', 'TAX']);
    expect(filed.steps.find((step) => step.stepId === 'FOOD')).toMatchObject({ department: 'SAMR-FOOD', dependsOn: ['SAMR'] });
    expect(filed.fees.applicantTotal).toBe('0.00');

    expect((await decide(filed.id, 'SAMR', 'complete')).status).toBe(200);
    // The clerk's task view comes from the definition's step: its reads, its outputs schema, its kind.
    const foodTask = await openTask(filed.id, 'FOOD');
    const task = await http<TaskView>('GET', `/tasks/${foodTask.id}`, { token: clerks.get('SAMR-FOOD')?.token });
    expect(task.status).toBe(200);
    expect(task.body).toMatchObject({ stepId: 'FOOD', kind: 'review', outputSchema: { required: ['permitNumber', 'validUntil'] } });
    expect(Object.keys(task.body.form).sort()).toEqual(['company', 'legalRepresentative', 'restaurant']);

    expect((await decide(filed.id, 'FOOD', 'return', { items: [{ field: 'restaurant.kitchenArea', reason: '加工区面积与平面图不符' }] })).status).toBe(200);
    // No notice while the other open steps have not decided (一次告知).
    expect((await view(filed.id)).status).not.toBe('AWAITING_CORRECTION');
    expect((await decide(filed.id, 'FIRE', 'complete', { outputs: { inspectionNumber: 'XF-2026-0042' } })).status).toBe(200);
    expect((await decide(filed.id, 'TAX', 'complete')).status).toBe(200);
    const waiting = await until(filed.id, 'the one notice', (current) => current.status === 'AWAITING_CORRECTION');
    expect(waiting.correction).toEqual({ round: 1, items: [expect.objectContaining({ department: 'SAMR-FOOD', field: 'restaurant.kitchenArea' })] });

    const corrected = await http('POST', `/applications/${filed.id}/corrections`, { token: applicant.token, body: { changes: { 'restaurant.kitchenArea': 45 } } });
    expect(corrected.status).toBe(200);
    await openTask(filed.id, 'FOOD');
    // Only the step that returned reopens: FIRE and TAX (which do not read the kitchen) stay done on round 1.
    expect(await roundsOf(filed.id)).toEqual({ SAMR: 1, FOOD: 2, FIRE: 1, TAX: 1 });
    expect(stepsOf(await view(filed.id))).toMatchObject({ SAMR: 'DONE', FIRE: 'DONE', TAX: 'DONE' });

    // A review's outputs are checked against the step's outputs schema, each field named.
    const wrong = await decide(filed.id, 'FOOD', 'complete', { outputs: { permitNumber: 'JY-1', validUntil: '2031-12-31' } });
    expect(wrong.status).toBe(400);
    expect(fieldPaths(wrong)).toEqual(['outputs.permitNumber']);
    expect((await decide(filed.id, 'FOOD', 'complete', { outputs: permit })).status).toBe(200);

    const done = await until(filed.id, 'the outcome', (current) => current.status === 'COMPLETED');
    expect(done.outcome).toMatchObject({ foodPermit: permit, fireSafety: { inspectionNumber: 'XF-2026-0042' } });
    expect(done.outcome).toHaveProperty('uscc');
    expect(done.fees.applicantTotal).toBe('0.00');
  }, 240_000);

  it('shows a conditional step the form does not need as SKIPPED, and completes without it', async () => {
    const key = `restaurant-small-${randomUUID().slice(0, 8).replace(/^\d/, 'a')}`;
    await publish(restaurantDocument(key));
    const filed = await file(key, restaurantForm({ seats: 20, floorArea: 90 }));
    expect(stepsOf(filed).FIRE).toBe('SKIPPED');
    for (const [stepId, body] of [['SAMR', {}], ['FOOD', { outputs: permit }]] as const) {
      expect((await decide(filed.id, stepId, 'complete', body)).status).toBe(200);
    }

    // The admin's actions name the definition's steps: escalate and reassign the open tax step, reopen the food review.
    const act = (body: Record<string, string>) => http<{ result: string }>('POST', `/admin/cases/${filed.id}/actions`, { token: admin.token, body: { reason: 'supervision', ...body } });
    const escalated = await act({ action: 'ESCALATE', stepId: 'TAX' });
    expect(escalated.status).toBe(200);
    expect(escalated.body.result).toContain('TAX');
    expect((await act({ action: 'REASSIGN', stepId: 'TAX', clerk: 'clerk-tax' })).status).toBe(200);
    expect((await act({ action: 'REOPEN', stepId: 'NOPE' })).status).toBe(400);
    expect((await act({ action: 'REOPEN', stepId: 'FOOD' })).status).toBe(200);
    expect((await openTask(filed.id, 'FOOD')).round).toBe(2);
    for (const [stepId, body] of [['FOOD', { outputs: permit }], ['TAX', {}]] as const) {
      expect((await decide(filed.id, stepId, 'complete', body)).status).toBe(200);
    }
    const done = await until(filed.id, 'completion', (current) => current.status === 'COMPLETED');
    expect(stepsOf(done)).toEqual({ SAMR: 'DONE', FOOD: 'DONE', FIRE: 'SKIPPED', TAX: 'DONE' });
    expect((await db.query(`SELECT count(*)::int AS n FROM tasks WHERE case_id = $1 AND step_id = 'FIRE'`, [filed.id])).rows[0]).toEqual({ n: 0 });
  });

  it("names its fields and departments in words: the review's task view, the admin's stuck list and timeline", async () => {
    const key = `restaurant-words-${randomUUID().slice(0, 8).replace(/^\d/, 'a')}`;
    await publish(restaurantDocument(key));
    const filed = await file(key, restaurantForm({ seats: 20, floorArea: 90 }));
    expect((await decide(filed.id, 'SAMR', 'complete')).status).toBe(200);
    const foodTask = await openTask(filed.id, 'FOOD');

    // The review's task: each field it shows and may send back by the fixture's labels, values in words, its department named.
    const task = await http<{ departmentName: unknown; fields: { path: string; section?: unknown; label: unknown; value: unknown }[]; returnFields: { path: string; label: unknown }[] }>(
      'GET',
      `/tasks/${foodTask.id}`,
      { token: clerks.get('SAMR-FOOD')?.token },
    );
    expect(task.status).toBe(200);
    expect(task.body.departmentName).toEqual({ zh: '市场监督管理局（食品经营许可）', en: 'Administration for Market Regulation (food business permits)' });
    expect(task.body.fields).toEqual(
      expect.arrayContaining([
        { path: 'restaurant.seats', section: { zh: '餐饮经营信息', en: 'Restaurant' }, label: { zh: '座位数', en: 'Seats' }, value: { zh: '20', en: '20' } },
        { path: 'restaurant.foodCategories', section: { zh: '餐饮经营信息', en: 'Restaurant' }, label: { zh: '经营项目', en: 'Food categories' }, value: { zh: '热食类、自制饮品', en: 'Hot food, Home-made beverages' } },
      ]),
    );
    expect(task.body.returnFields).toEqual(expect.arrayContaining([{ path: 'restaurant.seats', label: { zh: '餐饮经营信息 · 座位数', en: 'Restaurant · Seats' } }]));
    // Every field it shows is one it may send back (nothing shown that cannot be faulted).
    expect(task.body.fields.map((field) => field.path).filter((path) => !task.body.returnFields.some((item) => item.path === path))).toEqual([]);
    expect((await decide(filed.id, 'FOOD', 'return', { items: [{ field: 'restaurant.kitchenArea', reason: '加工区面积与平面图不符' }] })).status).toBe(200);

    // The tax step overdue (its limit moved into the past): the stuck list filters by the definition's own code and names it.
    await openTask(filed.id, 'TAX');
    await db.query(`UPDATE tasks SET due_at = now() - interval '2 hours' WHERE case_id = $1 AND step_id = 'TAX'`, [filed.id]);
    type Stuck = { items: { caseId: string; reasons: { reason: string; department?: string; departmentName?: unknown }[] }[] };
    const food = await http<Stuck>('GET', '/admin/cases?stuck=true&department=SAMR-FOOD&limit=100', { token: admin.token });
    expect(food.status).toBe(200);
    const stuck = await http<Stuck>('GET', '/admin/cases?stuck=true&department=TAX&limit=100', { token: admin.token });
    expect(stuck.status).toBe(200);
    expect(stuck.body.items.find((item) => item.caseId === filed.id)?.reasons).toEqual([
      expect.objectContaining({ reason: 'OVERDUE', department: 'TAX', departmentName: { zh: '税务局', en: 'Tax Bureau' } }),
    ]);

    // The timeline: steps by their names, the fields sent back by their labels, times as times (no "due …Z", "up to N min").
    type Entry = { event: string; stepId?: string; department?: string; departmentName?: unknown; stepName?: unknown; dueAt?: string; fields?: unknown; detail?: string };
    const detail = await http<{ timeline: Entry[] }>('GET', `/admin/cases/${filed.id}`, { token: admin.token });
    expect(detail.status).toBe(200);
    expect(detail.body.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ event: 'STEP_OPENED', stepId: 'FOOD', department: 'SAMR-FOOD', stepName: { zh: '食品经营许可', en: 'Food business permit' }, departmentName: expect.objectContaining({ zh: '市场监督管理局（食品经营许可）' }), dueAt: expect.any(String) }),
        expect.objectContaining({ event: 'DECISION', stepId: 'FOOD', decision: 'RETURN', fields: [{ path: 'restaurant.kitchenArea', label: { zh: '餐饮经营信息 · 加工制作区面积（平方米）', en: 'Restaurant · Kitchen area (m²)' } }] }),
      ]),
    );
    const details = detail.body.timeline.flatMap((entry) => (entry.detail ? [entry.detail] : []));
    expect(details.filter((text) => /due \d{4}|up to \d+ min|RETURN \(|^\{/.test(text))).toEqual([]);
  });

  it('leaves a case in flight on v1 when v2 is activated: it finishes on v1’s steps, new cases take v2', async () => {
    const key = `restaurant-versions-${randomUUID().slice(0, 8).replace(/^\d/, 'a')}`;
    await publish(restaurantDocument(key, 1));
    const inFlight = await file(key, restaurantForm({ seats: 20, floorArea: 90 }));
    expect((await decide(inFlight.id, 'SAMR', 'complete')).status).toBe(200);

    // v2: the fire-safety review is always needed.
    await publish(restaurantDocument(key, 2, (definition) => ({ ...definition, steps: definition.steps.map(({ when: _when, ...step }) => step) })));
    const newer = await file(key, restaurantForm({ seats: 20, floorArea: 90 }));
    expect(newer.process.version).toBe(2);
    expect(stepsOf(newer).FIRE).toBe('PENDING');

    for (const [stepId, body] of [['FOOD', { outputs: permit }], ['TAX', {}]] as const) {
      expect((await decide(inFlight.id, stepId, 'complete', body)).status).toBe(200);
    }
    const done = await until(inFlight.id, 'completion on v1', (current) => current.status === 'COMPLETED');
    expect(done.process.version).toBe(1);
    expect(stepsOf(done)).toEqual({ SAMR: 'DONE', FOOD: 'DONE', FIRE: 'SKIPPED', TAX: 'DONE' });
  });

  it('files at the version another API process activated or retired meanwhile (the API keeps which version is ACTIVE between filings)', async () => {
    const key = `restaurant-elsewhere-${randomUUID().slice(0, 8).replace(/^\d/, 'a')}`;
    const form = restaurantForm({ seats: 20, floorArea: 90 });
    await publish(restaurantDocument(key, 1));
    expect((await file(key, form)).process.version).toBe(1);
    const uploaded = await http('POST', '/admin/processes', { token: admin.token, body: restaurantDocument(key, 2) });
    expect(uploaded.status).toBe(201);
    // Another API process activates v2: what it writes, straight into the table (this API is not told).
    await db.query(`UPDATE process_definitions SET status = 'RETIRED', retired_at = now() WHERE key = $1 AND version = 1`, [key]);
    await db.query(`UPDATE process_definitions SET status = 'ACTIVE', activated_at = now() WHERE key = $1 AND version = 2`, [key]);
    expect((await file(key, form)).process.version).toBe(2);
    // …and retires it: no version is ACTIVE, so nothing is filed.
    await db.query(`UPDATE process_definitions SET status = 'RETIRED', retired_at = now() WHERE key = $1 AND version = 2`, [key]);
    const refused = await http<{ code: string }>('POST', `/processes/${key}/applications`, { token: applicant.token, body: { form } });
    expect([refused.status, refused.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await db.query(`SELECT process_version FROM cases WHERE process_key = $1 ORDER BY submitted_at`, [key])).rows).toEqual([{ process_version: 1 }, { process_version: 2 }]);
  });
});
