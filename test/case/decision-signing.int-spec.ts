import type { Client as PgClient } from 'pg';
import type { Client } from '@temporalio/client';
import { DecisionSigner } from '@onetrip/infrastructure/crypto/decision-signature';
import { caseWorkflowId, decideTaskUpdate, type TaskDecision } from '@onetrip/workflows/contracts';
import { signIn } from '../api/api-fixtures';
import { caseRow, sampleForm, startCaseDirectly, tasksOf, testPolicy, useRealServers, waitForOpenTasks } from '../support/case-fixtures';
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

  it('the codec endpoint refuses plaintext payloads', async () => {
    const admin = await signIn('admin');
    const plaintext = { metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('{"actorId":"x"}').toString('base64') };
    const result = await http<{ error: string; fields?: { path: string }[] }>('POST', '/temporal-codec/decode', {
      token: admin.token,
      body: { payloads: [plaintext] },
      headers: { 'x-namespace': 'default' },
    });
    expect(result.status).toBe(400);
    expect(result.body.error).toBe('PAYLOAD_NOT_ENCRYPTED');
    expect(result.body.fields?.map((field) => field.path)).toEqual(['payloads[0]']);
  });
});
