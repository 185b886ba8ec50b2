import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { Client, Connection } from '@temporalio/client';
import { ALWAYS_OPEN_CALENDAR, DEFAULT_FORBIDDEN_WORDS, DEPARTMENTS, feeLedgerForApplication, normaliseEnterpriseName, sampleApplicationForm, type ApplicationForm, type Department } from '@onetrip/domain';
import { CASE_WORKFLOW, caseWorkflowId, PROCESS_WORKFLOW, type ProcessWorkflowInput, type CaseCancellation, type CasePolicy, type CorrectionSubmission, type DepartmentMode, type StepReopening, type TaskDecision } from '@onetrip/workflows/contracts';
import { DecisionSigner, type CommandSignature } from '@onetrip/infrastructure/crypto/decision-signature';
import { EncryptionCodec, temporalDataConverter } from '@onetrip/infrastructure/temporal/encryption-codec';
import { KeyRing } from '@onetrip/infrastructure/crypto/key-ring';
import { personalDataCipher, type PersonalDataCipher } from '@onetrip/infrastructure/crypto/personal-data-cipher';
import { ENTERPRISE_OPENING_V1 } from '@onetrip/domain/processes/shipped-definitions';
import { testStack } from './test-stack';
import { waitFor } from '../../scripts/stack/wait-for';

const TRADE_CHARS = '湘峒河阿妹青山沅水乾州金龙凤凰德夯云岭松竹梅兰';

/** A well-formed enterprise name that no other test uses. */
export function uniqueEnterpriseName(): string {
  let n = Date.now() * 1000 + Math.floor(Math.random() * 1000);
  let trade = '';
  for (let i = 0; i < 5; i++) {
    trade += TRADE_CHARS[n % TRADE_CHARS.length];
    n = Math.floor(n / TRADE_CHARS.length);
  }
  return `吉首市${trade}科技有限公司`;
}

export function sampleForm(overrides: (form: ApplicationForm) => void = () => undefined): ApplicationForm {
  const form = sampleApplicationForm();
  form.company.name = uniqueEnterpriseName();
  overrides(form);
  return form;
}

export function testPolicy(options: { modes?: Partial<Record<Department, DepartmentMode>>; limitMinutes?: number; reminderLeadMinutes?: number } = {}): CasePolicy {
  return {
    modes: Object.fromEntries(DEPARTMENTS.map((department) => [department, options.modes?.[department] ?? 'MANUAL'])) as Record<Department, DepartmentMode>,
    timeLimitMinutes: Object.fromEntries(DEPARTMENTS.map((department) => [department, options.limitMinutes ?? 240])) as Record<Department, number>,
    reminderLeadMinutes: options.reminderLeadMinutes ?? 60,
    calendar: ALWAYS_OPEN_CALENDAR,
    rules: { jurisdiction: { divisionCode: '433101', name: '吉首市' }, forbiddenWords: [...DEFAULT_FORBIDDEN_WORDS] },
    // As the stack's API makes them: every decision must carry the API's signature.
    signedDecisions: true,
  };
}

/** A decision signed with the run's key, as the API signs it (tests that drive the workflow directly stand in for the API). */
export function signedDecision(caseId: string, decision: TaskDecision): TaskDecision {
  const signedAt = new Date().toISOString();
  return { ...decision, signedAt, signature: DecisionSigner.parse(testStack().decisionSigningKey).sign({ ...decision, caseId, signedAt }) };
}

/** A cancellation's, reopening's or correction's signing time and signature with the run's key, as the API adds them. */
export function commandSignature(claims: Parameters<DecisionSigner['commandSignature']>[0]): CommandSignature {
  return DecisionSigner.parse(testStack().decisionSigningKey).commandSignature(claims);
}

/** A cancellation signed with the run's key, as the API sends it. */
export function signedCancellation(caseId: string, cancellation: CaseCancellation): CaseCancellation {
  return { ...cancellation, ...commandSignature({ command: 'cancelCase', caseId, actorId: cancellation.actorId, reason: cancellation.reason }) };
}

/** A correction signed with the run's key, as the API sends it. */
export function signedCorrection(caseId: string, submission: CorrectionSubmission): CorrectionSubmission {
  const { correctionId, round, actorId } = submission;
  return { ...submission, ...commandSignature({ command: 'submitCorrection', caseId, correctionId, round, actorId }) };
}

/** A reopening signed with the run's key, as the API sends it. */
export function signedReopening(caseId: string, reopening: StepReopening): StepReopening {
  const { department, actorId, reason } = reopening;
  return { ...reopening, ...commandSignature({ command: 'reopenStep', caseId, department, actorId, reason }) };
}

export async function connectDatabase(): Promise<PgClient> {
  const db = new PgClient({ connectionString: testStack().databaseUrl });
  await db.connect();
  return db;
}

/** A client with the run's payload codec, on the shared Temporal or a private one at `address`. */
export async function connectTemporal(address = testStack().temporalAddress): Promise<Client> {
  const stack = testStack();
  const connection = await Connection.connect({ address });
  return new Client({ connection, dataConverter: temporalDataConverter({ TEMPORAL_PAYLOAD_KEYS: stack.payloadKeys, TEMPORAL_PAYLOAD_KEY_ID: stack.payloadKeyId }) });
}

/**
 * A database connection and a Temporal client for the tests of one file, opened before them and
 * closed after (call it at the top of a describe block; read the fields inside the tests).
 */
export function useRealServers(): { db: PgClient; temporal: Client } {
  const servers = {} as { db: PgClient; temporal: Client };
  beforeAll(async () => {
    servers.db = await connectDatabase();
    servers.temporal = await connectTemporal();
  });
  afterAll(async () => {
    await servers.db.end();
    await servers.temporal.connection.close();
  });
  return servers;
}

export async function insertUser(db: PgClient, role = 'APPLICANT', department: Department | null = null): Promise<string> {
  const id = randomUUID();
  await db.query(`INSERT INTO users (id, username, password_hash, name, role, department) VALUES ($1, $2, 'x', 'Test', $3, $4)`, [
    id,
    `u-${id}`,
    role,
    department,
  ]);
  return id;
}

/** The run's cipher for ID numbers and mobiles at rest, as the API and the worker have it. */
/** The payload codec with the run's key: what every process of the run encrypts Temporal payloads with. */
export function testPayloadCodec(): EncryptionCodec {
  const stack = testStack();
  return new EncryptionCodec(KeyRing.parse(stack.payloadKeys, stack.payloadKeyId));
}

export function testCipher(): PersonalDataCipher {
  const stack = testStack();
  return personalDataCipher({ PERSONAL_DATA_KEYS: stack.personalDataKeys, PERSONAL_DATA_KEY_ID: stack.personalDataKeyId });
}

/** Writes a case row as the API does and starts its workflow directly (workflow-level tests). */
export async function startCaseDirectly(
  db: PgClient,
  temporal: Client,
  form: ApplicationForm,
  policy: CasePolicy,
  taskQueue = testStack().taskQueue,
  caseId: string = randomUUID(),
): Promise<{ caseId: string; applicantId: string }> {
  const applicantId = await insertUser(db);
  await db.query(
    `INSERT INTO cases (id, workflow_id, applicant_id, filed_by_id, process_key, process_version, status, form, enterprise_name, policy, fees, submitted_at, last_progress_at)
     VALUES ($1, $2, $3, $3, 'enterprise-opening', 1, 'SUBMITTED', $4, $5, $6, $7, now(), now())`,
    [caseId, caseWorkflowId(caseId), applicantId, JSON.stringify(testCipher().sealFields(form)), normaliseEnterpriseName(form.company.name), JSON.stringify(policy), JSON.stringify(feeLedgerForApplication(form))],
  );
  await temporal.workflow.start(CASE_WORKFLOW, { taskQueue, workflowId: caseWorkflowId(caseId), args: [{ caseId, policy }] });
  return { caseId, applicantId };
}

/**
 * Writes a case row as the API does and starts the generic processWorkflow on the enterprise opening v1
 * (the shipped definition, which the worker stores at start), its steps planned with the policy's modes and limits.
 */
export async function startProcessCaseDirectly(
  db: PgClient,
  temporal: Client,
  form: ApplicationForm,
  policy: CasePolicy,
  caseId: string = randomUUID(),
  taskQueue = testStack().taskQueue,
): Promise<{ caseId: string; applicantId: string }> {
  const applicantId = await insertUser(db);
  await db.query(
    `INSERT INTO cases (id, workflow_id, applicant_id, filed_by_id, status, form, enterprise_name, policy, fees, submitted_at, last_progress_at, process_key, process_version)
     VALUES ($1, $2, $3, $3, 'SUBMITTED', $4, $5, $6, $7, now(), now(), $8, $9)`,
    [caseId, caseWorkflowId(caseId), applicantId, JSON.stringify(testCipher().sealFields(form)), normaliseEnterpriseName(form.company.name), JSON.stringify(policy), JSON.stringify(feeLedgerForApplication(form)), ENTERPRISE_OPENING_V1.key, ENTERPRISE_OPENING_V1.version],
  );
  const input: ProcessWorkflowInput = {
    caseId,
    process: { key: ENTERPRISE_OPENING_V1.key, version: ENTERPRISE_OPENING_V1.version },
    steps: ENTERPRISE_OPENING_V1.steps.map((step) => ({
      id: step.id,
      department: step.department,
      kind: step.kind,
      dependsOn: step.dependsOn,
      mode: policy.modes[step.department as Department] ?? step.mode,
      timeLimitMinutes: policy.timeLimitMinutes[step.department as Department] ?? step.timeLimitMinutes,
      reminderLeadMinutes: policy.reminderLeadMinutes,
      reads: step.reads,
    })),
    skipped: [],
    policy,
  };
  await temporal.workflow.start(PROCESS_WORKFLOW, { taskQueue, workflowId: caseWorkflowId(caseId), args: [input] });
  return { caseId, applicantId };
}

export interface TaskRow {
  id: string;
  department: Department;
  round: number;
  status: string;
  outputs: Record<string, unknown> | null;
  overdue_at: Date | null;
  escalated_at: Date | null;
  reminded_at: Date | null;
}

export async function tasksOf(db: PgClient, caseId: string): Promise<TaskRow[]> {
  const result = await db.query(`SELECT id, department, round, status, outputs, overdue_at, escalated_at, reminded_at FROM tasks WHERE case_id = $1 ORDER BY opened_at, department`, [caseId]);
  return result.rows as TaskRow[];
}

export async function caseRow(db: PgClient, caseId: string): Promise<Record<string, unknown>> {
  const result = await db.query(`SELECT * FROM cases WHERE id = $1`, [caseId]);
  return result.rows[0] as Record<string, unknown>;
}

/** Waits until the open tasks of a case are exactly `departments` (in any order). */
export async function waitForOpenTasks(db: PgClient, caseId: string, departments: Department[], timeoutMs = 20_000): Promise<TaskRow[]> {
  return waitFor(
    `open tasks ${departments.join(',')} on ${caseId}`,
    async () => {
      const open = (await tasksOf(db, caseId)).filter((task) => task.status === 'OPEN' || task.status === 'CLAIMED');
      const names = open.map((task) => task.department).sort();
      return names.join(',') === [...departments].sort().join(',') ? open : undefined;
    },
    { timeoutMs },
  );
}

export async function waitForCaseStatus(db: PgClient, caseId: string, status: string, timeoutMs = 20_000): Promise<Record<string, unknown>> {
  return waitFor(`case ${caseId} ${status}`, async () => {
    const row = await caseRow(db, caseId);
    return row.status === status ? row : undefined;
  }, { timeoutMs });
}
