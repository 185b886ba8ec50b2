// The launcher: PostgreSQL, Temporal, the worker, the notification relay (with a local mail sink and SMS stub) and the API, with prefixed logs and a clean stop.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DecisionSigner } from '../libs/infrastructure/src/crypto/decision-signature';
import { KeyRing } from '../libs/infrastructure/src/crypto/key-ring';
import { DocumentSigner } from '../libs/infrastructure/src/crypto/document-signer';
import { APP_ENTRIES, AppProcess, ROOT, startApp } from './stack/app-process';
import { startEmbeddedPostgres, RunningPostgres } from './stack/embedded-postgres';
import { formatLine } from './stack/log-format';
import { startNotificationSinks, RunningSinks } from './stack/notification-sinks';
import { ServerStartError } from './stack/server-start-error';
import { generateDepartmentSecret } from '../libs/infrastructure/src/connectors/department-signature';
import { POSTAL_SYSTEM } from '../libs/workflows/src/contracts/department-system.contract';
import { startRoundRobinProxy, type RoundRobinProxy } from './stack/round-robin-proxy';
import { startTemporalDevServer, stopChild, RunningTemporal } from './stack/temporal-dev-server';
import { startTemporalOnPostgres, temporalServerBinary } from './stack/temporal-postgres';
import { waitFor } from './stack/wait-for';

const env = process.env;
const dataDir = path.resolve(ROOT, env.ONETRIP_DATA_DIR ?? '.data/dev');
const ports = {
  postgres: Number(env.ONETRIP_POSTGRES_PORT ?? 54329),
  temporal: Number(env.ONETRIP_TEMPORAL_PORT ?? 7233),
  temporalUi: Number(env.ONETRIP_TEMPORAL_UI_PORT ?? 8233),
  api: Number(env.API_PORT ?? 3000),
};
/**
 * `--cluster`: the full Temporal server on PostgreSQL instead of the dev server, two API processes behind
 * a round-robin proxy on the API port, and three workers (docs/operations.md, "The cluster profile").
 */
const cluster = process.argv.includes('--cluster');
const CLUSTER_APIS = 2;
const CLUSTER_WORKERS = 3;
const say = (line: string): void => void process.stdout.write(formatLine('onetrip', line) + '\n');
const logFor = (source: string) => (line: string) => void process.stdout.write(formatLine(source, line) + '\n');

/** A secret file beside the dev data, written once (readable by its owner only); its trimmed content. */
function keptSecret(fileName: string, variable: string, generate: () => string): string {
  const file = path.join(dataDir, fileName);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, generate() + '\n', { mode: 0o600, flag: 'wx' });
    say(`generated ${variable} in ${path.relative(ROOT, file)} (keep it: the data needs it)`);
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * A key ring setting from the environment, or generated once and kept beside the dev data so a
 * restart can still read what was encrypted before it (histories, stored ID numbers and mobiles).
 */
function keyRing(keysVariable: string, idVariable: string, fileName: string, generate = () => KeyRing.generateSetting('dev-1')): Record<string, string> {
  const given = env[keysVariable];
  if (given) return { [keysVariable]: given, [idVariable]: env[idVariable] ?? '' };
  const keys = keptSecret(fileName, keysVariable, generate);
  // The active key is the last one listed: append a new one to rotate.
  return { [keysVariable]: keys, [idVariable]: keys.split(',').at(-1)!.split(':')[0] };
}

/** The token signing secret: from the environment, or generated once (never a published default), so tokens survive a restart. */
function jwtSecret(): Record<string, string> {
  return { JWT_SECRET: env.JWT_SECRET || keptSecret('jwt-secret', 'JWT_SECRET', () => randomBytes(32).toString('base64url')) };
}

/** The decision-signing key from the environment, or generated once beside the dev data like the key rings. */
function decisionSigningKey(): Record<string, string> {
  return { DECISION_SIGNING_KEY: env.DECISION_SIGNING_KEY || keptSecret('decision-signing-key', 'DECISION_SIGNING_KEY', () => DecisionSigner.generateSetting()) };
}

/**
 * SYSTEM mode against the department-system simulator (docs/connectors.md): `--system TAX,BANK` (or
 * ONETRIP_SYSTEM_DEPARTMENTS) makes those steps SYSTEM, points the worker and API at a simulator started here on
 * ONETRIP_SIMULATOR_PORT (4100) with a secret per department kept beside the dev data, answering as
 * ONETRIP_SIMULATOR_ANSWER says (callback, or immediate). The postal system (free mail of the licence, its tracking
 * number) is always that simulator, so a completed case shows a number the post issued.
 */
function systemDepartments(): string[] {
  const index = process.argv.indexOf('--system');
  const given = index > 0 ? process.argv[index + 1] : env.ONETRIP_SYSTEM_DEPARTMENTS;
  return (given ?? '').split(',').map((code) => code.trim()).filter(Boolean);
}

function departmentSystemSettings(departments: string[]): Record<string, string> {
  const connected = [...departments, POSTAL_SYSTEM];
  const port = Number(env.ONETRIP_SIMULATOR_PORT ?? 4100);
  const kept = env.DEPARTMENT_SYSTEM_SECRETS || keptSecret('department-system-secrets', 'DEPARTMENT_SYSTEM_SECRETS', () => connected.map((code) => `${code}:${generateDepartmentSecret()}`).join(','));
  // A system added since the secrets were first kept gets one of its own (the file keeps the others).
  const missing = connected.filter((code) => !kept.split(',').some((entry) => entry.startsWith(`${code}:`)));
  const secrets = [kept, ...missing.map((code) => `${code}:${generateDepartmentSecret()}`)].filter(Boolean).join(',');
  if (missing.length && !env.DEPARTMENT_SYSTEM_SECRETS) fs.writeFileSync(path.join(dataDir, 'department-system-secrets'), secrets + '\n', { mode: 0o600 });
  const modes = [env.CASE_DEPARTMENT_MODES, ...departments.map((code) => `${code}=SYSTEM`)].filter(Boolean).join(',');
  return {
    ...(modes ? { CASE_DEPARTMENT_MODES: modes } : {}),
    DEPARTMENT_SYSTEMS: connected.map((code) => `${code}=http://127.0.0.1:${port}`).join(','),
    DEPARTMENT_SYSTEM_SECRETS: secrets,
    ONETRIP_SIMULATOR_PORT: String(port),
  };
}

let simulator: ChildProcess | undefined;
let postgres: RunningPostgres | undefined;
let temporal: RunningTemporal | undefined;
let proxy: RoundRobinProxy | undefined;
let sinks: RunningSinks | undefined;
const apps: AppProcess[] = [];
let stopping = false;

async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('stopping: API and worker first (the worker drains its tasks), then Temporal, then PostgreSQL');
  await proxy?.close();
  await Promise.all(apps.map((app) => app.stop()));
  if (simulator) await stopChild(simulator, 5_000);
  await sinks?.stop();
  await temporal?.stop();
  await postgres?.stop();
  say('stopped');
  process.exit(code);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const started = Date.now();
  // Both are waited for even when one fails, so the other is recorded and stopped, not left running.
  const [databaseUrl, givenTemporal, notificationEnv] = await allOrFirstFailure([
    env.DATABASE_URL
      ? Promise.resolve(env.DATABASE_URL)
      : startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: ports.postgres, log: logFor('postgres') }).then((pg) => {
          postgres = pg;
          return pg.url;
        }),
    env.TEMPORAL_ADDRESS || cluster
      ? Promise.resolve(env.TEMPORAL_ADDRESS ?? '')
      : startTemporalDevServer({ port: ports.temporal, uiPort: ports.temporalUi, dbFile: path.join(dataDir, 'temporal.sqlite'), log: logFor('temporal') }).then(
          (server) => {
            temporal = server;
            return server.address;
          },
        ),
    // The local mail sink starts beside the servers (it needs neither).
    notificationChannels(),
  ]);
  let temporalAddress = givenTemporal;
  if (cluster && !temporalAddress) temporalAddress = await startFullTemporalServer(databaseUrl);
  say(`PostgreSQL ${postgres ? 'embedded on port ' + ports.postgres : 'from DATABASE_URL'}, Temporal at ${temporalAddress}`);

  const appEnv = {
    // The embedded server's Unix socket for our apps (the full Temporal server above takes TCP).
    DATABASE_URL: postgres ? postgres.socketUrl : databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    API_PORT: String(ports.api),
    DEMO_MODE: env.DEMO_MODE ?? (env.NODE_ENV === 'production' ? 'false' : 'true'),
    ...keyRing('TEMPORAL_PAYLOAD_KEYS', 'TEMPORAL_PAYLOAD_KEY_ID', 'temporal-payload-keys'),
    ...keyRing('PERSONAL_DATA_KEYS', 'PERSONAL_DATA_KEY_ID', 'personal-data-keys'),
    ...keyRing('DOCUMENT_SIGNING_KEYS', 'DOCUMENT_SIGNING_KEY_ID', 'document-signing-keys', () => DocumentSigner.generateSetting('dev-1')),
    ...jwtSecret(),
    ...decisionSigningKey(),
    PUBLIC_BASE_URL: env.PUBLIC_BASE_URL ?? `http://127.0.0.1:${ports.api}`,
    ...notificationEnv,
  };
  const departments = systemDepartments();
  const { ONETRIP_SIMULATOR_PORT: simulatorPort, ...systems } = departmentSystemSettings(departments);
  Object.assign(appEnv, systems);
  const launch = (name: keyof typeof APP_ENTRIES, label: string, extra: Record<string, string> = {}): void => {
    const app = startApp({ name, env: { ...appEnv, ...extra }, log: logFor(label) });
    apps.push(app);
    void app.exited.then((code) => {
      if (stopping) return;
      // In the cluster profile the others carry on (that is the point of it); alone, one app down is the system down.
      if (cluster) return say(`${label} exited with code ${code}; the others carry on`);
      say(`${label} exited with code ${code}; stopping everything`);
      void stopAll(1);
    });
  };
  if (cluster) {
    const apiPorts = Array.from({ length: CLUSTER_APIS }, (_, i) => ports.api + 1 + i);
    apiPorts.forEach((port, i) => launch('api', `api-${i + 1}`, { API_PORT: String(port) }));
    for (let i = 1; i <= CLUSTER_WORKERS; i++) launch('worker', `worker-${i}`);
    proxy = await startRoundRobinProxy({ port: ports.api, upstreams: apiPorts.map((port) => ({ host: '127.0.0.1', port })), log: logFor('proxy') });
  } else {
    launch('worker', 'worker');
    launch('api', 'api');
  }
  // One relay in either profile: deliveries are leased, so more would only share the work.
  launch('relay', 'relay');

  const apiUrl = `http://127.0.0.1:${ports.api}/api`;
  {
    simulator = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['tools/department-simulator/main.ts', '--port', simulatorPort, '--api', apiUrl, '--answer', env.ONETRIP_SIMULATOR_ANSWER ?? 'callback'], {
      cwd: ROOT,
      env: { ...process.env, DEPARTMENT_SYSTEM_SECRETS: systems.DEPARTMENT_SYSTEM_SECRETS },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = logFor('simulator');
    simulator.stdout?.on('data', (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).forEach(log));
    simulator.stderr?.on('data', (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).forEach(log));
  }
  await waitFor(
    'the API to report healthy',
    async () => {
      const response = await fetch(`${apiUrl}/health`);
      return response.ok;
    },
    { timeoutMs: 120_000, intervalMs: 250 },
  );
  say(`up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  say(`API:             ${apiUrl}`);
  say(`OpenAPI docs:    ${apiUrl}/docs   (JSON: ${apiUrl}/docs-json)`);
  say(`Temporal Web UI: ${temporal?.uiUrl ?? (cluster ? '(the full server has none: run temporalio/ui against ' + temporalAddress + ')' : '(external Temporal: see its own UI)')}`);
  if (cluster) say(`Cluster profile:  ${CLUSTER_APIS} APIs on ports ${ports.api + 1}-${ports.api + CLUSTER_APIS} behind the proxy on ${ports.api}, ${CLUSTER_WORKERS} workers`);
  say(`Health:          ${apiUrl}/health`);
  if (departments.length) say(`SYSTEM mode:     ${departments.join(', ')} decided by the department simulator on http://127.0.0.1:${simulatorPort} (docs/connectors.md)`);
  say(`Postal system:   the simulator on http://127.0.0.1:${simulatorPort} issues the free mail's tracking numbers`);
  if (sinks) say(`Mails and SMS:   ${sinks.readUrl}   (local mail sink ${sinks.smtpUrl}, SMS stub ${sinks.smsEndpoint}; nothing leaves this machine)`);
  say('Ctrl-C stops everything.');
}

/** The full Temporal server (the release the dev server embeds) on our PostgreSQL, built once with Go. */
async function startFullTemporalServer(databaseUrl: string): Promise<string> {
  const binary = temporalServerBinary();
  if (!binary) {
    throw new ServerStartError(
      'The full Temporal server (cluster profile)',
      'no server binary here, and no Go to build one',
      'install Go (Debian: golang) so bench/ensure-temporal-server.sh can `go install` it once, or set TEMPORAL_SERVER_BIN',
    );
  }
  say('starting the full Temporal server on PostgreSQL (cluster profile)');
  const server = await startTemporalOnPostgres({ binary, postgresUrl: databaseUrl, dataDir: path.join(dataDir, 'temporal-server'), log: logFor('temporal') });
  temporal = server;
  return server.address;
}

/**
 * Where notifications go: the SMTP server and SMS API in the environment (SMTP_URL, SMS_PROVIDER, …), or
 * else a local mail sink and SMS stub started here, so every notification can be read on one page.
 */
async function notificationChannels(): Promise<Record<string, string>> {
  if (env.SMTP_URL) return {};
  sinks = await startNotificationSinks({ smtpPort: Number(env.ONETRIP_SMTP_PORT ?? 2525), httpPort: Number(env.ONETRIP_MAILBOX_PORT ?? 8025), log: logFor('sinks') });
  return sinks.relayEnv;
}

async function allOrFirstFailure<T extends readonly unknown[]>(starts: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(starts);
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

main().catch((error: unknown) => {
  // A server that could not start says why and what to do; anything else is a bug, with its stack.
  const text = error instanceof ServerStartError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`launcher failed: ${text}\n`);
  void stopAll(1);
});
