import { execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { feeLedgerForApplication } from '@onetrip/domain';
import { KeyRing, PersonalDataCipher } from '@onetrip/infrastructure';
import {
  buildCasePolicy,
  DEFAULT_FORBIDDEN_WORDS_SETTING,
  DEFAULT_HOLIDAYS_SETTING,
  DEFAULT_MAKEUP_WORKDAYS_SETTING,
  DEFAULT_OFFICE_HOURS_SETTING,
  DEFAULT_TIME_LIMIT_MINUTES,
} from '../../apps/api/src/applications/case-policy';
import { ROOT } from '../../scripts/stack/app-process';
import { stopChild } from '../../scripts/stack/temporal-dev-server';
import type { BenchContext } from '../lib/context';
import { benchForm } from '../lib/forms';
import { registerApplicant, request } from '../lib/http';
import { peakRssMiB, treeCpuSeconds } from '../lib/proc';
import { fileLog, LOG_DIR } from '../lib/stack';
import { round, sleep, type Summary } from '../lib/stats';

// Section 7 (issue 16): the peer a province would otherwise buy. Flowable embedded in a JVM
// (bench/peer-flowable, built here with Maven, never by the tests) runs an AUTO case's shape with
// OneTrip's statements on the bench's PostgreSQL, in its own schema, at the sizes of section 1.

export const PEER_PROJECT = path.join(ROOT, 'bench/peer-flowable');
const PROJECT = PEER_PROJECT;
const run = promisify(execFile);

/** One phase of the harness, as it prints it, plus what the section measured outside the JVM. */
export interface PeerPhase {
  label: string;
  workflows: number;
  failed: number;
  seconds: number;
  overallPerSecond: number;
  sustainedPerSecond: number;
  /** Submit (before the case's insert and the instance's start, one transaction) to the outcome's commit, ms. */
  latency: Summary;
  startCall: Summary;
  /** Fixed-rate phases: starts per second. */
  perSecond?: number;
  /** The JVM's own reading (OperatingSystemMXBean), ms per case. */
  cpuMsPerCase: number;
  /** CPU ms per case of each process, from /proc as for ours: the JVM and PostgreSQL (with its backends). */
  cpuMsPerWorkflow: { flowable: number; postgres: number };
  peakRssMiB: number;
  peakHeapMiB: number;
  heapCommittedMiB: number;
  deadLetterJobs: number;
}

export interface PeerSectionResult {
  engine: string;
  setup: string;
  executor: {
    corePoolSize: number;
    maxPoolSize: number;
    acquireWaitMs: number;
    historyLevel: string;
    jdbcMaxActiveConnections: number;
    /** How long an acquired job stays this executor's; older harnesses did not print these. */
    asyncJobLockMs?: number;
    maxAsyncJobsPerAcquisition?: number;
    queueSize?: number;
    globalAcquireLock?: boolean;
    /** The schema set once per connection by the JDBC URL, not by Flowable on every command. */
    schemaByUrl?: boolean;
  };
  jvm: string;
  buildSeconds: number;
  /** unchanged: nothing to build; offline: from ~/.m2; online: jars fetched from Maven Central (a first run). */
  build?: PeerBuild['how'];
  bootSeconds: number;
  warmupCases: number;
  fixedRate: PeerPhase;
  fullSpeed: PeerPhase;
  oneAtATime: PeerPhase;
  command: string;
}

const JVM_OPTIONS = ['-Xms256m', '-Xmx1g', '-XX:+UseG1GC'];

/** The harness's `java` arguments (run in PEER_PROJECT): the engine on `postgresUrl`'s database, then its phases. */
export function peerHarnessArgs(postgresUrl: string, templateArg: string, warmupCases: number, phases: readonly string[]): string[] {
  return [
    ...JVM_OPTIONS,
    '-cp',
    // Relative: the JVM runs in the project's folder, and the command is printed in the docs.
    'target/classes:target/lib/*',
    'local.onetrip.peer.PeerHarness',
    `--jdbc=${jdbcUrl(postgresUrl)}`,
    templateArg,
    `--warmup=${warmupCases}`,
    ...phases.map((phase) => `--phase=${phase}`),
  ];
}

/** Newest modification time of the files under `dir`, ms. */
function newest(dir: string): number {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .map((entry) => (entry.isDirectory() ? newest(path.join(dir, entry.name)) : fs.statSync(path.join(dir, entry.name)).mtimeMs))
    .reduce((a, b) => Math.max(a, b), 0);
}

/** How the harness was built in this run: seconds, and how (nothing to do, offline from ~/.m2, or online). */
export interface PeerBuild {
  seconds: number;
  how: 'unchanged' | 'offline' | 'online';
}

let building: Promise<PeerBuild> | undefined;

/** Whether the sources changed since the last build. */
function builtSinceLastChange(): boolean {
  const stamp = path.join(PROJECT, 'target/.built');
  const sources = Math.max(newest(path.join(PROJECT, 'src')), fs.statSync(path.join(PROJECT, 'pom.xml')).mtimeMs);
  return fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs > sources;
}

/** What this run's build will have to do (for the plan): nothing, compile from ~/.m2, or fetch the jars first. */
export function peerBuildNeeded(): PeerBuild['how'] {
  if (builtSinceLastChange()) return 'unchanged';
  const version = /<flowable\.version>([^<]+)</.exec(fs.readFileSync(path.join(PROJECT, 'pom.xml'), 'utf8'))?.[1] ?? '';
  const repository = process.env.MAVEN_REPO_LOCAL ?? path.join(os.homedir(), '.m2/repository');
  return fs.existsSync(path.join(repository, 'org/flowable/flowable-engine', version)) ? 'offline' : 'online';
}

/**
 * Compiles the harness and copies its jars: offline when ~/.m2 has them, else from Maven Central; not
 * at all when nothing changed since the last build (Maven's own start costs ~15 s on two busy cores).
 * Started once per run (bench/run.ts starts it beside the servers; the section awaits the same build).
 */
export function buildPeer(log: (message: string) => void): Promise<PeerBuild> {
  building ??= (async (): Promise<PeerBuild> => {
    const missing = await missingTool();
    if (missing) throw new Error(missing);
    const began = Date.now();
    const seconds = (): number => round((Date.now() - began) / 1000, 1);
    if (builtSinceLastChange()) return { seconds: 0, how: 'unchanged' };
    let how: PeerBuild['how'] = 'offline';
    try {
      await run('mvn', ['-q', '-B', '-o', 'compile'], { cwd: PROJECT, maxBuffer: 16 * 1024 * 1024 });
    } catch {
      log('peer: Maven offline build failed (first run, ~/.m2 without its jars?): resolving from Maven Central');
      how = 'online';
      await run('mvn', ['-q', '-B', 'compile'], { cwd: PROJECT, maxBuffer: 16 * 1024 * 1024 });
    }
    fs.writeFileSync(path.join(PROJECT, 'target/.built'), new Date().toISOString());
    log(`peer: built bench/peer-flowable (${how}) in ${seconds()} s`);
    return { seconds: seconds(), how };
  })();
  return building;
}

async function missingTool(): Promise<string | undefined> {
  for (const [tool, args] of [
    ['java', ['-version']],
    ['mvn', ['-v']],
  ] as const) {
    try {
      await run(tool, [...args]);
    } catch {
      return `${tool} is not installed (the peer needs Java 17 and Maven)`;
    }
  }
  return undefined;
}

/** postgres://user:pass@host:port/db → the JDBC form, credentials as parameters. */
export function jdbcUrl(postgresUrl: string): string {
  const url = new URL(postgresUrl);
  const params = new URLSearchParams({ user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
  return `jdbc:postgresql://${url.hostname}:${url.port || '5432'}${url.pathname}?${params.toString()}`;
}

/**
 * What the peer's cases copy (form, policy, fees, applicant): a completed AUTO case of ours, one submitted
 * now if there is none; should our submission fail (the API mid-rebuild), the same values built here as
 * the API builds them (sealed form, default policy with every department AUTO, fee ledger).
 */
async function template(ctx: BenchContext): Promise<string> {
  const find = async (): Promise<string | undefined> =>
    ((await ctx.db.query(`SELECT id FROM cases WHERE status = 'COMPLETED' ORDER BY submitted_at DESC LIMIT 1`)).rows as { id: string }[])[0]?.id;
  const found = await find();
  if (found) return `--template-case=${found}`;
  const api = ctx.procs.api!;
  const username = `bench-peer-${process.pid}`;
  const applicant = await registerApplicant(api.url, username);
  const form = benchForm();
  const reply = await request<{ id: string }>(api.url, 'POST', '/applications', { token: applicant.token, body: form });
  if (reply.status === 201) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [row] = (await ctx.db.query(`SELECT status FROM cases WHERE id = $1`, [reply.body.id])).rows as { status: string }[];
      if (row?.status === 'COMPLETED') return `--template-case=${reply.body.id}`;
      if (Date.now() > deadline) break;
      await sleep(200);
    }
  }
  ctx.log(`  note: no AUTO case of ours completed (POST /api/applications answered ${reply.status}): the peer's template is built here`);
  const [user] = (await ctx.db.query(`SELECT id FROM users WHERE username = $1`, [username])).rows as { id: string }[];
  const keys = ctx.stack.personalDataKeys;
  const policy = buildCasePolicy({
    CASE_DEPARTMENT_MODES: '*=AUTO',
    CASE_TIME_LIMIT_MINUTES: String(DEFAULT_TIME_LIMIT_MINUTES),
    CASE_REMINDER_LEAD_MINUTES: 60,
    CASE_CALENDAR: 'OFFICE',
    CASE_OFFICE_HOURS: DEFAULT_OFFICE_HOURS_SETTING,
    CASE_HOLIDAYS: DEFAULT_HOLIDAYS_SETTING,
    CASE_MAKEUP_WORKDAYS: DEFAULT_MAKEUP_WORKDAYS_SETTING,
    JURISDICTION_DIVISION_CODE: '433101',
    JURISDICTION_NAME: '吉首市',
    FORBIDDEN_NAME_WORDS: DEFAULT_FORBIDDEN_WORDS_SETTING,
    ...ctx.stack.decisionSigningKey,
  });
  const file = path.join(ctx.stack.dataDir, 'peer-template.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      applicantId: user.id,
      filedById: user.id,
      form: PersonalDataCipher.withKeys(KeyRing.parse(keys.PERSONAL_DATA_KEYS, keys.PERSONAL_DATA_KEY_ID)).sealFields(form),
      policy,
      fees: feeLedgerForApplication(form),
      flags: [],
    }),
  );
  return `--template-file=${file}`;
}

export async function runPeerSection(ctx: BenchContext): Promise<PeerSectionResult | { skipped: string }> {
  const { options, log, stack } = ctx;
  const missing = await missingTool();
  if (missing) return { skipped: missing };
  const built = await buildPeer(log);
  const templateArg = await template(ctx);

  const fixedCount = Math.max(1, Math.round(options.fixedRate * options.fixedRateSeconds));
  const phases = {
    fixedRate: `fixed:${fixedCount}:${options.fixedRate}`,
    fullSpeed: `full:${options.fullSpeedCases}:${options.submitConcurrency}`,
    oneAtATime: `serial:${options.peerOneAtATime}`,
  };
  const args = peerHarnessArgs(stack.postgres.url, templateArg, options.peerWarmupCases, Object.values(phases));
  const command = ['java', ...args].join(' ').replace(/password=[^&\s]+/, 'password=…').replaceAll(`${ROOT}/`, '');
  log(`peer: Flowable harness, ${options.peerWarmupCases} warm-up cases, then ${Object.values(phases).join(', ')}`);

  const fileLine = fileLog('peer-flowable');
  const child = spawn('java', args, { cwd: PROJECT, stdio: ['ignore', 'pipe', 'pipe'] });
  const stopJvm = stack.onStop(() => stopChild(child, 20_000));
  const postgresPid = stack.postgresPid();
  const lines: Record<string, unknown>[] = [];
  let mark = { postgres: 0, jvm: 0 };
  const measured: PeerPhase[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const complete = buffered.split('\n');
    buffered = complete.pop() ?? '';
    for (const text of complete) {
      fileLine(text);
      if (!text.startsWith('{')) continue;
      const line = JSON.parse(text) as Record<string, unknown>;
      lines.push(line);
      // PostgreSQL's and the JVM's CPU from /proc at each phase's edges, as the case section reads ours.
      if (line.event === 'phase-start') mark = { postgres: treeCpuSeconds(postgresPid), jvm: treeCpuSeconds(child.pid!) };
      if (line.event === 'phase') {
        const phase = line as unknown as PeerPhase;
        const perCase = (seconds: number): number => round((seconds * 1000) / phase.workflows, 2);
        phase.cpuMsPerWorkflow = { flowable: perCase(treeCpuSeconds(child.pid!) - mark.jvm), postgres: perCase(treeCpuSeconds(postgresPid) - mark.postgres) };
        measured.push(phase);
        log(
          `  Flowable, ${phase.label}: ${phase.workflows} in ${phase.seconds} s, ${phase.sustainedPerSecond}/s sustained, p50 ${phase.latency.p50} ms p99 ${phase.latency.p99} ms, ` +
            `CPU/case JVM ${phase.cpuMsPerWorkflow.flowable} ms + PostgreSQL ${phase.cpuMsPerWorkflow.postgres} ms${phase.failed ? `, ${phase.failed} FAILED` : ''}`,
        );
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).forEach(fileLine));
  const peakRss = { value: 0 };
  const sampler = setInterval(() => (peakRss.value = Math.max(peakRss.value, peakRssMiB(child.pid!) ?? 0)), 1000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  await stopJvm();
  ctx.peaks['peer-flowable'] = round(Math.max(peakRss.value, ...measured.map((phase) => phase.peakRssMiB)), 1);
  if (measured.length !== 3) throw new Error(`peer harness exited with ${code} after ${measured.length} of 3 phases (see ${path.relative(ROOT, LOG_DIR)}/peer-flowable.log)`);
  if (code !== 0) log(`  note: the peer harness exited with ${code} (failed cases: see ${path.relative(ROOT, LOG_DIR)}/peer-flowable.log)`);
  const ready = lines.find((line) => line.event === 'ready') as { bootSeconds: number; warmupCases: number; flowable?: string; executor: PeerSectionResult['executor'] };
  const [fixedRate, fullSpeed, oneAtATime] = measured;
  return {
    engine: `Flowable ${ready.flowable ?? '7.1.0'} embedded (StandaloneProcessEngineConfiguration), PostgreSQL JDBC, schema peer_flowable`,
    setup:
      'six asynchronous exclusive service tasks (SAMR, then PSB, TAX, HRSS, BANK in parallel, then the outcome); each sends our worker’s statements of that step, the same ones in the same round trips (the task opening that reads the case and the outage, the licence in one statement, the outcome’s register and timeline writes; counted side by side by `npx tsx bench/count-statements.ts --peer`), in the job’s transaction; the case row and the instance start in one transaction',
    executor: ready.executor,
    jvm: `${(await run('java', ['-version'])).stderr.split('\n')[0]} ${JVM_OPTIONS.join(' ')}`,
    buildSeconds: built.seconds,
    build: built.how,
    bootSeconds: ready.bootSeconds,
    warmupCases: ready.warmupCases,
    fixedRate,
    fullSpeed,
    oneAtATime,
    command,
  };
}
