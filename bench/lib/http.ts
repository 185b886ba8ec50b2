import * as http from 'node:http';
import { now } from './stats';

// A small keep-alive JSON client on node:http: lower and steadier overhead than fetch, so the
// latencies measured are the server's.

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface Reply<T = unknown> {
  status: number;
  body: T;
  ms: number;
}

export async function request<T = unknown>(
  baseUrl: string,
  method: string,
  route: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  try {
    return await send<T>(baseUrl, method, route, options);
  } catch (error) {
    // A kept-alive socket the server closed as idle just as it was reused: the request never reached
    // the server (Node's documented keep-alive race), so sending it once more is safe.
    // On a new connection: the pool may hold more sockets closed the same way.
    if ((error as { reusedSocket?: boolean }).reusedSocket) return send<T>(baseUrl, method, route, options, false);
    throw error;
  }
}

function send<T>(
  baseUrl: string,
  method: string,
  route: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string> },
  pooled: http.Agent | false = agent,
): Promise<Reply<T>> {
  const url = new URL(baseUrl + route);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const started = now();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, agent: pooled }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const ms = now() - started;
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        if ((res.headers['content-type'] ?? '').includes('json') && text) {
          try {
            body = JSON.parse(text);
          } catch {
            body = text;
          }
        }
        resolve({ status: res.statusCode ?? 0, body: body as T, ms });
      });
      res.on('error', reject);
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(Object.assign(error, { reusedSocket: req.reusedSocket && (error.code === 'ECONNRESET' || error.message === 'socket hang up') })),
    );
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** Fails with the route, status and body when the status is not the expected one. */
export async function expectStatus<T>(reply: Promise<Reply<T>>, expected: number | number[], what: string): Promise<Reply<T>> {
  const result = await reply;
  const allowed = Array.isArray(expected) ? expected : [expected];
  if (!allowed.includes(result.status)) throw new Error(`${what}: HTTP ${result.status} ${JSON.stringify(result.body).slice(0, 500)}`);
  return result;
}

export interface Session {
  token: string;
  userId: string;
}

/** Signs in (`POST /api/auth/token`). */
export async function signIn(apiUrl: string, username: string, password: string): Promise<Session> {
  const reply = await expectStatus(
    request<{ accessToken: string; user: { id: string } }>(apiUrl, 'POST', '/auth/token', { body: { username, password } }),
    200,
    `sign in as ${username}`,
  );
  return { token: reply.body.accessToken, userId: reply.body.user.id };
}

/** Registers an applicant (`POST /api/auth/register`) and signs in. */
export async function registerApplicant(apiUrl: string, username: string, password = 'bench-password-1'): Promise<Session> {
  await expectStatus(
    request(apiUrl, 'POST', '/auth/register', { body: { username, password, name: '压测申请人', mobile: '13800001111' } }),
    [202],
    `register ${username}`,
  );
  return signIn(apiUrl, username, password);
}

// The API's access tokens live 15 minutes (TOKEN_LIFETIME_SECONDS); a long run signs in again before then.
const RENEW_AFTER_MS = 10 * 60_000;

/**
 * A session that outlives the token's 15 minutes: `current()` signs in again (with `signIn`, which may
 * retry as the caller likes) once the token is ten minutes old. Concurrent callers share one sign-in.
 */
export function renewingSession(first: Session, signInAgain: () => Promise<Session>): { current(): Promise<Session> } {
  let session = first;
  let since = Date.now();
  let renewing: Promise<Session> | undefined;
  return {
    async current() {
      if (Date.now() - since < RENEW_AFTER_MS) return session;
      renewing ??= signInAgain().then(
        (fresh) => {
          session = fresh;
          since = Date.now();
          renewing = undefined;
          return fresh;
        },
        (error: unknown) => {
          renewing = undefined;
          throw error;
        },
      );
      return renewing;
    },
  };
}
