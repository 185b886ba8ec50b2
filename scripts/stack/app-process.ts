import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { stopChild } from './temporal-dev-server';

export const ROOT = path.resolve(__dirname, '../..');

/** Compiled entry points (`nest build api`, `nest build worker`: the notification relay is built with the worker). */
export const APP_ENTRIES = {
  api: path.join(ROOT, 'dist/apps/api/apps/api/src/main.js'),
  worker: path.join(ROOT, 'dist/apps/worker/apps/worker/src/main.js'),
  relay: path.join(ROOT, 'dist/apps/worker/apps/worker/src/relay/relay-main.js'),
} as const;

export interface AppProcess {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code when the process ends, whoever ended it. */
  exited: Promise<number | null>;
  stop(graceMs?: number): Promise<void>;
}

/** Starts one of our apps as a child process, each output line handed to `log`. */
export function startApp(options: {
  name: keyof typeof APP_ENTRIES;
  env: Record<string, string>;
  log: (line: string) => void;
  /** Another copy of the compiled entry (the benchmark runs from a snapshot of dist/). */
  entry?: string;
}): AppProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', options.entry ?? APP_ENTRIES[options.name]], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffered = '';
  const onData = (chunk: Buffer): void => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    lines.filter(Boolean).forEach(options.log);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name: options.name, process: child, exited, stop: (graceMs = 20_000) => stopChild(child, graceMs) };
}
