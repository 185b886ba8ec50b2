import { Client } from 'pg';
import { http } from '../support/http';
import { testStack } from '../support/test-stack';
import { signIn } from '../api/api-fixtures';

describe('walking skeleton: API → Temporal → worker → PostgreSQL', () => {
  let db: Client;
  // The diagnostic round trip is an admin's tool: it starts workflows and writes rows.
  let token: string;

  beforeAll(async () => {
    db = new Client({ connectionString: testStack().databaseUrl });
    await db.connect();
    token = (await signIn('admin')).token;
  });
  afterAll(() => db.end());

  it('reports both servers up on /api/health', async () => {
    const { status, body } = await http<{ status: string; details: Record<string, { status: string }> }>('GET', '/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.details.database.status).toBe('up');
    expect(body.details.temporal.status).toBe('up');
  });

  it('runs a workflow whose activity writes a row, and answers with it', async () => {
    const message = `hello ${Date.now()}`;
    const { status, body } = await http<{ workflowId: string; message: string; recordedAt: string }>('POST', '/pings', { body: { message }, token });
    expect(status).toBe(201);
    expect(body.message).toBe(message);
    expect(body.workflowId).toMatch(/^ping-/);

    const rows = await db.query('SELECT message, recorded_at FROM ping_records WHERE workflow_id = $1', [body.workflowId]);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0].message).toBe(message);
    expect(new Date(rows.rows[0].recorded_at).toISOString()).toBe(body.recordedAt);
  });

  it('refuses bad input with the failing field and starts nothing', async () => {
    const before = await db.query('SELECT count(*)::int AS n FROM ping_records');
    const missing = await http<{ error: string; fields: { path: string }[] }>('POST', '/pings', { body: {}, token });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('VALIDATION_FAILED');
    expect(missing.body.fields.map((field) => field.path)).toEqual(['message']);

    const unknown = await http<{ fields: { path: string }[] }>('POST', '/pings', { body: { message: 'x', extra: 1 }, token });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields.map((field) => field.path)).toContain('extra');

    const after = await db.query('SELECT count(*)::int AS n FROM ping_records');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('keeps the caller’s request id, or makes one', async () => {
    const given = await http('GET', '/health', { headers: { 'x-request-id': 'test-req-42' } });
    expect(given.headers.get('x-request-id')).toBe('test-req-42');
    const made = await http('GET', '/health');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves OpenAPI at /api/docs-json and Swagger UI at /api/docs', async () => {
    const spec = await http<{ openapi: string; paths: Record<string, unknown> }>('GET', '/docs-json');
    expect(spec.status).toBe(200);
    expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/pings']));
    const ui = await http<string>('GET', '/docs');
    expect(ui.status).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('has applied the migrations, with synchronize off (the migrations table lists them)', async () => {
    const applied = await db.query('SELECT name FROM migrations ORDER BY id');
    expect(applied.rows.map((row) => row.name)).toContain('CreatePingRecords1764300000000');
  });
});
