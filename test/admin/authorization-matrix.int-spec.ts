import { randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import { SHIPPED_DEFINITIONS } from '@onetrip/domain/processes/shipped-definitions';
import { fileCase, newApplicant, openTaskId, signIn, validForm, type SignedIn } from '../api/api-fixtures';
import { connectDatabase, uniqueEnterpriseName } from '../support/case-fixtures';
import { http } from '../support/http';
import { waitFor } from '../../scripts/stack/wait-for';

// Every route × every kind of caller. A route that is not in this matrix fails the first test, so a
// new route cannot ship without saying who may call it.

const ROLES = ['NONE', 'APPLICANT', 'OTHER_APPLICANT', 'CLERK_SAMR', 'CLERK_PSB', 'CLERK_TAX', 'CLERK_HRSS', 'CLERK_BANK', 'WINDOW', 'ADMIN'] as const;
type Role = (typeof ROLES)[number];
const EVERYONE: readonly Role[] = ROLES;
const CLERKS: readonly Role[] = ['CLERK_SAMR', 'CLERK_PSB', 'CLERK_TAX', 'CLERK_HRSS', 'CLERK_BANK'];

interface Fixture {
  caseId: string;
  taskId: string;
  complaintId: string;
  /** An enterprise of the register whose legal representative is APPLICANT. */
  enterpriseId: string;
  /** APPLICANT's notice (the fixture case's SUBMITTED) and a dead letter of it. */
  notificationId: string;
  deliveryId: string;
}

interface Entry {
  /** Who may call it. */
  allowed: readonly Role[];
  /** Callers of an allowed role who are told the thing does not exist (someone else's case): 404, not 403. */
  hidden?: readonly Role[];
  path: (f: Fixture) => string;
  body?: () => unknown;
  headers?: Record<string, string>;
  /** What an allowed reader gets when the fixture has nothing to give (no outcome yet): past the guard, not 200. */
  readStatus?: number;
  /** A route no bearer token opens (a department system signs its callbacks instead): every caller gets this. */
  refusedWith?: number;
}

const caseOwner: readonly Role[] = ['APPLICANT'];
// Every filing attempt in the matrix carries this enterprise name, so a case filed by a refused caller
// (one with no user id included) can be counted on a database other files also file into.
const MATRIX_ENTERPRISE = uniqueEnterpriseName();
const notTheirs: readonly Role[] = ['OTHER_APPLICANT', 'WINDOW'];
const otherClerks: readonly Role[] = ['CLERK_PSB', 'CLERK_TAX', 'CLERK_HRSS', 'CLERK_BANK'];

const MATRIX: Record<string, Entry> = {
  'GET /api/health': { allowed: EVERYONE, path: () => '/health' },
  'GET /api/health/live': { allowed: EVERYONE, path: () => '/health/live' },
  'GET /api/health/ready': { allowed: EVERYONE, path: () => '/health/ready' },
  'GET /api/application-rules': { allowed: EVERYONE, path: () => '/application-rules' },
  'POST /api/pings': { allowed: ['ADMIN'], path: () => '/pings', body: () => ({ message: 'matrix' }) },
  'POST /api/auth/register': { allowed: EVERYONE, path: () => '/auth/register' },
  'POST /api/auth/token': { allowed: EVERYONE, path: () => '/auth/token' },
  'POST /api/auth/refresh': { allowed: EVERYONE, path: () => '/auth/refresh', body: () => ({ refreshToken: 'matrix' }) },
  'POST /api/auth/sign-out': { allowed: EVERYONE, path: () => '/auth/sign-out', body: () => ({ refreshToken: 'matrix' }) },
  'POST /api/applications': { allowed: ['APPLICANT', 'OTHER_APPLICANT', 'WINDOW'], path: () => '/applications', body: () => validForm((form) => void (form.company.name = MATRIX_ENTERPRISE)) },
  'POST /api/processes/{key}/applications': {
    allowed: ['APPLICANT', 'OTHER_APPLICANT', 'WINDOW'],
    path: () => '/processes/enterprise-opening/applications',
    body: () => ({ form: validForm((form) => void (form.company.name = MATRIX_ENTERPRISE)) }),
  },
  'GET /api/applications': { allowed: ['APPLICANT', 'OTHER_APPLICANT', 'WINDOW', 'ADMIN'], path: () => '/applications' },
  'GET /api/applications/{id}': { allowed: [...caseOwner, 'ADMIN', ...notTheirs], hidden: notTheirs, path: (f) => `/applications/${f.caseId}` },
  'POST /api/applications/{id}/corrections': {
    allowed: [...caseOwner, ...notTheirs],
    hidden: notTheirs,
    path: (f) => `/applications/${f.caseId}/corrections`,
    body: () => ({ changes: { 'company.address.detail': '乾州街道世纪大道99号' } }),
  },
  'POST /api/applications/{id}/cancel': { allowed: [...caseOwner, 'ADMIN', ...notTheirs], hidden: notTheirs, path: (f) => `/applications/${f.caseId}/cancel`, body: () => ({ reason: 'matrix' }) },
  'POST /api/applications/{id}/complaints': { allowed: [...caseOwner, ...notTheirs], hidden: notTheirs, path: (f) => `/applications/${f.caseId}/complaints`, body: () => ({ text: 'matrix' }) },
  'GET /api/applications/{id}/complaints': { allowed: [...caseOwner, ...notTheirs], hidden: notTheirs, path: (f) => `/applications/${f.caseId}/complaints` },
  'GET /api/tasks': { allowed: CLERKS, path: () => '/tasks?status=OPEN' },
  // Another department's task does not exist for its clerks (404 reveals nothing; 403 would say it does).
  'GET /api/tasks/{id}': { allowed: ['CLERK_SAMR', ...otherClerks], hidden: otherClerks, path: (f) => `/tasks/${f.taskId}` },
  'POST /api/tasks/{id}/claim': { allowed: ['CLERK_SAMR', ...otherClerks], hidden: otherClerks, path: (f) => `/tasks/${f.taskId}/claim`, body: () => ({}) },
  'POST /api/tasks/{id}/complete': { allowed: ['CLERK_SAMR', ...otherClerks], hidden: otherClerks, path: (f) => `/tasks/${f.taskId}/complete`, body: () => ({}) },
  'POST /api/tasks/{id}/return': {
    allowed: ['CLERK_SAMR', ...otherClerks],
    hidden: otherClerks,
    path: (f) => `/tasks/${f.taskId}/return`,
    body: () => ({ items: [{ field: 'company.name', reason: 'matrix' }] }),
  },
  'POST /api/tasks/{id}/reject': { allowed: ['CLERK_SAMR', ...otherClerks], hidden: otherClerks, path: (f) => `/tasks/${f.taskId}/reject`, body: () => ({ reason: 'matrix' }) },
  'GET /api/admin/cases': { allowed: ['ADMIN'], path: () => '/admin/cases?stuck=true' },
  'GET /api/admin/cases/{id}': { allowed: ['ADMIN'], path: (f) => `/admin/cases/${f.caseId}?unmask=true` },
  'POST /api/admin/cases/{id}/actions': { allowed: ['ADMIN'], path: (f) => `/admin/cases/${f.caseId}/actions`, body: () => ({ action: 'CANCEL', reason: 'matrix' }) },
  'GET /api/admin/complaints': { allowed: ['ADMIN'], path: () => '/admin/complaints' },
  'GET /api/admin/clerks': { allowed: ['ADMIN'], path: () => '/admin/clerks?department=TAX' },
  'GET /api/notices': { allowed: EVERYONE, path: () => '/notices' },
  'POST /api/notices/{id}/objections': { allowed: ROLES.filter((role) => role !== 'NONE'), path: (f) => `/notices/${f.caseId}/objections`, body: () => ({ reason: 'matrix', clientKey: 'matrix-objection' }) },
  'GET /api/tasks/{id}/objections': { allowed: [...CLERKS, 'ADMIN'], path: (f) => `/tasks/${f.taskId}/objections` },
  'POST /api/admin/complaints/{id}/resolve': { allowed: ['ADMIN'], path: (f) => `/admin/complaints/${f.complaintId}/resolve`, body: () => ({ resolution: 'matrix' }) },
  'GET /api/admin/metrics': { allowed: ['ADMIN'], path: () => '/admin/metrics' },
  // The register: an applicant sees the enterprises they represent (another's is not found); the window and admins find any.
  // Documents: the case's own people (the window only for cases it filed); the fixture case has no outcome or
  // correction notice yet, so its readers get 409 DOCUMENT_NOT_READY, past the guard.
  'GET /api/cases/{id}/documents': { allowed: ['APPLICANT', 'OTHER_APPLICANT', 'WINDOW', 'ADMIN'], hidden: ['OTHER_APPLICANT', 'WINDOW'], path: (f) => `/cases/${f.caseId}/documents` },
  'GET /api/cases/{id}/outcome.pdf': { allowed: ['APPLICANT', 'OTHER_APPLICANT', 'WINDOW', 'ADMIN'], hidden: ['OTHER_APPLICANT', 'WINDOW'], path: (f) => `/cases/${f.caseId}/outcome.pdf`, readStatus: 409 },
  'GET /api/cases/{id}/corrections/{round}.pdf': { allowed: ['APPLICANT', 'OTHER_APPLICANT', 'WINDOW', 'ADMIN'], hidden: ['OTHER_APPLICANT', 'WINDOW'], path: (f) => `/cases/${f.caseId}/corrections/1.pdf`, readStatus: 409 },
  // Public: anyone may check a document (an unknown code is a 404, never 401/403).
  'GET /api/verify/{code}': { allowed: EVERYONE, path: () => '/verify/MATRIXUNKNOWN1', readStatus: 404 },
  'GET /api/enterprises': { allowed: ['APPLICANT', 'OTHER_APPLICANT', 'WINDOW', 'ADMIN'], path: () => '/enterprises' },
  'GET /api/enterprises/{id}': { allowed: ['APPLICANT', 'OTHER_APPLICANT', 'WINDOW', 'ADMIN'], hidden: ['OTHER_APPLICANT'], path: (f) => `/enterprises/${f.enterpriseId}` },
  // The catalog and published versions are public (the wizard is rendered from them); a draft is not published.
  'GET /api/processes': { allowed: EVERYONE, path: () => '/processes' },
  'GET /api/processes/definition-schema': { allowed: EVERYONE, path: () => '/processes/definition-schema' },
  'GET /api/processes/{key}/versions/{version}': { allowed: EVERYONE, path: () => '/processes/enterprise-opening/versions/1' },
  'GET /api/admin/processes': { allowed: ['ADMIN'], path: () => '/admin/processes' },
  // A refused upload stores nothing: the snapshot counts the definitions.
  'POST /api/admin/processes': { allowed: ['ADMIN'], path: () => '/admin/processes', body: () => ({ ...SHIPPED_DEFINITIONS[0], key: 'matrix-upload' }) },
  'GET /api/admin/processes/{key}/versions/{version}': { allowed: ['ADMIN'], path: () => '/admin/processes/enterprise-opening/versions/1' },
  'POST /api/admin/processes/{key}/versions/{version}/activate': { allowed: ['ADMIN'], path: () => '/admin/processes/enterprise-opening/versions/1/activate', body: () => ({}) },
  'POST /api/admin/processes/{key}/versions/{version}/retire': { allowed: ['ADMIN'], path: () => '/admin/processes/enterprise-opening/versions/1/retire', body: () => ({}) },
  // Departments' systems sign their callbacks (docs/connectors.md): a bearer token of any role is no signature.
  'POST /api/connectors/{department}/callbacks': {
    allowed: [],
    refusedWith: 401,
    path: () => '/connectors/SAMR/callbacks',
    body: () => ({ taskId: 'matrix.SAMR.1', decision: 'REJECT', reason: 'matrix' }),
  },
  // Notifications: an applicant's own notices (another's is not found) and contact settings; admins' dead letters.
  'GET /api/notifications': { allowed: ['APPLICANT', 'OTHER_APPLICANT'], path: () => '/notifications' },
  'POST /api/notifications/{id}/read': { allowed: ['APPLICANT', 'OTHER_APPLICANT'], hidden: ['OTHER_APPLICANT'], path: (f) => `/notifications/${f.notificationId}/read`, body: () => ({}) },
  'GET /api/notifications/contact': { allowed: ['APPLICANT', 'OTHER_APPLICANT'], path: () => '/notifications/contact' },
  'PUT /api/notifications/contact': { allowed: ['APPLICANT', 'OTHER_APPLICANT'], path: () => '/notifications/contact', body: () => ({ email: 'matrix@example.com', locale: 'en' }) },
  'GET /api/admin/notification-deliveries': { allowed: ['ADMIN'], path: () => '/admin/notification-deliveries' },
  'POST /api/admin/notification-deliveries/{id}/retry': { allowed: ['ADMIN'], path: (f) => `/admin/notification-deliveries/${f.deliveryId}/retry`, body: () => ({}) },
  // Walk-ins (issue 17): only the window finds applicants or opens accounts for them.
  'POST /api/window/applicants/lookup': { allowed: ['WINDOW'], path: () => '/window/applicants/lookup', body: () => ({ name: '矩阵', mobileLast4: '0000' }) },
  'POST /api/window/applicants': { allowed: ['WINDOW'], path: () => '/window/applicants', body: () => ({ name: '矩阵', mobile: '13900000000' }) },
  // …and only the window sends a walk-in's code again or types it back (an account nobody has).
  'POST /api/window/applicants/codes': { allowed: ['WINDOW'], path: () => '/window/applicants/codes', body: () => ({ username: 'matrix-nobody' }) },
  'POST /api/window/applicants/confirmations': { allowed: ['WINDOW'], path: () => '/window/applicants/confirmations', body: () => ({ username: 'matrix-nobody', code: '123456' }) },
  'POST /api/temporal-codec/decode': { allowed: ['ADMIN'], path: () => '/temporal-codec/decode', body: () => ({ payloads: [] }), headers: { 'x-namespace': 'default' } },
};

describe('authorization matrix: every route × every caller', () => {
  let db: PgClient;
  const tokens = new Map<Role, string | undefined>();
  const userIds = new Map<Role, string>();
  let fixture: Fixture;

  beforeAll(async () => {
    db = await connectDatabase();
    const [applicant, other, samr, psb, tax, hrss, bank, window, admin] = await Promise.all([
      newApplicant(),
      newApplicant(),
      signIn('clerk-samr'),
      signIn('clerk-psb'),
      signIn('clerk-tax'),
      signIn('clerk-hrss'),
      signIn('clerk-bank'),
      signIn('window'),
      signIn('admin'),
    ]);
    const signedIn: [Role, SignedIn][] = [
      ['APPLICANT', applicant],
      ['OTHER_APPLICANT', other],
      ['CLERK_SAMR', samr],
      ['CLERK_PSB', psb],
      ['CLERK_TAX', tax],
      ['CLERK_HRSS', hrss],
      ['CLERK_BANK', bank],
      ['WINDOW', window],
      ['ADMIN', admin],
    ];
    tokens.set('NONE', undefined);
    for (const [role, user] of signedIn) {
      tokens.set(role, user.token);
      userIds.set(role, user.id);
    }
    const filed = await fileCase(applicant.token);
    const taskId = await openTaskId(db, filed.id, 'SAMR');
    const complaint = await http<{ id: string }>('POST', `/applications/${filed.id}/complaints`, { token: applicant.token, body: { text: 'matrix fixture' } });
    // The register's row as a completed opening writes it (the fixture case stands in for the opening).
    const enterpriseId = randomUUID();
    await db.query(
      `INSERT INTO enterprises (id, uscc, name, entity_type, address, legal_representative, legal_representative_user_id, registered_capital, business_scope, shareholders, seals, status, opened_by_case_id)
       VALUES ($1, $2, '吉首市矩阵科技有限公司', 'LIMITED_LIABILITY', '{"divisionCode": "433101", "detail": "乾州街道"}', '{"name": "张三", "idNumber": "433101199001010011", "mobile": "13800001111"}', $3, '100000.00', '["软件开发"]', '[]', '[]', 'ACTIVE', $4)`,
      [enterpriseId, `91433101${enterpriseId.replace(/[^0-9]/g, '').padEnd(10, '2').slice(0, 10)}`, applicant.id, filed.id],
    );
    // The case's first notice, as the worker writes it, and a dead letter of it as the relay leaves one.
    const notificationId = await waitFor('the fixture case\'s SUBMITTED notice', async () => {
      const result = await db.query(`SELECT id::text FROM notifications WHERE case_id = $1 AND kind = 'SUBMITTED'`, [filed.id]);
      return (result.rows[0] as { id: string } | undefined)?.id;
    });
    const dead = await db.query(
      `INSERT INTO notification_deliveries (notification_id, channel, dedupe_key, status, attempts, last_error) VALUES ($1, 'SMS', $2, 'DEAD', 3, 'matrix') RETURNING id::text`,
      [notificationId, `matrix-${randomUUID()}/SMS`],
    );
    fixture = { caseId: filed.id, taskId, complaintId: complaint.body.id, enterpriseId, notificationId, deliveryId: (dead.rows[0] as { id: string }).id };
  });
  afterAll(() => db.end());

  it('has an entry for every route the API serves', async () => {
    const spec = await http<{ paths: Record<string, Record<string, unknown>> }>('GET', '/docs-json');
    const served = Object.entries(spec.body.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(served.sort()).toEqual(Object.keys(MATRIX).sort());
  });

  /** What a caller may not change: the fixture case, its tasks, complaints, corrections and the audit trail of actions. */
  async function snapshot(): Promise<unknown> {
    const [cases, tasks, complaints, corrections, audit, pings, walkIns, definitions, notices, deliveries, contacts] = await Promise.all([
      db.query(`SELECT status, correction_round, form FROM cases WHERE id = $1`, [fixture.caseId]),
      db.query(`SELECT id, status, claimed_by_id, escalated_at FROM tasks WHERE case_id = $1 ORDER BY id`, [fixture.caseId]),
      db.query(`SELECT id, status, resolution FROM complaints WHERE case_id = $1 ORDER BY id`, [fixture.caseId]),
      db.query(`SELECT count(*)::int AS n FROM corrections WHERE case_id = $1`, [fixture.caseId]),
      db.query(`SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1`, [fixture.caseId]),
      db.query(`SELECT count(*)::int AS n FROM ping_records`),
      db.query(`SELECT count(*)::int AS n FROM users WHERE name = '矩阵'`),
      db.query(`SELECT key, version, status FROM process_definitions WHERE key IN ('enterprise-opening', 'matrix-upload') ORDER BY key, version`),
      db.query(`SELECT id, read_at FROM notifications WHERE case_id = $1 ORDER BY id`, [fixture.caseId]),
      db.query(`SELECT id, status, attempts FROM notification_deliveries WHERE id = $1`, [fixture.deliveryId]),
      db.query(`SELECT email, locale FROM users WHERE id = ANY($1::uuid[]) ORDER BY id`, [[...userIds.values()]]),
    ]);
    return {
      cases: cases.rows,
      tasks: tasks.rows,
      complaints: complaints.rows,
      corrections: corrections.rows,
      audit: audit.rows,
      pings: pings.rows,
      walkIns: walkIns.rows,
      definitions: definitions.rows,
      notices: notices.rows,
      deliveries: deliveries.rows,
      contacts: contacts.rows,
    };
  }

  it('answers 401, 403 or 404 to every caller who may not, and changes nothing', async () => {
    const before = await snapshot();
    const refusals: string[] = [];
    const unexpected: string[] = [];
    for (const [route, entry] of Object.entries(MATRIX)) {
      const method = route.split(' ')[0];
      for (const role of ROLES) {
        const hidden = entry.hidden?.includes(role) ?? false;
        if (entry.allowed.includes(role) && !hidden) continue;
        const expected = entry.refusedWith ?? (role === 'NONE' ? 401 : hidden ? 404 : 403);
        const result = await http(method, entry.path(fixture), { token: tokens.get(role), body: entry.body?.(), headers: entry.headers });
        refusals.push(`${route} ${role}`);
        if (result.status !== expected) unexpected.push(`${route} as ${role}: ${result.status}, expected ${expected}`);
      }
    }
    // No case was filed by a caller who may not file: none carries the matrix's enterprise name, none
    // was filed by (or for) a refused caller.
    const refusedFilers = ROLES.filter((role) => !MATRIX['POST /api/applications'].allowed.includes(role)).flatMap((role) => userIds.get(role) ?? []);
    expect(refusedFilers).toHaveLength(6); // the five clerks and the admin; the caller with no token has no id
    const filedByRefused = await db.query(
      `SELECT count(*)::int AS n FROM cases WHERE enterprise_name = $1 OR filed_by_id = ANY($2::uuid[]) OR applicant_id = ANY($2::uuid[])`,
      [MATRIX_ENTERPRISE, refusedFilers],
    );
    expect(filedByRefused.rows[0]).toEqual({ n: 0 });
    expect(await snapshot()).toEqual(before);
    expect(unexpected).toEqual([]);
    expect(refusals.length).toBeGreaterThan(150);
  });

  it('lets the allowed callers read', async () => {
    for (const [route, entry] of Object.entries(MATRIX)) {
      if (!route.startsWith('GET ')) continue;
      for (const role of entry.allowed) {
        if (entry.hidden?.includes(role)) continue;
        const result = await http('GET', entry.path(fixture), { token: tokens.get(role) });
        expect(`${route} as ${role}: ${result.status}`).toBe(`${route} as ${role}: ${entry.readStatus ?? 200}`);
      }
    }
  });
});
