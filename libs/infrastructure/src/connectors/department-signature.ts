import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// The wire protocol between OneTrip and a department's own system (docs/connectors.md): every request,
// either way, is signed with the department's shared secret over its method, path, timestamp, nonce and
// body digest. Node only (no framework), so the worker, the API and the department simulator share it.

export const SIGNATURE_VERSION = 'v1';
/** A request whose timestamp is further than this from the receiver's clock is refused (replays and stale retries). */
export const SIGNATURE_WINDOW_SECONDS = 300;
const MIN_SECRET_BYTES = 32;

/** Header names (lower case, as Node reads them). */
export const CONNECTOR_HEADERS = {
  department: 'x-onetrip-department',
  timestamp: 'x-onetrip-timestamp',
  nonce: 'x-onetrip-nonce',
  digest: 'x-onetrip-content-sha256',
  signature: 'x-onetrip-signature',
  idempotencyKey: 'idempotency-key',
} as const;

export class ConnectorConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectorConfigError';
  }
}

export interface SignableRequest {
  method: string;
  /** Path and query as sent on the request line, e.g. `/api/connectors/TAX/callbacks`. */
  path: string;
  body: Buffer | string;
}

/** Hex SHA-256 of the body's bytes (an empty body has a digest too). */
export function bodyDigest(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** The text the HMAC covers: one field a line, so no field can run into the next. */
export function canonicalRequest(fields: { method: string; path: string; timestamp: string; nonce: string; digest: string }): string {
  return [SIGNATURE_VERSION, fields.method.toUpperCase(), fields.path, fields.timestamp, fields.nonce, fields.digest].join('\n');
}

function hmac(secret: Buffer, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}

/** The headers that sign `request` for `department` (timestamp in Unix seconds, a random nonce). */
export function signRequest(department: string, secret: Buffer, request: SignableRequest, at: Date = new Date(), nonce: string = randomBytes(16).toString('hex')): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const digest = bodyDigest(request.body);
  const signature = hmac(secret, canonicalRequest({ method: request.method, path: request.path, timestamp, nonce, digest }));
  return {
    [CONNECTOR_HEADERS.department]: department,
    [CONNECTOR_HEADERS.timestamp]: timestamp,
    [CONNECTOR_HEADERS.nonce]: nonce,
    [CONNECTOR_HEADERS.digest]: digest,
    [CONNECTOR_HEADERS.signature]: `${SIGNATURE_VERSION}=${signature}`,
  };
}

export type SignatureProblem = 'UNSIGNED' | 'STALE' | 'DIGEST_MISMATCH' | 'BAD_SIGNATURE';

export type SignatureCheck = { ok: true; nonce: string; timestamp: Date } | { ok: false; problem: SignatureProblem; message: string };

const header = (headers: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const NONCE = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * Checks a signed request's headers against its method, path and body: every header present, the timestamp
 * within ±`windowSeconds` of `now`, the digest that of the body, the HMAC right (compared in constant time).
 * The nonce is not remembered here: the caller refuses one it has seen (see NonceRegistry).
 */
export function verifyRequest(
  secret: Buffer,
  request: SignableRequest & { headers: Record<string, string | string[] | undefined> },
  now: Date = new Date(),
  windowSeconds: number = SIGNATURE_WINDOW_SECONDS,
): SignatureCheck {
  const timestamp = header(request.headers, CONNECTOR_HEADERS.timestamp);
  const nonce = header(request.headers, CONNECTOR_HEADERS.nonce);
  const digest = header(request.headers, CONNECTOR_HEADERS.digest);
  const signature = header(request.headers, CONNECTOR_HEADERS.signature);
  if (!timestamp || !nonce || !digest || !signature) return { ok: false, problem: 'UNSIGNED', message: 'The request is not signed (timestamp, nonce, digest and signature headers are required)' };
  if (!/^\d{1,12}$/.test(timestamp) || !NONCE.test(nonce)) return { ok: false, problem: 'UNSIGNED', message: 'The timestamp or nonce header is malformed' };
  const at = new Date(Number(timestamp) * 1000);
  if (Math.abs(now.getTime() - at.getTime()) > windowSeconds * 1000) {
    return { ok: false, problem: 'STALE', message: `The timestamp is more than ${windowSeconds} s from the receiver's clock` };
  }
  if (digest !== bodyDigest(request.body)) return { ok: false, problem: 'DIGEST_MISMATCH', message: 'The body digest does not match the body' };
  const expected = Buffer.from(`${SIGNATURE_VERSION}=${hmac(secret, canonicalRequest({ method: request.method, path: request.path, timestamp, nonce, digest }))}`);
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: 'BAD_SIGNATURE', message: 'The signature does not match' };
  return { ok: true, nonce, timestamp: at };
}

/** Remembers nonces for the signature window: a second use of one is a replay. */
export interface NonceRegistry {
  /** True when the nonce is new (and now remembered); false when it was seen before. */
  remember(department: string, nonce: string, at: Date): Promise<boolean>;
}

/** A process's own memory of nonces (the simulator; the API keeps them in PostgreSQL, shared by replicas). */
export class MemoryNonceRegistry implements NonceRegistry {
  private readonly seen = new Map<string, number>();

  async remember(department: string, nonce: string, at: Date): Promise<boolean> {
    const cutoff = at.getTime() - 2 * SIGNATURE_WINDOW_SECONDS * 1000;
    for (const [key, time] of this.seen) if (time < cutoff) this.seen.delete(key);
    const key = `${department}\n${nonce}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, at.getTime());
    return true;
  }
}

const DEPARTMENT_CODE = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;

/** `TAX:base64secret,SAMR:…` → secret bytes by department (each ≥ 32 bytes). Errors never quote a secret. */
export function parseDepartmentSecrets(setting: string): Map<string, Buffer> {
  const secrets = new Map<string, Buffer>();
  for (const entry of setting.split(',').map((part) => part.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':');
    const department = colon > 0 ? entry.slice(0, colon).trim() : '';
    if (!DEPARTMENT_CODE.test(department)) throw new ConnectorConfigError(`each entry must be DEPARTMENT:base64secret (entry ${secrets.size + 1} is not)`);
    const secret = Buffer.from(entry.slice(colon + 1).trim(), 'base64');
    if (secret.length < MIN_SECRET_BYTES) throw new ConnectorConfigError(`the secret of ${department} must be base64 of at least ${MIN_SECRET_BYTES} bytes (openssl rand -base64 32)`);
    if (secrets.has(department)) throw new ConnectorConfigError(`${department} is listed twice`);
    secrets.set(department, secret);
  }
  return secrets;
}

/** `TAX=https://tax.example/onetrip,SAMR=…` → base URL by department. */
export function parseDepartmentSystems(setting: string): Map<string, URL> {
  const systems = new Map<string, URL>();
  for (const entry of setting.split(',').map((part) => part.trim()).filter(Boolean)) {
    const equals = entry.indexOf('=');
    const department = equals > 0 ? entry.slice(0, equals).trim() : '';
    if (!DEPARTMENT_CODE.test(department)) throw new ConnectorConfigError(`each entry must be DEPARTMENT=http(s)://… (entry ${systems.size + 1} is not)`);
    let url: URL;
    try {
      url = new URL(entry.slice(equals + 1).trim());
    } catch {
      throw new ConnectorConfigError(`the URL of ${department} is not a URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConnectorConfigError(`the URL of ${department} must be http(s)`);
    if (systems.has(department)) throw new ConnectorConfigError(`${department} is listed twice`);
    systems.set(department, url);
  }
  return systems;
}

/** A new secret setting value for one department (tests, `./onetrip up`). */
export function generateDepartmentSecret(): string {
  return randomBytes(32).toString('base64');
}
