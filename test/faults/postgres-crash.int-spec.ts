import * as fs from 'node:fs';
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { caseWorkflowId } from '@onetrip/workflows/contracts';
import { waitFor } from '../../scripts/stack/wait-for';
import { connectTemporal } from '../support/case-fixtures';
import { http } from '../support/http';
import { recordCheck } from '../support/scorecard';
import { countCasesIn, duplicateFigures, expectNoDuplicateWrites } from './fault-fixtures';
import { startPrivateStack, type PrivateStack } from './private-postgres';

const CASES = 10;
const ACTIVITY_TIME_LIMIT_S = 30; // the case workflow's startToCloseTimeout
// Backends frozen: half the worker's pool (DATABASE_POOL_SIZE 10), so retries find free connections and
// run while the first attempts are frozen, which thaw later and carry on next to them.
const FROZEN = 5;

describe('PostgreSQL crashed (kill -9) and hung (SIGSTOP) under load', () => {
  let stack: PrivateStack | undefined;
  let temporal: Client | undefined;

  beforeAll(async () => {
    stack = await startPrivateStack('pg-crash');
    temporal = await connectTemporal();
  }, 120_000);
  afterAll(async () => {
    await temporal?.connection.close();
    await stack?.stop();
  });

  async function caseCountOfApplicant(): Promise<number> {
    const db = await stack!.connect();
    return Number((await db.query(`SELECT count(*)::int AS n FROM cases WHERE applicant_id = $1`, [stack!.applicant.id])).rows[0].n);
  }

  it('kill -9 of the postmaster mid-activities: started again on the same data, every case completes, nothing twice', async () => {
    const s = stack!;
    const before = await caseCountOfApplicant();
    let caseIds: string[] = [];
    await s.holdAutomaticSteps(5, async () => {
      caseIds = await s.fileCases(CASES);
    });
    const db = await s.connect();
    const finishedBeforeCrash = await countCasesIn(db, caseIds, 'COMPLETED');

    // Not a shutdown: no checkpoint, open transactions cut off; the held lock dies with its server.
    await s.postgres.crash();
    const crashed = Date.now();
    const healthWhileDown = (await http('GET', '/health', { baseUrl: s.api.url })).status;
    await s.restartPostgres('pg-crash-recovered');
    const restartedAfterMs = Date.now() - crashed;
    await waitFor('the API healthy again', async () => (await http('GET', '/health', { baseUrl: s.api.url })).status === 200, { timeoutMs: 30_000 });
    const db2 = await s.connect();
    await waitFor('every case completed', async () => ((await countCasesIn(db2, caseIds, 'COMPLETED')) === CASES ? true : undefined), { timeoutMs: 90_000, intervalMs: 500 });
    const allDoneMs = Date.now() - crashed;

    expect(healthWhileDown).toBe(503);
    expect(s.appsExited()).toBe(0);
    expect(await caseCountOfApplicant()).toBe(before + CASES);
    const duplicates = await expectNoDuplicateWrites(db2, caseIds);

    recordCheck({
      id: 'faults.postgres-crash',
      section: 'Faults',
      check: 'PostgreSQL crashed (kill -9 of the postmaster) under load, then started on the same data folder',
      how: `Own PostgreSQL, worker and API; ${CASES} all-AUTO cases with steps held inside their activities when the postmaster is SIGKILLed; crash recovery on restart`,
      figures: {
        'cases in flight': CASES - finishedBeforeCrash,
        'health while down': healthWhileDown,
        'PostgreSQL accepting again after (s)': Math.round(restartedAfterMs / 100) / 10,
        'all cases finished after (s)': Math.round(allDoneMs / 100) / 10,
        'cases finished': await countCasesIn(db2, caseIds, 'COMPLETED'),
        'app restarts needed': s.appsExited(),
        ...duplicateFigures(duplicates),
      },
    });
  }, 180_000);

  it('SIGSTOP of the worker’s busy connections past the activity time limit, then SIGCONT: every case completes, nothing twice', async () => {
    const s = stack!;
    const before = await caseCountOfApplicant();
    let caseIds: string[] = [];
    const held = await s.holdAutomaticSteps(FROZEN, async () => {
      caseIds = await s.fileCases(CASES);
    });
    const db = await s.connect();
    const finishedBeforeHang = await countCasesIn(db, caseIds, 'COMPLETED');
    // Only connections waiting on the held lock: a backend frozen at any other moment may hold one of
    // PostgreSQL's internal locks (the WAL, a buffer) and stall every other session with it.
    const { rows } = await db.query(`SELECT pid FROM pg_stat_activity WHERE application_name = 'onetrip-worker' AND wait_event_type = 'Lock' ORDER BY pid LIMIT $1`, [FROZEN]);
    const hung = (rows as { pid: number }[]).map((row) => row.pid);
    expect(hung).toHaveLength(FROZEN);
    const thaw = (): void => {
      for (const pid of hung) {
        try {
          process.kill(pid, 'SIGCONT');
        } catch {
          // already gone
        }
      }
    };
    for (const pid of hung) process.kill(pid, 'SIGSTOP');
    const stopped = Date.now();
    // Never leave a frozen process behind, even if this test is cut off by its time limit.
    const safety = setTimeout(thaw, 120_000);
    try {
      // The held statements get their lock while frozen: each of those activities hangs on a connection that
      // neither answers nor fails. Temporal times the attempts out and retries them on the free connections,
      // so the cases finish while the first attempts are still frozen; thawed, those carry on writing after.
      await held.release();
      await waitFor('every case completed while the first attempts are frozen', async () => ((await countCasesIn(db, caseIds, 'COMPLETED')) === CASES ? true : undefined), {
        timeoutMs: (ACTIVITY_TIME_LIMIT_S + 60) * 1000,
        intervalMs: 500,
      });
      const allDoneMs = Date.now() - stopped;
      // Each thawed attempt runs to its end and reports it; the SDK, which has moved on, logs that: the server's "not
      // found" for a regular activity, its own "untracked" for a local one (AUTO steps run locally first). Only once
      // all of them have is the count of writes final.
      const lateCompletions = (): number =>
        (fs.readFileSync(s.workerLogFile, 'utf8').match(/Activity not found on completion|Tried to complete untracked local activity/g) ?? []).length;
      const lateBefore = lateCompletions();
      thaw();
      await waitFor('the thawed attempts finished', async () => (lateCompletions() >= lateBefore + FROZEN ? true : undefined), { timeoutMs: 60_000 });
      // Attempts that timed out and ran again, from the cases' histories: a regular activity's by its started event, a
      // local one's (AUTO steps run locally first) by its marker, whose data (core's own JSON) names the attempt.
      let retried = 0;
      const localAttempt = (event: temporal.api.history.v1.IHistoryEvent): number => {
        const marker = event.markerRecordedEventAttributes;
        if (marker?.markerName !== 'core_local_activity') return 1;
        try {
          return Number((JSON.parse(Buffer.from(marker.details?.data?.payloads?.[0]?.data ?? []).toString('utf8')) as { attempt?: number }).attempt ?? 1);
        } catch {
          return 1;
        }
      };
      for (const id of caseIds) {
        const { events } = await temporal!.workflow.getHandle(caseWorkflowId(id)).fetchHistory();
        retried += (events ?? []).filter((event) => (event.activityTaskStartedEventAttributes?.attempt ?? 1) >= 2 || localAttempt(event) >= 2).length;
      }

      expect(retried).toBeGreaterThanOrEqual(FROZEN);
      expect(s.appsExited()).toBe(0);
      expect(await caseCountOfApplicant()).toBe(before + CASES);
      const duplicates = await expectNoDuplicateWrites(db, caseIds);

      recordCheck({
        id: 'faults.postgres-hung-connections',
        section: 'Faults',
        check: 'The worker’s PostgreSQL connections hung (SIGSTOP of their backends) past the activity time limit, then resumed (SIGCONT)',
        how: `Own PostgreSQL, worker and API; ${CASES} all-AUTO cases with steps held inside their activities; ${FROZEN} of the worker's connections frozen mid-activity until every case has finished through retries, then thawed`,
        figures: {
          'cases in flight': CASES - finishedBeforeHang,
          'backends frozen': hung.length,
          'activity attempts timed out and retried': retried,
          'frozen attempts that ran on after thawing': lateCompletions() - lateBefore,
          'all cases finished while frozen, after (s)': Math.round(allDoneMs / 100) / 10,
          'cases finished': await countCasesIn(db, caseIds, 'COMPLETED'),
          'app restarts needed': s.appsExited(),
          ...duplicateFigures(duplicates),
        },
      });
    } finally {
      clearTimeout(safety);
      thaw();
    }
  }, 180_000);
});
