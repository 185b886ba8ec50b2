import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client as PgClient } from 'pg';
import { Client, Connection } from '@temporalio/client';
import { temporalDataConverter } from '@onetrip/infrastructure/temporal/encryption-codec';
import { ROOT } from '../../scripts/stack/app-process';
import { freePort } from '../../scripts/stack/ports';
import { waitFor } from '../../scripts/stack/wait-for';
import { http } from '../support/http';

/** Every process below `pid`, from /proc (children of children included). */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const walk = (id: number): void => (children.get(id) ?? []).forEach((child) => (found.push(child), walk(child)));
  walk(pid);
  return found;
}

const alive = (pid: number): boolean => fs.existsSync(`/proc/${pid}`) && !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');

describe('the launcher (./onetrip up without the install and build)', () => {
  const dataDir = path.join(ROOT, '.data', `test-launcher-${process.pid}`);
  let env: Record<string, string>;
  let apiUrl: string;
  let databaseUrl: string;

  beforeAll(async () => {
    const [postgres, temporal, ui, api, smtp, mailbox] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort(), freePort()]);
    env = {
      ONETRIP_DATA_DIR: dataDir,
      ONETRIP_POSTGRES_PORT: String(postgres),
      ONETRIP_TEMPORAL_PORT: String(temporal),
      ONETRIP_TEMPORAL_UI_PORT: String(ui),
      API_PORT: String(api),
      ONETRIP_SMTP_PORT: String(smtp),
      ONETRIP_MAILBOX_PORT: String(mailbox),
    };
    apiUrl = `http://127.0.0.1:${api}/api`;
    databaseUrl = `postgres://onetrip:onetrip@127.0.0.1:${postgres}/onetrip`;
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  async function launch(): Promise<{ child: ChildProcess; output: string[] }> {
    const output: string[] = [];
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !['DATABASE_URL', 'TEMPORAL_ADDRESS', 'ONETRIP_TEST_STACK'].includes(key)));
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/up.ts'], { cwd: ROOT, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n')));
    child.stderr?.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n')));
    await waitFor('the launcher to print its URLs', async () => {
      if (child.exitCode !== null) throw new Error(`launcher exited ${child.exitCode}: ${output.slice(-20).join('\n')}`);
      return output.some((line) => line.includes('Ctrl-C stops everything'));
    }, { timeoutMs: 90_000, intervalMs: 200 });
    return { child, output };
  }

  async function stop(child: ChildProcess): Promise<{ code: number | null; leftBehind: number[] }> {
    const processes = descendants(child.pid!);
    expect(processes.length).toBeGreaterThanOrEqual(7); // launcher, PostgreSQL, Temporal, worker, relay, mail sink, API
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    const code = await exited;
    await waitFor('every child process to end', async () => processes.every((pid) => !alive(pid)) || undefined, { timeoutMs: 30_000 }).catch(() => undefined);
    return { code, leftBehind: processes.filter(alive) };
  }

  it('brings everything up, prints the URLs, stops cleanly, and keeps the data for the next start', async () => {
    const first = await launch();
    expect(first.output.join('\n')).toMatch(/API: +http:\/\/127\.0\.0\.1:\d+\/api[\s\S]*OpenAPI docs: +http:\/\/127\.0\.0\.1:\d+\/api\/docs[\s\S]*Temporal Web UI: +http:\/\/127\.0\.0\.1:\d+/);
    // The local mail sink's page, where notifications can be read.
    const mailbox = /Mails and SMS: +(http:\/\/127\.0\.0\.1:\d+\/)/.exec(first.output.join('\n'))?.[1];
    expect(mailbox).toBe(`http://127.0.0.1:${env.ONETRIP_MAILBOX_PORT}/`);
    expect((await fetch(mailbox!)).status).toBe(200);
    const health = await http<{ status: string; details: Record<string, { status: string }> }>('GET', '/health', { baseUrl: apiUrl });
    expect(health.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, temporal: { status: 'up' } } });
    const token = await http<{ accessToken: string }>('POST', '/auth/token', { baseUrl: apiUrl, body: { username: 'admin', password: 'onetrip-demo' } });
    const ping = await http<{ workflowId: string }>('POST', '/pings', { baseUrl: apiUrl, token: token.body.accessToken, body: { message: 'kept across restarts' } });
    expect(ping.status).toBe(201);

    const keyFiles = ['temporal-payload-keys', 'personal-data-keys', 'jwt-secret'].map((name) => path.join(dataDir, name));
    const keys = keyFiles.map((file) => fs.readFileSync(file, 'utf8'));
    // Readable by its owner only.
    expect(keyFiles.map((file) => fs.statSync(file).mode & 0o077)).toEqual([0, 0, 0]);
    // Tokens are signed with the generated secret: one signed with the old public default is refused.
    expect(keys[2].trim()).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    const adminId = (JSON.parse(Buffer.from(token.body.accessToken.split('.')[1], 'base64url').toString()) as { sub: string }).sub;
    const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: adminId, username: 'admin', role: 'ADMIN', iat: now, exp: now + 600 })}`;
    const forged = `${unsigned}.${createHmac('sha256', 'onetrip-development-secret-change-me').update(unsigned).digest('base64url')}`;
    expect((await http('GET', '/admin/cases', { baseUrl: apiUrl, token: forged })).status).toBe(401);
    expect((await http('GET', '/admin/cases', { baseUrl: apiUrl, token: token.body.accessToken })).status).toBe(200);

    const firstStop = await stop(first.child);
    expect(firstStop).toEqual({ code: 0, leftBehind: [] });
    expect(first.output.join('\n')).toContain('worker stopped');
    expect(first.output.join('\n')).toContain('relay stopped');

    const second = await launch();
    const db = new PgClient({ connectionString: databaseUrl });
    await db.connect();
    const kept = await db.query(`SELECT message FROM ping_records WHERE workflow_id = $1`, [ping.body.workflowId]);
    await db.end();
    expect(kept.rows).toEqual([{ message: 'kept across restarts' }]);
    // The same keys and secret, so the first run's encrypted history still reads and its tokens still verify.
    expect(keyFiles.map((file) => fs.readFileSync(file, 'utf8'))).toEqual(keys);
    const [payloadKeys] = keys;
    expect((await http('GET', '/admin/cases', { baseUrl: apiUrl, token: token.body.accessToken })).status).toBe(200);
    const temporal = new Client({
      connection: await Connection.connect({ address: `127.0.0.1:${env.ONETRIP_TEMPORAL_PORT}` }),
      dataConverter: temporalDataConverter({ TEMPORAL_PAYLOAD_KEYS: payloadKeys.trim(), TEMPORAL_PAYLOAD_KEY_ID: 'dev-1' }),
    });
    const result = await temporal.workflow.getHandle(ping.body.workflowId).result();
    await temporal.connection.close();
    expect(result).toMatchObject({ message: 'kept across restarts' });
    // Nothing to migrate the second time: it is the same database.
    expect(second.output.join('\n')).not.toContain('migrations applied');
    expect((await stop(second.child)).leftBehind).toEqual([]);
  }, 240_000);
});
