import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DecisionSigner } from '../../libs/infrastructure/src/crypto/decision-signature';
import { KeyRing } from '../../libs/infrastructure/src/crypto/key-ring';
import { DocumentSigner } from '../../libs/infrastructure/src/crypto/document-signer';
import { AppProcess, ROOT } from '../../scripts/stack/app-process';
import { startEmbeddedPostgres, RunningPostgres } from '../../scripts/stack/embedded-postgres';
import { startNotificationSinks, type RunningSinks } from '../../scripts/stack/notification-sinks';
import { freePort } from '../../scripts/stack/ports';
import { startTemporalDevServer, RunningTemporal } from '../../scripts/stack/temporal-dev-server';
import { writeWorkflowBundle } from '../../scripts/stack/workflow-bundle';
import { generateDepartmentSecret } from '../../libs/infrastructure/src/connectors/department-signature';
import { departmentSystemEnv, fileLog, startApi, startWorker, TestStackInfo } from '../support/test-stack';
import { DepartmentSimulator } from '../../tools/department-simulator/department-simulator';
import { parseDepartmentSecrets } from '../../libs/infrastructure/src/connectors/department-signature';
import globalTeardown from './global-teardown';

export interface TestStackHandles {
  postgres?: RunningPostgres;
  temporal?: RunningTemporal;
  sinks?: RunningSinks;
  postal?: DepartmentSimulator;
  apps: AppProcess[];
  dataDir: string;
}

declare global {
  var __ONETRIP_TEST_STACK__: TestStackHandles | undefined;
}

/**
 * One real PostgreSQL and one real Temporal dev server for the whole integration run, on free
 * ports with their own throw-away data folder, plus, per jest worker, a database of its own with its
 * own compiled worker (on a task queue of its own) and API: files running at the same time in two jest
 * workers never see each other's rows, so a file may count or fingerprint whole tables as before.
 */
export default async function globalSetup(globalConfig?: { maxWorkers?: number }): Promise<void> {
  try {
    await startTestStack(Math.max(1, globalConfig?.maxWorkers ?? 1));
  } catch (error) {
    // Jest skips the teardown when the setup fails: stop whatever did start, then fail.
    await globalTeardown().catch(() => undefined);
    throw error;
  }
}

// SYSTEM mode: one department per scenario of test/connectors (so they can run side by side), each with its own secret.
export const SIMULATED_DEPARTMENTS = ['SIM-A', 'SIM-B', 'SIM-C', 'SIM-D', 'SIM-E', 'SIM-F', 'SIM-G'];

async function startTestStack(lanes: number): Promise<void> {
  const dataDir = path.join(ROOT, '.data', `test-${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(path.join(ROOT, 'test-results/logs'), { recursive: true, force: true });
  const handles: TestStackHandles = { apps: [], dataDir };
  globalThis.__ONETRIP_TEST_STACK__ = handles;

  // Each server is recorded as soon as it is up, so a failure elsewhere still stops it.
  // All waited for even when one fails, so whatever did start is recorded and the teardown stops it.
  const started = await Promise.allSettled([
    freePort()
      .then((port) => startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port, log: fileLog('postgres') }))
      .then((server) => (handles.postgres = server)),
    // In memory: tests need no Temporal state after the run.
    freePort()
      .then((port) => startTemporalDevServer({ port, log: fileLog('temporal') }))
      .then((server) => (handles.temporal = server)),
    writeWorkflowBundle(path.join(dataDir, 'workflow-bundle.js')),
    // The SMS stub the APIs text one-time codes to: one small process for the run, beside the servers.
    startNotificationSinks({ log: fileLog('sinks') }).then((sinks) => (handles.sinks = sinks)),
  ] as const);
  const failure = started.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  const [postgres, temporal, workflowBundle, sinks] = started.map((result) => (result as PromiseFulfilledResult<unknown>).value) as [RunningPostgres, RunningTemporal, string, RunningSinks];

  const info: Omit<TestStackInfo, 'apiUrl'> = {
    // The apps and the specs over the Unix socket, as ./onetrip up runs them.
    databaseUrl: postgres.socketUrl,
    temporalAddress: temporal.address,
    taskQueue: 'onetrip-test',
    workflowBundle,
    dataDir,
    // A fresh key per run: the in-memory Temporal keeps nothing past the run anyway.
    payloadKeys: KeyRing.generateSetting('test-run'),
    payloadKeyId: 'test-run',
    personalDataKeys: KeyRing.generateSetting('test-run-pd'),
    personalDataKeyId: 'test-run-pd',
    documentSigningKeys: DocumentSigner.generateSetting('test-run-doc'),
    documentSigningKeyId: 'test-run-doc',
    jwtSecret: randomBytes(32).toString('base64url'),
    decisionSigningKey: DecisionSigner.generateSetting(),
    // The simulator's port is the lane's (below); its departments' secrets are the run's.
    departmentSystems: { port: 0, secrets: [...SIMULATED_DEPARTMENTS, 'POSTAL'].map((code) => `${code}:${generateDepartmentSecret()}`).join(','), timeoutSeconds: 2 },
    notificationSinks: { readUrl: sinks.readUrl, apiEnv: { SMS_PROVIDER: 'aliyun', SMS_ENDPOINT: sinks.smsEndpoint, SMS_ACCESS_KEY_ID: sinks.relayEnv.SMS_ACCESS_KEY_ID, SMS_ACCESS_KEY_SECRET: sinks.relayEnv.SMS_ACCESS_KEY_SECRET } },
  };
  // The postal service's system for free mail (政务专递): one simulator in this process for the whole run.
  const postalPort = await freePort();
  handles.postal = new DepartmentSimulator({ port: postalPort, apiUrl: 'http://127.0.0.1:1/api', secrets: parseDepartmentSecrets(info.departmentSystems.secrets), log: fileLog('postal-simulator') });
  await handles.postal.start();
  info.departmentSystems.postalUrl = `http://127.0.0.1:${postalPort}`;
  // Lane 1 is the stack as it always was; lane n > 1 gets database `onetrip_<n>` and queue `onetrip-test-<n>`.
  const laneInfo = async (lane: number): Promise<Omit<TestStackInfo, 'apiUrl'>> => {
    // Each lane's department-system simulator gets a port of its own (the spec that needs it starts it there).
    const departmentSystems = { ...info.departmentSystems, port: await freePort() };
    if (lane === 1) return { ...info, departmentSystems };
    const url = new URL(postgres.socketUrl);
    url.pathname = `/onetrip_${lane}`;
    return { ...info, databaseUrl: url.toString(), taskQueue: `${info.taskQueue}-${lane}`, departmentSystems };
  };
  if (lanes > 1) {
    const admin = new PgClient({ connectionString: postgres.url });
    await admin.connect();
    try {
      for (let lane = 2; lane <= lanes; lane++) await admin.query(`CREATE DATABASE onetrip_${lane}`);
    } finally {
      await admin.end();
    }
  }
  process.env.ONETRIP_TEST_STACK = JSON.stringify({ ...info, apiUrl: '' });

  const startLane = async (lane: number): Promise<TestStackInfo> => {
    const target = await laneInfo(lane);
    const suffix = lane === 1 ? '' : `-${lane}`;
    const systems = departmentSystemEnv(target.departmentSystems);
    handles.apps.push(await startWorker(systems, `worker${suffix}`, target));
    const api = await startApi(systems, `api${suffix}`, target);
    handles.apps.push(api.app);
    return { ...target, apiUrl: api.url };
  };
  // Lane 1's worker migrates first (it creates the cluster-wide onetrip_api role); the other lanes then start together.
  const first = await startLane(1);
  const others = await Promise.allSettled(Array.from({ length: lanes - 1 }, (_, index) => startLane(index + 2)));
  const failed = others.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  const stacks = [first, ...others.map((result) => (result as PromiseFulfilledResult<TestStackInfo>).value)];
  process.env.ONETRIP_TEST_STACK = JSON.stringify(first satisfies TestStackInfo);
  process.env.ONETRIP_TEST_STACKS = JSON.stringify(stacks);
}
