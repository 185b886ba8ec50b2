import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Client as PgClient } from 'pg';
import { definitionChecksum } from '@onetrip/domain/engine/definition-checksum';
import type { ProcessDefinition } from '@onetrip/domain/engine/process-definition';
import { SHIPPED_DEFINITIONS } from '@onetrip/domain/processes/shipped-definitions';
import { ensureShippedDefinitions, openDataSource } from '@onetrip/infrastructure';
import { hashPassword } from '../../apps/api/src/auth/password-hasher';
import { newApplicant, signIn, type SignedIn } from '../api/api-fixtures';
import { connectDatabase } from '../support/case-fixtures';
import { http } from '../support/http';
import { testStack } from '../support/test-stack';

// Versioned process definitions over HTTP on the real API and PostgreSQL: the shipped one stored at
// start, an admin's upload (validated, idempotent by checksum), activation and retirement, the public
// catalog, who may do what, the audit trail, and races. Each test uploads under its own key.

interface View {
  key: string;
  version: number;
  status: string;
  checksum: string;
  definition: ProcessDefinition;
}
interface Problem {
  path: string;
  code: string;
  message: string;
}

const RESTAURANT = path.resolve(__dirname, '../fixtures/processes/restaurant-opening.v1.json');

/** The fourth definition, from its fixture file alone, under a key of the test's own. */
function definitionFor(key: string, version = 1): ProcessDefinition {
  // TEMPORARY until eng-def's fixture lands: the shipped opening stands in for it.
  const document = fs.existsSync(RESTAURANT) ? (JSON.parse(fs.readFileSync(RESTAURANT, 'utf8')) as ProcessDefinition) : SHIPPED_DEFINITIONS[0];
  return { ...document, key, version };
}
const uniqueKey = (): string => `test-${randomUUID().slice(0, 8)}`;

describe('versioned process definitions', () => {
  let db: PgClient;
  let admin: SignedIn;
  let applicant: SignedIn;
  let clerk: SignedIn;

  beforeAll(async () => {
    db = await connectDatabase();
    [admin, applicant, clerk] = await Promise.all([signIn('admin'), newApplicant(), signIn('clerk-samr')]);
  });
  afterAll(() => db.end());

  const upload = (document: unknown, token = admin.token) => http<View & { code?: string; problems?: Problem[] }>('POST', '/admin/processes', { token, body: document });
  const act = (key: string, version: number, action: 'activate' | 'retire', token = admin.token) => http<View & { code?: string }>('POST', `/admin/processes/${key}/versions/${version}/${action}`, { token, body: {} });
  const catalog = async () => (await http<{ items: View[] }>('GET', '/processes')).body.items;
  const audit = async (key: string) =>
    (await db.query(`SELECT action, actor_id, details FROM audit_log WHERE details->>'key' = $1 ORDER BY id`, [key])).rows as { action: string; actor_id: string; details: Record<string, unknown> }[];
  const rows = async (key: string) => (await db.query(`SELECT version, status FROM process_definitions WHERE key = $1 ORDER BY version`, [key])).rows as { version: number; status: string }[];

  it('has the shipped definitions stored and ACTIVE after start, with their checksums', async () => {
    const listed = await catalog();
    for (const shipped of SHIPPED_DEFINITIONS) {
      const found = listed.find((item) => item.key === shipped.key);
      expect(found).toMatchObject({ key: shipped.key, version: shipped.version, status: 'ACTIVE', checksum: definitionChecksum(shipped) });
      expect(found?.definition).toEqual(shipped);
    }
    const versions = await http<{ items: { key: string; status: string; name: unknown }[] }>('GET', '/admin/processes', { token: admin.token });
    expect(versions.body.items.find((item) => item.key === 'enterprise-opening')).toMatchObject({ status: 'ACTIVE', name: SHIPPED_DEFINITIONS[0].name });
  });

  it('refuses an invalid document with 400 PROCESS_DEFINITION_INVALID, each problem at its JSON path, and stores nothing', async () => {
    const key = uniqueKey();
    const document = definitionFor(key);
    const steps = document.steps.map((step, index) => (index === 0 ? { ...step, kind: 'no-such-kind' } : index === 1 ? { ...step, dependsOn: ['NO_SUCH_STEP'] } : step));
    const refused = await upload({ ...document, steps });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 'PROCESS_DEFINITION_INVALID', code: 'PROCESS_DEFINITION_INVALID' });
    expect(refused.body.problems?.map((problem) => problem.path)).toEqual(expect.arrayContaining(['$.steps[0].kind', '$.steps[1].dependsOn[0]']));
    expect(await rows(key)).toEqual([]);
    expect(await audit(key)).toEqual([]);
    // Not a definition at all.
    const nonsense = await upload({ notAField: 1 });
    expect([nonsense.status, nonsense.body.code]).toEqual([400, 'PROCESS_DEFINITION_INVALID']);
  });

  it('stores a valid upload as a DRAFT, gives the same view for the same document, and refuses another body under the same version', async () => {
    const key = uniqueKey();
    const document = definitionFor(key);
    const first = await upload(document);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ key, version: 1, status: 'DRAFT', checksum: definitionChecksum(document) });
    const again = await upload(document);
    expect([again.status, again.body]).toEqual([200, first.body]);
    const other = await upload({ ...document, name: { zh: '另一个', en: 'Another' } });
    expect([other.status, other.body.code]).toEqual([409, 'PROCESS_VERSION_EXISTS']);
    expect(await rows(key)).toEqual([{ version: 1, status: 'DRAFT' }]);
    // One upload happened: one audit row, with who did it.
    expect(await audit(key)).toEqual([{ action: 'PROCESS_UPLOAD', actor_id: admin.id, details: { key, version: 1, checksum: first.body.checksum } }]);
    // A draft is not in the catalog, nor published; the admin sees it.
    expect((await catalog()).some((item) => item.key === key)).toBe(false);
    expect((await http('GET', `/processes/${key}/versions/1`)).status).toBe(404);
    expect((await http<View>('GET', `/admin/processes/${key}/versions/1`, { token: admin.token })).body.status).toBe('DRAFT');
  });

  it('activates a version, retiring the previous ACTIVE one in the same step; the catalog lists only the ACTIVE one', async () => {
    const key = uniqueKey();
    expect((await upload(definitionFor(key, 1))).status).toBe(201);
    expect((await upload(definitionFor(key, 2))).status).toBe(201);
    const v1 = await act(key, 1, 'activate');
    expect([v1.status, v1.body.status]).toEqual([200, 'ACTIVE']);
    expect((await catalog()).filter((item) => item.key === key).map((item) => item.version)).toEqual([1]);

    const v2 = await act(key, 2, 'activate');
    expect([v2.status, v2.body.status]).toEqual([200, 'ACTIVE']);
    expect(await rows(key)).toEqual([
      { version: 1, status: 'RETIRED' },
      { version: 2, status: 'ACTIVE' },
    ]);
    expect((await catalog()).filter((item) => item.key === key).map((item) => item.version)).toEqual([2]);
    // A case filed under v1 still shows its version.
    expect((await http<View>('GET', `/processes/${key}/versions/1`, { token: applicant.token })).body.status).toBe('RETIRED');
    // Activating again changes nothing and writes no audit row.
    expect((await act(key, 2, 'activate')).body.status).toBe('ACTIVE');

    // Retiring the ACTIVE one takes the process out of the catalog; a RETIRED version may be activated again (a rollback).
    expect((await act(key, 2, 'retire')).body.status).toBe('RETIRED');
    expect((await catalog()).some((item) => item.key === key)).toBe(false);
    expect((await act(key, 1, 'activate')).body.status).toBe('ACTIVE');
    expect((await catalog()).filter((item) => item.key === key).map((item) => item.version)).toEqual([1]);

    expect((await audit(key)).map((row) => [row.action, row.details.version, row.details.retiredVersion])).toEqual([
      ['PROCESS_UPLOAD', 1, undefined],
      ['PROCESS_UPLOAD', 2, undefined],
      ['PROCESS_ACTIVATE', 1, null],
      ['PROCESS_ACTIVATE', 2, 1],
      ['PROCESS_RETIRE', 2, undefined],
      ['PROCESS_ACTIVATE', 1, null],
    ]);
    expect((await act(key, 9, 'activate')).status).toBe(404);
  });

  it('lets only admins upload, list, activate and retire (403 for others, 401 without a token), and changes nothing for them', async () => {
    const key = uniqueKey();
    expect((await upload(definitionFor(key))).status).toBe(201);
    const refused: string[] = [];
    for (const caller of [applicant, clerk]) {
      refused.push(String((await upload(definitionFor(uniqueKey()), caller.token)).status));
      refused.push(String((await http('GET', '/admin/processes', { token: caller.token })).status));
      refused.push(String((await http('GET', `/admin/processes/${key}/versions/1`, { token: caller.token })).status));
      refused.push(String((await act(key, 1, 'activate', caller.token)).status));
      refused.push(String((await act(key, 1, 'retire', caller.token)).status));
    }
    expect(refused).toEqual(Array(10).fill('403'));
    expect((await http('POST', '/admin/processes', { body: definitionFor(uniqueKey()) })).status).toBe(401);
    expect(await rows(key)).toEqual([{ version: 1, status: 'DRAFT' }]);
    expect((await audit(key)).map((row) => row.action)).toEqual(['PROCESS_UPLOAD']);
  });

  it('stores a racing double upload once, and two racing activations leave exactly one ACTIVE version', async () => {
    const key = uniqueKey();
    const document = definitionFor(key, 1);
    const statuses = (await Promise.all(Array.from({ length: 4 }, () => upload(document)))).map((result) => result.status).sort();
    expect(statuses).toEqual([200, 200, 200, 201]);
    expect(await rows(key)).toEqual([{ version: 1, status: 'DRAFT' }]);
    expect((await audit(key)).map((row) => row.action)).toEqual(['PROCESS_UPLOAD']);

    expect((await upload(definitionFor(key, 2))).status).toBe(201);
    const activations = await Promise.all([act(key, 1, 'activate'), act(key, 2, 'activate')]);
    expect(activations.map((result) => result.status)).toEqual([200, 200]);
    const after = await rows(key);
    expect(after.filter((row) => row.status === 'ACTIVE')).toHaveLength(1);
    expect(after.filter((row) => row.status === 'RETIRED')).toHaveLength(1);
  });

  it('takes a definition larger than the API-wide body limit on the upload route only, up to its own limit', async () => {
    const key = uniqueKey();
    const document = definitionFor(key);
    // ~200 kB of real-looking text: descriptions of the form's fields, in the schema where they belong.
    const padded = { ...document, form: { ...document.form, schema: { ...document.form.schema, description: '填写说明。'.repeat(13_000) } } };
    const size = Buffer.byteLength(JSON.stringify(padded));
    expect(size).toBeGreaterThan(150 * 1024);
    const stored = await upload(padded);
    expect([stored.status, stored.body.status]).toEqual([201, 'DRAFT']);
    // The same size elsewhere is still refused by the API-wide limit.
    const elsewhere = await http<{ code: string }>('POST', '/pings', { token: admin.token, body: { message: 'x'.repeat(size) } });
    expect([elsewhere.status, elsewhere.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    // And the upload route has a limit of its own.
    const huge = await upload({ ...document, key: uniqueKey(), form: { ...document.form, schema: { ...document.form.schema, description: 'x'.repeat(600 * 1024) } } });
    expect([huge.status, huge.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('keeps a clerk of a department that only a definition declares (departments are data, not a fixed list)', async () => {
    const department = `D${randomUUID().slice(0, 6).toUpperCase()}`;
    const username = `clerk-${department.toLowerCase()}`;
    await db.query(`INSERT INTO users (id, username, password_hash, name, role, department) VALUES ($1, $2, $3, 'Clerk', 'CLERK', $4)`, [
      randomUUID(),
      username,
      await hashPassword('clerk-pass-123', { N: 1024, r: 8, p: 1 }),
      department,
    ]);
    const token = await http<{ accessToken: string; user: { department?: string } }>('POST', '/auth/token', { body: { username, password: 'clerk-pass-123' } });
    expect([token.status, token.body.user.department]).toEqual([200, department]);
    // The token works, with its department (a token whose department changed is refused).
    expect((await http('GET', '/tasks?status=OPEN', { token: token.body.accessToken })).status).not.toBe(401);
  });

  it('loads shipped definitions once when two processes start together: one ACTIVE, nothing twice', async () => {
    const key = uniqueKey();
    const shipped = [definitionFor(key, 1), definitionFor(key, 2)];
    const sources = await Promise.all([openDataSource(testStack().databaseUrl, { poolSize: 2 }), openDataSource(testStack().databaseUrl, { poolSize: 2 })]);
    try {
      const results = await Promise.all(sources.map((source) => ensureShippedDefinitions(source, shipped)));
      // v1 is ACTIVE (the key had none), v2 a DRAFT (the key had an ACTIVE one by then); each inserted by one process only.
      expect(await rows(key)).toEqual([
        { version: 1, status: 'ACTIVE' },
        { version: 2, status: 'DRAFT' },
      ]);
      const inserted = results.flat().filter((result) => result.outcome !== 'PRESENT');
      expect(inserted.map((result) => `${result.version} ${result.outcome}`).sort()).toEqual(['1 INSERTED_ACTIVE', '2 INSERTED_DRAFT']);
      // At the next start nothing changes; an edited body under the same version is reported, not stored.
      const edited = [{ ...shipped[0], name: { zh: '改过', en: 'Edited' } }];
      expect(await ensureShippedDefinitions(sources[0], edited)).toEqual([expect.objectContaining({ key, version: 1, outcome: 'STORED_DIFFERS' })]);
      expect(await rows(key)).toEqual([
        { version: 1, status: 'ACTIVE' },
        { version: 2, status: 'DRAFT' },
      ]);
    } finally {
      await Promise.all(sources.map((source) => source.destroy()));
    }
  });
});
