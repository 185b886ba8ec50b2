import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { Client as PgClient } from 'pg';
import type { AppProcess } from '../../scripts/stack/app-process';
import { freePort } from '../../scripts/stack/ports';
import { startTemporalDevServer, type RunningTemporal } from '../../scripts/stack/temporal-dev-server';
import { waitFor } from '../../scripts/stack/wait-for';
import { connectDatabase } from '../support/case-fixtures';
import { fileLog, startApi, testStack } from '../support/test-stack';

interface Ready {
  status: 'ok' | 'error';
  draining: boolean;
  database: { status: 'up' | 'down'; message?: string };
  temporal: { status: 'up' | 'down'; message?: string };
}

async function get<T>(url: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as T };
}

/** Whether a new TCP connection to the API is refused (it has stopped listening). */
async function refusesConnections(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return false;
  } catch (error) {
    return (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
  }
}

describe('liveness and readiness', () => {
  const apps: AppProcess[] = [];
  let temporal: RunningTemporal | undefined;
  let db: PgClient;

  beforeAll(async () => {
    db = await connectDatabase();
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await temporal?.stop();
    await db.end();
  });

  it('both answer 200 on a healthy API; with Temporal gone readiness is 503 naming it, liveness stays 200', async () => {
    temporal = await startTemporalDevServer({ port: await freePort(), log: fileLog('health-probes-temporal') });
    const api = await startApi({}, 'api-health-probes', { ...testStack(), temporalAddress: temporal.address });
    apps.push(api.app);

    expect(await get(`${api.url}/health/live`)).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get<Ready>(`${api.url}/health/ready`)).toEqual({
      status: 200,
      body: { status: 'ok', draining: false, database: { status: 'up' }, temporal: { status: 'up' } },
    });

    await temporal.stop();
    const ready = await waitFor('readiness to fail with Temporal stopped', async () => {
      const answer = await get<Ready>(`${api.url}/health/ready`);
      return answer.status === 503 ? answer : undefined;
    });
    expect(ready.body).toMatchObject({ status: 'error', draining: false, database: { status: 'up' }, temporal: { status: 'down' } });
    expect(ready.body.temporal.message).toEqual(expect.any(String));
    expect(await get(`${api.url}/health/live`)).toEqual({ status: 200, body: { status: 'ok' } });
    expect((await fetch(`${api.url}/health`)).status).toBe(503); // the combined check, as before
  });

  it('on SIGTERM: readiness fails at once, requests are still served while draining, new connections are then refused, the request in flight finishes, and the process exits', async () => {
    const api = await startApi({ API_DRAIN_SECONDS: '2', API_SHUTDOWN_TIMEOUT_SECONDS: '30' }, 'api-health-drain');
    apps.push(api.app);
    const log: string[] = [];
    api.app.process.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));

    // A registration whose body arrives slowly: in flight from before the signal until after the API
    // has stopped taking connections.
    const username = `drain-${randomUUID().slice(0, 12)}`;
    const body = JSON.stringify({ username, password: 'applicant-pass-1', name: '王五', mobile: '13912345678' });
    const cut = Math.floor(body.length / 2);
    const { port } = new URL(api.url);
    const request = http.request({ host: '127.0.0.1', port, path: '/api/auth/register', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
    const answered = new Promise<{ status: number; connection: string | undefined; text: string }>((resolve, reject) => {
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, text }));
      });
      request.on('error', reject);
    });
    request.write(body.slice(0, cut));
    await new Promise<void>((resolve) => request.once('socket', (socket) => (socket.connecting ? socket.once('connect', () => resolve()) : resolve())));

    // 'close' comes after the process has exited and its output has all been read.
    const closed = new Promise<void>((resolve) => api.app.process.once('close', () => resolve()));
    api.app.process.kill('SIGTERM');

    const draining = await waitFor('readiness to fail after SIGTERM', async () => {
      const answer = await get<Ready>(`${api.url}/health/ready`);
      return answer.status === 503 ? answer : undefined;
    }, { timeoutMs: 5_000, intervalMs: 50 });
    expect(draining.body).toMatchObject({ status: 'error', draining: true });
    // Still serving meanwhile: the load balancer has not caught up yet.
    expect(await get(`${api.url}/health/live`)).toEqual({ status: 200, body: { status: 'ok' } });

    await waitFor('the API to stop taking new connections', async () => refusesConnections(`${api.url}/health/live`), { timeoutMs: 15_000, intervalMs: 50 });
    expect(api.app.process.exitCode).toBeNull(); // still up: the registration is in flight

    request.end(body.slice(cut));
    const response = await answered;
    expect([response.status, response.text]).toEqual([202, expect.any(String)]);
    expect(response.connection).toBe('close');
    const stored = await db.query('SELECT count(*)::int AS n FROM users WHERE username = $1', [username]);
    expect(stored.rows[0]).toEqual({ n: 1 });

    await waitFor('the API to exit', async () => api.app.process.exitCode !== null || api.app.process.signalCode !== null, { timeoutMs: 15_000 });
    await closed;
    expect(log.join('')).toContain('every request in flight has finished');
    expect(api.app.process.exitCode).toBe(0);
  });
});
