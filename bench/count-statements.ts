import { Client as PgClient } from 'pg';
import { caseWorkflowId } from '@onetrip/workflows/contracts';
import { benchForm } from './lib/forms';
import { historyShape } from './lib/history-shape';
import { expectStatus, registerApplicant, request } from './lib/http';
import { BenchStack } from './lib/stack';
import { sleep } from './lib/stats';

// `npx tsx bench/count-statements.ts [cases]`: SQL statements per AUTO case, by process (API, worker), counted
// from PostgreSQL's own log (log_statement = all, the session's application_name on each line) while
// `cases` enterprise openings are filed one at a time through POST /api/applications and run to their outcome.
// Unlike cases/s, the count does not depend on what else the machine is doing. Runs the compiled apps in dist/.

const STATEMENT = /^\[(onetrip-[a-z]+)\] LOG: {2}(?:statement|execute [^:]*): ([\s\S]*)$/;

async function main(): Promise<void> {
  const cases = Number(process.argv[2] ?? 20);
  const log = (message: string): void => console.log(`[count] ${message}`);
  const stack = new BenchStack();
  const lines: { app: string; text: string }[] = [];
  let counting = false;
  try {
    await stack.start({ log });
    stack.postgresLogListeners.push((line) => {
      const match = counting ? STATEMENT.exec(line.trim()) : null;
      if (match) lines.push({ app: match[1], text: match[2] });
    });
    const db = new PgClient({ connectionString: stack.postgres.url, application_name: 'onetrip-count' });
    await db.connect();
    await stack.startWorker('worker');
    const api = await stack.startApi('api-auto', { CASE_DEPARTMENT_MODES: '*=AUTO' });
    const applicant = await registerApplicant(api.url, `count-${process.pid}`);
    const fileAndWait = async (): Promise<string> => {
      const reply = await expectStatus(request<{ id: string }>(api.url, 'POST', '/applications', { token: applicant.token, body: benchForm() }), 201, 'POST /api/applications');
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
    for (let i = 0; i < cases; i++) last = await fileAndWait();
    // The last case's final statements may still be on their way to the log.
    await sleep(1000);
    counting = false;
    await db.query(`ALTER SYSTEM RESET log_statement`);
    await db.query(`SELECT pg_reload_conf()`);

    const byApp = new Map<string, Map<string, number>>();
    for (const { app, text } of lines) {
      if (app === 'onetrip-count') continue;
      const key = text.replace(/\s+/g, ' ').slice(0, 90);
      const counts = byApp.get(app) ?? new Map<string, number>();
      counts.set(key, (counts.get(key) ?? 0) + 1);
      byApp.set(app, counts);
    }
    for (const [app, counts] of byApp) {
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      console.log(`\n${app}: ${(total / cases).toFixed(2)} statements per case`);
      for (const [text, count] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${(count / cases).toFixed(2)}  ${text}`);
    }
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
