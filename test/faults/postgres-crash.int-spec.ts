import type { Client } from '@temporalio/client';
import { caseWorkflowId } from '@onetrip/workflows/contracts';
import { waitFor } from '../../scripts/stack/wait-for';
import { connectTemporal } from '../support/case-fixtures';
import { http } from '../support/http';
import { recordCheck } from '../support/scorecard';
import { countCasesIn, duplicateFigures, expectNoDuplicateWrites } from './fault-fixtures';
import { startPrivateStack, type PrivateStack } from './private-postgres';

const CASES = 10;
const ACTIVITY_TIME_LIMIT_S = 30; // the case workflow's startToCloseTimeout

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
    const held = await s.holdAutomaticSteps(5, async () => {
      caseIds = await s.fileCases(CASES);
    });
    const db = await s.connect();
    const finishedBeforeHang = await countCasesIn(db, caseIds, 'COMPLETED');
    // Only the connections waiting on the held lock: a backend frozen at any other moment may hold one of
    // PostgreSQL's internal locks (the WAL, a buffer) and stall every other session with it.
    const { rows } = await db.query(`SELECT pid FROM pg_stat_activity WHERE application_name = 'onetrip-worker' AND wait_event_type = 'Lock'`);
    const hung = (rows as { pid: number }[]).map((row) => row.pid);
    expect(hung.length).toBeGreaterThanOrEqual(5);
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
      // The held statements get their lock while frozen: each activity hangs on a connection that neither
      // answers nor fails. Frozen until Temporal has timed out attempts and scheduled their retries, so the
      // first attempts, thawed, carry on writing next to the retries.
      await held.release();
      const retried = await waitFor(
        'activity attempts timed out and retried',
        async () => {
          const descriptions = await Promise.all(caseIds.map((id) => temporal!.workflow.getHandle(caseWorkflowId(id)).describe()));
          const attempts = descriptions.flatMap((description) => description.raw.pendingActivities ?? []).filter((activity) => (activity.attempt ?? 1) >= 2);
          return attempts.length > 0 ? attempts.length : undefined;
        },
        { timeoutMs: (ACTIVITY_TIME_LIMIT_S + 30) * 1000, intervalMs: 1000 },
      );
      const hungMs = Date.now() - stopped;
      thaw();
      const resumed = Date.now();
      await waitFor('every case completed', async () => ((await countCasesIn(db, caseIds, 'COMPLETED')) === CASES ? true : undefined), { timeoutMs: 90_000, intervalMs: 500 });
      const allDoneMs = Date.now() - resumed;

      expect(s.appsExited()).toBe(0);
      expect(await caseCountOfApplicant()).toBe(before + CASES);
      const duplicates = await expectNoDuplicateWrites(db, caseIds);

      recordCheck({
        id: 'faults.postgres-hung-connections',
        section: 'Faults',
        check: 'The worker’s PostgreSQL connections hung (SIGSTOP of their backends) past the activity time limit, then resumed (SIGCONT)',
        how: `Own PostgreSQL, worker and API; ${CASES} all-AUTO cases with steps held inside their activities; every worker backend frozen until Temporal retries timed-out attempts, then thawed`,
        figures: {
          'cases in flight': CASES - finishedBeforeHang,
          'backends frozen': hung.length,
          'frozen for (s)': Math.round(hungMs / 100) / 10,
          'attempts timed out and retried': retried,
          'all cases finished after SIGCONT (s)': Math.round(allDoneMs / 100) / 10,
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
