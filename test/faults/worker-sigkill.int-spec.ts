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
    await gate.query('BEGIN');
    await gate.query('LOCK TABLE department_outages IN ACCESS EXCLUSIVE MODE');
    const caseIds: string[] = [];
    for (let i = 0; i < CASES; i++) caseIds.push((await startCaseDirectly(db, temporal, sampleForm(), allAuto, taskQueue)).caseId);
    await waitFor('automatic steps held inside their activity', async () => ((await blockedActivities(db)) >= 5 ? true : undefined));
    await gate.query('COMMIT');
    await gate.end();

    // Kill as soon as some cases have moved past the licence while others still have a step mid-activity.
    const atKill = await waitFor(
      'some cases past SAMR, others mid-activity',
      async () => {
        const { rows } = await db.query(
          `SELECT count(*) FILTER (WHERE department <> 'SAMR')::int AS past_licence, count(DISTINCT case_id) FILTER (WHERE department <> 'SAMR')::int AS past_licence_cases,
                  count(*) FILTER (WHERE status = 'OPEN')::int AS open
             FROM tasks WHERE case_id = ANY($1)`,
          [caseIds],
        );
        const row = rows[0] as { past_licence: number; past_licence_cases: number; open: number };
        return row.past_licence > 0 && row.open > 0 ? row : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 20 },
    );
    first.process.kill('SIGKILL');
    expect(await first.exited).toBeNull();

    // Counted after the kill: an automatic task still OPEN was opened by an activity that never got to decide.
    const cutOff = Number((await db.query(`SELECT count(*)::int AS n FROM tasks WHERE case_id = ANY($1) AND status = 'OPEN'`, [caseIds])).rows[0].n);
    const finishedBeforeKill = await countCasesIn(db, caseIds, 'COMPLETED');
    expect(atKill.past_licence).toBeGreaterThan(0);
    expect(cutOff).toBeGreaterThan(0);
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
      how: `${CASES} all-AUTO cases started together; the worker is SIGKILLed once some are past SAMR while others have a step open inside its activity; a new worker takes over`,
      figures: {
        'cases in flight': CASES,
        'cases past SAMR at the kill': atKill.past_licence_cases,
        'cases finished before the kill': finishedBeforeKill,
        'steps cut off mid-activity': cutOff,
        'cases finished': await countCasesIn(db, caseIds, 'COMPLETED'),
        ...duplicateFigures(duplicates),
      },
    });
  }, 150_000);
});

/** Worker queries waiting on a lock on department_outages, i.e. automatic steps paused mid-activity. */
async function blockedActivities(db: PgClient): Promise<number> {
  const { rows } = await db.query(
    // By the lock waited for, not the query text: pg_stat_activity keeps only its first 1 kB.
    `SELECT count(DISTINCT a.pid)::int AS n FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid AND NOT l.granted
      WHERE a.datname = current_database() AND a.application_name = 'onetrip-worker' AND l.relation = 'department_outages'::regclass`,
  );
  return (rows[0] as { n: number }).n;
}
