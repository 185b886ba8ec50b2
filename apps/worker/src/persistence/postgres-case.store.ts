import { DataSource } from 'typeorm';
import { EnterpriseRegisterRepository, PersonalDataCipher, poolQuery, type CompletingCase, type SqlQuery } from '@onetrip/infrastructure';
import { foldEnterpriseName, valueAtPath, type Department } from '@onetrip/domain';
import type { StepCorrectionItem } from '@onetrip/domain/engine/process-graph';
import {
  AppliedCorrection,
  CaseRecord,
  CaseStore,
  NameTakenError,
  OpenTask,
  PendingCorrection,
  TaskDecisionRecord,
  TaskRecord,
  type CorrectionItem,
} from '@onetrip/workflows';

const UNIQUE_VIOLATION = '23505';

// A fact of the case's story (case_events), written beside the read-model change it describes; the key names
// it once, so a retried activity writes nothing twice.
const CASE_EVENT_COLUMNS = `case_events (case_id, key, at, event, step_id, department, task_id, round, actor_id, details)`;

/** The decision a task status records, in the timeline's words. */
const DECISION_OF_STATUS: Record<TaskDecisionRecord['status'], string> = { DONE: 'COMPLETE', RETURNED: 'RETURN', REJECTED: 'REJECT' };

/** What a decision's event keeps: codes, field paths and the refusal's reason (the sealed form keeps the personal data). */
function decisionDetails(decision: TaskDecisionRecord): string {
  return JSON.stringify({
    decision: DECISION_OF_STATUS[decision.status],
    ...(decision.returnItems ? { fields: decision.returnItems.map((item) => item.field) } : {}),
    ...(decision.rejectReason ? { reason: decision.rejectReason } : {}),
  });
}
const OPEN_STATUSES = `('OPEN', 'CLAIMED')`;

const CASE_COLUMNS = `id, applicant_id, status, form, policy, uscc, correction_round, process_key, process_version`;

// Opens a task once (a retry inserts nothing), writes its opening in the case's story (and the case's start,
// with its first step), and moves its case on; the callers add what it RETURNS.
const OPEN_TASK = `WITH opened AS (
    INSERT INTO tasks (id, case_id, department, step_id, round, mode, status, opened_at, due_at)
    VALUES ($1, $2, $3, $8, $4, $5, 'OPEN', $6, $7) ON CONFLICT (id) DO NOTHING RETURNING id
  ), started AS (
    INSERT INTO ${CASE_EVENT_COLUMNS}
    SELECT id, id || ':STARTED', submitted_at, 'CASE_STARTED', NULL, NULL, NULL, NULL, NULL, '{}'::jsonb FROM cases
    WHERE id = $2 AND $10::boolean AND EXISTS (SELECT 1 FROM opened)
    ON CONFLICT (key) DO NOTHING
  ), logged AS (
    INSERT INTO ${CASE_EVENT_COLUMNS}
    SELECT $2, id || ':OPENED', $6, 'STEP_OPENED', $8, $3, id, $4, NULL, $9::jsonb FROM opened
    ON CONFLICT (key) DO NOTHING
  )
  UPDATE cases SET status = CASE WHEN status IN ('SUBMITTED', 'AWAITING_CORRECTION') THEN 'IN_PROGRESS' ELSE status END,
         last_progress_at = GREATEST(last_progress_at, $6), updated_at = now()
  WHERE id = $2`;

const openTaskParameters = (task: OpenTask): unknown[] => [
  task.id,
  task.caseId,
  task.department,
  task.round,
  task.mode,
  task.openedAt,
  task.dueAt,
  task.stepId,
  JSON.stringify({ mode: task.mode, dueAt: task.dueAt.toISOString() }),
  task.firstOfCase === true,
];

interface CaseRow {
  id: string;
  applicant_id: string;
  status: CaseRecord['status'];
  form: CaseRecord['form'];
  policy: CaseRecord['policy'];
  uscc: string | null;
  correction_round: number;
  process_key: string;
  process_version: number;
}

interface TaskRow {
  id: string;
  case_id: string;
  department: string;
  step_id: string;
  round: number;
  status: TaskRecord['status'];
  outputs: Record<string, unknown> | null;
}

function taskRecord(row: TaskRow): TaskRecord {
  return { id: row.id, caseId: row.case_id, department: row.department, stepId: row.step_id, round: row.round, status: row.status, outputs: row.outputs };
}

/** The case read model in PostgreSQL. Every write is safe to repeat: activities retry. */
export class PostgresCaseStore implements CaseStore {
  private readonly register: EnterpriseRegisterRepository;
  // The single statements of an AUTO step and a decision go straight to the pool (no TypeORM query runner per
  // statement); transactions (an outcome, an end, a correction) stay on TypeORM's manager.
  private readonly sql: SqlQuery;

  constructor(
    private readonly dataSource: DataSource,
    // ID numbers and mobiles are sealed in the stored form and corrections; activities see them plain.
    private readonly cipher: PersonalDataCipher,
  ) {
    this.register = new EnterpriseRegisterRepository(cipher);
    this.sql = poolQuery(dataSource);
  }

  async shipmentOf(caseId: string): Promise<{ licenseNumber: string | null; trackingNumber: string | null }> {
    const [row] = (await this.sql(
      `SELECT c.outcome ->> 'licenseNumber' AS license_number, s.tracking_number FROM cases c LEFT JOIN mail_shipments s ON s.case_id = c.id WHERE c.id = $1`,
      [caseId],
    )) as { license_number: string | null; tracking_number: string | null }[];
    return { licenseNumber: row?.license_number ?? null, trackingNumber: row?.tracking_number ?? null };
  }

  async recordShipment(caseId: string, trackingNumber: string, at: Date): Promise<string> {
    // One shipment per case (the key): a second number for it is never stored; the outcome shows the kept one.
    const [row] = (await this.sql(
      `WITH kept AS (
         INSERT INTO mail_shipments (case_id, tracking_number, shipped_at) VALUES ($1, $2, $3)
         ON CONFLICT (case_id) DO UPDATE SET case_id = EXCLUDED.case_id RETURNING tracking_number
       ), shown AS (
         UPDATE cases SET outcome = outcome || jsonb_build_object('mailTrackingNumber', (SELECT tracking_number FROM kept)), updated_at = now() WHERE id = $1
       )
       SELECT tracking_number FROM kept`,
      [caseId, trackingNumber, at],
    )) as { tracking_number: string }[];
    return row.tracking_number;
  }

  async getCase(caseId: string): Promise<CaseRecord> {
    const [row] = (await this.sql(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1`, [caseId])) as CaseRow[];
    if (!row) throw new Error(`case ${caseId} not found`);
    return this.caseRecord(row);
  }

  private caseRecord(row: CaseRow): CaseRecord {
    return {
      id: row.id,
      applicantId: row.applicant_id,
      status: row.status,
      form: this.cipher.openFields(row.form),
      policy: row.policy,
      uscc: row.uscc,
      correctionRound: row.correction_round,
      process: { key: row.process_key, version: row.process_version },
    };
  }

  async getCaseWithOutputs(caseId: string): Promise<{ record: CaseRecord; outputsByStep: Record<string, Record<string, unknown>> }> {
    // One round trip for the outcome's inputs: the case and the latest DONE outputs of each step.
    const [row] = (await this.sql(
      `SELECT ${CASE_COLUMNS},
              (SELECT COALESCE(jsonb_object_agg(step_id, COALESCE(outputs, '{}'::jsonb)), '{}'::jsonb)
               FROM (SELECT DISTINCT ON (step_id) step_id, outputs FROM tasks WHERE case_id = $1 AND status = 'DONE' ORDER BY step_id, round DESC) latest) AS outputs_by_step
       FROM cases WHERE id = $1`,
      [caseId],
    )) as (CaseRow & { outputs_by_step: Record<string, Record<string, unknown>> })[];
    if (!row) throw new Error(`case ${caseId} not found`);
    return { record: this.caseRecord(row), outputsByStep: row.outputs_by_step };
  }

  async getTask(taskId: string): Promise<TaskRecord | null> {
    const [row] = (await this.sql(`SELECT id, case_id, department, step_id, round, status, outputs FROM tasks WHERE id = $1`, [taskId])) as TaskRow[];
    return row ? taskRecord(row) : null;
  }

  async getCaseWithTask(caseId: string, taskId: string): Promise<{ record: CaseRecord; task: TaskRecord | null }> {
    // A clerk's completion reads both while the clerk waits: one round trip, not two.
    const [row] = (await this.sql(
      `SELECT ${CASE_COLUMNS.split(', ').map((column) => `c.${column}`).join(', ')},
              t.id AS task_id, t.case_id AS task_case_id, t.department AS task_department, t.step_id AS task_step_id, t.round AS task_round,
              t.status AS task_status, t.outputs AS task_outputs
       FROM cases c LEFT JOIN tasks t ON t.id = $2 AND t.case_id = c.id WHERE c.id = $1`,
      [caseId, taskId],
    )) as (CaseRow & { task_id: string | null; task_case_id: string; task_department: string; task_step_id: string; task_round: number; task_status: TaskRow['status']; task_outputs: TaskRow['outputs'] })[];
    if (!row) throw new Error(`case ${caseId} not found`);
    const task =
      row.task_id === null
        ? null
        : taskRecord({ id: row.task_id, case_id: row.task_case_id, department: row.task_department, step_id: row.task_step_id, round: row.task_round, status: row.task_status, outputs: row.task_outputs });
    return { record: this.caseRecord(row), task };
  }

  async openTask(task: OpenTask): Promise<boolean> {
    // One statement (atomic without BEGIN/COMMIT round trips): the task if new, and the case's progress.
    const [row] = await this.sql<{ opened: number }>(`${OPEN_TASK} RETURNING (SELECT count(*) FROM opened)::int AS opened`, openTaskParameters(task));
    return row?.opened === 1;
  }

  async openTaskReading(task: OpenTask, options: { outage?: boolean } = {}): Promise<{ opened: boolean; record: CaseRecord; outage: string | null }> {
    // openTask's statement also answers the case as it now is and, for an automatic step, the department's
    // outage: it reads nothing else before it decides (three round trips were one each). A clerk's step does
    // not read the outages: a department's outage only holds back what decides by itself.
    const outage = options.outage === false ? 'NULL::text' : `(SELECT message FROM department_outages WHERE department = $3 AND scope IN ('*', $2::text) LIMIT 1)`;
    const [row] = await this.sql<CaseRow & { opened: number; outage: string | null }>(
      `${OPEN_TASK} RETURNING (SELECT count(*) FROM opened)::int AS opened, ${CASE_COLUMNS}, ${outage} AS outage`,
      openTaskParameters(task),
    );
    if (!row) throw new Error(`case ${task.caseId} not found`);
    return { opened: row.opened === 1, record: this.caseRecord(row), outage: row.outage };
  }

  async nextEnterpriseSequence(): Promise<number> {
    const [row] = (await this.sql(`SELECT nextval('enterprise_sequence')::int AS value`)) as { value: number }[];
    return row.value;
  }

  async saveDecision(decision: TaskDecisionRecord): Promise<boolean> {
    const parameters = [
      decision.taskId,
      decision.status,
      decision.actorId,
      decision.decidedAt,
      decision.outputs ? JSON.stringify(decision.outputs) : null,
      decision.returnItems ? JSON.stringify(decision.returnItems) : null,
      decision.rejectReason ?? null,
    ];
    const event = decision.actorId ? 'DECISION' : 'STEP_DECIDED_AUTOMATICALLY';
    const decide = `UPDATE tasks SET status = $2, decided_by_id = $3, decided_at = $4, outputs = $5, return_items = $6, reject_reason = $7,
                  claimed_by_id = COALESCE(claimed_by_id, $3), claimed_at = COALESCE(claimed_at, CASE WHEN $3::uuid IS NULL THEN NULL ELSE $4::timestamptz END)
           WHERE id = $1 AND status IN ${OPEN_STATUSES}
           RETURNING id, case_id, step_id, department, round`;
    // The decision in the case's story, from the row the guarded UPDATE returned (none: an earlier attempt decided).
    const logDecision = (source: string, details: string) =>
      `INSERT INTO ${CASE_EVENT_COLUMNS}
       SELECT case_id, id || ':DECIDED', $4, '${event}', step_id, department, id, round, $3, ${details}::jsonb FROM ${source}
       ON CONFLICT (key) DO NOTHING`;
    if (!decision.licence) {
      // One statement: the decision, its event, and the case's progress only if the decision was written.
      const decided = await this.sql(
        `WITH decided AS (${decide}), logged AS (${logDecision('decided', '$9')})
         UPDATE cases SET last_progress_at = GREATEST(last_progress_at, $4), updated_at = now()
         WHERE id = $8 AND EXISTS (SELECT 1 FROM decided)
         RETURNING id`,
        [...parameters, decision.caseId, decisionDetails(decision)],
      );
      return decided.length === 1;
    }
    // The licence: the name registered, the decision written and the USCC set, in one statement (atomic without
    // BEGIN/COMMIT round trips). The name is registered only while the task is open, and the decision written only
    // once the name is this case's: the same case registering its own name again (a reopened licence step) is not a
    // conflict. Unique on the folded name: '…網絡…' cannot be licensed beside '…网络…' (NAME_TAKEN).
    const licence = decision.licence;
    try {
      const [row] = (await this.sql(
        `WITH named AS (
           INSERT INTO registered_names (name, folded_name, case_id, registered_at)
           SELECT $9, $10, $8, $4 WHERE EXISTS (SELECT 1 FROM tasks WHERE id = $1 AND status IN ${OPEN_STATUSES})
           ON CONFLICT (folded_name) DO UPDATE SET registered_at = registered_names.registered_at WHERE registered_names.case_id = $8
           RETURNING case_id
         ), decided AS (
           ${decide.replace(`WHERE id = $1 AND status IN ${OPEN_STATUSES}`, `WHERE id = $1 AND status IN ${OPEN_STATUSES} AND EXISTS (SELECT 1 FROM named)`)}
         ), progressed AS (
           UPDATE cases SET uscc = COALESCE(uscc, $11), last_progress_at = GREATEST(last_progress_at, $4), updated_at = now()
           WHERE id = $8 AND EXISTS (SELECT 1 FROM decided)
         ), logged AS (${logDecision('decided', '$12')})
         SELECT EXISTS (SELECT 1 FROM tasks WHERE id = $1 AND status IN ${OPEN_STATUSES}) AS open,
                (SELECT count(*) FROM named)::int AS named, (SELECT count(*) FROM decided)::int AS decided`,
        [...parameters, decision.caseId, licence.enterpriseName, foldEnterpriseName(licence.enterpriseName), licence.uscc, decisionDetails(decision)],
      )) as { open: boolean; named: number; decided: number }[];
      // Decided already (a retry): nothing written. Open, but the name is another case's: NAME_TAKEN.
      if (!row.open) return false;
      if (row.named === 0) throw new NameTakenError();
      return row.decided === 1;
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new NameTakenError();
      throw error;
    }
  }

  async markReminded(taskId: string, at: Date): Promise<void> {
    // Once per task: the reminder in the case's story only when this call set it.
    await this.sql(
      `WITH reminded AS (UPDATE tasks SET reminded_at = $2 WHERE id = $1 AND reminded_at IS NULL RETURNING id, case_id, step_id, department, round)
       INSERT INTO ${CASE_EVENT_COLUMNS}
       SELECT case_id, id || ':REMINDED', $2, 'REMINDER_SENT', step_id, department, id, round, NULL, '{}'::jsonb FROM reminded
       ON CONFLICT (key) DO NOTHING`,
      [taskId, at],
    );
  }

  async markOverdue(taskId: string, at: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `UPDATE tasks SET overdue_at = COALESCE(overdue_at, $2), escalated_at = COALESCE(escalated_at, $2)
         WHERE id = $1 AND escalated_at IS NULL RETURNING case_id, department, step_id, round`,
        [taskId, at],
      )) as [{ case_id: string; department: string; step_id: string; round: number }[], number];
      const [row] = rows[0];
      if (row) {
        await manager.query(
          `INSERT INTO ${CASE_EVENT_COLUMNS} VALUES ($1, $2, $3, 'ESCALATED_OVERDUE', $4, $5, $6, $7, NULL, '{}'::jsonb) ON CONFLICT (key) DO NOTHING`,
          [row.case_id, `${taskId}:ESCALATED`, at, row.step_id, row.department, taskId, row.round],
        );
        await manager.query(`INSERT INTO audit_log (at, action, case_id, task_id, details) VALUES ($1, 'ESCALATED', $2, $3, $4)`, [
          at,
          row.case_id,
          taskId,
          JSON.stringify({ department: row.department, reason: 'time limit passed' }),
        ]);
      }
    });
  }

  async requestCorrection(caseId: string, round: number, items: (CorrectionItem | StepCorrectionItem)[], at: Date): Promise<void> {
    // The notice in the case's story once per round: which fields of which steps (their reasons stay on the tasks).
    const fields = items.map((item) => ({ path: item.field, ...('stepId' in item ? { stepId: item.stepId } : {}), department: item.department }));
    await this.sql(
      `WITH requested AS (
         UPDATE cases SET status = 'AWAITING_CORRECTION', correction_round = $2, correction = $3,
                awaiting_applicant_since = COALESCE(awaiting_applicant_since, $4), last_progress_at = GREATEST(last_progress_at, $4), updated_at = now()
         WHERE id = $1 AND correction_round <= $2 RETURNING id
       )
       INSERT INTO ${CASE_EVENT_COLUMNS}
       SELECT id, $6, $4, 'CORRECTION_NOTICE_SENT', NULL, NULL, NULL, $2, NULL, $5::jsonb FROM requested
       ON CONFLICT (key) DO NOTHING`,
      [caseId, round, JSON.stringify({ round, items }), at, JSON.stringify({ fields }), `${caseId}:CORRECTION_NOTICE:${round}`],
    );
  }

  async getCorrection(correctionId: string): Promise<PendingCorrection | null> {
    const [row] = (await this.sql(`SELECT id, round, status, changes, changed_paths FROM corrections WHERE id = $1`, [correctionId])) as {
      id: string;
      round: number;
      status: PendingCorrection['status'];
      changes: Record<string, unknown>;
      changed_paths: string[] | null;
    }[];
    return row ? { id: row.id, round: row.round, status: row.status, changes: this.cipher.openFields(row.changes), changedPaths: row.changed_paths } : null;
  }

  async saveCorrection(caseId: string, correction: AppliedCorrection, at: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // The values the correction replaces, as stored (sealed stays sealed): the next round's clerks see old → new.
      const [current] = (await manager.query(`SELECT form FROM cases WHERE id = $1 FOR UPDATE`, [caseId])) as { form: unknown }[];
      const previous = Object.fromEntries(correction.changedPaths.map((path) => [path, valueAtPath(current?.form, path) ?? null]));
      const applied = (await manager.query(
        `UPDATE corrections SET status = 'APPLIED', changed_paths = $2, applied_at = $3, previous_values = $4 WHERE id = $1 AND status = 'PENDING' RETURNING id, round, submitted_by_id, created_at`,
        [correction.correctionId, JSON.stringify(correction.changedPaths), at, JSON.stringify(previous)],
      )) as [{ id: string; round: number; submitted_by_id: string; created_at: Date }[], number];
      const [row] = applied[0];
      if (!row) return;
      // Who corrected and when they sent it, with the fields that really changed.
      await manager.query(
        `INSERT INTO ${CASE_EVENT_COLUMNS} VALUES ($1, $2, $3, 'CORRECTION_SUBMITTED', NULL, NULL, NULL, $4, $5, $6::jsonb) ON CONFLICT (key) DO NOTHING`,
        [caseId, `${row.id}:APPLIED`, row.created_at, row.round, row.submitted_by_id, JSON.stringify({ fields: correction.changedPaths, appliedAt: at.toISOString() })],
      );
      await manager.query(
        `UPDATE cases SET form = $2, form_version = form_version + 1, correction = NULL, awaiting_applicant_since = NULL,
                status = 'IN_PROGRESS', last_progress_at = GREATEST(last_progress_at, $3), updated_at = now()
         WHERE id = $1`,
        [caseId, JSON.stringify(this.cipher.sealFields(correction.form)), at],
      );
    });
  }

  async doneOutputs(caseId: string): Promise<Partial<Record<Department, Record<string, unknown>>>> {
    const rows = (await this.sql(
      `SELECT DISTINCT ON (department) department, outputs FROM tasks WHERE case_id = $1 AND status = 'DONE' ORDER BY department, round DESC`,
      [caseId],
    )) as { department: Department; outputs: Record<string, unknown> }[];
    return Object.fromEntries(rows.map((row) => [row.department, row.outputs]));
  }

  async completeCase(caseId: string, outcome: Record<string, unknown>, at: Date): Promise<void> {
    // The outcome and the register's change in one transaction (an opening creates the enterprise, a change
    // or deregistration applies to it). Whichever activity completes a case calls this, so the register
    // write moves with it. The case row is locked first: a retry after the commit writes nothing again.
    await this.dataSource.transaction(async (manager) => {
      // The lock and what the register needs of the case, in one read.
      const [row] = (await manager.query(
        `SELECT c.status, c.applicant_id, c.form, c.process_key, d.body -> 'enterprise' AS binding
         FROM cases c LEFT JOIN process_definitions d ON d.key = c.process_key AND d.version = c.process_version
         WHERE c.id = $1 FOR UPDATE OF c`,
        [caseId],
      )) as (CompletingCase & { status: string })[];
      if (!row || row.status === 'COMPLETED') return;
      const stored = await this.register.applyCompletion(manager, caseId, outcome, at, row);
      // The case's step failures and its story's two events go with the outcome's write (one statement).
      await manager.query(
        `WITH cleared AS (DELETE FROM step_failures WHERE case_id = $1),
         logged AS (
           INSERT INTO ${CASE_EVENT_COLUMNS} VALUES ($1, $4, $3, 'OUTCOME_DELIVERED', NULL, NULL, NULL, NULL, NULL, '{}'::jsonb),
                  ($1, $5, $3, 'CASE_CLOSED', NULL, NULL, NULL, NULL, NULL, '{"caseStatus":"COMPLETED"}'::jsonb)
           ON CONFLICT (key) DO NOTHING
         )
         UPDATE cases SET status = 'COMPLETED', outcome = $2, completed_at = COALESCE(completed_at, $3), ended_at = COALESCE(ended_at, $3),
                last_progress_at = GREATEST(last_progress_at, $3), updated_at = now()
         WHERE id = $1`,
        [caseId, JSON.stringify(stored), at, `${caseId}:OUTCOME`, `${caseId}:CLOSED`],
      );
    });
  }

  async endCase(caseId: string, status: 'REJECTED' | 'CANCELLED', reason: string, at: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE tasks SET status = 'CANCELLED' WHERE case_id = $1 AND status IN ${OPEN_STATUSES}`, [caseId]);
      await manager.query(`DELETE FROM step_failures WHERE case_id = $1`, [caseId]);
      await manager.query(
        `UPDATE cases SET status = $2, end_reason = COALESCE(end_reason, $3), ended_at = COALESCE(ended_at, $4), correction = NULL,
                awaiting_applicant_since = NULL, last_progress_at = GREATEST(last_progress_at, $4), updated_at = now()
         WHERE id = $1`,
        [caseId, status, reason, at],
      );
      // A refused or cancelled change or deregistration leaves the register as it was.
      await this.register.release(manager, caseId, at);
      await manager.query(
        `INSERT INTO ${CASE_EVENT_COLUMNS} VALUES ($1, $4, $2, 'CASE_CLOSED', NULL, NULL, NULL, NULL, NULL, $3::jsonb) ON CONFLICT (key) DO NOTHING`,
        [caseId, at, JSON.stringify({ caseStatus: status, reason }), `${caseId}:CLOSED`],
      );
    });
  }
}
