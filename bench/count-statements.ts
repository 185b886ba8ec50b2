import { Client as PgClient } from 'pg';
import { caseWorkflowId } from '@onetrip/workflows/contracts';
import { benchForm } from './lib/forms';
import { historyShape } from './lib/history-shape';
import { DEPARTMENTS, type Department } from '@onetrip/domain';
import { expectStatus, registerApplicant, request, signIn, type Session } from './lib/http';
import { treeCpuSeconds } from './lib/proc';
import { BenchStack } from './lib/stack';
import { sleep } from './lib/stats';

// `npx tsx bench/count-statements.ts [cases]`: SQL statements per AUTO case, by process (API, worker), counted
// from PostgreSQL's own log (log_statement = all, the session's application_name on each line) while
// `cases` enterprise openings are filed one at a time through POST /api/applications and run to their outcome.
// Unlike cases/s, the count does not depend on what else the machine is doing. Runs the compiled apps in dist/.
// `npx tsx bench/count-statements.ts [cases] --clerks`: the same for a clerk's decisions: MANUAL cases whose five
// tasks a clerk of each department claims, then completes, through the HTTP API; the API's statements are split
// by call (claim, complete), the worker's are per decision (recordDecision and the openings that follow).

const CLERK_PASSWORD = 'onetrip-demo';
const CLERK_OF: Record<Department, string> = { SAMR: 'clerk-samr', PSB: 'clerk-psb', TAX: 'clerk-tax', HRSS: 'clerk-hrss', BANK: 'clerk-bank' };
// A statement the counting client sends between calls: the log's order splits the API's statements by call.
const MARK = /^SELECT 'mark:([a-z]+)'/;

const STATEMENT = /^\[(onetrip-[a-z]+)\] LOG: {2}(?:statement|execute [^:]*): ([\s\S]*)$/;

async function main(): Promise<void> {
  const cases = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 20);
  const clerkMode = process.argv.includes('--clerks');
  const log = (message: string): void => console.log(`[count] ${message}`);
  const stack = new BenchStack();
  const lines: { app: string; text: string; call: string }[] = [];
  let call = '';
  let counting = false;
  try {
    await stack.start({ log });
    stack.postgresLogListeners.push((line) => {
      const match = counting ? STATEMENT.exec(line.trim()) : null;
      if (!match) return;
      const mark = match[1] === 'onetrip-count' ? MARK.exec(match[2]) : null;
      if (mark) call = mark[1];
      else lines.push({ app: match[1], text: match[2], call });
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
    let last = '';
    // The worker's CPU over the counted cases, one at a time (no queueing): a figure that load on the machine moves less than cases/s.
    const workerCpuBefore = treeCpuSeconds(worker.pid);
    for (let i = 0; i < cases; i++) last = await fileAndWait();
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
    const shape = await historyShape(stack.temporalClient, caseWorkflowId(last));
    console.log(
      `\nhistory of one case: ${shape.events} events, ${shape.workflowTasks} workflow tasks, ${shape.activities} activities, ${shape.localActivities} local activities, ` +
        `workflow input ${shape.inputBytes} bytes, result ${shape.resultBytes} bytes`,
    );
    await db.end();
  } finally {
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
