import { randomBytes } from 'node:crypto';
import {
  bodyDigest,
  CONNECTOR_HEADERS,
  MemoryNonceRegistry,
  parseDepartmentSecrets,
  parseDepartmentSystems,
  signRequest,
  verifyRequest,
  type SignableRequest,
} from './department-signature';

const secret = randomBytes(32);
const at = new Date('2026-12-02T01:00:00Z');
const request: SignableRequest = { method: 'POST', path: '/api/connectors/TAX/callbacks', body: '{"taskId":"c.TAX.1","decision":"COMPLETE"}' };
const signed = (overrides: Partial<SignableRequest> = {}, when = at) => {
  const headers = signRequest('TAX', secret, request, when);
  return { ...request, ...overrides, headers };
};

describe('department request signing', () => {
  it('verifies what it signed, and gives back the nonce and time', () => {
    const check = verifyRequest(secret, signed(), at);
    expect(check).toEqual({ ok: true, nonce: expect.stringMatching(/^[0-9a-f]{32}$/), timestamp: at });
  });

  it('refuses a change to the method, the path or the body, and another department’s secret', () => {
    expect(verifyRequest(secret, { ...signed(), method: 'PUT' }, at)).toMatchObject({ ok: false, problem: 'BAD_SIGNATURE' });
    expect(verifyRequest(secret, { ...signed(), path: '/api/connectors/SAMR/callbacks' }, at)).toMatchObject({ ok: false, problem: 'BAD_SIGNATURE' });
    expect(verifyRequest(secret, { ...signed(), body: request.body.toString().replace('COMPLETE', 'REJECT') }, at)).toMatchObject({ ok: false, problem: 'DIGEST_MISMATCH' });
    expect(verifyRequest(randomBytes(32), signed(), at)).toMatchObject({ ok: false, problem: 'BAD_SIGNATURE' });
  });

  it('refuses a body whose digest header was recomputed but not signed', () => {
    const forged = signed({ body: '{"decision":"REJECT"}' });
    forged.headers[CONNECTOR_HEADERS.digest] = bodyDigest(forged.body);
    expect(verifyRequest(secret, forged, at)).toMatchObject({ ok: false, problem: 'BAD_SIGNATURE' });
  });

  it('refuses an unsigned request and one with any header missing or malformed', () => {
    expect(verifyRequest(secret, { ...request, headers: {} }, at)).toMatchObject({ ok: false, problem: 'UNSIGNED' });
    for (const name of [CONNECTOR_HEADERS.timestamp, CONNECTOR_HEADERS.nonce, CONNECTOR_HEADERS.digest, CONNECTOR_HEADERS.signature]) {
      const headers = { ...signed().headers };
      delete headers[name];
      expect(verifyRequest(secret, { ...request, headers }, at)).toMatchObject({ ok: false, problem: 'UNSIGNED' });
    }
    expect(verifyRequest(secret, { ...request, headers: { ...signed().headers, [CONNECTOR_HEADERS.nonce]: 'short' } }, at)).toMatchObject({ ok: false, problem: 'UNSIGNED' });
  });

  it('accepts a timestamp within ±5 minutes and refuses one outside', () => {
    const minutes = (n: number) => new Date(at.getTime() + n * 60_000);
    expect(verifyRequest(secret, signed({}, minutes(-5)), at).ok).toBe(true);
    expect(verifyRequest(secret, signed({}, minutes(5)), at).ok).toBe(true);
    expect(verifyRequest(secret, signed({}, minutes(-5.1)), at)).toMatchObject({ ok: false, problem: 'STALE' });
    expect(verifyRequest(secret, signed({}, minutes(5.1)), at)).toMatchObject({ ok: false, problem: 'STALE' });
  });

  it('remembers nonces per department: the second use is a replay', async () => {
    const nonces = new MemoryNonceRegistry();
    expect(await nonces.remember('TAX', 'abcdefabcdefabcdef', at)).toBe(true);
    expect(await nonces.remember('TAX', 'abcdefabcdefabcdef', at)).toBe(false);
    expect(await nonces.remember('SAMR', 'abcdefabcdefabcdef', at)).toBe(true);
  });
});

describe('connector settings', () => {
  it('parses secrets and URLs per department', () => {
    const key = randomBytes(32).toString('base64');
    expect(parseDepartmentSecrets(` TAX:${key} , SAMR:${key}`).get('SAMR')).toEqual(Buffer.from(key, 'base64'));
    expect(parseDepartmentSecrets('').size).toBe(0);
    expect(parseDepartmentSystems('TAX=http://127.0.0.1:4100/onetrip').get('TAX')?.href).toBe('http://127.0.0.1:4100/onetrip');
  });

  it('names what is wrong without quoting a secret', () => {
    expect(() => parseDepartmentSecrets('TAX:c2hvcnQ=')).toThrow('the secret of TAX must be base64 of at least 32 bytes');
    expect(() => parseDepartmentSecrets('c2hvcnQ=')).toThrow('entry 1');
    expect(() => parseDepartmentSystems('TAX=ftp://x')).toThrow('the URL of TAX must be http(s)');
    expect(() => parseDepartmentSystems('TAX=nope')).toThrow('the URL of TAX is not a URL');
  });
});
