import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client as PgClient } from 'pg';
import { ROOT, type AppProcess } from '../../scripts/stack/app-process';
import { freePort } from '../../scripts/stack/ports';
import { stopChild } from '../../scripts/stack/temporal-dev-server';
import { waitFor } from '../../scripts/stack/wait-for';
import { newApplicant, validForm, type SignedIn } from '../api/api-fixtures';
import { http } from '../support/http';
import { fileLog, startApi, startWorker, testStack, type StackTarget } from '../support/test-stack';

export interface PrivatePostgres {
  url: string;
  /** The postmaster's process id. */
  pid: number;
  /** Stops PostgreSQL cleanly (fast shutdown: open connections are terminated); the data folder stays. */
  stop(): Promise<void>;
  /** `kill -9` of the postmaster (a crash, no shutdown); resolves once it and every process it started are gone. */
  crash(): Promise<void>;
}

/** A PostgreSQL of one test's own on `dataDir` (reused when it exists, so a restart keeps the data). */
export async function startPrivatePostgres(dataDir: string, port: number, label: string): Promise<PrivatePostgres> {
  const log = fileLog(label);
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(__dirname, 'postgres-server.ts'), dataDir, String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.on('data', (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).forEach(log));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /^ready (\S+)$/m.exec(output);
      if (ready) resolve(ready[1]);
    });
    child.once('exit', (code) => reject(new Error(`${label} exited with ${code} before it was ready (see test-results/logs/${label}.log)`)));
  });
  // The first line of postmaster.pid is the postmaster's pid (the tsx wrapper above is its parent).
  const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url,
    pid,
    stop: async () => {
      await stopChild(child, 30_000);
      // The wrapper gone does not prove the postmaster is (a wrapper killed after its grace leaves it
      // running): a fast shutdown of our own postmaster, and the stop ends only once it is gone.
      if (isRunning(pid)) process.kill(pid, 'SIGINT');
      await waitFor(`postmaster ${pid} stopped`, async () => !isRunning(pid), { timeoutMs: 30_000 });
    },
    crash: async () => {
      const started = childrenOf(pid);
      process.kill(pid, 'SIGKILL');
      // Backends notice their postmaster died and exit; a new postmaster refuses to start while any of them
      // still holds the old shared memory.
      await waitFor(`the processes of the killed postmaster ${pid} gone`, async () => [pid, ...started].every((each) => !isRunning(each)), { timeoutMs: 30_000 });
      await stopChild(child, 10_000);
    },
  };
}

/** Pids whose parent is `parent`, from /proc. */
export function childrenOf(parent: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => procStat(Number(entry))?.ppid === parent)
    .map(Number);
}

/** State and parent of a process from /proc/<pid>/stat; undefined once it is gone. */
function procStat(pid: number): { state: string; ppid: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …"; comm may hold spaces and parentheses, so read after the last ')'.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state, ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

/** A zombie (exited, not yet reaped) counts as gone. */
function isRunning(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== undefined && stat.state !== 'Z';
}

/**
 * A stack of one test's own: a private PostgreSQL (the shared one stays up for the other tests), a worker
 * and an API on it, on the shared Temporal with a task queue of its own. Every department AUTO and the
 * 24×7 calendar, so cases finish by themselves.
 */
export interface PrivateStack {
  /** The running PostgreSQL; replaced by `restartPostgres`. */
  readonly postgres: PrivatePostgres;
  readonly worker: AppProcess;
  /** The worker's log file (test-results/logs/worker-<label>.log). */
  readonly workerLogFile: string;
  readonly api: { url: string; app: AppProcess };
  readonly applicant: SignedIn;
  /** A client on the private database; the server going away does not crash the test; closed by `stop`. */
  connect(): Promise<PgClient>;
  /** Starts PostgreSQL again on the same data folder and port, once the old one's processes allow it. */
  restartPostgres(label: string): Promise<void>;
  /** Files `count` cases through the API; their ids. */
  fileCases(count: number): Promise<string[]>;
  /**
   * Holds automatic steps inside their activities: a lock on the table they read, kept until `release`,
   * and waits until at least `atLeast` worker connections wait on it.
   */
  holdAutomaticSteps(atLeast: number, fileWhileHeld: () => Promise<void>): Promise<{ release(): Promise<void> }>;
  /** How many of the two apps exited (a fault must not need an app restart). */
  appsExited(): number;
  stop(): Promise<void>;
}

export async function startPrivateStack(label: string): Promise<PrivateStack> {
  const dataDir = path.join(testStack().dataDir, `${label}-${randomUUID().slice(0, 8)}`);
  const port = await freePort();
  // Its server log is named postgres-…, where the duplicate-write check reads refused keys.
  let postgres = await startPrivatePostgres(dataDir, port, `postgres-${label}`);
  const clients: PgClient[] = [];
  const apps: AppProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    await Promise.all(apps.map((app) => app.stop()));
    await postgres.stop();
  };
  try {
    const target: StackTarget = { databaseUrl: postgres.url, temporalAddress: testStack().temporalAddress, taskQueue: `${label}-${randomUUID()}` };
    const worker = await startWorker({}, `worker-${label}`, target);
    apps.push(worker);
    const api = await startApi({ CASE_DEPARTMENT_MODES: '*=AUTO', CASE_CALENDAR: 'ALWAYS' }, `api-${label}`, target);
    apps.push(api.app);
    const applicant = await newApplicant(api.url);
    const connect = async (): Promise<PgClient> => {
      const client = new PgClient({ connectionString: postgres.url });
      client.on('error', () => undefined);
      await client.connect();
      clients.push(client);
      return client;
    };
    return {
      get postgres() {
        return postgres;
      },
      worker,
      workerLogFile: path.join(ROOT, 'test-results/logs', `worker-${label}.log`),
      api,
      applicant,
      connect,
      restartPostgres: async (restartLabel) => {
        postgres = await waitFor(`PostgreSQL ${restartLabel} started`, () => startPrivatePostgres(dataDir, port, `postgres-${restartLabel}`), { timeoutMs: 60_000, intervalMs: 500 });
      },
      fileCases: async (count) => {
        const ids: string[] = [];
        for (let i = 0; i < count; i++) {
          const filed = await http<{ id: string }>('POST', '/applications', { token: applicant.token, body: validForm(), baseUrl: api.url });
          if (filed.status !== 201) throw new Error(`filing answered ${filed.status}: ${JSON.stringify(filed.body)}`);
          ids.push(filed.body.id);
        }
        return ids;
      },
      holdAutomaticSteps: async (atLeast, fileWhileHeld) => {
        const gate = await connect();
        const db = await connect();
        await gate.query('BEGIN');
        await gate.query('LOCK TABLE department_outages IN ACCESS EXCLUSIVE MODE');
        await fileWhileHeld();
        await waitFor('automatic steps held inside their activity', async () => {
          const { rows } = await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'onetrip-worker' AND wait_event_type = 'Lock'`);
          return (rows[0] as { n: number }).n >= atLeast ? true : undefined;
        });
        return { release: () => gate.query('COMMIT').then(() => undefined) };
      },
      appsExited: () => Number(worker.process.exitCode !== null) + Number(api.app.process.exitCode !== null),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
