import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Connection } from '@temporalio/client';
import { msNumberToTs } from '@temporalio/common/lib/time';
import { ServerStartError } from './server-start-error';
import { waitFor } from './wait-for';

export interface RunningTemporal {
  address: string;
  uiUrl?: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');

/** The `temporal` CLI binary: on PATH, in .tools/, or installed by scripts/ensure-temporal.sh. */
export function temporalBinary(): string {
  return execFileSync(path.join(ROOT, 'scripts/ensure-temporal.sh'), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

// How long the dev server keeps a closed workflow's history: the shortest it accepts. A case's story is in
// PostgreSQL (case_events), so nothing reads an old history, and the embedded server's store stays small
// (in memory for the tests). Production sets its own (docs/operations.md, "Retention").
export const DEV_SERVER_RETENTION_HOURS = 1;

/** Sets the namespace's retention of closed workflows (what `temporal operator namespace update --retention` does). */
export async function setNamespaceRetention(connection: Pick<Connection, 'workflowService'>, namespace: string, hours: number): Promise<void> {
  await connection.workflowService.updateNamespace({ namespace, config: { workflowExecutionRetentionTtl: msNumberToTs(hours * 3_600_000) } });
}

// The dev server keeps the mutable state of up to 8,096 workflows in memory (the CLI sets
// history.hostLevelCacheMaxSize so; an entry leaves only when the cache is full, as its 1-hour TTL is
// checked on read), closed cases' included: its RSS grows with every case until then (2,202 cached took
// it from 166 to 288 MiB; docs/operations.md, "Memory of the embedded Temporal server"). 1,000 entries
// (500 workflows: two per workflow) hold every case open within the last minute at 8 cases/s, and kept it
// at 275-285 MiB over 3,000 cases; one waiting for a clerk is read back from SQLite.
export const DEV_SERVER_HISTORY_CACHE_ENTRIES = 1_000;

// SQLite tuned for a dev server: WAL and relaxed fsync make it several times faster.
const SQLITE_PRAGMAS = ['journal_mode=wal', 'synchronous=normal', 'busy_timeout=5000'];

export interface DevServerOptions {
  port: number;
  uiPort?: number;
  dbFile?: string;
  log?: (line: string) => void;
  /** Default DEV_SERVER_RETENTION_HOURS. */
  retentionHours?: number;
  /** Where the server's Prometheus /metrics answers (default: a port it picks). */
  metricsPort?: number;
  /** Dynamic config over ours (the history cache bound), key to JSON value. */
  dynamicConfig?: Record<string, unknown>;
}

/** The `temporal server start-dev` arguments for `options`. */
export function devServerArgs(options: Omit<DevServerOptions, 'log' | 'retentionHours'>): string[] {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port)];
  if (options.metricsPort) args.push('--metrics-port', String(options.metricsPort));
  const dynamicConfig = { 'history.hostLevelCacheMaxSize': DEV_SERVER_HISTORY_CACHE_ENTRIES, ...options.dynamicConfig };
  for (const [key, value] of Object.entries(dynamicConfig)) args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  if (options.uiPort) args.push('--ui-port', String(options.uiPort), '--ui-disable-news-fetch');
  else args.push('--headless');
  if (options.dbFile) {
    args.push('--db-filename', options.dbFile);
    for (const pragma of SQLITE_PRAGMAS) args.push('--sqlite-pragma', pragma);
  }
  return args;
}

/** The official Temporal CLI dev server; `dbFile` undefined keeps state in memory. */
export async function startTemporalDevServer(options: DevServerOptions): Promise<RunningTemporal> {
  let binary: string;
  try {
    binary = temporalBinary();
  } catch (error) {
    throw new ServerStartError('Temporal', `the temporal CLI is missing and could not be fetched (${error instanceof Error ? error.message : String(error)})`, 'put the temporal CLI on PATH or at .tools/bin/temporal (see scripts/ensure-temporal.sh), then run again.');
  }
  if (options.dbFile) fs.mkdirSync(path.dirname(options.dbFile), { recursive: true });
  const args = devServerArgs(options);

  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  const log = options.log ?? (() => undefined);
  const forward = (chunk: Buffer): void => chunk.toString().split('\n').filter(Boolean).forEach(log);
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  // A binary that cannot run, or a server that exits before it answers, ends the wait at once with a reason.
  const failed = new Promise<never>((_resolve, reject) => {
    child.once('error', (error) => reject(new ServerStartError('Temporal', `${binary} could not run (${error.message})`, `check that it is an executable file the current user may run, or remove it and run again to fetch it (scripts/ensure-temporal.sh).`)));
    child.once('exit', (code, signal) => reject(new ServerStartError('Temporal', `the dev server exited (${signal ?? `code ${code}`}) before it answered`, `see the temporal log for why; check that ports ${options.port}${options.uiPort ? ` and ${options.uiPort}` : ''} are free${options.dbFile ? ` and that ${options.dbFile} is not held by another server` : ''}.`)));
  });
  failed.catch(() => undefined); // observed below; after a successful start an exit is the caller's business

  const address = `127.0.0.1:${options.port}`;
  const ready = waitFor(
    `Temporal at ${address}`,
    async () => {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.describeNamespace({ namespace: 'default' });
        // Set deliberately, not left at the dev server's 24 h (idempotent: a restart on the same file sets it again).
        await setNamespaceRetention(connection, 'default', options.retentionHours ?? DEV_SERVER_RETENTION_HOURS);
        return true;
      } finally {
        await connection.close();
      }
    },
    { timeoutMs: 60_000, intervalMs: 200 },
  );
  try {
    await Promise.race([ready, failed]);
  } catch (error) {
    child.kill('SIGKILL');
    if (error instanceof ServerStartError) throw error;
    throw new ServerStartError('Temporal', error instanceof Error ? error.message : String(error), 'see the temporal log; the machine may be too busy, so try again.');
  }

  return {
    address,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined,
    process: child,
    stop: () => stopChild(child, 15_000),
  };
}

/** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
