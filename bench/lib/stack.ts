import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { workflowBundlerOptions } from '@onetrip/workflows';
import { DecisionSigner, KeyRing, temporalDataConverter } from '@onetrip/infrastructure';
import { APP_ENTRIES, AppProcess, ROOT, startApp } from '../../scripts/stack/app-process';
import { RunningPostgres, startEmbeddedPostgres } from '../../scripts/stack/embedded-postgres';
import { freePort } from '../../scripts/stack/ports';
import { RunningTemporal, startTemporalDevServer, stopChild, temporalBinary } from '../../scripts/stack/temporal-dev-server';
import { waitFor } from '../../scripts/stack/wait-for';
import { writeWorkflowBundle } from '../../scripts/stack/workflow-bundle';

// The benchmark's own servers and apps: an embedded PostgreSQL and a Temporal dev server (SQLite
// file with the launcher's WAL pragmas) on free ports, data under .data/bench-<pid> (removed at the
// end), the compiled worker and API as processes (scripts/stack), and the bench's skeleton worker.

/** Pids of other benches running from this checkout now (each holds a live `.data/bench-<pid>`). */
export function otherLiveBenches(dataRoot: string, ownPid: number, alive: (pid: number) => boolean = pidAlive): number[] {
  if (!fs.existsSync(dataRoot)) return [];
  return fs
    .readdirSync(dataRoot)
    .map((name) => /^bench-(\d+)$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]))
    .filter((pid) => pid !== ownPid && alive(pid));
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// A bench started while another runs from this checkout (bench/temporal-rss.ts beside `./onetrip bench`)
// logs to a directory of its own: wiping the shared one would pull the files from under the other's
// loggers, whose next append then fails and ends that run.
export const LOG_DIR = path.join(ROOT, '.data', otherLiveBenches(path.join(ROOT, '.data'), process.pid).length ? `bench-logs-${process.pid}` : 'bench-logs');
export const APP_TASK_QUEUE = 'onetrip-bench';
export const SKELETON_TASK_QUEUE = 'onetrip-bench-skeleton';
const TSX_ENTRY = [process.execPath, '--import', 'tsx'];

export function fileLog(name: string): (line: string) => void {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const file = path.join(LOG_DIR, `${name}.log`);
  return (line) => fs.appendFileSync(file, line + '\n');
}

/** A started process of ours: the app, its pid and how to stop it. */
export interface Proc {
  name: string;
  pid: number;
  stop(): Promise<void>;
}

export class BenchStack {
  readonly dataDir = path.join(ROOT, '.data', `bench-${process.pid}`);
  postgres!: RunningPostgres;
  temporal!: RunningTemporal;
  temporalClient!: Client;
  caseBundle!: string;
  skeletonBundle!: string;
  /** PostgreSQL's log lines go through here too (auto_explain plans are read from them). */
  postgresLogListeners: ((line: string) => void)[] = [];
  private readonly procs = new Set<Proc>();
  /** Other things to stop with the stack (e.g. the Temporal server on PostgreSQL), newest first. */
  private readonly extras: (() => Promise<void>)[] = [];
  private readonly distCopy = path.join(this.dataDir, 'dist');
  /** One payload key for the run, as production would have (the codec's cost is part of the figures). */
  readonly payloadKeys = { TEMPORAL_PAYLOAD_KEYS: KeyRing.generateSetting('bench'), TEMPORAL_PAYLOAD_KEY_ID: 'bench' };
  readonly personalDataKeys = { PERSONAL_DATA_KEYS: KeyRing.generateSetting('bench-pd'), PERSONAL_DATA_KEY_ID: 'bench-pd' };
  // The API has no default signing secret: one per bench run.
  readonly jwtSecret = { JWT_SECRET: randomBytes(32).toString('base64url') };
  /** The API signs decisions with it and the worker checks them, as in production. */
  readonly decisionSigningKey = { DECISION_SIGNING_KEY: DecisionSigner.generateSetting() };

  /** A Temporal client that reads and writes payloads as the apps do. */
  async temporalClientFor(address: string): Promise<Client> {
    return new Client({ connection: await Connection.connect({ address }), dataConverter: temporalDataConverter(this.payloadKeys) });
  }

  private entry(name: keyof typeof APP_ENTRIES): string {
    return path.join(this.distCopy, path.relative(path.join(ROOT, 'dist'), APP_ENTRIES[name]));
  }

  /** The dev server's Prometheus endpoint (its cache and heap gauges). */
  temporalMetricsUrl!: string;

  /** `temporalDynamicConfig` goes over the dev server's defaults (scripts/stack/temporal-dev-server.ts). */
  async start(options: { log: (message: string) => void; temporalDynamicConfig?: Record<string, unknown> }): Promise<void> {
    fs.rmSync(this.dataDir, { recursive: true, force: true });
    fs.rmSync(LOG_DIR, { recursive: true, force: true });
    fs.mkdirSync(this.dataDir, { recursive: true });
    // The apps run from a copy of dist/: a build started meanwhile (another `./onetrip test`) cannot
    // pull the files from under a process the bench restarts, and every phase runs the same build.
    for (const entry of Object.values(APP_ENTRIES)) if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: build first (./onetrip bench does)`);
    fs.cpSync(path.join(ROOT, 'dist'), this.distCopy, { recursive: true });
    const postgresLog = fileLog('postgres');
    const [postgres, temporal] = await Promise.all([
      freePort().then((port) =>
        startEmbeddedPostgres({
          dataDir: path.join(this.dataDir, 'postgres'),
          port,
          log: (line) => {
            postgresLog(line);
            this.postgresLogListeners.forEach((listener) => listener(line));
          },
        }),
      ),
      Promise.all([freePort(), freePort()]).then(([port, metricsPort]) => {
        this.temporalMetricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
        return startTemporalDevServer({ port, metricsPort, dbFile: path.join(this.dataDir, 'temporal.sqlite'), log: fileLog('temporal'), dynamicConfig: options.temporalDynamicConfig });
      }),
    ]);
    this.postgres = postgres;
    this.temporal = temporal;
    options.log(`PostgreSQL ${postgres.url.replace(/\/\/[^@]+@/, '//')}, Temporal dev server ${temporal.address} (SQLite ${path.relative(ROOT, this.dataDir)}/temporal.sqlite, WAL)`);
    this.temporalClient = await this.temporalClientFor(temporal.address);
    [this.caseBundle, this.skeletonBundle] = await Promise.all([
      writeWorkflowBundle(path.join(this.dataDir, 'case-workflows.js'), path.join(this.distCopy, 'apps/worker/libs/workflows/src/workflows/index.js')),
      bundleWorkflowCode({
        workflowsPath: path.join(ROOT, 'bench/workflows/index.ts'),
        webpackConfigHook: workflowBundlerOptions(),
        logger: new DefaultLogger('WARN'),
      }).then(({ code }) => {
        const file = path.join(this.dataDir, 'skeleton-workflows.js');
        fs.writeFileSync(file, code);
        return file;
      }),
    ]);
  }

  /** The PostgreSQL server's own pid (the postmaster; its backends are its children). */
  postgresPid(): number {
    return Number(fs.readFileSync(path.join(this.dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  }

  private track(name: string, child: ChildProcess, stop: () => Promise<void>): Proc {
    const proc: Proc = {
      name,
      pid: child.pid!,
      stop: async () => {
        this.procs.delete(proc);
        await stop();
      },
    };
    this.procs.add(proc);
    return proc;
  }

  sharedEnv(): Record<string, string> {
    return {
      // Our apps over the Unix socket, as ./onetrip up and the tests run them (the peer's JDBC and Temporal use TCP).
      DATABASE_URL: this.postgres.socketUrl,
      TEMPORAL_ADDRESS: this.temporal.address,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      ...this.payloadKeys,
      ...this.personalDataKeys,
      ...this.jwtSecret,
      ...this.decisionSigningKey,
    };
  }

  /** The compiled worker (apps/worker) with its default settings, from the prebuilt case bundle. */
  async startWorker(label: string, env: Record<string, string> = {}): Promise<Proc> {
    const log = fileLog(label);
    let started = false;
    const app = startApp({
      name: 'worker',
      entry: this.entry('worker'),
      env: { ...this.sharedEnv(), TEMPORAL_TASK_QUEUE: APP_TASK_QUEUE, WORKFLOW_BUNDLE_PATH: this.caseBundle, ...env },
      log: (line) => {
        if (line.includes('worker started')) started = true;
        log(line);
      },
    });
    await this.waitStarted(label, app, () => started);
    return this.track(label, app.process, () => app.stop());
  }

  /** The compiled API (apps/api) with `env` on a free port; resolves once /api/health answers. */
  async startApi(label: string, env: Record<string, string>): Promise<Proc & { url: string }> {
    const port = await freePort();
    const app = startApp({
      name: 'api',
      entry: this.entry('api'),
      // The load comes from one IP and a few users: rate limits off (0), as they would throttle the measurement.
      env: {
        ...this.sharedEnv(),
        TEMPORAL_TASK_QUEUE: APP_TASK_QUEUE,
        API_PORT: String(port),
        DEMO_MODE: 'true',
        RATE_LIMIT_SIGN_IN_PER_IP: '0',
        RATE_LIMIT_SIGN_IN_PER_USERNAME: '0',
        RATE_LIMIT_SUBMIT_PER_IP: '0',
        RATE_LIMIT_SUBMIT_PER_USER: '0',
        RATE_LIMIT_REGISTER_PER_IP: '0',
        ...env,
      },
      log: fileLog(label),
    });
    const url = `http://127.0.0.1:${port}/api`;
    await this.waitStarted(label, app, async () => (await fetch(`${url}/health`)).ok);
    return { ...this.track(label, app.process, () => app.stop()), url };
  }

  /** The skeleton worker (bench/skeleton-worker.ts): apps/worker's settings, its own task queue. */
  async startSkeletonWorker(label = 'skeleton-worker', env: Record<string, string> = {}): Promise<Proc> {
    const log = fileLog(label);
    let started = false;
    const child = this.spawnTs('bench/skeleton-worker.ts', { ...this.sharedEnv(), TEMPORAL_TASK_QUEUE: SKELETON_TASK_QUEUE, WORKFLOW_BUNDLE_PATH: this.skeletonBundle, ...env }, (line) => {
      if (line.includes('worker started')) started = true;
      log(line);
    });
    await this.waitStarted(label, { process: child }, () => started);
    return this.track(label, child, () => stopChild(child, 20_000));
  }

  /** The NestJS hello-world (bench/hello-app.ts) as its own process. */
  async startHelloApp(): Promise<Proc & { url: string }> {
    const port = await freePort();
    const child = this.spawnTs('bench/hello-app.ts', { API_PORT: String(port) }, fileLog('hello-app'));
    const url = `http://127.0.0.1:${port}/api`;
    await this.waitStarted('hello app', { process: child }, async () => (await fetch(`${url}/hello`)).ok);
    return { ...this.track('hello-app', child, () => stopChild(child, 10_000)), url };
  }

  private spawnTs(entry: string, env: Record<string, string>, log: (line: string) => void): ChildProcess {
    const child = spawn(TSX_ENTRY[0], [...TSX_ENTRY.slice(1), entry], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let buffered = '';
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      lines.filter(Boolean).forEach(log);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    return child;
  }

  private async waitStarted(label: string, app: Pick<AppProcess, 'process'>, ready: () => boolean | Promise<boolean>): Promise<void> {
    await waitFor(
      label,
      async () => {
        if (app.process.exitCode !== null) throw new Error(`${label} exited with ${app.process.exitCode} (see ${path.relative(ROOT, LOG_DIR)}/)`);
        return ready();
      },
      // An app that exits fails at once (above); this bounds only a start that hangs. On a shared 2-core
      // machine (load 40) an API took 105 s from spawn to its first answer, two APIs and three workers starting together.
      { timeoutMs: 300_000, intervalMs: 100 },
    );
  }

  /** Registers something to stop with the stack; returns a function that stops it now instead. */
  onStop(stop: () => Promise<void>): () => Promise<void> {
    let stopped = false;
    const once = async (): Promise<void> => {
      if (stopped) return;
      stopped = true;
      await stop();
    };
    this.extras.unshift(once);
    return once;
  }

  async stop(): Promise<void> {
    // Apps first (the worker drains), then the extra servers, Temporal, PostgreSQL; then the data goes.
    await Promise.all([...this.procs].map((proc) => proc.stop().catch(() => undefined)));
    for (const extra of this.extras) await extra().catch(() => undefined);
    await this.temporalClient?.connection.close().catch(() => undefined);
    await this.temporal?.stop().catch(() => undefined);
    await this.postgres?.stop().catch(() => undefined);
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export function temporalVersion(): string {
  try {
    return execFileSync(temporalBinary(), ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
