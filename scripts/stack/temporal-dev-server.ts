import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Connection } from '@temporalio/client';
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

// SQLite tuned for a dev server: WAL and relaxed fsync make it several times faster.
const SQLITE_PRAGMAS = ['journal_mode=wal', 'synchronous=normal', 'busy_timeout=5000'];

/** The official Temporal CLI dev server; `dbFile` undefined keeps state in memory. */
export async function startTemporalDevServer(options: {
  port: number;
  uiPort?: number;
  dbFile?: string;
  log?: (line: string) => void;
}): Promise<RunningTemporal> {
  const binary = temporalBinary();
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), ];
  if (options.uiPort) args.push('--ui-port', String(options.uiPort), '--ui-disable-news-fetch');
  else args.push('--headless');
  if (options.dbFile) {
    fs.mkdirSync(path.dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
    for (const pragma of SQLITE_PRAGMAS) args.push('--sqlite-pragma', pragma);
  }

  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  const log = options.log ?? (() => undefined);
  const forward = (chunk: Buffer): void => chunk.toString().split('\n').filter(Boolean).forEach(log);
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  let exited = false;
  child.once('exit', () => (exited = true));

  const address = `127.0.0.1:${options.port}`;
  await waitFor(
    `Temporal at ${address}`,
    async () => {
      if (exited) throw new Error(`temporal exited with code ${child.exitCode}`);
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.describeNamespace({ namespace: 'default' });
        return true;
      } finally {
        await connection.close();
      }
    },
    { timeoutMs: 60_000, intervalMs: 200 },
  );

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
