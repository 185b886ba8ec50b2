import { randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import type { Client } from '@temporalio/client';
import { caseWorkflowId, decideTaskUpdate } from '@onetrip/workflows/contracts';
import { sampleForm, useRealServers, startCaseDirectly, tasksOf, testPolicy, waitForCaseStatus, waitForOpenTasks, signedDecision } from '../support/case-fixtures';
import { startWorker } from '../support/test-stack';

describe('a worker killed mid-case', () => {
  const servers = useRealServers();
  let db: PgClient;
  let temporal: Client;
  beforeAll(() => {
    ({ db, temporal } = servers);
  });

  it('is replaced by another; the case completes and nothing is written twice', async () => {
    // A task queue of this test's own, so only the workers started here run the case.
    const taskQueue = `restart-${randomUUID()}`;
    const first = await startWorker({ TEMPORAL_TASK_QUEUE: taskQueue }, 'worker-restart-first');
    const form = sampleForm();
    const { caseId, applicantId } = await startCaseDirectly(db, temporal, form, testPolicy(), taskQueue);
    const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
    const [samr] = await waitForOpenTasks(db, caseId, ['SAMR'], 60_000);
    await handle.executeUpdate(decideTaskUpdate, { args: [signedDecision(caseId, { taskId: samr.id, actorId: applicantId, decision: 'COMPLETE' })] });
    const four = await waitForOpenTasks(db, caseId, ['PSB', 'TAX', 'HRSS', 'BANK']);
    await handle.executeUpdate(decideTaskUpdate, { args: [signedDecision(caseId, { taskId: four[0].id, actorId: applicantId, decision: 'COMPLETE' })] });

    first.process.kill('SIGKILL');
    expect(await first.exited).toBeNull();

    const second = await startWorker({ TEMPORAL_TASK_QUEUE: taskQueue }, 'worker-restart-second');
    try {
      // The second worker rebuilds the case from its history and takes the remaining decisions.
      for (const task of four.slice(1)) {
        await handle.executeUpdate(decideTaskUpdate, { args: [signedDecision(caseId, { taskId: task.id, actorId: applicantId, decision: 'COMPLETE' })] });
      }
      await waitForCaseStatus(db, caseId, 'COMPLETED');
      expect(await handle.result()).toEqual({ status: 'COMPLETED' });
    } finally {
      await second.stop();
    }

    const tasks = await tasksOf(db, caseId);
    expect(tasks.map((task) => `${task.department}:${task.round}:${task.status}`).sort()).toEqual(['BANK:1:DONE', 'HRSS:1:DONE', 'PSB:1:DONE', 'SAMR:1:DONE', 'TAX:1:DONE']);
    const notifications = await db.query(`SELECT kind, count(*)::int AS n FROM notifications WHERE case_id = $1 GROUP BY kind ORDER BY kind`, [caseId]);
    expect(notifications.rows).toEqual([
      { kind: 'COMPLETED', n: 1 },
      { kind: 'SUBMITTED', n: 1 },
    ]);
    const names = await db.query(`SELECT count(*)::int AS n FROM registered_names WHERE case_id = $1`, [caseId]);
    expect(names.rows[0].n).toBe(1);
  }, 120_000);
});
