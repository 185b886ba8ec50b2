import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from '../../scripts/stack/app-process';
import { stopChild } from '../../scripts/stack/temporal-dev-server';
import { fileLog } from '../support/test-stack';

export interface PrivatePostgres {
  url: string;
  /** Stops PostgreSQL cleanly (fast shutdown: open connections are terminated); the data folder stays. */
  stop(): Promise<void>;
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
  return { url, stop: () => stopChild(child, 30_000) };
}
