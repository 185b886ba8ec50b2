import { randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import { WorkflowUpdateStage, type Client } from '@temporalio/client';
import { cancelCaseUpdate, caseStateQuery, caseWorkflowId, decideTaskUpdate, submitCorrectionUpdate } from '@onetrip/workflows/contracts';
import { waitFor } from '../../scripts/stack/wait-for';
import { fileCase, newApplicant, openTaskId, signIn, waitForView, type SignedIn } from '../api/api-fixtures';
import { connectDatabase, sampleForm, startCaseDirectly, testPolicy, useRealServers, waitForCaseStatus, waitForOpenTasks, signedCancellation, signedCorrection, signedDecision } from '../support/case-fixtures';
import { http } from '../support/http';
import { recordCheck } from '../support/scorecard';
import { duplicateFigures, expectNoDuplicateWrites } from './fault-fixtures';

const ROUNDS = 10;
const FIELD = 'company.address.detail';

type Outcome = 'cancel won' | 'correction first' | string;

describe('a correction racing a cancellation', () => {
  const servers = useRealServers();
  let db: PgClient;
  let temporal: Client;
  let samrClerk: SignedIn;
  beforeAll(async () => {
    ({ db, temporal } = servers);
    samrClerk = await signIn('clerk-samr');
  });

  /** One race on a fresh case awaiting correction; the outcome, or what was inconsistent about it. */
  async function race(round: number): Promise<{ caseId: string; outcome: Outcome }> {
    const applicant = await newApplicant();
    const filed = await fileCase(applicant.token);
    const samrTask = await openTaskId(db, filed.id, 'SAMR');
    const returned = await http('POST', `/tasks/${samrTask}/return`, { token: samrClerk.token, body: { items: [{ field: FIELD, reason: '门牌号不全' }] } });
    expect(returned.status).toBe(200);
    await waitForView(applicant.token, filed.id, 'awaiting correction', (view) => view.status === 'AWAITING_CORRECTION');
    const before = (await db.query(`SELECT form_version, form #>> '{company,address,detail}' AS detail FROM cases WHERE id = $1`, [filed.id])).rows[0] as { form_version: number; detail: string };
    const corrected = `${before.detail}${round}号`;

    // Both in flight together; the cancellation leaves 0-108 ms after the correction (which does more work
    // in the API before it reaches the workflow), so the races land on either side and in between.
    const cancelOffsetMs = round * 12;
    const [correction, cancellation] = await Promise.all([
      http('POST', `/applications/${filed.id}/corrections`, { token: applicant.token, body: { changes: { [FIELD]: corrected } } }),
      new Promise((resolve) => setTimeout(resolve, cancelOffsetMs)).then(() => http('POST', `/applications/${filed.id}/cancel`, { token: applicant.token, body: { reason: '不办了' } })),
    ]);

    await waitForCaseStatus(db, filed.id, 'CANCELLED');
    const handle = temporal.workflow.getHandle(caseWorkflowId(filed.id));
    const result = await handle.result();
    const state = await handle.query(caseStateQuery);
    const after = (await db.query(`SELECT form_version, form #>> '{company,address,detail}' AS detail, correction, ended_at FROM cases WHERE id = $1`, [filed.id])).rows[0] as {
      form_version: number;
      detail: string;
      correction: unknown;
      ended_at: Date | null;
    };
    const corrections = (await db.query(`SELECT status FROM corrections WHERE case_id = $1`, [filed.id])).rows.map((row: { status: string }) => row.status);
    const openTasks = (await db.query(`SELECT count(*)::int AS n FROM tasks WHERE case_id = $1 AND status IN ('OPEN', 'CLAIMED')`, [filed.id])).rows[0].n as number;

    const problems: string[] = [];
    if (cancellation.status !== 200) problems.push(`cancel answered ${cancellation.status}`);
    if (result.status !== 'CANCELLED' || state.status !== 'CANCELLED') problems.push(`workflow ended ${result.status}, its state says ${state.status}`);
    if (after.correction !== null || after.ended_at === null || openTasks > 0) problems.push('the read model is not fully ended');
    if (corrections.includes('PENDING')) problems.push('a correction left PENDING');
    let outcome: Outcome;
    if (correction.status === 200) {
      outcome = 'correction first';
      if (corrections.join() !== 'APPLIED' || after.detail !== corrected || after.form_version !== before.form_version + 1) problems.push('correction accepted but not applied once');
    } else {
      outcome = 'cancel won';
      if (correction.status !== 409) problems.push(`correction answered ${correction.status}`);
      if (corrections.some((status) => status !== 'REFUSED') || after.detail !== before.detail || after.form_version !== before.form_version) problems.push('correction refused but written');
    }
    return { caseId: filed.id, outcome: problems.length ? `inconsistent: ${problems.join('; ')}` : outcome };
  }

  it(`always ends consistently over ${ROUNDS} races: cancellation wins and the correction is refused, or it applies and then the case cancels`, async () => {
    const races = await Promise.all(Array.from({ length: ROUNDS }, (_, round) => race(round)));
    const inconsistent = races.filter((one) => one.outcome.startsWith('inconsistent'));
    expect(inconsistent).toEqual([]);
    const duplicates = await expectNoDuplicateWrites(db, races.map((one) => one.caseId));

    recordCheck({
      id: 'faults.correction-cancel-race',
      section: 'Faults',
      check: 'A correction racing a cancellation',
      how: `${ROUNDS} cases awaiting correction; the applicant POSTs the correction and, 0-108 ms later (varied per race), the cancellation; read model, corrections and the workflow's result and state compared`,
      figures: {
        'races run': races.length,
        'cancellation won (correction refused)': races.filter((one) => one.outcome === 'cancel won').length,
        'correction applied, then cancelled': races.filter((one) => one.outcome === 'correction first').length,
        inconsistencies: inconsistent.length,
        ...duplicateFigures(duplicates),
      },
    });
  });

  it('a cancellation accepted while the correction is being written ends the case after it, never under it', async () => {
    // The worst interleaving, made certain: the correction's activity is held (on a lock on corrections)
    // while the cancellation is accepted; the case must not end until the correction is written.
    const { caseId, applicantId } = await startCaseDirectly(db, temporal, sampleForm(), testPolicy());
    const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
    const [samr] = await waitForOpenTasks(db, caseId, ['SAMR']);
    await handle.executeUpdate(decideTaskUpdate, { args: [signedDecision(caseId, { taskId: samr.id, actorId: applicantId, decision: 'RETURN', items: [{ field: FIELD, reason: '门牌号不全' }] })] });
    await waitForCaseStatus(db, caseId, 'AWAITING_CORRECTION');
    const correctionId = randomUUID();
    await db.query(`INSERT INTO corrections (id, case_id, round, changes, submitted_by_id, status) VALUES ($1, $2, 1, $3, $4, 'PENDING')`, [
      correctionId,
      caseId,
      JSON.stringify({ [FIELD]: '人民路 1 号' }),
      applicantId,
    ]);

    const gate = await connectDatabase();
    let released = false;
    try {
      await gate.query('BEGIN');
      await gate.query('LOCK TABLE corrections IN ACCESS EXCLUSIVE MODE');
      const correcting = handle.executeUpdate(submitCorrectionUpdate, { args: [signedCorrection(caseId, { correctionId, round: 1, actorId: applicantId })] });
      await waitFor('the correction activity held on the lock', async () => {
        const { rows } = await db.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FROM corrections WHERE id%'`);
        return rows.length > 0;
      });
      const cancelling = await handle.startUpdate(cancelCaseUpdate, { args: [signedCancellation(caseId, { actorId: applicantId, reason: '不办了' })], waitForStage: WorkflowUpdateStage.ACCEPTED });
      // Whatever the workflow does on the cancellation by itself (e.g. end the case) is done before the correction goes on.
      await waitFor('the workflow idle but for the held correction', async () => {
        const { raw } = await handle.describe();
        return !raw.pendingWorkflowTask && (raw.pendingActivities ?? []).every((activity) => activity.activityType?.name === 'applyCorrection');
      });
      const endedUnderTheCorrection = (await db.query(`SELECT status FROM cases WHERE id = $1`, [caseId])).rows[0].status === 'CANCELLED';
      await gate.query('COMMIT');
      released = true;
      await correcting;
      await cancelling.result();
      expect(endedUnderTheCorrection).toBe(false);
    } finally {
      if (!released) await gate.query('ROLLBACK').catch(() => undefined);
      await gate.end();
    }

    expect(await handle.result()).toMatchObject({ status: 'CANCELLED' });
    expect((await handle.query(caseStateQuery)).status).toBe('CANCELLED');
    const row = (await db.query(`SELECT status, form #>> '{company,address,detail}' AS detail FROM cases WHERE id = $1`, [caseId])).rows[0] as { status: string; detail: string };
    expect(row).toEqual({ status: 'CANCELLED', detail: '人民路 1 号' });
    expect((await db.query(`SELECT status FROM corrections WHERE id = $1`, [correctionId])).rows[0].status).toBe('APPLIED');
  });
});
