import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json, urlencoded } from 'express';
import { coded, type ErrorBody } from './error-body';

// Express middleware that runs before Nest's routing, so errors are written here in the same
// `{statusCode, error, message, fields?}` shape the global filter uses.

function sendError(res: Response, body: ErrorBody): void {
  res.status(body.statusCode).json(body);
}

// Keys that reach an object's prototype when code copies a body key by key. class-validator's whitelist
// does not see `constructor` (every instance has one), so these are refused before validation.
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The first thing in a parsed body a handler must never see: a NUL character (PostgreSQL text and jsonb cannot hold it) or a prototype key. */
export function unsafeBodyPart(value: unknown, path = ''): { path: string; message: string } | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? { path: path || 'body', message: NUL_MESSAGE } : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return { path: itemPath, message: NUL_MESSAGE };
    if (PROTOTYPE_KEYS.has(key)) return { path: itemPath, message: 'is not allowed (a prototype key)' };
    const found = unsafeBodyPart(item, itemPath);
    if (found !== undefined) return found;
  }
  return undefined;
}

const NUL_MESSAGE = 'must not contain the NUL character (\\u0000)';

/** 400 for a NUL character in the URL, or a NUL or prototype key in the parsed body, before any handler runs. */
export function refuseUnsafeInput(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (/%00|\u0000/i.test(req.originalUrl)) {
      return sendError(res, coded('VALIDATION_FAILED', 'Invalid fields: url', [{ path: 'url', messages: [NUL_MESSAGE] }]));
    }
    const unsafe = unsafeBodyPart(req.body);
    if (unsafe !== undefined) {
      const path = unsafe.path.slice(0, 200);
      return sendError(res, coded('VALIDATION_FAILED', `Invalid fields: ${path}`, [{ path, messages: [unsafe.message] }]));
    }
    next();
  };
}

/** How deep a JSON body may nest: the form is 4 levels deep; far deeper is an attack on recursive code. */
export const MAX_JSON_DEPTH = 32;

/**
 * True when the JSON text nests objects and arrays deeper than `max`, found by one pass over the bytes
 * (brackets inside strings do not count), before anything parses or walks it recursively.
 */
export function jsonDeeperThan(body: Buffer | string, max: number): boolean {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

class BodyTooDeepError extends Error {
  readonly type = 'entity.too.deep';
  constructor() {
    super('body too deep');
  }
}

function parsersWithLimit(limitKb: number): RequestHandler[] {
  const limit = limitKb * 1024;
  const tooLarge = (res: Response): void => {
    // Close the connection instead of reading the rest of the body to keep it alive.
    res.setHeader('Connection', 'close');
    sendError(res, coded('PAYLOAD_TOO_LARGE', `The body is larger than ${limitKb} kB`));
  };
  const refuseOversized: RequestHandler = (req, res, next) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return tooLarge(res);
    if (req.headers['transfer-encoding'] !== undefined) {
      let received = 0;
      const count = (chunk: Buffer): void => {
        received += chunk.length;
        if (received <= limit) return;
        req.off('data', count);
        if (!res.headersSent) tooLarge(res);
      };
      req.on('data', count);
    }
    next();
  };
  const guard =
    (parse: RequestHandler): RequestHandler =>
    (req, res, next) =>
      parse(req, res, (error?: unknown) => {
        if (res.headersSent) return; // already refused as too large while it streamed in
        if (!error) return next();
        const type = (error as { type?: string }).type;
        if (type === 'entity.too.large') return tooLarge(res);
        if (error instanceof BodyTooDeepError || type === 'entity.too.deep') {
          return sendError(
            res,
            coded('BODY_TOO_DEEP', `The body nests deeper than ${MAX_JSON_DEPTH} levels`, [
              { path: 'body', messages: [`must not nest objects and arrays deeper than ${MAX_JSON_DEPTH} levels`] },
            ]),
          );
        }
        if (type === 'entity.parse.failed') {
          return sendError(res, coded('VALIDATION_FAILED', 'The body is not valid JSON', [{ path: 'body', messages: ['must be valid JSON'] }]));
        }
        // Unsupported charset or encoding, aborted or mis-sized bodies: the client's fault, never a 500.
        const status = (error as { status?: number }).status;
        const clientStatus = typeof status === 'number' && status >= 400 && status < 500 ? status : 400;
        return sendError(res, { statusCode: clientStatus, error: 'BAD_REQUEST', code: 'BODY_UNREADABLE', message: 'The body could not be read' });
      });
  // Checked on the raw bytes before JSON.parse: the parsed value is walked recursively afterwards.
  const verify = (req: Request, _res: Response, buffer: Buffer): void => {
    if (jsonDeeperThan(buffer, MAX_JSON_DEPTH)) throw new BodyTooDeepError();
    // A department system's callback is signed over its exact bytes (connectors/): kept for the check.
    if (req.url.startsWith(CONNECTOR_ROUTES)) (req as RequestWithRawBody).rawBody = buffer;
  };
  return [refuseOversized, guard(json({ limit, verify })), guard(urlencoded({ limit, extended: false }))];
}

const CONNECTOR_ROUTES = '/api/connectors/';

/** A request whose body bytes were kept (the signed callbacks of departments' systems). */
export type RequestWithRawBody = Request & { rawBody?: Buffer };

/** A route whose bodies may be larger (or must be smaller) than the API's limit. */
export interface RouteBodyLimit {
  method: string;
  /** The exact path, e.g. /api/admin/processes. */
  path: string;
  limitKb: number;
}

/**
 * JSON and form bodies with an explicit size limit, refused early: a larger Content-Length gets 413 before a
 * byte of the body is read, a chunked body as soon as it passes the limit (body-parser alone would read the
 * whole body off the socket before answering). Malformed JSON is a 400 naming the body. A route listed in
 * `routes` has its own limit (a process definition is larger than any form); every other route has `limitKb`.
 */
export function limitedBodyParsers(limitKb: number, routes: readonly RouteBodyLimit[] = []): RequestHandler[] {
  const standard = parsersWithLimit(limitKb);
  if (routes.length === 0) return standard;
  const special = new Map(routes.map((route) => [`${route.method.toUpperCase()} ${route.path}`, parsersWithLimit(route.limitKb)]));
  const chain =
    (index: number): RequestHandler =>
    (req, res, next) =>
      (special.get(`${req.method} ${req.path}`) ?? standard)[index](req, res, next);
  return standard.map((_, index) => chain(index));
}

const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // React sets style properties through the DOM (allowed); no inline <style> or style="" in the markup.
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
// Swagger UI's page carries inline styles.
const DOCS_CSP = APP_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

/** Headers every response carries; HSTS only on requests that arrived over TLS (directly or per a trusted proxy). */
export function securityHeaders(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', req.path.startsWith('/api/docs') ? DOCS_CSP : APP_CSP);
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // API answers carry cases, forms and tokens: no browser or proxy cache may keep them.
    if (req.path === '/api' || req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    next();
  };
}

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, X-Request-Id';
const EXPOSED_HEADERS = 'Retry-After, X-Request-Id';

/**
 * CORS for the configured origins only. Another origin gets no CORS headers (the browser then hides the
 * answer) and its preflight is refused with 403. Tokens travel in a header, not cookies: no credentials.
 */
export function corsForOrigins(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    res.vary('Origin');
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (typeof origin !== 'string' || !allowed.has(origin)) {
      if (preflight) return sendError(res, coded('FORBIDDEN', 'This origin may not call the API'));
      return next();
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    if (!preflight) return next();
    res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}
