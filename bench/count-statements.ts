import { spawn } from 'node:child_process';
import { Client as PgClient } from 'pg';
import { caseWorkflowId } from '@onetrip/workflows/contracts';
import { benchForm } from './lib/forms';
import { historyShape } from './lib/history-shape';
import { DEPARTMENTS, type Department } from '@onetrip/domain';
import { expectStatus, registerApplicant, request, signIn, type Session } from './lib/http';
import { treeCpuSeconds } from './lib/proc';
import { BenchStack, fileLog } from './lib/stack';
import { sleep } from './lib/stats';
import { STATEMENT_KINDS, statementKind, TRANSACTION } from './lib/statement-kinds';
import { buildPeer, PEER_PROJECT, peerHarnessArgs } from './sections/peer-flowable';

// `npx tsx bench/count-statements.ts [cases]`: SQL statements per AUTO case, by process (API, worker), counted
// from PostgreSQL's own log (log_statement = all, the session's application_name on each line) while
// `cases` enterprise openings are filed one at a time through POST /api/applications and run to their outcome.
// Unlike cases/s, the count does not depend on what else the machine is doing. Runs the compiled apps in dist/.
// `npx tsx bench/count-statements.ts [cases] --clerks`: the same for a clerk's decisions: MANUAL cases whose five
// tasks a clerk of each department claims, then completes, through the HTTP API; the API's statements are split
// by call (claim, complete), the worker's are per decision (recordDecision and the openings that follow).
// `npx tsx bench/count-statements.ts [cases] --peer`: then the Flowable peer's (bench/peer-flowable, built first) over as
// many cases one at a time, counted from the same log, and both side by side by what each statement does
// (bench/lib/statement-kinds.ts): the peer's steps' own statements against our worker's, Flowable's own apart.

const CLERK_PASSWORD = 'onetrip-demo';
const CLERK_OF: Record<Department, string> = { SAMR: 'clerk-samr', PSB: 'clerk-psb', TAX: 'clerk-tax', HRSS: 'clerk-hrss', BANK: 'clerk-bank' };
// A statement the counting client sends between calls: the log's order splits the API's statements by call.
const MARK = /^SELECT 'mark:([a-z]+)'/;

const STATEMENT = /^\[(onetrip-[a-z-]+)\] LOG: {2}(?:statement|execute [^:]*): ([\s\S]*)$/;
// The peer harness's marks around each phase (PeerHarness.mark).
const PEER_MARK = /^SELECT 'mark:(phase:[a-z0-9:-]+|phase-end)'/;

interface Logged {
  app: string;
  text: string;
  call: string;
}

/** Statements per case by kind (bench/lib/statement-kinds.ts). */
function byKind(statements: Logged[], cases: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { text } of statements) {
    const { kind } = statementKind(text);
    counts.set(kind, (counts.get(kind) ?? 0) + 1 / cases);
  }
  return counts;
}

async function main(): Promise<void> {
  const cases = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 20);
  const clerkMode = process.argv.includes('--clerks');
  const peerMode = process.argv.includes('--peer');
  if (clerkMode && peerMode) throw new Error('--peer counts AUTO cases: not with --clerks');
  const log = (message: string): void => console.log(`[count] ${message}`);
  const stack = new BenchStack();
  const lines: Logged[] = [];
  const peerLines: Logged[] = [];
  let call = '';
  let counting = false;
  let peerCounting = false;
  let peerPhase = '';
  // A statement spread over several lines: the lines after the first have no prefix.
  let last: Logged | undefined;
  try {
    // Before the peer's build, which takes a minute when its sources changed: it runs beside the stack's start.
    const peerBuilt = peerMode ? buildPeer(log) : undefined;
    // Not to be left unhandled should the stack fail first.
    peerBuilt?.catch(() => undefined);
    await stack.start({ log });
    stack.postgresLogListeners.push((line) => {
      if (!counting && !peerCounting) return;
      const match = STATEMENT.exec(line.trim());
      if (!match) {
        if (last && !line.startsWith('[')) last.text += `\n${line}`;
        else last = undefined;
        return;
      }
      last = undefined;
      const mark = match[1] === 'onetrip-count' ? MARK.exec(match[2]) : null;
      const peerMark = match[1] === 'onetrip-peer-harness' ? PEER_MARK.exec(match[2]) : null;
      if (mark) call = mark[1];
      else if (peerMark) peerPhase = peerMark[1] === 'phase-end' ? '' : peerMark[1];
      else if (match[1] === 'onetrip-peer') {
        if (peerPhase.startsWith('phase:serial')) peerLines.push((last = { app: match[1], text: match[2], call: peerPhase }));
      } else if (counting && !match[1].startsWith('onetrip-peer')) lines.push((last = { app: match[1], text: match[2], call }));
    });
    const db = new PgClient({ connectionString: stack.postgres.url, application_name: 'onetrip-count' });
    await db.connect();
    // The stack's PostgreSQL stops in `finally`: its goodbye must not hide the error that stopped it.
    db.on('error', () => undefined);
    const worker = await stack.startWorker('worker');
    const api = await stack.startApi(clerkMode ? 'api-manual' : 'api-auto', { CASE_DEPARTMENT_MODES: clerkMode ? '' : '*=AUTO' });
    const applicant = await registerApplicant(api.url, `count-${process.pid}`);
    const clerks = clerkMode
      ? (Object.fromEntries(await Promise.all(DEPARTMENTS.map(async (department) => [department, await signIn(api.url, CLERK_OF[department], CLERK_PASSWORD)] as const))) as Record<Department, Session>)
      : undefined;
    const mark = (name: string) => db.query(`SELECT 'mark:${name}'`);
    const openTasks = async (caseId: string, count: number): Promise<{ id: string; department: Department }[]> => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const { rows } = await db.query(`SELECT id, department FROM tasks WHERE case_id = $1 AND status = 'OPEN' ORDER BY id`, [caseId]);
        if (rows.length >= count) return rows as { id: string; department: Department }[];
        if (Date.now() > deadline) throw new Error(`case ${caseId}: ${rows.length} open tasks after 60 s`);
        await sleep(20);
      }
    };
    // One clerk call at a time, each between two marks, so the log says which call a statement of the API's belongs to.
    const claimAndComplete = async (task: { id: string; department: Department }): Promise<void> => {
      const token = clerks![task.department].token;
      await mark('claim');
      await expectStatus(request(api.url, 'POST', `/tasks/${encodeURIComponent(task.id)}/claim`, { token }), 200, 'claim');
      await mark('complete');
      const body = task.department === 'BANK' ? { outputs: { accountNumber: '6222020000001234567' } } : {};
      await expectStatus(request(api.url, 'POST', `/tasks/${encodeURIComponent(task.id)}/complete`, { token, body }), 200, 'complete');
      await mark('after');
    };
    const fileAndWait = async (): Promise<string> => {
      const reply = await expectStatus(request<{ id: string }>(api.url, 'POST', '/applications', { token: applicant.token, body: benchForm() }), 201, 'POST /api/applications');
      if (clerks) {
        for (const task of await openTasks(reply.body.id, 1)) await claimAndComplete(task);
        for (const task of await openTasks(reply.body.id, 4)) await claimAndComplete(task);
      }
      const deadline = Date.now() + 60_000;
      for (;;) {
        const { rows } = await db.query(`SELECT status FROM cases WHERE id = $1`, [reply.body.id]);
        if (rows[0]?.status === 'COMPLETED') break;
        if (Date.now() > deadline) throw new Error(`case ${reply.body.id} is ${rows[0]?.status} after 60 s`);
        await sleep(20);
      }
      return reply.body.id;
    };
    // Warm: the caches (definitions, schemas, prepared plans) fill on the first cases.
    for (let i = 0; i < 3; i++) await fileAndWait();
    await db.query(`ALTER SYSTEM SET log_statement = 'all'`);
    await db.query(`ALTER SYSTEM SET log_line_prefix = '[%a] '`);
    await db.query(`SELECT pg_reload_conf()`);
    await sleep(500);
    counting = true;
    let lastCase = '';
    // The worker's CPU over the counted cases, one at a time (no queueing): a figure that load on the machine moves less than cases/s.
    const workerCpuBefore = treeCpuSeconds(worker.pid);
    for (let i = 0; i < cases; i++) lastCase = await fileAndWait();
    const workerCpuMsPerCase = ((treeCpuSeconds(worker.pid) - workerCpuBefore) * 1000) / cases;
    // The last case's final statements may still be on their way to the log.
    await sleep(1000);
    counting = false;
    await db.query(`ALTER SYSTEM RESET log_statement`);
    await db.query(`SELECT pg_reload_conf()`);

    const byApp = new Map<string, Map<string, number>>();
    for (const { app, text, call: during } of lines) {
      if (app === 'onetrip-count') continue;
      // The API's statements by the clerk call they ran in (the filing's run before the first mark of its case).
      const key = (clerkMode && app === 'onetrip-api' ? `[${during === 'claim' || during === 'complete' ? during : 'filing'}] ` : '') + text.replace(/\s+/g, ' ').slice(0, 90);
      const counts = byApp.get(app) ?? new Map<string, number>();
      counts.set(key, (counts.get(key) ?? 0) + 1);
      byApp.set(app, counts);
    }
    for (const [app, counts] of byApp) {
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      console.log(`\n${app}: ${(total / cases).toFixed(2)} statements per case${clerkMode ? ` (${(total / cases / 5).toFixed(2)} per decision)` : ''}`);
      if (clerkMode && app === 'onetrip-api') {
        for (const name of ['claim', 'complete']) {
          const inCall = lines.filter((line) => line.app === app && line.call === name).length;
          console.log(`  per ${name} call: ${(inCall / cases / 5).toFixed(2)}`);
        }
      }
      for (const [text, count] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${(count / cases).toFixed(2)}  ${text}`);
    }
    console.log(`\nworker CPU per case, cases one at a time: ${workerCpuMsPerCase.toFixed(1)} ms`);
    const shape = await historyShape(stack.temporalClient, caseWorkflowId(lastCase));
    console.log(
      `\nhistory of one case: ${shape.events} events, ${shape.workflowTasks} workflow tasks, ${shape.activities} activities, ${shape.localActivities} local activities, ` +
        `workflow input ${shape.inputBytes} bytes, result ${shape.resultBytes} bytes`,
    );
    if (peerBuilt) {
      await peerBuilt;
      peerCounting = true;
      try {
        await countPeer(stack, db, lastCase, cases, log);
      } finally {
        peerCounting = false;
      }
      printSideBySide(lines, peerLines, cases);
    }
    await db.end();
  } finally {
    await stack.stop();
  }
}

/**
 * Runs the peer harness on the stack's PostgreSQL with every statement logged: 3 warm-up cases, then `cases` one at a
 * time (the listener keeps the engine's statements between the harness's marks of that phase), copying `templateCase`.
 */
async function countPeer(stack: BenchStack, db: PgClient, templateCase: string, cases: number, log: (message: string) => void): Promise<void> {
  await db.query(`ALTER SYSTEM SET log_statement = 'all'`);
  await db.query(`ALTER SYSTEM SET log_line_prefix = '[%a] '`);
  await db.query(`SELECT pg_reload_conf()`);
  await sleep(500);
  try {
    const args = peerHarnessArgs(stack.postgres.url, `--template-case=${templateCase}`, 3, [`serial:${cases}`]);
    log(`peer: Flowable harness, 3 warm-up cases, then ${cases} one at a time`);
    const fileLine = fileLog('peer-flowable');
    const child = spawn('java', args, { cwd: PEER_PROJECT, stdio: ['ignore', 'pipe', 'pipe'] });
    const failed: string[] = [];
    const lineOf = (chunk: Buffer): void =>
      chunk
        .toString()
        .split('\n')
        .filter(Boolean)
        .forEach((text) => {
          fileLine(text);
          if (text.startsWith('{') && (JSON.parse(text) as { event?: string; failed?: number }).failed) failed.push(text);
        });
    child.stdout.on('data', lineOf);
    child.stderr.on('data', lineOf);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0 || failed.length) throw new Error(`the peer harness exited with ${code}${failed.length ? `: ${failed.join(' ')}` : ''} (see the bench's peer-flowable.log)`);
    // The last case's final statements may still be on their way to the log.
    await sleep(1000);
  } finally {
    await db.query(`ALTER SYSTEM RESET log_statement`);
    await db.query(`SELECT pg_reload_conf()`);
  }
}

/** Our worker's statements per AUTO case beside the peer's steps' own, by what they do; Flowable's own apart. */
function printSideBySide(ours: Logged[], peer: Logged[], cases: number): void {
  const worker = byKind(
    ours.filter((line) => line.app === 'onetrip-worker'),
    cases,
  );
  const peerKinds = byKind(peer, cases);
  const api = ours.filter((line) => line.app === 'onetrip-api').length / cases;
  const fixed = (value: number | undefined): string => (value ?? 0).toFixed(2).padStart(6);
  const kinds = [...STATEMENT_KINDS.map(({ kind }) => kind), TRANSACTION, ...[...worker.keys(), ...peerKinds.keys()].filter((kind) => kind.startsWith('other: '))];
  const shown = [...new Set(kinds)].filter((kind) => worker.has(kind) || peerKinds.has(kind));
  const width = Math.max(...shown.map((kind) => kind.length));
  console.log(`\nside by side, statements per AUTO case (${cases} cases each, one at a time): our worker | the peer's steps, in its jobs`);
  console.log(`  ${'what it does'.padEnd(width)}    ours    peer`);
  for (const kind of shown) console.log(`  ${kind.padEnd(width)}  ${fixed(worker.get(kind))}  ${fixed(peerKinds.get(kind))}${kind === TRANSACTION ? '  (the peer: Flowable opens one per job)' : ''}`);
  const submission = 'submission: the case row';
  // What the steps do: every known kind but the submission (ours: the API's), without BEGIN/COMMIT.
  const stepKinds = STATEMENT_KINDS.map(({ kind }) => kind as string).filter((kind) => kind !== submission);
  const sum = (counts: Map<string, number>, keep: (kind: string) => boolean): number => [...counts].filter(([kind]) => keep(kind)).reduce((total, [, n]) => total + n, 0);
  const steps = (counts: Map<string, number>): number => sum(counts, (kind) => stepKinds.includes(kind));
  const others = (counts: Map<string, number>): number => sum(counts, (kind) => kind.startsWith('other: '));
  const differ = stepKinds.filter((kind) => fixed(worker.get(kind)) !== fixed(peerKinds.get(kind)));
  console.log(
    `  the steps' statements without BEGIN/COMMIT: ours ${steps(worker).toFixed(2)}, the peer ${steps(peerKinds).toFixed(2)}; ` +
      `other statements: ours ${others(worker).toFixed(2)}, the peer ${others(peerKinds).toFixed(2)}`,
  );
  console.log(`  same statements: ${differ.length === 0 && others(worker) === 0 && others(peerKinds) === 0 ? 'yes' : `NO (${[...differ, ...(others(worker) + others(peerKinds) > 0 ? ['other statements'] : [])].join('; ')})`}`);
  console.log(
    `  the submission: ours ${api.toFixed(2)} statements of the API (POST /api/applications); the peer ${fixed(peerKinds.get(submission)).trim()} (the case row, in the instance start's transaction)`,
  );
  const flowable = peer.filter(({ text }) => statementKind(text).owner === 'flowable');
  console.log(`\nFlowable's own, per case (its tables; one at a time, so its 50 ms acquisition polling is in it): ${(flowable.length / cases).toFixed(2)}, and ${fixed(peerKinds.get(TRANSACTION)).trim()} BEGIN/COMMIT`);
  const flowableTexts = new Map<string, number>();
  for (const { text } of flowable) {
    const key = text.replace(/\s+/g, ' ').slice(0, 90);
    flowableTexts.set(key, (flowableTexts.get(key) ?? 0) + 1);
  }
  for (const [text, count] of [...flowableTexts].sort((a, b) => b[1] - a[1])) console.log(`  ${(count / cases).toFixed(2)}  ${text}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
