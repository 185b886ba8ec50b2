import { createHmac, randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import { startApp } from '../../scripts/stack/app-process';
import { connectDatabase } from '../support/case-fixtures';
import { http } from '../support/http';
import { testStack } from '../support/test-stack';
import { DEMO_PASSWORD, fieldPaths, newApplicant, signIn, type ErrorBody } from './api-fixtures';

/** A token with the right shape signed by someone else's key. */
function forgedToken(claims: Record<string, unknown>, secret: string): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ iat: now, exp: now + 3600, ...claims })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('auth: register, token, bearer guard, roles', () => {
  let db: PgClient;

  beforeAll(async () => {
    db = await connectDatabase();
  });
  afterAll(() => db.end());

  it('registers an applicant (201) with a salted scrypt hash, and refuses the same username again (409)', async () => {
    const username = `zhang-${randomUUID().slice(0, 8)}`;
    const body = { username, password: 'a-long-password', name: '张三', mobile: '13800001111' };
    const created = await http<{ id: string; username: string; role: string }>('POST', '/auth/register', { body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username, role: 'APPLICANT' });
    expect(JSON.stringify(created.body)).not.toContain('13800001111');

    const row = await db.query(`SELECT password_hash, role, department FROM users WHERE username = $1`, [username]);
    expect(row.rows[0].role).toBe('APPLICANT');
    expect(row.rows[0].department).toBeNull();
    expect(row.rows[0].password_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[^$]+\$[^$]+$/);
    expect(row.rows[0].password_hash).not.toContain('a-long-password');

    const again = await http<ErrorBody>('POST', '/auth/register', { body: { ...body, name: '李四' } });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('CONFLICT');
  });

  it('refuses a bad username, a short password and a non-mainland mobile, naming each field, without echoing the mobile', async () => {
    const result = await http<ErrorBody>('POST', '/auth/register', {
      body: { username: 'Bad Name!', password: 'short', name: '张三', mobile: '12345678901' },
    });
    expect(result.status).toBe(400);
    expect(fieldPaths(result).sort()).toEqual(['mobile', 'password', 'username']);
    expect(JSON.stringify(result.body)).not.toContain('12345678901');
    const tooShort = await http('POST', '/auth/register', { body: { username: 'ab', password: 'long-enough-1', name: 'x', mobile: '13800001111' } });
    expect(fieldPaths(tooShort)).toEqual(['username']);
    const unknown = await http('POST', '/auth/register', { body: { username: 'abc', password: 'long-enough-1', name: 'x', mobile: '13800001111', role: 'ADMIN' } });
    expect(unknown.status).toBe(400);
    expect(fieldPaths(unknown)).toEqual(['role']);
  });

  it('issues a token for the right password (200) and 401 for a wrong one or an unknown user', async () => {
    const applicant = await newApplicant();
    const token = await http<{ accessToken: string; user: Record<string, unknown> }>('POST', '/auth/token', {
      body: { username: applicant.username, password: 'applicant-pass-1' },
    });
    expect(token.status).toBe(200);
    expect(token.body.user).toEqual({ id: applicant.id, username: applicant.username, role: 'APPLICANT' });
    const [header, payload] = token.body.accessToken.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, number | string>);
    expect(header.alg).toBe('HS256');
    expect(Number(payload.exp) - Number(payload.iat)).toBe(12 * 3600);

    const wrong = await http<ErrorBody>('POST', '/auth/token', { body: { username: applicant.username, password: 'not-the-password' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('UNAUTHENTICATED');
    const nobody = await http('POST', '/auth/token', { body: { username: `nobody-${randomUUID()}`, password: 'whatever-123' } });
    expect(nobody.status).toBe(401);
  });

  it('seeds the demo staff in demo mode, clerks with their department', async () => {
    const expected: Record<string, { role: string; department?: string }> = {
      'clerk-samr': { role: 'CLERK', department: 'SAMR' },
      'clerk-psb': { role: 'CLERK', department: 'PSB' },
      'clerk-tax': { role: 'CLERK', department: 'TAX' },
      'clerk-hrss': { role: 'CLERK', department: 'HRSS' },
      'clerk-bank': { role: 'CLERK', department: 'BANK' },
      window: { role: 'WINDOW' },
      admin: { role: 'ADMIN' },
    };
    for (const [username, user] of Object.entries(expected)) {
      const result = await http<{ user: Record<string, unknown> }>('POST', '/auth/token', { body: { username, password: DEMO_PASSWORD } });
      expect(result.status).toBe(200);
      expect(result.body.user).toMatchObject({ username, ...user });
      if (!user.department) expect(result.body.user.department).toBeUndefined();
    }
  });

  it('needs a valid bearer token everywhere except health, docs, pings, register, token and the form rules', async () => {
    expect((await http('GET', '/applications')).status).toBe(401);
    expect((await http('GET', '/tasks')).status).toBe(401);
    expect((await http('GET', `/applications/${randomUUID()}`)).status).toBe(401);
    expect((await http('GET', '/applications', { token: 'not-a-jwt' })).status).toBe(401);
    expect((await http('GET', '/applications', { headers: { authorization: 'Basic dXNlcjpwYXNz' } })).status).toBe(401);
    const forged = forgedToken({ sub: randomUUID(), username: 'admin', role: 'ADMIN' }, 'someone-elses-secret-key');
    const refused = await http<ErrorBody>('GET', '/applications', { token: forged });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ statusCode: 401, error: 'UNAUTHENTICATED' });

    expect((await http('GET', '/health')).status).toBe(200);
    expect((await http('GET', '/docs-json')).status).toBe(200);
    expect((await http('GET', '/application-rules')).status).toBe(200);
  });

  it('answers 403 to a role that may not act', async () => {
    const applicant = await newApplicant();
    const clerk = await signIn('clerk-samr');
    expect((await http('GET', '/tasks', { token: applicant.token })).status).toBe(403);
    const filing = await http<ErrorBody>('POST', '/applications', { token: clerk.token, body: {} });
    expect(filing.status).toBe(403);
    expect(filing.body.error).toBe('FORBIDDEN');
    expect((await http('GET', '/applications', { token: clerk.token })).status).toBe(403);
  });

  it('documents the routes with bearer auth in OpenAPI', async () => {
    const spec = await http<{ paths: Record<string, Record<string, { security?: unknown[] }>>; components: { securitySchemes?: Record<string, unknown> } }>('GET', '/docs-json');
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/register',
        '/api/auth/token',
        '/api/applications',
        '/api/applications/{id}',
        '/api/applications/{id}/corrections',
        '/api/applications/{id}/cancel',
        '/api/tasks',
        '/api/tasks/{id}',
        '/api/tasks/{id}/claim',
        '/api/tasks/{id}/complete',
        '/api/tasks/{id}/return',
        '/api/tasks/{id}/reject',
      ]),
    );
    expect(spec.body.components.securitySchemes).toHaveProperty('bearer');
    expect(spec.body.paths['/api/applications'].post.security).toEqual([{ bearer: [] }]);
  });

  it.each([
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-0123456789', DEMO_MODE: 'true' }, 'DEMO_MODE'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-0123456789' }, 'TEMPORAL_PAYLOAD_KEYS (missing): must be set in production'],
  ])('refuses to start in production with %j, naming %s', async (env, variable) => {
    const lines: string[] = [];
    const app = startApp({ name: 'api', env: { DATABASE_URL: testStack().databaseUrl, TEMPORAL_ADDRESS: testStack().temporalAddress, API_PORT: '0', ...env }, log: (line) => lines.push(line) });
    expect(await app.exited).toBe(1);
    expect(lines.join('\n')).toContain(variable);
  });
});
