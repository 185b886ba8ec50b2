import { randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import { generateUscc, makeResidentId, USCC_CHARSET, type ApplicationForm } from '@onetrip/domain';
import { connectDatabase } from '../support/case-fixtures';
import { http } from '../support/http';
import { casesOf, fieldPaths, fileCase, newApplicant, signIn, validForm, type CaseView, type ErrorBody, type SignedIn } from './api-fixtures';

const REMOVE = Symbol('remove');

/** A valid form broken in ways its type does not allow: dotted paths (array indexes as numbers) → new value or REMOVE. */
function broken(changes: Record<string, unknown>, form: ApplicationForm = validForm()): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(form)) as Record<string, unknown>;
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.');
    let target = copy;
    for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
    const last = keys[keys.length - 1];
    if (value === REMOVE) delete target[last];
    else target[last] = value;
  }
  return copy;
}

const withBadIdCheck = (): Record<string, unknown> =>
  broken({}, validForm((form) => (form.legalRepresentative.idNumber = wrongCheckCharacter(form.legalRepresentative.idNumber))));

function wrongCheckCharacter(id: string): string {
  const chars = '0123456789X';
  return id.slice(0, 17) + chars[(chars.indexOf(id[17]) + 1) % chars.length];
}

describe('POST /api/applications: filing the combined form', () => {
  let db: PgClient;
  let applicant: SignedIn;

  beforeAll(async () => {
    db = await connectDatabase();
    applicant = await newApplicant();
  });
  afterAll(() => db.end());

  it('files a valid form: 201 with the case view, the row written as specified', async () => {
    const form = validForm();
    const result = await http<CaseView>('POST', '/applications', { token: applicant.token, body: form });
    expect(result.status).toBe(201);
    const view = result.body;
    expect(view.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(['SUBMITTED', 'IN_PROGRESS']).toContain(view.status);
    expect(view.steps.map((step) => step.department)).toEqual(['SAMR', 'PSB', 'TAX', 'HRSS', 'BANK']);
    expect(view.steps.slice(1).every((step) => step.status === 'PENDING' && step.overdue === false)).toBe(true);
    expect(view.fees.applicantTotal).toBe('0.00');
    expect(view.fees.borneByOthers).toMatch(/^\d+\.\d{2}$/);
    expect(view.fees.items.every((item) => /^\d+\.\d{2}$/.test(item.amount) && item.payer !== 'APPLICANT')).toBe(true);
    expect(view.form).toEqual(form);
    // Filed online: only the flag that the filer's identity is not verified (SAMR checks it).
    expect(view.flags?.map((flag) => flag.code)).toEqual(['FILER_IDENTITY_UNVERIFIED']);

    const row = (await db.query(`SELECT * FROM cases WHERE id = $1`, [view.id])).rows[0];
    expect(row.workflow_id).toBe(`case-${view.id}`);
    expect(row.applicant_id).toBe(applicant.id);
    expect(row.filed_by_id).toBe(applicant.id);
    expect(row.form_version).toBe(1);
    expect(row.enterprise_name).toBe(form.company.name);
    expect(row.policy.modes.SAMR).toBe('MANUAL');
    expect(row.policy.rules.jurisdiction).toEqual({ divisionCode: '433101', name: '吉首市' });
    expect(row.fees.applicantTotal).toBe('0.00');
    expect(new Date(row.submitted_at).toISOString()).toBe(view.submittedAt);

    const read = await http<CaseView>('GET', `/applications/${view.id}`, { token: applicant.token });
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(view.id);
  });

  it('keeps a flag (not a refusal) for an entity shareholder whose USCC fails its check', async () => {
    const good = generateUscc({ divisionCode: '433100', sequence: 77 });
    const bad = good.slice(0, 17) + USCC_CHARSET[(USCC_CHARSET.indexOf(good[17]) + 1) % USCC_CHARSET.length];
    const view = await fileCase(applicant.token, validForm((form) => (form.shareholders[1].uscc = bad)));
    expect(view.flags).toEqual([
      expect.objectContaining({ path: 'shareholders[1].uscc', code: 'USCC_CHECK_FAILED' }),
      expect.objectContaining({ path: 'legalRepresentative.idNumber', code: 'FILER_IDENTITY_UNVERIFIED' }),
    ]);
    const row = await db.query(`SELECT flags FROM cases WHERE id = $1`, [view.id]);
    expect(row.rows[0].flags).toEqual(view.flags);
  });

  describe('refuses an invalid form with the failing field paths, and creates nothing', () => {
    const cases: [string, () => Record<string, unknown>, string[]][] = [
      [
        'a wrong check character in the legal representative’s ID',
        withBadIdCheck,
        ['legalRepresentative.idNumber'],
      ],
      ['subscribed capital not adding up to the registered capital', () => broken({ 'shareholders.1.subscribedCapital': '300000.00' }), ['company.registeredCapital']],
      ['an unknown field', () => broken({ 'company.motto': 'hello' }), ['company.motto']],
      ['an unknown top-level field', () => broken({ isAdmin: true }), ['isAdmin']],
      [
        'wrong types',
        () => broken({ 'company.registeredCapital': 1000000, 'tax.ukey': 'yes', 'seals.kinds': ['OFFICIAL', 'GOLDEN'], 'company.entityType': 'LLC' }),
        ['company.entityType', 'company.registeredCapital', 'seals.kinds', 'tax.ukey'],
      ],
      ['a section that is not an object', () => broken({ bank: 'ICBC' }), ['bank']],
      ['a missing section', () => broken({ delivery: REMOVE }), ['delivery']],
      ['an amount with 3 decimals or a separator', () => broken({ 'company.registeredCapital': '1,000,000.000' }), ['company.registeredCapital']],
      ['no shareholders', () => broken({ shareholders: [] }), ['shareholders']],
      [
        'huge strings and lists',
        () =>
          broken({
            'company.name': `吉首市${'湘'.repeat(5000)}科技有限公司`,
            'company.address.detail': 'x'.repeat(201),
            'company.businessScope': Array.from({ length: 51 }, (_, i) => `经营项目${i}`),
            'legalRepresentative.name': '张'.repeat(101),
          }),
        ['company.address.detail', 'company.businessScope', 'company.name', 'legalRepresentative.name'],
      ],
      ['a scope item too long', () => broken({ 'company.businessScope': ['软件开发', '件'.repeat(201)] }), ['company.businessScope']],
      [
        'several business rules at once (一次告知)',
        () => broken({ 'company.address.divisionCode': '110101', 'legalRepresentative.mobile': '12000000000', 'bank.bankCode': 'NOPE' }),
        ['bank.bankCode', 'company.address.divisionCode', 'legalRepresentative.mobile'],
      ],
      ['a forbidden word in the name', () => broken({ 'company.name': '吉首市中国湘土科技有限公司' }), ['company.name']],
    ];

    it.each(cases)('%s', async (_label, build, paths) => {
      const before = await casesOf(db, applicant.id);
      const result = await http<ErrorBody>('POST', '/applications', { token: applicant.token, body: build() });
      expect(result.status).toBe(400);
      expect(result.body.error).toBe('VALIDATION_FAILED');
      expect([...new Set(fieldPaths(result))].sort()).toEqual(paths);
      expect(await casesOf(db, applicant.id)).toBe(before);
    });

    it('never echoes an ID number or a mobile in the error', async () => {
      const form = validForm((form) => {
        form.legalRepresentative.idNumber = wrongCheckCharacter(form.legalRepresentative.idNumber);
        form.legalRepresentative.mobile = '12000000000';
      });
      const result = await http<ErrorBody>('POST', '/applications', { token: applicant.token, body: form });
      expect(result.status).toBe(400);
      const text = JSON.stringify(result.body);
      expect(text).not.toContain(form.legalRepresentative.idNumber);
      expect(text).not.toContain('12000000000');
    });

    it('refuses malformed JSON and a non-object body', async () => {
      expect((await http('POST', '/applications', { token: applicant.token, body: '{"company":' })).status).toBe(400);
      expect((await http('POST', '/applications', { token: applicant.token, body: '[1,2]' })).status).toBe(400);
    });
  });

  it('refuses a name an earlier case has registered', async () => {
    const form = validForm();
    await db.query(`INSERT INTO registered_names (name) VALUES ($1)`, [form.company.name]);
    const result = await http<ErrorBody>('POST', '/applications', { token: applicant.token, body: form });
    expect(result.status).toBe(400);
    expect(fieldPaths(result)).toEqual(['company.name']);
    expect(result.body.fields?.[0].messages.join(' ')).toMatch(/already registered/);
  });

  it('lists my cases only, newest first, with paging', async () => {
    const me = await newApplicant();
    const other = await newApplicant();
    const first = await fileCase(me.token);
    const second = await fileCase(me.token);
    await fileCase(other.token);
    const all = await http<{ items: CaseView[]; total: number }>('GET', '/applications', { token: me.token });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    expect(all.body.items.map((item) => item.id)).toEqual([second.id, first.id]);
    const page2 = await http<{ items: CaseView[]; total: number }>('GET', '/applications?page=2&limit=1', { token: me.token });
    expect(page2.body.items.map((item) => item.id)).toEqual([first.id]);
    expect(page2.body.total).toBe(2);
    expect(fieldPaths(await http('GET', '/applications?limit=101', { token: me.token }))).toEqual(['limit']);
    expect(fieldPaths(await http('GET', '/applications?page=0', { token: me.token }))).toEqual(['page']);
  });

  it('answers 404 for another applicant’s case (and for ids that do not exist)', async () => {
    const owner = await newApplicant();
    const stranger = await newApplicant();
    const view = await fileCase(owner.token);
    const read = await http<ErrorBody>('GET', `/applications/${view.id}`, { token: stranger.token });
    expect(read.status).toBe(404);
    expect(read.body.error).toBe('NOT_FOUND');
    expect((await http('GET', `/applications/${randomUUID()}`, { token: owner.token })).status).toBe(404);
    expect((await http('GET', '/applications/not-a-uuid', { token: owner.token })).status).toBe(404);
    expect((await http('POST', `/applications/${view.id}/cancel`, { token: stranger.token, body: { reason: 'not mine' } })).status).toBe(404);
    expect((await http('POST', `/applications/${view.id}/corrections`, { token: stranger.token, body: { changes: { 'company.name': 'x' } } })).status).toBe(404);
    const list = await http<{ items: CaseView[] }>('GET', '/applications', { token: stranger.token });
    expect(list.body.items.map((item) => item.id)).not.toContain(view.id);
  });

  it('lets an admin read any case, without the applicant’s form', async () => {
    const view = await fileCase(applicant.token);
    const admin = await signIn('admin');
    const read = await http<CaseView>('GET', `/applications/${view.id}`, { token: admin.token });
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(view.id);
    expect(read.body.form).toBeUndefined();
  });
});

describe('window filing on behalf of an applicant (帮代办)', () => {
  let db: PgClient;
  let window: SignedIn;

  beforeAll(async () => {
    db = await connectDatabase();
    window = await signIn('window');
  });
  afterAll(() => db.end());

  it('files for the named applicant: the case is theirs, filed by the window, and audited', async () => {
    const applicant = await newApplicant();
    const form: ApplicationForm = validForm();
    const result = await http<CaseView>('POST', '/applications', { token: window.token, body: { ...form, onBehalfOf: applicant.username } });
    expect(result.status).toBe(201);
    expect(result.body.form).toEqual(form);

    const row = (await db.query(`SELECT applicant_id, filed_by_id, form FROM cases WHERE id = $1`, [result.body.id])).rows[0];
    expect(row.applicant_id).toBe(applicant.id);
    expect(row.filed_by_id).toBe(window.id);
    expect(row.form).not.toHaveProperty('onBehalfOf');
    const audit = await db.query(`SELECT actor_id, actor_role, action FROM audit_log WHERE case_id = $1`, [result.body.id]);
    expect(audit.rows).toEqual([{ actor_id: window.id, actor_role: 'WINDOW', action: 'FILE_ON_BEHALF' }]);

    // The applicant sees it as theirs; the window sees the cases it filed.
    expect((await http<CaseView>('GET', `/applications/${result.body.id}`, { token: applicant.token })).body.form).toEqual(form);
    const windowList = await http<{ items: CaseView[] }>('GET', '/applications?limit=100', { token: window.token });
    expect(windowList.body.items.map((item) => item.id)).toContain(result.body.id);
    expect((await http('GET', `/applications/${result.body.id}`, { token: window.token })).status).toBe(200);
  });

  it('refuses an unknown applicant, a missing onBehalfOf, a staff username, and onBehalfOf from an applicant', async () => {
    const applicant = await newApplicant();
    const before = await db.query(`SELECT count(*)::int AS n FROM cases WHERE filed_by_id = $1`, [window.id]);
    for (const onBehalfOf of [`nobody-${randomUUID().slice(0, 8)}`, 'clerk-samr', undefined]) {
      const result = await http('POST', '/applications', { token: window.token, body: { ...validForm(), onBehalfOf } });
      expect(result.status).toBe(400);
      expect(fieldPaths(result)).toEqual(['onBehalfOf']);
    }
    const after = await db.query(`SELECT count(*)::int AS n FROM cases WHERE filed_by_id = $1`, [window.id]);
    expect(after.rows[0].n).toBe(before.rows[0].n);

    const selfFiled = await http('POST', '/applications', { token: applicant.token, body: { ...validForm(), onBehalfOf: applicant.username } });
    expect(selfFiled.status).toBe(400);
    expect(fieldPaths(selfFiled)).toEqual(['onBehalfOf']);
    expect(await casesOf(db, applicant.id)).toBe(0);
  });

  it('does not let a window read a case it did not file', async () => {
    const applicant = await newApplicant();
    const view = await fileCase(applicant.token, validForm((form) => (form.legalRepresentative.idNumber = makeResidentId('433101', '1985-02-03', 321))));
    expect((await http('GET', `/applications/${view.id}`, { token: window.token })).status).toBe(404);
  });
});
