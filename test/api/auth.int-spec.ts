import { createHmac, randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import { hashPassword } from '../../apps/api/src/auth/password-hasher';
import { startApp } from '../../scripts/stack/app-process';
import { waitFor } from '../../scripts/stack/wait-for';
import { connectDatabase } from '../support/case-fixtures';
import { http } from '../support/http';
import { TEST_PASSWORD_SCRYPT_N, testStack } from '../support/test-stack';
import { DEMO_PASSWORD, fieldPaths, newApplicant, signIn, type ErrorBody } from './api-fixtures';

/** A token with the right shape signed by someone else's key. */
function forgedToken(claims: Record<string, unknown>, secret: string): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  // A claim given as undefined is left out (JSON.stringify drops it).
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ iat: now, exp: now + 3600, ...claims })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('auth: register, token, refresh, bearer guard, roles', () => {
  let db: PgClient;

  beforeAll(async () => {
    db = await connectDatabase();
  });
  afterAll(() => db.end());

  it('registers an applicant (202) with a salted scrypt hash, and answers a taken username exactly the same way', async () => {
    const username = `zhang-${randomUUID().slice(0, 8)}`;
    const body = { username, password: 'a-long-password', name: '张三', mobile: '13800001111' };
    const created = await http<Record<string, unknown>>('POST', '/auth/register', { body });
    expect(created.status).toBe(202);
    expect(created.body).toEqual({ username, role: 'APPLICANT' });
    expect(JSON.stringify(created.body)).not.toContain('13800001111');

    const row = await db.query(`SELECT password_hash, role, department, name FROM users WHERE username = $1`, [username]);
    expect(row.rows[0].role).toBe('APPLICANT');
    expect(row.rows[0].department).toBeNull();
    // Made with the cost the stack's API is configured with (PASSWORD_SCRYPT_N), r = 8, p = 1.
    expect(row.rows[0].password_hash).toMatch(new RegExp(`^scrypt\\$${TEST_PASSWORD_SCRYPT_N}\\$8\\$1\\$[^$]+\\$[^$]+$`));
    expect(row.rows[0].password_hash).not.toContain('a-long-password');

    // Someone else tries the same username: the same status and body, so the answer does not say it exists,
    // and the first account is untouched.
    const again = await http<Record<string, unknown>>('POST', '/auth/register', { body: { ...body, password: 'another-long-pass', name: '李四' } });
    expect({ status: again.status, body: again.body }).toEqual({ status: created.status, body: created.body });
    const after = await db.query(`SELECT password_hash, name FROM users WHERE username = $1`, [username]);
    expect(after.rows).toEqual([{ password_hash: row.rows[0].password_hash, name: '张三' }]);
    // The new user signs in with the password they chose; the second registrant's password does not work.
    expect((await http('POST', '/auth/token', { body: { username, password: 'a-long-password' } })).status).toBe(200);
    expect((await http('POST', '/auth/token', { body: { username, password: 'another-long-pass' } })).status).toBe(401);
  });

  it.each([
    ['12345678', 'PASSWORD_TOO_COMMON'],
    ['password', 'PASSWORD_TOO_COMMON'],
    ['Password1', 'PASSWORD_TOO_COMMON'],
    ['qwertyuiop', 'PASSWORD_TOO_COMMON'],
    ['<username>', 'PASSWORD_CONTAINS_USERNAME'],
    ['<username>2024!', 'PASSWORD_CONTAINS_USERNAME'],
  ])('refuses the weak password %s with 400 %s naming the field, and creates no account', async (password, code) => {
    const username = `weak-${randomUUID().slice(0, 8)}`;
    const value = password.replace('<username>', username);
    const result = await http<ErrorBody>('POST', '/auth/register', { body: { username, password: value, name: '张三', mobile: '13800001111' } });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe(code);
    expect(fieldPaths(result)).toEqual(['password']);
    // The value is never echoed (`password` itself is also the field's name, so it is left out here).
    if (value !== 'password') expect(JSON.stringify(result.body)).not.toContain(value);
    expect((await db.query(`SELECT 1 FROM users WHERE username = $1`, [username])).rowCount).toBe(0);
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
    const token = await http<{ accessToken: string; refreshToken: string; user: Record<string, unknown> }>('POST', '/auth/token', {
      body: { username: applicant.username, password: 'applicant-pass-1' },
    });
    expect(token.status).toBe(200);
    // The account's own name too: the pages offer it ("I am the legal representative").
    expect(token.body.user).toEqual({ id: applicant.id, username: applicant.username, role: 'APPLICANT', name: '王五' });
    const [header, payload] = token.body.accessToken.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, number | string>);
    expect(header.alg).toBe('HS256');
    // Access tokens live 15 minutes; a refresh token carries the session on.
    expect(Number(payload.exp) - Number(payload.iat)).toBe(15 * 60);
    expect(token.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, refreshToken: expect.any(String) });

    const wrong = await http<ErrorBody>('POST', '/auth/token', { body: { username: applicant.username, password: 'not-the-password' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('UNAUTHENTICATED');
    const nobody = await http('POST', '/auth/token', { body: { username: `nobody-${randomUUID()}`, password: 'whatever-123' } });
    expect(nobody.status).toBe(401);
  });

  it('refuses tokens signed with the public development secret, without exp, or for a user who does not exist with that role', async () => {
    const applicant = await newApplicant();
    const admin = await signIn('admin');
    const secret = testStack().jwtSecret;
    const adminId = (await db.query(`SELECT id FROM users WHERE username = 'admin'`)).rows[0].id as string;
    // Control: the admin's own claims, signed with the run's secret, pass.
    expect((await http('GET', '/admin/cases', { token: forgedToken({ sub: adminId, username: 'admin', role: 'ADMIN' }, secret) })).status).toBe(200);
    const candidates: Record<string, string> = {
      'signed with the public development default': forgedToken({ sub: adminId, username: 'admin', role: 'ADMIN' }, 'onetrip-development-secret-change-me'),
      'without exp': forgedToken({ sub: adminId, username: 'admin', role: 'ADMIN', exp: undefined }, secret),
      'a user who does not exist': forgedToken({ sub: randomUUID(), username: 'ghost', role: 'ADMIN' }, secret),
      "an applicant's id with the role ADMIN": forgedToken({ sub: applicant.id, username: applicant.username, role: 'ADMIN' }, secret),
      "the admin's id with another username": forgedToken({ sub: adminId, username: applicant.username, role: 'ADMIN' }, secret),
    };
    const accepted: string[] = [];
    for (const [what, token] of Object.entries(candidates)) {
      const result = await http('GET', '/admin/cases', { token });
      if (result.status !== 401) accepted.push(`${what}: ${result.status}`);
    }
    expect(accepted).toEqual([]);
    expect((await http('GET', '/admin/cases', { token: admin.token })).status).toBe(200);

    // A user removed after sign-in: the token stops working within the lookup cache's lifetime.
    const gone = await newApplicant();
    expect((await http('GET', '/applications', { token: gone.token })).status).toBe(200);
    await db.query(`DELETE FROM users WHERE id = $1`, [gone.id]);
    await waitFor('the removed user to be refused', async () => (await http('GET', '/applications', { token: gone.token })).status === 401, { timeoutMs: 60_000, intervalMs: 500 });
  });

  it('refreshes a session with a rotating refresh token; a reused one ends its family; sign-out revokes', async () => {
    const applicant = await newApplicant();
    type Tokens = { accessToken: string; refreshToken: string; expiresIn: number; user: { id: string } };
    const first = await http<Tokens>('POST', '/auth/token', { body: { username: applicant.username, password: 'applicant-pass-1' } });
    expect(first.status).toBe(200);
    // Stored hashed: the table never holds the token itself.
    const stored = await db.query(`SELECT token_hash FROM refresh_tokens WHERE user_id = $1`, [applicant.id]);
    expect(stored.rowCount).toBeGreaterThan(0);
    expect(JSON.stringify(stored.rows)).not.toContain(first.body.refreshToken.split('.').at(-1));

    const second = await http<Tokens>('POST', '/auth/refresh', { body: { refreshToken: first.body.refreshToken } });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { id: applicant.id, username: applicant.username, role: 'APPLICANT' } });
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    expect((await http('GET', '/applications', { token: second.body.accessToken })).status).toBe(200);

    // The first refresh token again (stolen and replayed): refused, and the whole family with it.
    const replay = await http<ErrorBody>('POST', '/auth/refresh', { body: { refreshToken: first.body.refreshToken } });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');
    const afterReplay = await http<ErrorBody>('POST', '/auth/refresh', { body: { refreshToken: second.body.refreshToken } });
    expect(afterReplay.status).toBe(401);
    expect(afterReplay.body.code).toBe('REFRESH_TOKEN_INVALID');

    // A new sign-in, then sign-out: its refresh token no longer works; signing out again is harmless.
    const session = await http<Tokens>('POST', '/auth/token', { body: { username: applicant.username, password: 'applicant-pass-1' } });
    const out = await http('POST', '/auth/sign-out', { body: { refreshToken: session.body.refreshToken } });
    expect({ status: out.status, body: out.body }).toEqual({ status: 200, body: { signedOut: true } });
    expect((await http('POST', '/auth/sign-out', { body: { refreshToken: session.body.refreshToken } })).status).toBe(200);
    expect((await http<ErrorBody>('POST', '/auth/refresh', { body: { refreshToken: session.body.refreshToken } })).status).toBe(401);
    expect((await http<ErrorBody>('POST', '/auth/refresh', { body: { refreshToken: 'not-a-refresh-token' } })).status).toBe(401);
    expect(fieldPaths(await http('POST', '/auth/refresh', { body: {} }))).toEqual(['refreshToken']);
  });

  it('rehashes an old, weaker password hash at the next successful sign-in', async () => {
    const username = `old-hash-${randomUUID().slice(0, 8)}`;
    // Weaker than what the stack's API is configured with (PASSWORD_SCRYPT_N).
    const weakerN = TEST_PASSWORD_SCRYPT_N / 2;
    await db.query(`INSERT INTO users (id, username, password_hash, name, role) VALUES ($1, $2, $3, 'Old', 'APPLICANT')`, [
      randomUUID(),
      username,
      await hashPassword('an-old-password-1', { N: weakerN, r: 8, p: 1 }),
    ]);
    expect((await http('POST', '/auth/token', { body: { username, password: 'wrong-password-1' } })).status).toBe(401);
    const before = (await db.query(`SELECT password_hash FROM users WHERE username = $1`, [username])).rows[0].password_hash as string;
    expect(before).toMatch(new RegExp(`^scrypt\\$${weakerN}\\$`)); // a failed sign-in changes nothing
    expect((await http('POST', '/auth/token', { body: { username, password: 'an-old-password-1' } })).status).toBe(200);
    const after = (await db.query(`SELECT password_hash FROM users WHERE username = $1`, [username])).rows[0].password_hash as string;
    expect(after).toMatch(new RegExp(`^scrypt\\$${TEST_PASSWORD_SCRYPT_N}\\$8\\$1\\$`));
    expect((await http('POST', '/auth/token', { body: { username, password: 'an-old-password-1' } })).status).toBe(200);
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
        '/api/auth/refresh',
        '/api/auth/sign-out',
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
    [{ NODE_ENV: 'development' }, 'JWT_SECRET (missing)'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-0123456789', DEMO_MODE: 'true' }, 'DEMO_MODE'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-0123456789' }, 'TEMPORAL_PAYLOAD_KEYS (missing): must be set in production'],
  ])('refuses to start in production with %j, naming %s', async (env, variable) => {
    const lines: string[] = [];
    const app = startApp({ name: 'api', env: { DATABASE_URL: testStack().databaseUrl, TEMPORAL_ADDRESS: testStack().temporalAddress, API_PORT: '0', ...env }, log: (line) => lines.push(line) });
    expect(await app.exited).toBe(1);
    expect(lines.join('\n')).toContain(variable);
  });
});
