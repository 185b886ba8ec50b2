import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppProcess, ROOT, startApp } from '../../scripts/stack/app-process';
import { freePort } from '../../scripts/stack/ports';
import { waitFor } from '../../scripts/stack/wait-for';

/** What global-setup started, handed to test files through environment variables. */
export interface TestStackInfo {
  apiUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  workflowBundle: string;
  dataDir: string;
  /** The run's Temporal payload key ring (generated per run), given to every process and client. */
  payloadKeys: string;
  payloadKeyId: string;
  /** The run's key ring for ID numbers and mobiles at rest. */
  personalDataKeys: string;
  personalDataKeyId: string;
  /** The run's Ed25519 key ring for issued documents. */
  documentSigningKeys: string;
  documentSigningKeyId: string;
  /** The run's bearer-token signing secret (generated per run, never the public default). */
  jwtSecret: string;
  /** The run's key for signing clerks' decisions (API) and checking them (worker). */
  decisionSigningKey: string;
  /**
   * SYSTEM mode: this lane's worker and API talk to a department-system simulator on `port` (started by the spec
   * that needs it, tools/department-simulator) for the departments in `secrets` (`CODE:base64,…`).
   */
  departmentSystems: { port: number; secrets: string; timeoutSeconds: number; postalUrl?: string };
  /**
   * The run's SMS stub (scripts/notification-sinks.ts, one for every lane): every API sends its one-time codes
   * there (`apiEnv`); tests read what arrived at `readUrl` + `sms`.
   */
  notificationSinks: { readUrl: string; apiEnv: Record<string, string> };
}

/** The text messages the run's SMS stub has received (newest last). */
export async function receivedTexts(): Promise<{ outId: string; phoneNumber: string; templateCode: string; params: Record<string, string>; text: string; transmissions: number }[]> {
  const response = await fetch(`${testStack().notificationSinks.readUrl}sms`);
  if (!response.ok) throw new Error(`the SMS stub answered ${response.status}`);
  return (await response.json()) as Awaited<ReturnType<typeof receivedTexts>>;
}

/** The settings that point a lane's worker and API at its department-system simulator. */
export function departmentSystemEnv(systems: TestStackInfo['departmentSystems']): Record<string, string> {
  const departments = systems.secrets.split(',').map((entry) => entry.split(':')[0]);
  // The postal system (free mail's item numbers) is the run's one simulator; the departments are the lane's.
  const url = (code: string): string => (code === 'POSTAL' && systems.postalUrl ? systems.postalUrl : `http://127.0.0.1:${systems.port}`);
  return {
    DEPARTMENT_SYSTEMS: departments.map((code) => `${code}=${url(code)}`).join(','),
    DEPARTMENT_SYSTEM_SECRETS: systems.secrets,
    DEPARTMENT_SYSTEM_TIMEOUT_SECONDS: String(systems.timeoutSeconds),
  };
}

/**
 * The stack of this jest worker: the run's PostgreSQL and Temporal, with a database, task queue, worker
 * and API of the worker's own (global-setup starts one such lane per jest worker), so files that run at
 * the same time in two workers never share rows.
 */
export function testStack(): TestStackInfo {
  const lanes = process.env.ONETRIP_TEST_STACKS;
  if (lanes) {
    const stacks = JSON.parse(lanes) as TestStackInfo[];
    // JEST_WORKER_ID is 1..maxWorkers, and stays one worker's for the whole run.
    const lane = Math.max(0, Number(process.env.JEST_WORKER_ID ?? '1') - 1) % stacks.length;
    return stacks[lane];
  }
  const raw = process.env.ONETRIP_TEST_STACK;
  if (!raw) throw new Error('ONETRIP_TEST_STACK is not set: run integration tests through the README test command');
  return JSON.parse(raw) as TestStackInfo;
}

/** The servers an app process is pointed at: the shared stack's, or a test's own private ones. */
export type StackTarget = Pick<TestStackInfo, 'databaseUrl' | 'temporalAddress' | 'taskQueue'>;

/** The run's keys: every process of the run, on the shared or a private stack, uses the same. */
function runKeys(): Record<string, string> {
  const { payloadKeys, payloadKeyId, personalDataKeys, personalDataKeyId, documentSigningKeys, documentSigningKeyId, jwtSecret, decisionSigningKey } = testStack();
  return {
    TEMPORAL_PAYLOAD_KEYS: payloadKeys,
    TEMPORAL_PAYLOAD_KEY_ID: payloadKeyId,
    PERSONAL_DATA_KEYS: personalDataKeys,
    PERSONAL_DATA_KEY_ID: personalDataKeyId,
    DOCUMENT_SIGNING_KEYS: documentSigningKeys,
    DOCUMENT_SIGNING_KEY_ID: documentSigningKeyId,
    JWT_SECRET: jwtSecret,
    DECISION_SIGNING_KEY: decisionSigningKey,
  };
}

/** Where an API serves the web pages: its origin, without the `/api` prefix. */
export function webOrigin(apiUrl = testStack().apiUrl): string {
  return apiUrl.replace(/\/api$/, '');
}

const logDir = path.join(ROOT, 'test-results/logs');

/** A log sink per process, kept under test-results/ for when a test fails. */
export function fileLog(name: string): (line: string) => void {
  fs.mkdirSync(logDir, { recursive: true });
  const file = path.join(logDir, `${name}.log`);
  return (line) => fs.appendFileSync(file, line + '\n');
}

/**
 * Tests sign in and file cases many times a minute from 127.0.0.1: the stack's APIs lift the rate limits
 * (a test that shows them passes its own low limits in `env`).
 */
export const GENEROUS_RATE_LIMITS: Record<string, string> = {
  RATE_LIMIT_SIGN_IN_PER_IP: '0',
  RATE_LIMIT_SIGN_IN_PER_USERNAME: '0',
  RATE_LIMIT_SUBMIT_PER_IP: '0',
  RATE_LIMIT_SUBMIT_PER_USER: '0',
  RATE_LIMIT_REGISTER_PER_IP: '0',
  RATE_LIMIT_COMPLAINTS_PER_USER_HOUR: '0',
};

/**
 * scrypt's N for the passwords the test stack's APIs hash (PASSWORD_SCRYPT_N; production's is 2^17, ~0.3 s and
 * 128 MiB each): test accounts guard nothing, and the suite registers and signs in hundreds of them. A spec
 * that checks a stored hash's parameters reads this.
 */
export const TEST_PASSWORD_SCRYPT_N = 2 ** 10;

/** Starts one more API process (e.g. with other settings, or on a private `stack`) and waits until it is healthy. */
export async function startApi(env: Record<string, string>, label = 'api', stack: StackTarget = testStack()): Promise<{ url: string; app: AppProcess }> {
  const port = await freePort();
  const app = startApp({
    name: 'api',
    env: {
      DATABASE_URL: stack.databaseUrl,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      TEMPORAL_TASK_QUEUE: stack.taskQueue,
      ...runKeys(),
      API_PORT: String(port),
      NODE_ENV: 'test',
      DEMO_MODE: 'true',
      LOG_LEVEL: 'info',
      ...GENEROUS_RATE_LIMITS,
      PASSWORD_SCRYPT_N: String(TEST_PASSWORD_SCRYPT_N),
      // One-time codes (the window's walk-in accounts) go to the run's SMS stub.
      ...testStack().notificationSinks.apiEnv,
      ...env,
    },
    log: fileLog(`${label}-${port}`),
  });
  const url = `http://127.0.0.1:${port}/api`;
  await waitFor(
    `${label} on ${url}`,
    async () => {
      if (app.process.exitCode !== null) throw new Error(`${label} exited with ${app.process.exitCode}`);
      return (await fetch(`${url}/health`)).ok;
    },
    // ONETRIP_API_START_TIMEOUT_MS: a machine shared by many runs may take longer than a minute to start an API.
    { timeoutMs: Number(process.env.ONETRIP_API_START_TIMEOUT_MS ?? 60_000), intervalMs: 100 },
  ).catch(async (error: unknown) => {
    await app.stop(); // never leave a half-started process behind
    throw error;
  });
  return { url, app };
}

/** Starts one more worker process (on the shared or a private `stack`) from the prebuilt workflow bundle, and waits until it polls. */
export async function startWorker(env: Record<string, string>, label = 'worker', stack: StackTarget = testStack()): Promise<AppProcess> {
  const toFile = fileLog(label);
  let polling = false;
  const app = startApp({
    name: 'worker',
    env: {
      DATABASE_URL: stack.databaseUrl,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      TEMPORAL_TASK_QUEUE: stack.taskQueue,
      ...runKeys(),
      WORKFLOW_BUNDLE_PATH: testStack().workflowBundle,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      ...env,
    },
    log: (line) => {
      if (line.includes('"worker started"') || line.includes('worker started')) polling = true;
      toFile(line);
    },
  });
  await waitFor(
    `${label} to start polling`,
    async () => {
      if (app.process.exitCode !== null) throw new Error(`${label} exited with ${app.process.exitCode}`);
      return polling;
    },
    { timeoutMs: 60_000, intervalMs: 50 },
  ).catch(async (error: unknown) => {
    await app.stop();
    throw error;
  });
  return app;
}

/** Starts a notification relay on the lane's database (or a private `stack`), collecting its log lines; resolves once it runs. */
export async function startRelay(env: Record<string, string>, label = 'relay', stack: Pick<StackTarget, 'databaseUrl' | 'temporalAddress'> = testStack()): Promise<{ app: AppProcess; lines: string[] }> {
  const toFile = fileLog(label);
  const lines: string[] = [];
  const app = startApp({
    name: 'relay',
    env: { DATABASE_URL: stack.databaseUrl, TEMPORAL_ADDRESS: stack.temporalAddress, ...runKeys(), NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
    log: (line) => {
      lines.push(line);
      toFile(line);
    },
  });
  await waitFor(
    `${label} to start`,
    async () => {
      if (app.process.exitCode !== null) throw new Error(`${label} exited with ${app.process.exitCode}: ${lines.slice(-3).join(' | ')}`);
      return Promise.resolve(lines.some((line) => line.includes('relay started')));
    },
    { timeoutMs: 60_000, intervalMs: 50 },
  ).catch(async (error: unknown) => {
    await app.stop();
    throw error;
  });
  return { app, lines };
}
