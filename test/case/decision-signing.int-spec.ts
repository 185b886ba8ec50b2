import { randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import type { Client } from '@temporalio/client';
import { DecisionSigner } from '@onetrip/infrastructure/crypto/decision-signature';
import { cancelCaseUpdate, caseWorkflowId, decideTaskUpdate, reopenStepUpdate, submitCorrectionUpdate, type TaskDecision } from '@onetrip/workflows/contracts';
import { signIn } from '../api/api-fixtures';
import { waitFor } from '../../scripts/stack/wait-for';
import {
  caseRow,
  commandSignature,
  sampleForm,
  signedDecision,
  startCaseDirectly,
  tasksOf,
  testPolicy,
  useRealServers,
  waitForCaseStatus,
  waitForOpenTasks,
} from '../support/case-fixtures';
import { http } from '../support/http';

// Red team: with Temporal reachable, an Update naming an applicant as actorId completed SAMR's step with
// an injected licence number. Every decision must prove it came through the API.
describe('decisions sent straight to Temporal, not through the API', () => {
  const servers = useRealServers();
  let db: PgClient;
  let temporal: Client;
  beforeAll(() => {
    ({ db, temporal } = servers);
  });

  /** What a decision may have changed: the task, the case's licence and registered name, the audit log. */
  async function written(caseId: string) {
    const [tasks, row, names] = await Promise.all([
      tasksOf(db, caseId),
      caseRow(db, caseId),
      db.query(`SELECT name FROM registered_names WHERE case_id = $1`, [caseId]),
    ]);
    return { tasks: tasks.map(({ id, status, outputs }) => ({ id, status, outputs })), uscc: row.uscc, status: row.status, names: names.rows };
  }

  async function refusalOf(promise: Promise<unknown>): Promise<string> {
    const outcome = await promise.then(
      () => 'accepted',
      (error: { cause?: { type?: string } }) => error.cause?.type ?? String(error),
    );
    return outcome;
  }

  it('refuses an unsigned decision and one signed with another key; nothing is written; the API path still works', async () => {
    const { caseId, applicantId } = await startCaseDirectly(db, temporal, sampleForm(), testPolicy());
    const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
    const [samr] = await waitForOpenTasks(db, caseId, ['SAMR']);
    const before = await written(caseId);

    const forged: TaskDecision = { taskId: samr.id, actorId: applicantId, decision: 'COMPLETE', outputs: { licenseNumber: 'FORGED-0001' } };
    const unsigned = await refusalOf(handle.executeUpdate(decideTaskUpdate, { args: [forged] }));
    expect(unsigned).toBe('DECISION_NOT_SIGNED');
    expect(await written(caseId)).toEqual(before);

    // Well-formed, but made with a key the worker does not have: only the activity can tell.
    const signedAt = new Date().toISOString();
    const otherKey = DecisionSigner.parse(DecisionSigner.generateSetting());
    const signature = otherKey.sign({ caseId, ...forged, signedAt });
    const wrongKey = await refusalOf(handle.executeUpdate(decideTaskUpdate, { args: [{ ...forged, signedAt, signature }] }));
    expect(wrongKey).toBe('DECISION_SIGNATURE_INVALID');
    expect(await written(caseId)).toEqual(before);

    // A real signature on other outputs (a value swapped after signing) fails too.
    const clerk = await signIn('clerk-samr');
    const viaApi = await http<{ status: string; outputs: { licenseNumber: string } }>('POST', `/tasks/${samr.id}/complete`, { token: clerk.token, body: {} });
    expect(viaApi.status).toBe(200);
    expect(viaApi.body.status).toBe('DONE');
    expect(viaApi.body.outputs.licenseNumber).not.toBe('FORGED-0001');
    const after = await written(caseId);
    expect(after.tasks.find((task) => task.id === samr.id)?.status).toBe('DONE');
    expect(after.names).toHaveLength(1);
  });

  // Red team: cancel, reopen and correction Updates were not signed, so anyone reaching Temporal could end a case.
  it('refuses a cancellation, a correction and a reopening without the API’s signature; PostgreSQL is unchanged', async () => {
    const { caseId, applicantId } = await startCaseDirectly(db, temporal, sampleForm(), testPolicy());
    const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
    const otherKey = DecisionSigner.parse(DecisionSigner.generateSetting());
    /** Everything these commands could change: the case, its tasks, its corrections and notices. */
    const state = async () => {
      const row = await caseRow(db, caseId);
      const tasks = (await tasksOf(db, caseId)).map(({ id, status, round }) => ({ id, status, round }));
      const corrections = await db.query(`SELECT id, status FROM corrections WHERE case_id = $1 ORDER BY id`, [caseId]);
      const notices = await db.query(`SELECT kind FROM notifications WHERE case_id = $1 ORDER BY kind`, [caseId]);
      return { status: row.status, form: row.form, ended: row.ended_at ?? null, tasks, corrections: corrections.rows, notices: notices.rows };
    };

    // Cancellation: unsigned, then signed with a key the worker does not have.
    const [samr] = await waitForOpenTasks(db, caseId, ['SAMR']);
    // The first opening writes the task, then the SUBMITTED notice: the snapshot waits for both.
    await waitFor('the submitted notice', async () => (await state()).notices.length === 1);
    let before = await state();
    const cancel = { actorId: applicantId, reason: '不办了' };
    expect(await refusalOf(handle.executeUpdate(cancelCaseUpdate, { args: [cancel] }))).toBe('DECISION_NOT_SIGNED');
    const cancelForged = otherKey.commandSignature({ command: 'cancelCase', caseId, ...cancel });
    expect(await refusalOf(handle.executeUpdate(cancelCaseUpdate, { args: [{ ...cancel, ...cancelForged }] }))).toBe('DECISION_SIGNATURE_INVALID');
    // A real signature for another reason does not carry over.
    const cancelOther = commandSignature({ command: 'cancelCase', caseId, ...cancel, reason: 'something else' });
    expect(await refusalOf(handle.executeUpdate(cancelCaseUpdate, { args: [{ ...cancel, ...cancelOther }] }))).toBe('DECISION_SIGNATURE_INVALID');
    expect(await state()).toEqual(before);

    // Correction: the case waits for one, the applicant's changes are stored; the Update is not the API's.
    await handle.executeUpdate(decideTaskUpdate, { args: [signedDecision(caseId, { taskId: samr.id, actorId: applicantId, decision: 'RETURN', items: [{ field: 'tax.taxpayerType', reason: 'turnover needs GENERAL' }] })] });
    await waitForCaseStatus(db, caseId, 'AWAITING_CORRECTION');
    const correctionId = randomUUID();
    await db.query(`INSERT INTO corrections (id, case_id, round, changes, submitted_by_id, status) VALUES ($1, $2, 1, $3, $4, 'PENDING')`, [
      correctionId,
      caseId,
      JSON.stringify({ 'tax.taxpayerType': 'GENERAL' }),
      applicantId,
    ]);
    before = await state();
    const correction = { correctionId, round: 1, actorId: applicantId };
    expect(await refusalOf(handle.executeUpdate(submitCorrectionUpdate, { args: [correction] }))).toBe('DECISION_NOT_SIGNED');
    const correctionForged = otherKey.commandSignature({ command: 'submitCorrection', caseId, ...correction });
    expect(await refusalOf(handle.executeUpdate(submitCorrectionUpdate, { args: [{ ...correction, ...correctionForged }] }))).toBe('DECISION_SIGNATURE_INVALID');
    expect(await state()).toEqual(before);
    // The same correction signed with the run's key (as the API does) goes through: the refusals were the signature's.
    const applied = await handle.executeUpdate(submitCorrectionUpdate, { args: [{ ...correction, ...commandSignature({ command: 'submitCorrection', caseId, ...correction }) }] });
    expect(applied.reopened).toEqual(['SAMR']);

    // Reopening a finished step, as an admin would.
    const [samrAgain] = await waitForOpenTasks(db, caseId, ['SAMR']);
    await handle.executeUpdate(decideTaskUpdate, { args: [signedDecision(caseId, { taskId: samrAgain.id, actorId: applicantId, decision: 'COMPLETE' })] });
    await waitForOpenTasks(db, caseId, ['PSB', 'TAX', 'HRSS', 'BANK']);
    before = await state();
    const reopening = { department: 'SAMR' as const, actorId: randomUUID(), reason: 'licence misprinted' };
    expect(await refusalOf(handle.executeUpdate(reopenStepUpdate, { args: [reopening] }))).toBe('DECISION_NOT_SIGNED');
    const reopenForged = otherKey.commandSignature({ command: 'reopenStep', caseId, ...reopening });
    expect(await refusalOf(handle.executeUpdate(reopenStepUpdate, { args: [{ ...reopening, ...reopenForged }] }))).toBe('DECISION_SIGNATURE_INVALID');
    expect(await state()).toEqual(before);

    // And a cancellation the API signed ends the case.
    const ended = await handle.executeUpdate(cancelCaseUpdate, { args: [{ ...cancel, ...commandSignature({ command: 'cancelCase', caseId, ...cancel }) }] });
    expect(ended.status).toBe('CANCELLED');
    expect((await caseRow(db, caseId)).status).toBe('CANCELLED');
  });

  it('the codec endpoint refuses plaintext payloads', async () => {
    const admin = await signIn('admin');
    const plaintext = { metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('{"actorId":"x"}').toString('base64') };
    const result = await http<{ error: string; code: string; fields?: { path: string }[] }>('POST', '/temporal-codec/decode', {
      token: admin.token,
      body: { payloads: [plaintext] },
      headers: { 'x-namespace': 'default' },
    });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('PAYLOAD_NOT_ENCRYPTED');
    expect(result.body.fields?.map((field) => field.path)).toEqual(['payloads[0]']);
  });
});
