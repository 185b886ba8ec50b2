import fc from 'fast-check';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Client as PgClient } from 'pg';
import { connectDatabase } from '../support/case-fixtures';
import { http } from '../support/http';
import { offerLargeBody } from '../support/large-body';
import { parseDepartmentSecrets, signRequest } from '../../libs/infrastructure/src/connectors/department-signature';
import { contractChecker, requiredQuery, type ContractChecker, type OpenApiDocument, type Operation, type Schema } from '../support/openapi-contract';
import { testStack } from '../support/test-stack';
import { fileCase, newApplicant, openTaskId, signIn, type SignedIn } from './api-fixtures';

// Every route of the OpenAPI document, read routes too, driven to each documented status it can be
// driven to here, and every answer checked against the document with ajv. What cannot be driven here
// is named with the spec that drives it, so the list of gaps is explicit.

const ROOT = path.resolve(__dirname, '../..');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** The "token" of a department's system: its requests are signed with its secret (a lane's simulated department). */
const DEPARTMENT_SIGNS = 'department-signature';
const CONTRACT_DEPARTMENT = 'SIM-A';
const departmentSecret = (): Buffer => parseDepartmentSecrets(testStack().departmentSystems.secrets).get(CONTRACT_DEPARTMENT)!;
const NOT_DRIVEN_HERE: Record<string, string> = {
  '409': 'refused decisions and replays: test/api/case-flow, idempotency, test/abuse/write-route-fuzz',
  '429': 'test/abuse/rate-limits',
  '503': 'test/faults (PostgreSQL and Temporal outages)',
};

// A well-formed body per write route with an id, so an unknown id gets past validation to its 404.
const WELL_FORMED: Record<string, unknown> = {
  'POST /api/applications/{id}/corrections': { changes: { 'company.address.detail': '乾州街道世纪大道99号' } },
  'POST /api/applications/{id}/cancel': { reason: 'contract' },
  'POST /api/applications/{id}/complaints': { text: 'contract' },
  'POST /api/notices/{id}/objections': { reason: 'contract', clientKey: 'contract-objection' },
  'POST /api/connectors/{department}/callbacks': { taskId: 'contract-unknown.SIM-A.1', decision: 'REJECT', reason: 'contract' },
  'POST /api/tasks/{id}/claim': {},
  'POST /api/tasks/{id}/complete': {},
  'POST /api/tasks/{id}/return': { items: [{ field: 'company.name', reason: 'contract' }] },
  'POST /api/tasks/{id}/reject': { reason: 'contract' },
  'POST /api/admin/complaints/{id}/resolve': { resolution: 'contract' },
  'POST /api/admin/cases/{id}/actions': { action: 'ESCALATE', reason: 'contract' },
  'POST /api/admin/processes/{key}/versions/{version}/activate': {},
  'POST /api/admin/processes/{key}/versions/{version}/retire': {},
  'POST /api/processes/{key}/applications': { form: {} },
  'POST /api/notifications/{id}/read': {},
  'POST /api/admin/notification-deliveries/{id}/retry': {},
  // Walk-in confirmation: the account is named in the body; one nobody has.
  'POST /api/window/applicants/codes': { username: 'contract-nobody' },
  'POST /api/window/applicants/confirmations': { username: 'contract-nobody', code: '123456' },
};

// Routes with a larger body limit of their own: the oversized body must pass it.
const OVERSIZED_BYTES: Record<string, number> = { 'POST /api/admin/processes': 600 * 1024 };

describe('the API answers exactly what its OpenAPI document says', () => {
  let doc: OpenApiDocument;
  let contract: ContractChecker;
  let db: PgClient;
  const callers = new Map<string, SignedIn>();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    doc = (await http<OpenApiDocument>('GET', '/docs-json')).body;
    contract = contractChecker(doc);
    db = await connectDatabase();
    const [applicant, clerk, admin, window] = await Promise.all([newApplicant(), signIn('clerk-samr'), signIn('admin'), signIn('window')]);
    callers
      .set('applications', applicant)
      .set('tasks', clerk)
      .set('admin', admin)
      .set('pings', admin)
      .set('temporal-codec', admin)
      .set('processes', applicant)
      .set('cases', applicant)
      .set('enterprises', applicant)
      .set('notices', applicant)
      .set('notifications', applicant)
      .set('window', window)
      .set('connectors', { token: DEPARTMENT_SIGNS } as typeof applicant);
    const filed = await fileCase(applicant.token);
    const complaint = await http<{ id: string }>('POST', `/applications/${filed.id}/complaints`, { token: applicant.token, body: { text: 'contract fixture' } });
    expect(complaint.status).toBe(201);
    // A stored document whose content does not open: the public verify route answers 200 INVALID for it
    // (real documents, their PDFs and every verify status: test/documents).
    const code = `CONTRACT${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;
    await db.query(
      `INSERT INTO issued_documents (code, kind, case_id, version, content, content_hash, signature, key_id, issued_at) VALUES ($1, 'OUTCOME', $2, 1, 'x', 'x', 'x', 'x', now())`,
      [code, filed.id],
    );
    // An enterprise of the applicant's in the register (as a completed opening would write it), for its read routes.
    const enterprise = randomUUID();
    await db.query(
      `INSERT INTO enterprises (id, uscc, name, entity_type, address, legal_representative, legal_representative_user_id, registered_capital, business_scope, shareholders, seals, status, opened_by_case_id)
       VALUES ($1, $2, '吉首市契约科技有限公司', 'LIMITED_LIABILITY', '{"divisionCode": "433101", "detail": "乾州街道"}', '{"name": "张三", "idNumber": "433101199001010011", "mobile": "13800001111"}', $3, '100000.00', '["软件开发"]', '[]', '[]', 'ACTIVE', $4)`,
      [enterprise, `91433101${enterprise.replace(/[^0-9]/g, '').padEnd(10, '1').slice(0, 10)}`, applicant.id, filed.id],
    );
    // The case's SUBMITTED notice (the worker writes it at once) and a dead letter of it, for the notifications' routes.
    let notice: { id: string } | undefined;
    for (const deadline = Date.now() + 20_000; !notice && Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
      notice = (await db.query(`SELECT id::text FROM notifications WHERE case_id = $1 AND kind = 'SUBMITTED'`, [filed.id])).rows[0] as { id: string } | undefined;
    }
    const letter = (await db.query(`INSERT INTO notification_deliveries (notification_id, channel, dedupe_key, status, attempts, last_error) VALUES ($1, 'SMS', $2, 'DEAD', 3, 'contract') RETURNING id::text`, [notice!.id, `contract-${randomUUID()}/SMS`])).rows[0] as { id: string };
    Object.assign(ids, { applications: filed.id, cases: filed.id, notices: filed.id, tasks: await openTaskId(db, filed.id, 'SAMR'), complaints: complaint.body.id, verify: code, enterprises: enterprise, notifications: notice!.id, 'notification-deliveries': letter.id });
  });

  afterAll(async () => {
    await db?.end();
  });

  const operations = (): { path: string; method: string; operation: Operation }[] =>
    Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).filter(([method]) => METHODS.includes(method)).map(([method, operation]) => ({ path, method, operation })));

  async function send(method: string, path: string, options: { id?: string; query?: string; token?: string; body?: string; oversized?: number; headers?: Record<string, string> }) {
    const resource = /\/([a-z-]+)\/\{id\}/.exec(path)?.[1];
    // Process versions: the shipped one (every run has it), or an unknown key for a 404.
    const route = path
      .replace(/^\/api/, '')
      .replace('{id}', options.id ?? (resource ? ids[resource] : ''))
      .replace('{key}', options.id ? `unknown-${options.id.slice(0, 8)}` : 'enterprise-opening')
      .replace('{version}', '1')
      .replace('{round}', '1')
      .replace('{code}', options.id ? `UNKNOWN${options.id.replace(/-/g, '').slice(0, 12).toUpperCase()}` : ids.verify);
    const headers: Record<string, string> = { ...options.headers };
    // A department's system signs its callbacks instead of holding a token (docs/connectors.md).
    if (options.token === DEPARTMENT_SIGNS) {
      Object.assign(headers, signRequest(CONTRACT_DEPARTMENT, departmentSecret(), { method: method.toUpperCase(), path: `/api${route.replace('{department}', CONTRACT_DEPARTMENT)}`, body: options.body ?? '' }));
    } else if (options.token) headers.authorization = `Bearer ${options.token}`;
    const url = `${testStack().apiUrl}${route.replace('{department}', CONTRACT_DEPARTMENT)}${options.query ?? ''}`;
    if (options.oversized !== undefined) {
      // Declared, never written: fetch would write on into the connection the 413 closes and lose the answer.
      const answer = await offerLargeBody(url, { total: options.oversized, mode: 'content-length', method: method.toUpperCase(), headers });
      return { status: answer.status, text: answer.text, headers: answer.headers };
    }
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(url, { method: method.toUpperCase(), headers, body: options.body });
    return { status: response.status, text: await response.text(), headers: response.headers };
  }

  it('drives every operation to its documented statuses, and every answer matches the document', async () => {
    const problems: string[] = [];
    const reached = new Map<string, Set<string>>();
    for (const { path, method, operation } of operations()) {
      const key = `${method.toUpperCase()} ${path}`;
      const prefix = path.split('/')[2];
      const proper = callers.get(prefix)?.token;
      // Someone signed in whose role the route refuses: a clerk where applicants file, else an applicant.
      const other = prefix === 'applications' || prefix === 'processes' || prefix === 'cases' || prefix === 'enterprises' || prefix === 'notices' || prefix === 'notifications' ? callers.get('tasks')?.token : callers.get('applications')?.token;
      // A PDF's 200 is no JSON to check here: test/documents reads the PDFs themselves.
      const binary = operation.responses['200'] !== undefined && !operation.responses['200'].content?.['application/json'];
      const documented = Object.keys(operation.responses);
      const headers = operation.parameters?.some((parameter) => parameter.in === 'header' && parameter.name === 'x-namespace') ? { 'x-namespace': 'default' } : undefined;
      const write = method !== 'get';
      const attempts: { want: string; options: Parameters<typeof send>[2] }[] = [];
      // Success: read routes here (write routes succeed in the flow specs and the fuzz, whose answers are checked too).
      const needed = requiredQuery(operation);
      const neededQuery = Object.keys(needed).length ? `?${new URLSearchParams(needed)}` : undefined;
      if (!write && !binary) attempts.push({ want: '2xx', options: { token: proper, query: neededQuery, headers } });
      if (documented.includes('401') && proper) attempts.push({ want: '401', options: { body: write ? '{}' : undefined, headers } });
      if (documented.includes('403') && proper) attempts.push({ want: '403', options: { token: other, body: write ? '{}' : undefined, headers } });
      if (documented.includes('404')) {
        if (write && !(key in WELL_FORMED)) problems.push(`${key}: no well-formed body to reach its 404: add one to WELL_FORMED`);
        const body = write ? JSON.stringify(WELL_FORMED[key]) : undefined;
        attempts.push({ want: '404', options: { token: proper, id: path.includes('/tasks/') ? `${randomUUID()}.SAMR.1` : randomUUID(), body, headers } });
      }
      // An unknown property where there is a body to validate; else JSON that does not parse.
      if (write) attempts.push({ want: '400', options: { token: proper, body: operation.requestBody ? '{"notAField": 1}' : '{', headers } });
      else {
        // A value out of the documented range (an integer below its minimum, a word not in the enum).
        const query = operation.parameters?.filter((parameter) => parameter.in === 'query') ?? [];
        const bounded = query.find((parameter) => parameter.schema?.type === 'integer' && typeof parameter.schema.minimum === 'number');
        const listed = query.find((parameter) => Array.isArray(parameter.schema?.enum));
        const bad = bounded ? `?${bounded.name}=${Number(bounded.schema!.minimum) - 1}` : listed ? `?${listed.name}=NOT_LISTED` : undefined;
        if (bad) attempts.push({ want: '400', options: { token: proper, query: bad, headers } });
      }
      if (documented.includes('413')) attempts.push({ want: '413', options: { token: proper, oversized: OVERSIZED_BYTES[key] ?? 200_000, headers } });
      for (const { want, options } of attempts) {
        const answer = await send(method, path, options);
        const status = String(answer.status);
        if (want === '2xx' ? !/^2/.test(status) : status !== want) problems.push(`${key}: wanted ${want}, got ${status} ${answer.text.slice(0, 200)}`);
        problems.push(...contract.problems(path, method, answer.status, answer.text));
        reached.set(key, (reached.get(key) ?? new Set()).add(status));
      }
      const missing = documented.filter((status) => !reached.get(key)?.has(status) && !(status in NOT_DRIVEN_HERE) && !(write && ['200', '201', '202', '401'].includes(status)) && !(binary && status === '200'));
      // 400 on a read without a constrained query cannot be caused; every other documented status must be reached.
      problems.push(...missing.filter((status) => !(status === '400' && !write && !attempts.some((attempt) => attempt.want === '400'))).map((status) => `${key}: documented ${status} not reached`));
    }
    expect(problems).toEqual([]);
    expect(reached.size).toBe(operations().length);
  });

  it('answers 405 with Allow, from the document, for a method a known path does not have', async () => {
    // (fetch refuses to send TRACE; any undeclared method takes the same path.)
    const trace = await send('patch', '/api/tasks', { token: callers.get('tasks')?.token });
    expect(trace.status).toBe(405);
    expect(trace.headers.get('allow')).toBe('GET, HEAD');
    expect(JSON.parse(trace.text)).toMatchObject({ statusCode: 405, code: 'METHOD_NOT_ALLOWED' });
    const del = await send('delete', '/api/applications/{id}', {});
    expect([del.status, del.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    const put = await send('put', '/api/tasks/{id}/complete', {});
    expect([put.status, put.headers.get('allow')]).toEqual([405, 'POST']);
    // An unknown path is still 404.
    expect((await send('patch', '/api/no-such-thing', {})).status).toBe(404);
  });

  it('requires x-namespace on the codec, as documented', async () => {
    const admin = callers.get('admin')!.token;
    const without = await send('post', '/api/temporal-codec/decode', { token: admin, body: '{"payloads":[]}' });
    expect(without.status).toBe(400);
    expect(JSON.parse(without.text).fields.map((field: { path: string }) => field.path)).toEqual(['x-namespace']);
    expect((await send('post', '/api/temporal-codec/decode', { token: admin, body: '{"payloads":[]}', headers: { 'x-namespace': 'default' } })).status).toBe(200);
  });

  it('accepts every query the document allows (integers, bounds, enums)', async () => {
    const value = (schema: Schema = {}): fc.Arbitrary<string> | null => {
      if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]).map(String));
      if (schema.type === 'integer') return fc.integer({ min: Number(schema.minimum ?? -1e6), max: Math.min(Number(schema.maximum ?? 1e6), 1e6) }).map(String);
      if (schema.type === 'boolean') return fc.boolean().map(String);
      if (schema.type === 'number') return fc.double({ min: Number(schema.minimum ?? -1e6), max: Math.min(Number(schema.maximum ?? 1e6), 1e6), noNaN: true }).map(String);
      return null; // free strings with patterns (dates) are checked by their own specs
    };
    const refused: string[] = [];
    let sent = 0;
    for (const { path, method, operation } of operations().filter(({ method, operation }) => method === 'get' && operation.parameters?.some((parameter) => parameter.in === 'query'))) {
      const model: Record<string, fc.Arbitrary<string>> = {};
      // A required parameter is always sent, at its documented example (the others vary over their schemas).
      const needed = requiredQuery(operation);
      for (const parameter of operation.parameters!.filter((parameter) => parameter.in === 'query')) {
        const arbitrary = parameter.name in needed ? fc.constant(needed[parameter.name]) : value(parameter.schema);
        if (arbitrary) model[parameter.name] = arbitrary;
      }
      await fc.assert(
        fc.asyncProperty(fc.record(model, { requiredKeys: Object.keys(needed) }), async (query) => {
          const answer = await send(method, path, { token: callers.get(path.split('/')[2])?.token, query: `?${new URLSearchParams(query as Record<string, string>)}` });
          sent += 1;
          if (!/^2/.test(String(answer.status))) refused.push(`${path}?${new URLSearchParams(query as Record<string, string>)} → ${answer.status} ${answer.text.slice(0, 200)}`);
        }),
        { seed: 20261201, numRuns: 25 },
      );
    }
    expect(refused).toEqual([]);
    expect(sent).toBeGreaterThan(0);
  });

  it('serves the document the offline dump makes, and the committed web types are generated from it', () => {
    // Both from the built API (./onetrip test builds it first), no server: what `scripts/api-types.ts` runs.
    const dumped = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'dist/apps/api/apps/api/src/openapi-dump.js')], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 })) as OpenApiDocument;
    expect(dumped).toEqual(doc);
    const check = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/api-types.ts'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
