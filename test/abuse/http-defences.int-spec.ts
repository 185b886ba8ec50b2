import { createHmac } from 'node:crypto';
import type { AppProcess } from '../../scripts/stack/app-process';
import { newApplicant, type ErrorBody } from '../api/api-fixtures';
import { http } from '../support/http';
import { offerLargeBody } from '../support/large-body';
import { recordCheck } from '../support/scorecard';
import { startApi, testStack, webOrigin } from '../support/test-stack';

// The defences at the door: security headers, CORS, the body limit, and bearer tokens that must not pass.
// The stack's API runs with the defaults; a second one shows the settings (allowed origin, trusted proxy).

const ALLOWED_ORIGIN = 'https://allowed.onetrip.example';
const OTHER_ORIGIN = 'https://evil.example';

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

function jwt(payload: Record<string, unknown>, options: { secret?: string; alg?: string } = {}): string {
  const alg = options.alg ?? 'HS256';
  const unsigned = `${base64url(JSON.stringify({ alg, typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}`;
  if (alg === 'none') return `${unsigned}.`;
  const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg] ?? 'sha256';
  return `${unsigned}.${createHmac(hash, options.secret ?? testStack().jwtSecret).update(unsigned).digest('base64url')}`;
}

function isErrorShape(body: unknown, status: number): boolean {
  const error = body as ErrorBody;
  return typeof body === 'object' && body !== null && error.statusCode === status && typeof error.error === 'string' && typeof error.message === 'string';
}

/** The stack API's HTTP_BODY_LIMIT_KB (its default, 64 kB) in bytes. */
const BODY_LIMIT_BYTES = 64 * 1024;

describe('defences at the door', () => {
  let configured: { url: string; app: AppProcess };

  beforeAll(async () => {
    configured = await startApi({ CORS_ORIGINS: `${ALLOWED_ORIGIN},https://second.onetrip.example`, TRUST_PROXY: 'loopback' }, 'api-defences');
  });
  afterAll(() => configured?.app.stop());

  it('sends the security headers on API answers, errors and the web page; HSTS only over TLS', async () => {
    const stackOrigin = webOrigin();
    const answers = {
      'GET /api/health': await fetch(`${stackOrigin}/api/health`),
      'GET /api/applications (401)': await fetch(`${stackOrigin}/api/applications`),
      'GET /api/nowhere (404)': await fetch(`${stackOrigin}/api/nowhere`),
      'GET / (web page)': await fetch(`${stackOrigin}/`),
      'POST /api/auth/token (bad JSON)': await fetch(`${stackOrigin}/api/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
    };
    const missing: string[] = [];
    for (const [what, response] of Object.entries(answers)) {
      const csp = response.headers.get('content-security-policy') ?? '';
      if (!csp.includes("frame-ancestors 'none'") || !csp.includes("default-src 'self'") || !csp.includes("object-src 'none'")) missing.push(`${what}: CSP ${csp}`);
      if (response.headers.get('x-frame-options') !== 'DENY') missing.push(`${what}: X-Frame-Options`);
      if (response.headers.get('referrer-policy') !== 'no-referrer') missing.push(`${what}: Referrer-Policy`);
      if (response.headers.get('x-content-type-options') !== 'nosniff') missing.push(`${what}: nosniff`);
      if (response.headers.has('x-powered-by')) missing.push(`${what}: X-Powered-By present`);
      // Plain HTTP, no trusted proxy: no HSTS.
      if (response.headers.has('strict-transport-security')) missing.push(`${what}: HSTS over plain HTTP`);
    }
    expect(missing).toEqual([]);
    expect(answers['GET / (web page)'].status).toBe(200);

    // The stack's API trusts no proxy: a forged X-Forwarded-Proto does not turn HSTS on …
    const forged = await fetch(`${stackOrigin}/api/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(forged.headers.get('strict-transport-security')).toBeNull();
    // … while behind a trusted proxy that terminated TLS, it is sent.
    const behindTls = await fetch(`${configured.url}/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(behindTls.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
    recordCheck({
      id: 'abuse.security-headers',
      section: 'Bad input and abuse',
      check: 'CSP with frame-ancestors, X-Frame-Options, Referrer-Policy, nosniff on every kind of answer; no X-Powered-By; HSTS only behind TLS',
      how: 'fetch against the API, its errors and the web page; X-Forwarded-Proto with and without TRUST_PROXY',
      figures: { 'kinds of answer checked': Object.keys(answers).length, 'missing or wrong headers': missing.length, 'HSTS from a forged X-Forwarded-Proto': forged.headers.has('strict-transport-security') ? 1 : 0 },
    });
  });

  it('answers CORS only for configured origins, and refuses other preflights', async () => {
    const preflight = (url: string, origin: string) =>
      fetch(`${url}/applications`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    const allowedGet = await fetch(`${configured.url}/health`, { headers: { origin: ALLOWED_ORIGIN } });
    expect(allowedGet.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(allowedGet.headers.get('vary')).toMatch(/Origin/);
    const allowedPreflight = await preflight(configured.url, ALLOWED_ORIGIN);
    expect(allowedPreflight.status).toBe(204);
    expect(allowedPreflight.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(allowedPreflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(allowedPreflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/i);

    const otherGet = await fetch(`${configured.url}/health`, { headers: { origin: OTHER_ORIGIN } });
    const otherPreflight = await preflight(configured.url, OTHER_ORIGIN);
    // CORS_ORIGINS defaults to none: the stack's API allows no origin, not even this one.
    const defaultPreflight = await preflight(testStack().apiUrl, ALLOWED_ORIGIN);
    const refused = [otherGet, otherPreflight, defaultPreflight];
    expect(refused.map((response) => response.headers.get('access-control-allow-origin'))).toEqual([null, null, null]);
    expect(otherGet.status).toBe(200); // a simple request is answered; without the header the browser hides it
    expect([otherPreflight.status, defaultPreflight.status]).toEqual([403, 403]);
    expect(isErrorShape(await otherPreflight.json(), 403)).toBe(true);
    recordCheck({
      id: 'abuse.cors',
      section: 'Bad input and abuse',
      check: 'CORS headers for configured origins only; preflights from other origins refused',
      how: 'GET and OPTIONS preflight with an allowed, another and (default settings) any origin',
      figures: {
        'allowed-origin answers with CORS headers': [allowedGet, allowedPreflight].filter((response) => response.headers.has('access-control-allow-origin')).length,
        'other-origin answers with CORS headers': refused.filter((response) => response.headers.has('access-control-allow-origin')).length,
        'other-origin preflights refused (403)': [otherPreflight, defaultPreflight].filter((response) => response.status === 403).length,
      },
    });
  });

  it('refuses a 10 MB body with 413 at once, in the error shape, stays healthy, and parses one under the limit', async () => {
    const tokenUrl = `${testStack().apiUrl}/auth/token`;
    // Each offer fails on its own deadline (REFUSED_AT_ONCE_MS) if the server waits for the body.
    const declared = await offerLargeBody(tokenUrl, { total: 10 * 1024 * 1024, mode: 'content-length', limitBytes: BODY_LIMIT_BYTES });
    const chunked = await offerLargeBody(tokenUrl, { total: 10 * 1024 * 1024, mode: 'chunked', limitBytes: BODY_LIMIT_BYTES });
    for (const answer of [declared, chunked]) {
      expect(answer.status).toBe(413);
      expect(isErrorShape(answer.body, 413)).toBe(true);
      expect((answer.body as ErrorBody).code).toBe('PAYLOAD_TOO_LARGE');
    }
    // With a declared length the refusal comes from the header alone, before any of the body; chunked, from
    // the first byte past the limit, with the rest of the declared 10 MB never sent.
    expect([declared.bytesSent, chunked.bytesSent]).toEqual([0, BODY_LIMIT_BYTES + 1]);
    // The refused connections cost the server nothing lasting: it answers at once.
    expect((await http('GET', '/health')).status).toBe(200);
    // Control: just under the 64 kB limit the body is parsed and validated (400 naming the field), not refused for size.
    const underLimit = await http<ErrorBody>('POST', '/auth/token', { body: { username: 'u'.repeat(60 * 1024), password: 'x' } });
    expect(underLimit.status).toBe(400);
    expect(underLimit.body.fields?.map((field) => field.path)).toContain('username');
    const badJson = await http<ErrorBody>('POST', '/auth/token', { body: '{"username": ', headers: { 'content-type': 'application/json' } });
    expect(badJson.status).toBe(400);
    expect(badJson.body.fields?.map((field) => field.path)).toEqual(['body']);
    recordCheck({
      id: 'abuse.body-limit',
      section: 'Bad input and abuse',
      check: 'A 10 MB body refused with 413 (error shape) before it is read; bad JSON a 400 naming the body',
      how: 'plain socket to /api/auth/token: 10 MB declared with no byte sent, and a 10 MB chunk begun with only 64 kB + 1 byte sent, answer awaited; 60 kB control',
      figures: {
        'ms to 413 (Content-Length)': Math.round(declared.elapsedMs),
        'ms to 413 (chunked)': Math.round(chunked.elapsedMs),
        'bytes sent before the answer (Content-Length)': declared.bytesSent,
        'bytes sent of the 10 MB chunk (64 kB limit)': chunked.bytesSent,
      },
    });
  });

  it('refuses expired, forged, unsigned and tampered bearer tokens with 401', async () => {
    const applicant = await newApplicant();
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: applicant.id, username: applicant.username, role: 'APPLICANT', iat: now - 60, exp: now + 3600 };
    const [header, , signature] = jwt(claims).split('.');
    const candidates: Record<string, string> = {
      expired: jwt({ ...claims, iat: now - 7200, exp: now - 3600 }),
      'signed with another key': jwt(claims, { secret: 'another-secret-of-enough-length' }),
      'alg none': jwt(claims, { alg: 'none' }),
      'alg HS512 with the right key': jwt(claims, { alg: 'HS512' }),
      'payload tampered (role ADMIN, signature kept)': `${header}.${base64url(JSON.stringify({ ...claims, role: 'ADMIN' }))}.${signature}`,
      'signature stripped': `${header}.${base64url(JSON.stringify(claims))}.`,
      'not a token': 'not.a.token',
    };
    // Control: the same claims, signed correctly, pass — so the refusals are about what was changed.
    const control = await http('GET', '/applications', { token: jwt(claims) });
    expect(control.status).toBe(200);
    const accepted: string[] = [];
    for (const [what, token] of Object.entries(candidates)) {
      const result = await http('GET', '/applications', { token });
      if (result.status !== 401 || !isErrorShape(result.body, 401)) accepted.push(`${what}: ${result.status}`);
      const adminRoute = await http('GET', '/admin/cases', { token });
      if (adminRoute.status !== 401) accepted.push(`${what} on /admin/cases: ${adminRoute.status}`);
    }
    expect(accepted).toEqual([]);
    recordCheck({
      id: 'abuse.jwt',
      section: 'Bad input and abuse',
      check: 'Expired, wrong-key, alg-none, other-alg, tampered and stripped tokens refused with 401',
      how: 'hand-made JWTs against an applicant route and an admin route; a correctly signed control passes',
      figures: { 'bad tokens tried': Object.keys(candidates).length, 'requests with bad tokens': Object.keys(candidates).length * 2, 'bad tokens accepted': accepted.length, 'control token accepted': control.status === 200 ? 1 : 0 },
    });
  });
});
