import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import type { Client } from '@temporalio/client';
import { DEPARTMENTS } from '@onetrip/domain';
import { caseWorkflowId } from '@onetrip/workflows/contracts';
import { waitFor } from '../../scripts/stack/wait-for';
import { connectDatabase, sampleForm, startCaseDirectly, testPolicy, useRealServers } from '../support/case-fixtures';
import { recordCheck } from '../support/scorecard';
import { startWorker } from '../support/test-stack';
import { countCasesIn, duplicateFigures, expectNoDuplicateWrites } from './fault-fixtures';

const CASES = 20;
/** Cases whose steps are held mid-activity at the kill (fewer than the worker's pool of 10 connections, so the rest run on). */
const HELD_CASES = 3;
const allAuto = testPolicy({ modes: Object.fromEntries(DEPARTMENTS.map((department) => [department, 'AUTO'])) });

describe('the worker killed with SIGKILL while activities run', () => {
  const servers = useRealServers();
  let db: PgClient;
  let temporal: Client;
  beforeAll(() => {
    ({ db, temporal } = servers);
  });

  it('is restarted; every case in flight finishes and nothing is written twice', async () => {
    // A task queue of this test's own, so only the workers started here run these cases.
    const taskQueue = `faults-sigkill-${randomUUID()}`;
    const first = await startWorker({ TEMPORAL_TASK_QUEUE: taskQueue }, 'worker-sigkill-first');

    // Every automatic step reads department_outages: while this lock is held they all stop inside the
    // activity, so all 20 cases are started and under way before any of them can finish.
    const gate = await connectDatabase();
    gate.on('error', () => undefined);
    const gatePid = await backendPid(gate);
    await gate.query('BEGIN');
    await gate.query('LOCK TABLE department_outages IN ACCESS EXCLUSIVE MODE');
    const caseIds: string[] = [];
    for (let i = 0; i < CASES; i++) caseIds.push((await startCaseDirectly(db, temporal, sampleForm(), allAuto, taskQueue)).caseId);
    await waitFor('automatic steps held inside their activity', async () => ((await workerStatementsBlockedBy(db, gatePid)) >= 5 ? true : undefined));
    // Three cases are held by their rows: every statement a step runs updates its case's row, so their steps
    // wait inside the activity for as long as this lock stands. The others run on. The kill then finds a state
    // that holds still (steps mid-activity, others moving) instead of racing a worker that decides a step in ~1 ms.
    const heldCases = caseIds.slice(0, HELD_CASES);
    const rowGate = await connectDatabase();
    rowGate.on('error', () => undefined);
    const rowGatePid = await backendPid(rowGate);
    await rowGate.query('BEGIN');
    await rowGate.query('SELECT id FROM cases WHERE id = ANY($1) FOR UPDATE', [heldCases]);
    await gate.query('COMMIT');
    await gate.end();

    const atKill = await waitFor(
      'some cases past SAMR, the held ones mid-activity',
      async () => {
        const { rows } = await db.query(
          `SELECT count(DISTINCT case_id)::int AS past_licence_cases FROM tasks WHERE case_id = ANY($1) AND department = 'SAMR' AND status = 'DONE'`,
          [caseIds.slice(HELD_CASES)],
        );
        const pastLicence = (rows[0] as { past_licence_cases: number }).past_licence_cases;
        const held = await workerStatementsBlockedBy(db, rowGatePid);
        return pastLicence > 0 && held >= HELD_CASES ? { past_licence_cases: pastLicence, held } : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 20 },
    );
    const finishedBeforeKill = await countCasesIn(db, caseIds, 'COMPLETED');
    first.process.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    // The held statements belonged to the dead worker: they run out once the rows are free, and nobody reads them.
    await rowGate.query('COMMIT');
    await rowGate.end();
    const cutOff = atKill.held;
    expect(atKill.past_licence_cases).toBeGreaterThan(0);
    expect(cutOff).toBeGreaterThanOrEqual(HELD_CASES);
    expect(finishedBeforeKill).toBeLessThan(CASES);

    const second = await startWorker({ TEMPORAL_TASK_QUEUE: taskQueue }, 'worker-sigkill-second');
    try {
      await waitFor('every case completed', async () => ((await countCasesIn(db, caseIds, 'COMPLETED')) === CASES ? true : undefined), { timeoutMs: 90_000 });
      const results = await Promise.all(caseIds.map((caseId) => temporal.workflow.getHandle(caseWorkflowId(caseId)).result()));
      expect(results.filter((result) => result.status === 'COMPLETED')).toHaveLength(CASES);
    } finally {
      await second.stop();
    }

    const doneTasks = Number((await db.query(`SELECT count(*)::int AS n FROM tasks WHERE case_id = ANY($1) AND status = 'DONE'`, [caseIds])).rows[0].n);
    expect(doneTasks).toBe(CASES * DEPARTMENTS.length);
    const duplicates = await expectNoDuplicateWrites(db, caseIds);

    recordCheck({
      id: 'faults.worker-sigkill',
      section: 'Faults',
      check: 'Worker killed with SIGKILL mid-activities, then restarted',
      how: `${CASES} all-AUTO cases started together; three are held mid-step by a lock on their rows; the worker is SIGKILLed once others are past SAMR; a new worker takes over`,
      figures: {
        'cases in flight': CASES,
        'cases past SAMR at the kill': atKill.past_licence_cases,
        'cases held mid-step at the kill': HELD_CASES,
        'cases finished before the kill': finishedBeforeKill,
        'steps cut off mid-activity': cutOff,
        'cases finished': await countCasesIn(db, caseIds, 'COMPLETED'),
        ...duplicateFigures(duplicates),
      },
    });
  }, 150_000);
});

/** Worker statements waiting for a lock `holder` (a backend pid) holds: automatic steps paused mid-activity. */
async function workerStatementsBlockedBy(db: PgClient, holder: number): Promise<number> {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'onetrip-worker' AND $1 = ANY(pg_blocking_pids(pid))`,
    [holder],
  );
  return (rows[0] as { n: number }).n;
}

async function backendPid(client: PgClient): Promise<number> {
  return (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
}
