import type { Client as PgClient } from 'pg';
import type { Client } from '@temporalio/client';
import { isValidUscc } from '@onetrip/domain';
import { caseWorkflowId, decideTaskUpdate } from '@onetrip/workflows/contracts';
import { caseRow, connectDatabase, connectTemporal, sampleForm, startCaseDirectly, tasksOf, testPolicy, waitForCaseStatus, waitForOpenTasks } from '../support/case-fixtures';

describe('case workflow on the real servers (started directly)', () => {
  let db: PgClient;
  let temporal: Client;

  beforeAll(async () => {
    db = await connectDatabase();
    temporal = await connectTemporal();
  });
  afterAll(async () => {
    await db.end();
    await temporal.connection.close();
  });

  it('runs SAMR first, then the four others in parallel, to one outcome', async () => {
    const { caseId } = await startCaseDirectly(db, temporal, sampleForm(), testPolicy());
    const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
    const [samr] = await waitForOpenTasks(db, caseId, ['SAMR']);
    const actorId = (await caseRow(db, caseId)).applicant_id as string;
    const licence = await handle.executeUpdate(decideTaskUpdate, { args: [{ taskId: samr.id, actorId, decision: 'COMPLETE' }] });
    expect(licence.status).toBe('DONE');
    expect(isValidUscc(String(licence.outputs?.uscc))).toBe(true);

    const four = await waitForOpenTasks(db, caseId, ['PSB', 'TAX', 'HRSS', 'BANK']);
    for (const task of four) {
      const outputs: Record<string, string> = task.department === 'BANK' ? { accountNumber: '6222020200112233445' } : {};
      await handle.executeUpdate(decideTaskUpdate, { args: [{ taskId: task.id, actorId, decision: 'COMPLETE', outputs }] });
    }
    const done = await waitForCaseStatus(db, caseId, 'COMPLETED');
    const outcome = done.outcome as { uscc: string; seals: unknown[]; bankAccount: { accountNumber: string } };
    expect(outcome.uscc).toBe(licence.outputs?.uscc);
    expect(outcome.seals).toHaveLength(4);
    expect(outcome.bankAccount.accountNumber).toBe('6222020200112233445');
    expect(await handle.result()).toEqual({ status: 'COMPLETED' });
    expect((await tasksOf(db, caseId)).every((task) => task.status === 'DONE')).toBe(true);
  });

  it('completes on its own with every department AUTO', async () => {
    const { caseId } = await startCaseDirectly(db, temporal, sampleForm(), testPolicy({ modes: { SAMR: 'AUTO', PSB: 'AUTO', TAX: 'AUTO', HRSS: 'AUTO', BANK: 'AUTO' } }));
    const done = await waitForCaseStatus(db, caseId, 'COMPLETED');
    expect(isValidUscc(String((done.outcome as { uscc: string }).uscc))).toBe(true);
  });
});
