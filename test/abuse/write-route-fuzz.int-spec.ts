import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { caseWorkflowId } from '@onetrip/workflows/contracts';
import type { AppProcess } from '../../scripts/stack/app-process';
import { newApplicant, openTaskId, signIn, validForm, type SignedIn } from '../api/api-fixtures';
import { connectTemporal } from '../support/case-fixtures';
import { http } from '../support/http';
import { offerLargeBody } from '../support/large-body';
import { contractChecker, type ContractChecker, type OpenApiDocument, type Operation, type Schema } from '../support/openapi-contract';
import { recordCheck } from '../support/scorecard';
import { departmentSystemEnv, startApi, startWorker, testStack } from '../support/test-stack';
import { parseDepartmentSecrets, signRequest } from '../../libs/infrastructure/src/connectors/department-signature';

// Property-based fuzzing of every write route in the OpenAPI document, against an API + worker of its
// own on a database of its own (so the fingerprints see only what these requests do, not other test
// files). Each request is built from the route's documented body schema, then made hostile. Invariants:
// never a 5xx, every response matches the document for its status, and a refused request (4xx) leaves
// every table exactly as it was.

// Fixed by default so CI is repeatable; ONETRIP_FUZZ_SEED explores other cases. fast-check prints the seed on failure.
const SEED = Number(process.env.ONETRIP_FUZZ_SEED ?? 20261128);
// 150 runs: the first half of the 300 the suite ran before (the same seeds, so the same requests), which already
// reach every body kind and caller on every route (asserted below); the second half cost ~45 s of CPU in CI's lane.
const RUNS_PER_ROUTE = Number(process.env.ONETRIP_FUZZ_RUNS ?? 150);
// Every sign-in runs scrypt (an unknown username against a decoy hash, so it costs the same): at production's
// N=2^17, 300 of them took 117 s of the test's 120 s on the shared CI box, hence fewer runs. The test stack's
// APIs now hash at PASSWORD_SCRYPT_N=2^10 (test/support/test-stack.ts), ~3 ms; the count stayed.
const SIGN_IN_RUNS = 50;
// Routes whose body is empty or two fields, with an id of one kind (the notices'): fewer runs cover their
// space, and each run costs a fingerprint of every table (the suite's time budget).
const SMALL_ROUTES = ['/api/notifications/{id}/read', '/api/notifications/contact', '/api/admin/notification-deliveries/{id}/retry'];
const SMALL_ROUTE_RUNS = 60;
// The window's walk-in routes (look-up, account) take two short strings: its space is small, and every accepted run
// adds a user row each later fingerprint reads. 100 runs cover it without stretching the test's time budget.
const WALK_IN_RUNS = 100;
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];
// What every route must have been sent, whatever the run count: each way of making a body hostile and a caller
// without the right (the three non-JSON bodies count as one kind: each is rarer than the others).
const REQUIRED_BODY_KINDS = ['documented', 'hostile body', 'extra field', 'bad JSON', 'not JSON'];
const NOT_JSON_KINDS = ['other content type', 'form encoded', 'no body'];
// Limits far above what the fuzz sends, so the limiter runs on every sign-in and submission without refusing.
const RATE_LIMITS_ON_BUT_HIGH = {
  RATE_LIMIT_SIGN_IN_PER_IP: '1000000',
  RATE_LIMIT_SIGN_IN_PER_USERNAME: '1000000',
  RATE_LIMIT_SUBMIT_PER_IP: '1000000',
  RATE_LIMIT_SUBMIT_PER_USER: '1000000',
  RATE_LIMIT_REGISTER_PER_IP: '1000000',
};
/** Tables a refused request may legitimately change, and why. */
const NOT_FINGERPRINTED: Record<string, string> = {
  rate_limit_counters: 'counts every attempt, refused ones included: that is what it is for',
  connector_nonces: "remembers every validly signed department callback's nonce, refused ones included: that is what refuses a replay",
};
// A department system's callback is signed, not authorised by a token: "proper" callers sign with this department's secret.
const FUZZ_DEPARTMENT = 'SIM-A';
// Most of its requests end at the signature or the task lookup: fewer runs than a route with rules behind it.
const CONNECTOR_RUNS = 100;

interface FuzzRequest {
  caller: 'proper' | 'other role' | 'none' | 'garbage';
  id: string;
  freshKey: boolean;
  body: { text?: string; contentType?: string; kind: string };
}

/** The fuzzed API's HTTP_BODY_LIMIT_KB (its default, 64 kB) in bytes. */
const STACK_BODY_LIMIT_BYTES = 64 * 1024;

const HOSTILE_STRINGS = [
  'x'.repeat(70_000), // past the body limit (STACK_BODY_LIMIT_BYTES) once wrapped in JSON: 413
  'y'.repeat(5_000),
  '',
  ' ',
  '\u0000',
  '\u202e\u200b',
  '<script>alert(1)</script>',
  "' OR '1'='1' --",
  '../../etc/passwd',
  '${jndi:ldap://x/a}',
  '%00',
  'NaN',
  '𠜎𠜱𠝹𠱓😀',
  '433101199001011234',
];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
const MASS_ASSIGNMENT_KEYS = ['id', 'status', 'applicantId', 'role', 'isAdmin', 'outputs', 'fees', 'uscc', 'createdAt'];

const deepArray = (depth: number): unknown => (depth === 0 ? 1 : [deepArray(depth - 1)]);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(1e308, -1, 0, 2 ** 53 + 1, -(2 ** 31)),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }),
  fc.constant(deepArray(400)),
);

const hostileId: fc.Arbitrary<string> = fc.oneof(
  fc.uuid().map(String),
  fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  fc.constantFrom('0', '-1', 'null', 'undefined', '..', '%2e%2e%2f', 'a'.repeat(3000), "1'%20OR%20'1'%3D'1", encodeURIComponent('中文'), '%00', '00000000-0000-0000-0000-000000000000'),
);

const BAD_JSON = ['{', '{"a":', '[1,2', 'undefined', "{'a':1}", '{"a":1}}', '{"a":NaN}', '\u0000', 'null', '"text"', '123', ''];

/** Every JSON path (keys and indices) inside a value, for deep mutations. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return entries.flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
}

function setAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = replacement;
  return copy;
}

/** JSON text of `base` with one more key first; written as text so `__proto__` stays an own key on the wire. */
function withExtraKey(base: unknown, key: string, value: unknown): string {
  const rest = base !== null && typeof base === 'object' && !Array.isArray(base) ? JSON.stringify(base).slice(1, -1) : '';
  return `{${JSON.stringify(key)}:${JSON.stringify(value)}${rest ? `,${rest}` : ''}}`;
}

describe('fuzzing every write route from the OpenAPI document', () => {
  const stack = testStack();
  const departmentSecret = parseDepartmentSecrets(stack.departmentSystems.secrets).get(FUZZ_DEPARTMENT)!;
  const databaseName = `onetrip_fuzz_${process.pid}_${Date.now()}`;
  let admin: PgClient;
  let db: PgClient;
  let api: { url: string; app: AppProcess } | undefined;
  let worker: AppProcess | undefined;
  let doc: OpenApiDocument;
  let contract: ContractChecker;
  let tableNames: string[];
  const callers = new Map<string, SignedIn>();
  /** Per resource: the ended fixture first, then live ones (an open task, a case awaiting correction, an open complaint). */
  const fixtureIds: Record<string, string[]> = {};
  /** Cases whose workflows may still be writing after an accepted request. */
  const liveCases: string[] = [];
  /** For the routes that end a case: the ended fixture and a live case of their own. */
  const endingFixtureIds: Record<string, string[]> = {};
  const LIVE_FIXTURE_CASES = 3;
  const ENDING_ROUTES = ['/api/applications/{id}/cancel', '/api/admin/cases/{id}/actions'];
  let temporal: Awaited<ReturnType<typeof connectTemporal>>;
  const idempotencyKey = `fuzz-${randomUUID()}`;
  let fingerprintsAroundFixtures: [Record<string, string>, Record<string, string>];

  beforeAll(async () => {
    admin = new PgClient({ connectionString: stack.databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${databaseName}`);
    const url = new URL(stack.databaseUrl);
    url.pathname = `/${databaseName}`;
    db = new PgClient({ connectionString: url.toString() });
    await db.connect();
    const queue = `onetrip-fuzz-${process.pid}`;
    // The API first: it migrates the new database; its own worker, so workflow writes land there too.
    const ownDatabase = { ...stack, databaseUrl: url.toString(), taskQueue: queue };
    api = await startApi({ ...RATE_LIMITS_ON_BUT_HIGH, ...departmentSystemEnv(stack.departmentSystems) }, 'api-fuzz', ownDatabase);
    worker = await startWorker({}, 'worker-fuzz', ownDatabase);
    const base = api.url;

    doc = (await http<OpenApiDocument>('GET', '/docs-json', { baseUrl: base })).body;
    contract = contractChecker(doc);
    tableNames = (await db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)).rows
      .map((row: { table_name: string }) => row.table_name)
      .filter((table: string) => !(table in NOT_FINGERPRINTED));

    // Fixtures in an ended state, so a well-formed decision is refused (409) rather than starting work that
    // would keep writing after its response: a cancelled case with its cancelled SAMR task, a resolved complaint.
    const beforeFixtures = await fingerprint();
    const applicant = await newApplicant(base);
    const [clerk, administrator, window] = await Promise.all([signIn('clerk-samr', undefined, base), signIn('admin', undefined, base), signIn('window', undefined, base)]);
    callers
      .set('applications', applicant)
      .set('tasks', clerk)
      .set('admin', administrator)
      .set('pings', administrator)
      .set('temporal-codec', administrator)
      .set('notices', applicant)
      .set('notifications', applicant)
      .set('window', window);
    const filed = await http<{ id: string }>('POST', '/applications', { baseUrl: base, token: applicant.token, body: validForm(), headers: { 'idempotency-key': idempotencyKey } });
    expect(filed.status).toBe(201);
    const complaint = await http<{ id: string }>('POST', `/applications/${filed.body.id}/complaints`, { baseUrl: base, token: applicant.token, body: { text: 'fuzz fixture' } });
    expect(complaint.status).toBe(201);
    const taskId = await openTaskId(db, filed.body.id, 'SAMR');
    expect((await http('POST', `/admin/complaints/${complaint.body.id}/resolve`, { baseUrl: base, token: administrator.token, body: { resolution: 'done' } })).status).toBe(200);
    expect((await http('POST', `/applications/${filed.body.id}/cancel`, { baseUrl: base, token: applicant.token, body: { reason: 'fuzz fixture' } })).status).toBe(200);
    // Quiet before fuzzing: the case workflow has finished (and with it every write it makes).
    temporal = await connectTemporal();
    await temporal.workflow.getHandle(caseWorkflowId(filed.body.id)).result();
    // The case's SUBMITTED notice (the worker wrote it) and a dead letter of it, as a relay leaves one.
    await waitFor(async () => (await db.query(`SELECT 1 FROM notifications WHERE case_id = $1 AND kind = 'SUBMITTED'`, [filed.body.id])).rowCount === 1, 'the fixture\'s SUBMITTED notice');
    const notice = (await db.query(`SELECT id::text FROM notifications WHERE case_id = $1 AND kind = 'SUBMITTED'`, [filed.body.id])).rows[0] as { id: string };
    const letter = (await db.query(`INSERT INTO notification_deliveries (notification_id, channel, dedupe_key, status, attempts, last_error) VALUES ($1, 'SMS', $2, 'DEAD', 3, 'fuzz fixture') RETURNING id::text`, [notice.id, `fuzz-${randomUUID()}/SMS`])).rows[0] as { id: string };
    fingerprintsAroundFixtures = [beforeFixtures, await fingerprint()];

    // Live fixtures, so well-formed requests get past the door to the rules and the workflow's Updates:
    // a case with SAMR's task open, a case awaiting a correction (SAMR returned a field), an open complaint.
    const fileLive = async (): Promise<string> => {
      const live = await http<{ id: string }>('POST', '/applications', { baseUrl: base, token: applicant.token, body: validForm(), headers: { 'idempotency-key': `fuzz-${randomUUID()}` } });
      expect(live.status).toBe(201);
      liveCases.push(live.body.id);
      return live.body.id;
    };
    // The third is only for the routes that end a case (cancel, admin actions), so the others stay live.
    const [openCase, correctionCase, endableCase] = [await fileLive(), await fileLive(), await fileLive()];
    expect(liveCases).toHaveLength(LIVE_FIXTURE_CASES);
    const openTask = await openTaskId(db, openCase, 'SAMR');
    const returned = await http('POST', `/tasks/${await openTaskId(db, correctionCase, 'SAMR')}/return`, { baseUrl: base, token: clerk.token, body: { items: [{ field: 'company.name', reason: 'fuzz fixture' }] } });
    expect(returned.status).toBe(200);
    await waitFor(async () => (await db.query(`SELECT status FROM cases WHERE id = $1`, [correctionCase])).rows[0]?.status === 'AWAITING_CORRECTION', 'the correction fixture awaits its correction');
    const openComplaint = await http<{ id: string }>('POST', `/applications/${openCase}/complaints`, { baseUrl: base, token: applicant.token, body: { text: 'fuzz fixture, open' } });
    expect(openComplaint.status).toBe(201);
    await quiet();
    Object.assign(fixtureIds, {
      applications: [filed.body.id, openCase, correctionCase],
      cases: [filed.body.id, openCase, correctionCase],
      tasks: [taskId, openTask],
      complaints: [complaint.body.id, openComplaint.body.id],
      // Objections: cases in no notice period, so a well-formed objection is refused (409 NOTICE_NOT_OPEN).
      notices: [filed.body.id, openCase, correctionCase],
      notifications: [notice.id],
      'notification-deliveries': [letter.id],
    });
    Object.assign(endingFixtureIds, { applications: [filed.body.id, endableCase], cases: [filed.body.id, endableCase] });
    await openTaskId(db, endableCase, 'SAMR');
    await quiet();
  });

  afterAll(async () => {
    await temporal?.connection.close();
    await api?.app.stop();
    await worker?.stop();
    await db?.end();
    await admin?.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`).catch(() => undefined);
    await admin?.end();
  });

  /** One md5 per table over its rows' text, ordered: any insert, update or delete changes it. */
  async function fingerprint(): Promise<Record<string, string>> {
    const union = tableNames.map((table) => `SELECT '${table}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${table}" x`).join(' UNION ALL ');
    const rows = (await db.query(union)).rows as { t: string; h: string }[];
    return Object.fromEntries(rows.map((row) => [row.t, row.h]));
  }

  /** Polls a condition until it holds, or fails after the deadline. */
  async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * After an accepted request the case's workflow may go on writing (opening the next tasks): wait until
   * no live workflow has an activity in flight and two fingerprints agree, so the next refused request is
   * judged on its own writes only.
   */
  async function quiet(): Promise<Record<string, string>> {
    let previous = await fingerprint();
    let current: Record<string, string> = {};
    await waitFor(async () => {
      const busy = await Promise.all(
        liveCases.map((id) =>
          temporal.workflow
            .getHandle(caseWorkflowId(id))
            .describe()
            .then((description) => (description.raw.pendingActivities?.length ?? 0) > 0),
        ),
      );
      current = await fingerprint();
      const settled = !busy.includes(true) && tableNames.every((table) => current[table] === previous[table]);
      previous = current;
      return settled;
    }, 'the live workflows to go quiet');
    return current;
  }

  const responseValidator = (path: string, method: string, status: number) => contract.responseValidator(path, method, status);

  function resolve(schema: Schema | undefined): Schema {
    if (!schema) return {};
    if (typeof schema.$ref === 'string') return resolve(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
    if (Array.isArray(schema.allOf) && schema.allOf.length === 1) return resolve({ ...schema, allOf: undefined, ...(schema.allOf[0] as Schema) });
    return schema;
  }

  /** Values the documented schema accepts as far as its types, enums, lengths and examples say. */
  function documented(raw: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
    const schema = resolve(raw);
    if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
    const example = schema.example !== undefined ? [fc.constant(schema.example)] : [];
    const typed = ((): fc.Arbitrary<unknown> => {
      switch (schema.type) {
        case 'string':
          return fc.string({ minLength: Number(schema.minLength ?? 0), maxLength: Math.min(Number(schema.maxLength ?? 30), 30) });
        case 'integer':
        case 'number':
          return fc.integer({ min: Number(schema.minimum ?? -1000), max: Number(schema.maximum ?? 1000) });
        case 'boolean':
          return fc.boolean();
        case 'array':
          return depth > 4 ? fc.constant([]) : fc.array(documented(schema.items as Schema, depth + 1), { minLength: Math.min(Number(schema.minItems ?? 0), 2), maxLength: 2 });
        default: {
          const properties = (schema.properties ?? {}) as Record<string, Schema>;
          if (Object.keys(properties).length === 0 || depth > 4) return fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), { maxKeys: 3 });
          const model = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, documented(property, depth + 1)]));
          return fc.record(model, { requiredKeys: ((schema.required ?? []) as string[]).filter((name) => name in model) });
        }
      }
    })();
    return example.length && depth > 0 ? fc.oneof(example[0], typed) : typed;
  }

  /** A documented body, then made hostile in one of several ways. */
  function bodies(operation: Operation): fc.Arbitrary<FuzzRequest['body']> {
    const schema = operation.requestBody?.content?.['application/json']?.schema;
    const valid = documented(schema ?? { type: 'object', properties: {} });
    const json = (kind: string) => (value: unknown) => ({ kind, text: JSON.stringify(value), contentType: 'application/json' });
    return fc.oneof(
      { weight: 1, arbitrary: valid.map(json('documented')) },
      {
        weight: 5,
        arbitrary: valid.chain((base) => {
          const paths = pathsOf(base);
          if (paths.length === 0) return hostileValue.map(json('hostile body'));
          return fc.tuple(fc.constantFrom(...paths), hostileValue).map(([path, value]) => json('hostile field')(setAt(base, path, value)));
        }),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(valid, fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, ...MASS_ASSIGNMENT_KEYS), fc.string({ maxLength: 20 })), hostileValue)
          .map(([base, key, value]) => ({ kind: 'extra field', text: withExtraKey(base, key, value), contentType: 'application/json' })),
      },
      { weight: 1, arbitrary: hostileValue.map(json('hostile body')) },
      { weight: 1, arbitrary: fc.constantFrom(...BAD_JSON).map((text) => ({ kind: 'bad JSON', text, contentType: 'application/json' })) },
      {
        weight: 1,
        arbitrary: valid.chain((base) =>
          fc.constantFrom(
            { kind: 'other content type', text: JSON.stringify(base), contentType: 'text/plain' },
            { kind: 'form encoded', text: 'status=DONE&__proto__[x]=1&id=1', contentType: 'application/x-www-form-urlencoded' },
            { kind: 'no body', text: undefined, contentType: undefined },
          ),
        ),
      },
    );
  }

  function requests(path: string, operation: Operation): fc.Arbitrary<FuzzRequest> {
    const resource = /\/([a-z-]+)\/\{id\}/.exec(path)?.[1];
    const ids = resource ? (ENDING_ROUTES.includes(path) ? endingFixtureIds : fixtureIds)[resource] : [''];
    if (resource && !ids?.length) throw new Error(`no fixture id for ${path}: add one to the fuzz test`);
    return fc.record({
      caller: fc.oneof({ weight: 8, arbitrary: fc.constant('proper' as const) }, { weight: 1, arbitrary: fc.constantFrom('other role' as const, 'none' as const, 'garbage' as const) }),
      id: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: hostileId }),
      // A fresh Idempotency-Key on a quarter of the filings, so well-formed forms reach the rules (and may file a case).
      freshKey: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      body: bodies(operation),
    });
  }

  it('documents every write route, and every error with the shared ErrorResponse', () => {
    const writeRoutes = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).filter((method) => WRITE_METHODS.includes(method)).map((method) => ({ path, method })));
    const problems = writeRoutes.flatMap(({ path, method }) => {
      const responses = doc.paths[path][method].responses;
      const success = Object.keys(responses).filter((status) => /^2/.test(status));
      return [
        ...(success.length === 0 || success.some((status) => !responseValidator(path, method, Number(status))) ? [`${method} ${path}: no documented success schema`] : []),
        ...['400', '413'].filter((status) => !responseValidator(path, method, Number(status))).map((status) => `${method} ${path}: ${status} undocumented`),
      ];
    });
    expect(problems).toEqual([]);
    // Positive control: the ErrorResponse schema refuses a body of another shape.
    const errorShape = contract.ajv.compile({ $ref: 'openapi#/components/schemas/ErrorResponse' });
    expect(errorShape({ statusCode: 400, error: 'VALIDATION_FAILED', code: 'VALIDATION_FAILED', message: 'x', fields: [{ path: 'a', messages: ['b'] }] })).toBe(true);
    expect(errorShape({ statusCode: '400', message: 'x', stack: 'at …' })).toBe(false);
    // Positive control: the fingerprint sees writes (filing, complaining, cancelling the fixtures).
    const [before, after] = fingerprintsAroundFixtures;
    expect(['cases', 'tasks', 'complaints', 'audit_log'].filter((table) => before[table] === after[table])).toEqual([]);
  });

  it('never answers 5xx or off the document, and refused requests change nothing', async () => {
    const writeRoutes = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => WRITE_METHODS.includes(method))
        .map(([method, operation]) => ({ path, method, operation })),
    );
    expect(writeRoutes.length).toBeGreaterThanOrEqual(13);
    const figures = { sent: 0, accepted: 0, refused: 0, serverErrors: 0, schemaViolations: 0, refusedThatWrote: 0 };
    const statuses = new Map<number, number>();
    const byRoute = new Map<string, Map<number, number>>();
    /** Per route: the body kinds and callers sent (the coverage the run count must keep). */
    const sentKinds = new Map<string, Set<string>>();
    let last = await fingerprint();
    const errorShape = contract.ajv.compile({ $ref: 'openapi#/components/schemas/ErrorResponse' });
    const base = api!.url;

    for (const [index, { path, method, operation }] of writeRoutes.entries()) {
      const prefix = path.split('/')[2];
      const proper = callers.get(prefix)?.token;
      // Someone signed in who may not call it: the clerk on applicants' routes, the applicant elsewhere.
      const otherRole = prefix === 'applications' ? callers.get('tasks')?.token : callers.get('applications')?.token;
      const route = `${method.toUpperCase()} ${path}`;
      const kinds = new Set<string>();
      sentKinds.set(route, kinds);
      await fc.assert(
        fc.asyncProperty(requests(path, operation), async (request) => {
          kinds.add(NOT_JSON_KINDS.includes(request.body.kind) ? 'not JSON' : request.body.kind).add(request.caller === 'proper' ? 'proper caller' : 'improper caller');
          const url = `${base}${path.replace(/^\/api/, '').replace('{id}', request.id).replace('{department}', request.caller === 'proper' ? FUZZ_DEPARTMENT : request.id)}`;
          const headers: Record<string, string> = {};
          if (path === '/api/connectors/{department}/callbacks' && request.caller === 'proper') {
            Object.assign(headers, signRequest(FUZZ_DEPARTMENT, departmentSecret, { method: 'POST', path: new URL(url).pathname, body: request.body.text ?? '' }));
          }
          if (request.body.contentType) headers['content-type'] = request.body.contentType;
          if (request.caller === 'proper' && proper) headers.authorization = `Bearer ${proper}`;
          if (request.caller === 'other role' && otherRole) headers.authorization = `Bearer ${otherRole}`;
          if (request.caller === 'garbage') headers.authorization = 'Bearer not.a.token';
          if (path === '/api/temporal-codec/decode') headers['x-namespace'] = 'default';
          // The fixture's key (a differing form is a 409) or a fresh one (the form meets the rules, and may start a case).
          if (path === '/api/applications') headers['idempotency-key'] = request.freshKey ? `fuzz-${randomUUID()}` : idempotencyKey;
          const response = await sendOffering(url, method.toUpperCase(), headers, request.body.text);
          const text = response.text;
          figures.sent += 1;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const reached = byRoute.get(`${method.toUpperCase()} ${path}`) ?? new Map<number, number>();
          byRoute.set(`${method.toUpperCase()} ${path}`, reached.set(response.status, (reached.get(response.status) ?? 0) + 1));
          const what = `${method.toUpperCase()} ${url.slice(0, 200)} (${request.body.kind}) → ${response.status} ${text.slice(0, 300)}`;
          if (response.status >= 500) {
            figures.serverErrors += 1;
            throw new Error(`server error: ${what}`);
          }
          // A hostile id such as `.` is resolved away by the URL (`/tasks/./complete` is `/tasks/complete`), which is
          // another path of the document (`/tasks/{id}`), without POST: 405 with Allow, in the shared error shape.
          const otherPath = response.status === 405 && response.headers.get('allow') !== null;
          const validate = otherPath ? errorShape : responseValidator(path, method, response.status);
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            body = undefined;
          }
          if (!validate || body === undefined || !validate(body)) {
            figures.schemaViolations += 1;
            throw new Error(`response off the document: ${what} ${JSON.stringify(validate?.errors ?? 'status or body not documented')}`);
          }
          const now = await fingerprint();
          if (response.status >= 400) {
            figures.refused += 1;
            const changed = tableNames.filter((table) => now[table] !== last[table]);
            if (changed.length > 0) {
              figures.refusedThatWrote += 1;
              throw new Error(`refused request changed ${changed.join(', ')}: ${what}`);
            }
            last = now;
          } else {
            figures.accepted += 1;
            const filed = path === '/api/applications' ? (body as { id?: string }).id : undefined;
            if (filed) liveCases.push(filed);
            last = await quiet();
          }
        }),
        {
          seed: SEED + index,
          numRuns:
            path === '/api/auth/token'
              ? Math.min(RUNS_PER_ROUTE, SIGN_IN_RUNS)
              : path.startsWith('/api/connectors/')
                ? Math.min(RUNS_PER_ROUTE, CONNECTOR_RUNS)
                : SMALL_ROUTES.includes(path)
                  ? Math.min(RUNS_PER_ROUTE, SMALL_ROUTE_RUNS)
                  : path.startsWith('/api/window/applicants')
                    ? Math.min(RUNS_PER_ROUTE, WALK_IN_RUNS)
                    : RUNS_PER_ROUTE,
          endOnFailure: true,
        },
      );
    }

    const perRoute = [...byRoute].map(([route, counts]) => `${route}: ${[...counts].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ')}`);
    process.stdout.write(`fuzz statuses per route:\n  ${perRoute.join('\n  ')}\n`);
    // Every route got every kind of hostile body and both kinds of caller; a hostile field where its body has fields.
    const hasFields = (path: string, method: string): boolean =>
      Object.keys(resolve(doc.paths[path][method].requestBody?.content?.['application/json']?.schema).properties ?? {}).length > 0;
    const uncovered = writeRoutes.flatMap(({ path, method }) => {
      const kinds = sentKinds.get(`${method.toUpperCase()} ${path}`) ?? new Set<string>();
      const required = [...REQUIRED_BODY_KINDS, ...(hasFields(path, method) ? ['hostile field'] : []), 'proper caller', 'improper caller'];
      return required.filter((kind) => !kinds.has(kind)).map((kind) => `${method.toUpperCase()} ${path}: no ${kind}`);
    });
    expect(uncovered).toEqual([]);
    // Past the door: a clerk's claim and decision on the live task ran the workflow's Update and were accepted.
    expect(['POST /api/tasks/{id}/claim', 'POST /api/tasks/{id}/complete'].filter((route) => ![...(byRoute.get(route)?.keys() ?? [])].some((status) => status < 300))).toEqual([]);
    expect(figures.serverErrors).toBe(0);
    expect(figures.schemaViolations).toBe(0);
    expect(figures.refusedThatWrote).toBe(0);
    // The fuzz reached past validation too, not only 400s.
    expect([...statuses.keys()].filter((status) => status !== 400).length).toBeGreaterThanOrEqual(4);
    recordCheck({
      id: 'abuse.write-route-fuzz',
      section: 'Bad input and abuse',
      check: 'Every write route of the OpenAPI document fuzzed with documented-then-hostile bodies, ids and callers',
      how: `fast-check, seed ${SEED}, ${RUNS_PER_ROUTE} runs per route (sign-in ${Math.min(RUNS_PER_ROUTE, SIGN_IN_RUNS)}, walk-in accounts ${Math.min(RUNS_PER_ROUTE, WALK_IN_RUNS)}); ajv against the document; md5 of every table around each refused request`,
      figures: {
        'write routes fuzzed': writeRoutes.length,
        'routes missing a body kind or caller': new Set(uncovered.map((problem) => problem.split(': ')[0])).size,
        'requests sent': figures.sent,
        'refused (4xx)': figures.refused,
        'accepted (2xx)': figures.accepted,
        'distinct statuses': [...statuses.keys()].sort().join(' '),
        'cases filed by the fuzz (fresh keys)': liveCases.length - LIVE_FIXTURE_CASES,
        'routes that reached a 2xx': [...byRoute.values()].filter((counts) => [...counts.keys()].some((status) => status < 300)).length,
        'server errors (5xx)': figures.serverErrors,
        'schema violations': figures.schemaViolations,
        'tables fingerprinted': tableNames.length,
        'tables not fingerprinted (rate-limit counters)': Object.keys(NOT_FINGERPRINTED).length,
        'rate-limit counters bumped': Number((await db.query(`SELECT coalesce(sum(hits), 0)::int AS n FROM rate_limit_counters`)).rows[0].n),
        'refused requests that changed the database': figures.refusedThatWrote,
      },
    });
  }, 300_000); // ~4,500 requests, each with table fingerprints: CPU-bound, and it shares the CPU with the other jest worker
});

/**
 * fetch, except that a body the server refuses as too large and closes on (413, Connection: close) can lose the
 * answer: fetch writes on into the closed connection and fails with EPIPE or ECONNRESET. That request is offered
 * again by its Content-Length alone (no byte sent), which gets the same answer without the race.
 */
async function sendOffering(url: string, method: string, headers: Record<string, string>, body: string | undefined): Promise<{ status: number; text: string; headers: Headers }> {
  try {
    const response = await fetch(url, { method, headers, body });
    return { status: response.status, text: await response.text(), headers: response.headers };
  } catch (error) {
    const code = ((error as { cause?: { code?: string } }).cause ?? {}).code;
    if (body === undefined || Buffer.byteLength(body) <= STACK_BODY_LIMIT_BYTES || (code !== 'EPIPE' && code !== 'ECONNRESET')) throw error;
    const answer = await offerLargeBody(url, { total: Buffer.byteLength(body), mode: 'content-length', method, headers });
    return { status: answer.status, text: answer.text, headers: answer.headers };
  }
}
