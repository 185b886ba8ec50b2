// The launcher: PostgreSQL, Temporal, the worker, the notification relay (with a local mail sink and SMS stub) and the API, with prefixed logs and a clean stop.
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
import { startTemporalDevServer, RunningTemporal } from './stack/temporal-dev-server';
import { waitFor } from './stack/wait-for';

const env = process.env;
const dataDir = path.resolve(ROOT, env.ONETRIP_DATA_DIR ?? '.data/dev');
const ports = {
  postgres: Number(env.ONETRIP_POSTGRES_PORT ?? 54329),
  temporal: Number(env.ONETRIP_TEMPORAL_PORT ?? 7233),
  temporalUi: Number(env.ONETRIP_TEMPORAL_UI_PORT ?? 8233),
  api: Number(env.API_PORT ?? 3000),
};
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

let postgres: RunningPostgres | undefined;
let temporal: RunningTemporal | undefined;
let sinks: RunningSinks | undefined;
const apps: AppProcess[] = [];
let stopping = false;

async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('stopping: API and worker first (the worker drains its tasks), then Temporal, then PostgreSQL');
  await Promise.all(apps.map((app) => app.stop()));
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
  const [databaseUrl, temporalAddress, notificationEnv] = await allOrFirstFailure([
    env.DATABASE_URL
      ? Promise.resolve(env.DATABASE_URL)
      : startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: ports.postgres, log: logFor('postgres') }).then((pg) => {
          postgres = pg;
          return pg.url;
        }),
    env.TEMPORAL_ADDRESS
      ? Promise.resolve(env.TEMPORAL_ADDRESS)
      : startTemporalDevServer({ port: ports.temporal, uiPort: ports.temporalUi, dbFile: path.join(dataDir, 'temporal.sqlite'), log: logFor('temporal') }).then(
          (server) => {
            temporal = server;
            return server.address;
          },
        ),
    // The local mail sink starts beside the servers (it needs neither).
    notificationChannels(),
  ]);
  say(`PostgreSQL ${postgres ? 'embedded on port ' + ports.postgres : 'from DATABASE_URL'}, Temporal at ${temporalAddress}`);

  const appEnv = {
    DATABASE_URL: databaseUrl,
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
  for (const name of Object.keys(APP_ENTRIES) as (keyof typeof APP_ENTRIES)[]) {
    const app = startApp({ name, env: appEnv, log: logFor(name) });
    apps.push(app);
    void app.exited.then((code) => {
      if (!stopping) {
        say(`${name} exited with code ${code}; stopping everything`);
        void stopAll(1);
      }
    });
  }

  const apiUrl = `http://127.0.0.1:${ports.api}/api`;
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
  say(`Temporal Web UI: ${temporal?.uiUrl ?? '(external Temporal: see its own UI)'}`);
  say(`Health:          ${apiUrl}/health`);
  if (sinks) say(`Mails and SMS:   ${sinks.readUrl}   (local mail sink ${sinks.smtpUrl}, SMS stub ${sinks.smsEndpoint}; nothing leaves this machine)`);
  say('Ctrl-C stops everything.');
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
