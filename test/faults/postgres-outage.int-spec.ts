import { waitFor } from '../../scripts/stack/wait-for';
import { validForm, type ErrorBody } from '../api/api-fixtures';
import { http, type HttpResult } from '../support/http';
import { recordCheck } from '../support/scorecard';
import { countCasesIn, duplicateFigures, expectNoDuplicateWrites } from './fault-fixtures';
import { startPrivateStack, type PrivateStack } from './private-postgres';

const CASES = 10;
const OUTAGE_MS = 30_000;

describe('PostgreSQL stopped for 30 s under load', () => {
  let stack: PrivateStack | undefined;
  afterAll(() => stack?.stop());

  it('the API answers 503 DATABASE_UNAVAILABLE meanwhile; afterwards every case completes, nothing twice', async () => {
    stack = await startPrivateStack('pg-outage');
    const { worker, api, applicant } = stack;
    const baseUrl = api.url;
    const db = await stack.connect();

    // Load: cases whose automatic steps are inside their activities (held on a lock) when PostgreSQL stops.
    let caseIds: string[] = [];
    await stack.holdAutomaticSteps(5, async () => {
      caseIds = await stack!.fileCases(CASES);
    });
    const finishedBeforeOutage = await countCasesIn(db, caseIds, 'COMPLETED');

    await stack.postgres.stop();
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

    await stack.restartPostgres('pg-outage-restarted');
    const restarted = Date.now();
    await waitFor('the API healthy again', async () => (await http('GET', '/health', { baseUrl })).status === 200, { timeoutMs: 30_000 });
    const apiRecoveredMs = Date.now() - restarted;
    const db2 = await stack.connect();
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
        'app restarts needed': stack.appsExited(),
        ...duplicateFigures(duplicates),
      },
    });
  }, 240_000);
});
