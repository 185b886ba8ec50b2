import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { Client as PgClient } from 'pg';
import { caseWorkflowId } from '@onetrip/workflows/contracts';
import type { AppProcess } from '../../scripts/stack/app-process';
import { freePort } from '../../scripts/stack/ports';
import { startTemporalDevServer, type RunningTemporal } from '../../scripts/stack/temporal-dev-server';
import { waitFor } from '../../scripts/stack/wait-for';
import { newApplicant, openTaskId, signIn, validForm, type ErrorBody } from '../api/api-fixtures';
import { connectDatabase, connectTemporal } from '../support/case-fixtures';
import { http } from '../support/http';
import { recordCheck } from '../support/scorecard';
import { fileLog, startApi, startWorker, testStack, type StackTarget } from '../support/test-stack';
import { countCasesIn, duplicateFigures, expectNoDuplicateWrites } from './fault-fixtures';

const CASES = 10;
const DOWN_MS = 5_000;
// SAMR waits for a clerk, so cases are in flight on the server; the other four decide in activities.
const MODES = 'SAMR=MANUAL,PSB=AUTO,TAX=AUTO,HRSS=AUTO,BANK=AUTO';

describe('the Temporal server killed with SIGKILL and restarted on its database file', () => {
  let db: PgClient;
  let temporal: RunningTemporal | undefined;
  /** Holds the outages table locked: ended first, so a failure here never leaves the lane's AUTO steps blocked for the specs after it. */
  let gate: PgClient | undefined;
  const apps: AppProcess[] = [];

  afterAll(async () => {
    await gate?.end().catch(() => undefined);
    await Promise.all(apps.map((app) => app.stop()));
    await temporal?.stop();
    await db?.end();
  });

  it('the worker and the API reconnect by themselves and every case finishes once', async () => {
    db = await connectDatabase();
    // A Temporal of this test's own, keeping its state in a file so that it survives the kill.
    const dbFile = path.join(testStack().dataDir, `temporal-restart-${randomUUID().slice(0, 8)}.db`);
    const port = await freePort();
    temporal = await startTemporalDevServer({ port, dbFile, log: fileLog('temporal-restart') });
    const stack: StackTarget = { databaseUrl: testStack().databaseUrl, temporalAddress: temporal.address, taskQueue: `faults-temporal-${randomUUID()}` };
    // Room in the pool for the clerks' decisions while 20 automatic steps hold a connection each.
    const worker = await startWorker({ DATABASE_POOL_SIZE: '40' }, 'worker-temporal-restart', stack);
    apps.push(worker);
    const api = await startApi({ CASE_DEPARTMENT_MODES: MODES, CASE_CALENDAR: 'ALWAYS' }, 'api-temporal-restart', stack);
    apps.push(api.app);
    const baseUrl = api.url;
    const [applicant, samrClerk] = await Promise.all([newApplicant(baseUrl), signIn('clerk-samr', undefined, baseUrl)]);
    const completeSamr = async (caseId: string): Promise<number> =>
      (await http('POST', `/tasks/${await openTaskId(db, caseId, 'SAMR')}/complete`, { token: samrClerk.token, body: {}, baseUrl })).status;

    const caseIds: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const filed = await http<{ id: string }>('POST', '/applications', { token: applicant.token, body: validForm(), baseUrl });
      expect(filed.status).toBe(201);
      caseIds.push(filed.body.id);
    }
    const [before, after] = [caseIds.slice(0, CASES / 2), caseIds.slice(CASES / 2)];

    // Half the cases get their licence; their automatic steps are held inside the activity (on a lock
    // they all read) so that the server dies with activities running.
    const held = await connectDatabase();
    gate = held;
    held.on('error', () => undefined);
    await held.query('BEGIN');
    await held.query('LOCK TABLE department_outages IN ACCESS EXCLUSIVE MODE');
    // Each licence unblocks four AUTO steps that the lock holds: the clerk's answer must not wait for them (in the
    // workflow task that answers the Update they would hold it until its heartbeat, ~8 s).
    const licenceAnsweredMs: number[] = [];
    for (const caseId of before) {
      const sent = Date.now();
      expect(await completeSamr(caseId)).toBe(200);
      licenceAnsweredMs.push(Date.now() - sent);
    }
    expect(licenceAnsweredMs.filter((ms) => ms >= 6_000)).toEqual([]);
    for (const caseId of after) await openTaskId(db, caseId, 'SAMR');
    // Held inside the activity: opening an automatic step reads the outages in the same statement, so each
    // waits on the lock (counted by the lock, as pg_stat_activity keeps only 1 kB of a query's text).
    const midActivity = await waitFor('automatic steps opened and held', async () => {
      const { rows } = await db.query(
        `SELECT count(DISTINCT a.pid)::int AS n FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid AND NOT l.granted
          WHERE a.datname = current_database() AND a.application_name = 'onetrip-worker' AND l.relation = 'department_outages'::regclass`,
      );
      const n = (rows[0] as { n: number }).n;
      return n === before.length * 4 ? n : undefined;
    });

    temporal.process.kill('SIGKILL');
    await waitFor('Temporal gone', async () => temporal!.process.exitCode !== null || temporal!.process.signalCode !== null);
    // The held activities now finish, with nobody to report to.
    await held.query('COMMIT');
    await held.end();
    gate = undefined;
    const downSince = Date.now();
    const healthWhileDown = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(15_000) });
    const healthBody = (await healthWhileDown.json()) as ErrorBody;
    expect(healthWhileDown.status).toBe(503);
    expect(healthBody.error).toBe('WORKFLOW_UNAVAILABLE');
    // A clerk deciding meanwhile: the API must answer (503, or the decision once Temporal is back), not hang.
    const samrOfProbe = await openTaskId(db, after[0], 'SAMR');
    const probeSent = Date.now();
    const decisionWhileDown = http<ErrorBody>('POST', `/tasks/${samrOfProbe}/complete`, { token: samrClerk.token, body: {}, baseUrl }).then((answer) => ({
      status: answer.status,
      error: answer.body.error,
      seconds: Math.round((Date.now() - probeSent) / 100) / 10,
    }));
    // A deliberate outage length, not a wait for a condition.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, DOWN_MS - (Date.now() - downSince))));

    temporal = await startTemporalDevServer({ port, dbFile, log: fileLog('temporal-restart-again') });
    const restarted = Date.now();
    await waitFor('the API healthy again', async () => (await http('GET', '/health', { baseUrl })).status === 200, { timeoutMs: 60_000 });
    const apiBackMs = Date.now() - restarted;
    const probe = await decisionWhileDown;
    expect([200, 503]).toContain(probe.status);
    // The other half's licences go through the same API and worker processes as before the kill.
    for (const caseId of probe.status === 200 ? after.slice(1) : after) expect(await completeSamr(caseId)).toBe(200);
    await waitFor('every case completed', async () => ((await countCasesIn(db, caseIds, 'COMPLETED')) === CASES ? true : undefined), { timeoutMs: 90_000, intervalMs: 250 });
    const allDoneMs = Date.now() - restarted;
    expect(worker.process.exitCode).toBeNull();
    expect(api.app.process.exitCode).toBeNull();

    const client = await connectTemporal(temporal.address);
    try {
      const results = await Promise.all(caseIds.map((caseId) => client.workflow.getHandle(caseWorkflowId(caseId)).result()));
      expect(results.filter((result) => result.status === 'COMPLETED')).toHaveLength(CASES);
    } finally {
      await client.connection.close();
    }
    const duplicates = await expectNoDuplicateWrites(db, caseIds);

    recordCheck({
      id: 'faults.temporal-sigkill',
      section: 'Faults',
      check: 'Temporal server killed with SIGKILL, restarted on the same database file',
      how: `Own Temporal (SQLite file), worker and API; ${CASES} cases, half with automatic steps mid-activity and half waiting for SAMR; down ${DOWN_MS / 1000} s; the same processes carry on`,
      figures: {
        'cases in flight': CASES,
        'steps mid-activity at the kill': midActivity,
        'licence decisions answered while their AUTO steps were held, slowest (ms)': Math.max(...licenceAnsweredMs),
        'health while down': `${healthWhileDown.status} ${healthBody.error}`,
        'clerk decision while down': `${probe.status}${probe.error ? ` ${probe.error}` : ''} after ${probe.seconds} s`,
        'API healthy again after (s)': Math.round(apiBackMs / 100) / 10,
        'all cases finished after (s)': Math.round(allDoneMs / 100) / 10,
        'cases finished': await countCasesIn(db, caseIds, 'COMPLETED'),
        'app restarts needed': Number(worker.process.exitCode !== null) + Number(api.app.process.exitCode !== null),
        ...duplicateFigures(duplicates),
      },
    });
  }, 240_000);
});
