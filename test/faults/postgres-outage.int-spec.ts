import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { Client as PgClient } from 'pg';
import type { AppProcess } from '../../scripts/stack/app-process';
import { freePort } from '../../scripts/stack/ports';
import { waitFor } from '../../scripts/stack/wait-for';
import { newApplicant, validForm, type ErrorBody } from '../api/api-fixtures';
import { http, type HttpResult } from '../support/http';
import { recordCheck } from '../support/scorecard';
import { startApi, startWorker, testStack, type StackTarget } from '../support/test-stack';
import { countCasesIn, expectNoDuplicateWrites } from './fault-fixtures';
import { startPrivatePostgres, type PrivatePostgres } from './private-postgres';

const CASES = 10;
const OUTAGE_MS = 30_000;

describe('PostgreSQL stopped for 30 s under load', () => {
  // A PostgreSQL of this test's own (the shared one stays up for the other tests); the shared Temporal
  // with a task queue of its own.
  let postgres: PrivatePostgres | undefined;
  let dataDir: string;
  let port: number;
  const apps: AppProcess[] = [];
  const clients: PgClient[] = [];

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    await Promise.all(apps.map((app) => app.stop()));
    await postgres?.stop();
  });

  async function connect(): Promise<PgClient> {
    const client = new PgClient({ connectionString: postgres!.url });
    // The server going away must not crash the test process.
    client.on('error', () => undefined);
    await client.connect();
    clients.push(client);
    return client;
  }

  it('the API answers 503 DATABASE_UNAVAILABLE meanwhile; afterwards every case completes, nothing twice', async () => {
    dataDir = path.join(testStack().dataDir, `postgres-outage-${randomUUID().slice(0, 8)}`);
    port = await freePort();
    postgres = await startPrivatePostgres(dataDir, port, 'postgres-outage');
    const stack: StackTarget = { databaseUrl: postgres.url, temporalAddress: testStack().temporalAddress, taskQueue: `faults-pg-${randomUUID()}` };
    const worker = await startWorker({}, 'worker-pg-outage', stack);
    apps.push(worker);
    const api = await startApi({ CASE_DEPARTMENT_MODES: '*=AUTO', CASE_CALENDAR: 'ALWAYS' }, 'api-pg-outage', stack);
    apps.push(api.app);
    const baseUrl = api.url;
    const applicant = await newApplicant(baseUrl);
    const db = await connect();

    // Load: cases whose automatic steps are inside their activities (held on a lock) when PostgreSQL stops.
    const gate = await connect();
    await gate.query('BEGIN');
    await gate.query('LOCK TABLE department_outages IN ACCESS EXCLUSIVE MODE');
    const caseIds: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const filed = await http<{ id: string }>('POST', '/applications', { token: applicant.token, body: validForm(), baseUrl });
      expect(filed.status).toBe(201);
      caseIds.push(filed.body.id);
    }
    await waitFor('automatic steps held inside their activity', async () => {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'onetrip-worker' AND wait_event_type = 'Lock'`);
      return (rows[0] as { n: number }).n >= 5 ? true : undefined;
    });
    const finishedBeforeOutage = await countCasesIn(db, caseIds, 'COMPLETED');

    await postgres.stop();
    const outageStarted = Date.now();
    const answers: HttpResult<ErrorBody>[] = [];
    // Clients keep coming while the database is down: reads, filings and health checks, paced, for 30 s.
    while (Date.now() - outageStarted < OUTAGE_MS) {
      const round = answers.length % 3;
      if (round === 0) answers.push(await http<ErrorBody>('GET', '/applications', { token: applicant.token, baseUrl }));
      else if (round === 1) answers.push(await http<ErrorBody>('POST', '/applications', { token: applicant.token, body: validForm(), baseUrl }));
      else answers.push(await http<ErrorBody>('GET', '/health', { baseUrl }));
      await new Promise((resolve) => setTimeout(resolve, 300)); // pacing of the load, not a wait for a condition
    }
    const clear = answers.filter(
      (answer) =>
        answer.status === 503 &&
        answer.body.error === 'DATABASE_UNAVAILABLE' &&
        answer.body.message === 'The database is unavailable; please try again shortly' &&
        Number(answer.headers.get('retry-after')) > 0 &&
        !JSON.stringify(answer.body).includes('    at '),
    );
    const unclear = answers.filter((answer) => !clear.includes(answer)).map((answer) => `${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
    expect(unclear).toEqual([]);
    // Both apps are still running: they wait for the database rather than die.
    expect(worker.process.exitCode).toBeNull();
    expect(api.app.process.exitCode).toBeNull();

    postgres = await startPrivatePostgres(dataDir, port, 'postgres-outage-restarted');
    const restarted = Date.now();
    await waitFor('the API healthy again', async () => (await http('GET', '/health', { baseUrl })).status === 200, { timeoutMs: 30_000 });
    const apiRecoveredMs = Date.now() - restarted;
    const db2 = await connect();
    await waitFor('every case completed', async () => ((await countCasesIn(db2, caseIds, 'COMPLETED')) === CASES ? true : undefined), { timeoutMs: 120_000, intervalMs: 500 });
    const allDoneMs = Date.now() - restarted;

    // New work goes through end to end on the same processes.
    const after = await http<{ id: string }>('POST', '/applications', { token: applicant.token, body: validForm(), baseUrl });
    expect(after.status).toBe(201);
    await waitFor('a case filed after the outage completed', async () => ((await countCasesIn(db2, [after.body.id], 'COMPLETED')) === 1 ? true : undefined));
    expect(worker.process.exitCode).toBeNull();
    expect(api.app.process.exitCode).toBeNull();

    // Filings refused during the outage left nothing behind; each accepted one is one case.
    const applicantCases = Number((await db2.query(`SELECT count(*)::int AS n FROM cases WHERE applicant_id = $1`, [applicant.id])).rows[0].n);
    expect(applicantCases).toBe(CASES + 1);
    const duplicates = await expectNoDuplicateWrites(db2, [...caseIds, after.body.id]);

    recordCheck({
      id: 'faults.postgres-outage',
      section: 'Faults',
      check: 'PostgreSQL stopped for 30 s under load, then started on the same data folder',
      how: `Own PostgreSQL, worker and API; ${CASES} all-AUTO cases with steps inside their activities when it stops; reads, filings and health checks keep coming for 30 s`,
      figures: {
        'cases in flight': CASES - finishedBeforeOutage,
        'requests during the outage': answers.length,
        'answered 503 DATABASE_UNAVAILABLE with Retry-After': clear.length,
        'other answers': unclear.length,
        'API healthy again after (s)': Math.round(apiRecoveredMs / 100) / 10,
        'all cases finished after (s)': Math.round(allDoneMs / 100) / 10,
        'cases finished': await countCasesIn(db2, caseIds, 'COMPLETED'),
        'app restarts needed': Number(worker.process.exitCode !== null) + Number(api.app.process.exitCode !== null),
        'duplicate writes found': duplicates,
      },
    });
  }, 240_000);
});
