import { DataSource, EntityManager } from 'typeorm';
import { EnterpriseRegisterRepository, PersonalDataCipher } from '@onetrip/infrastructure';
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
const OPEN_STATUSES = `('OPEN', 'CLAIMED')`;

/** Rows a RETURNING statement gave back: TypeORM answers [rows, count] for UPDATE/DELETE, the rows otherwise. */
function returnedRows<T = unknown>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

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

/** The case read model in PostgreSQL. Every write is safe to repeat: activities retry. */
export class PostgresCaseStore implements CaseStore {
  private readonly register: EnterpriseRegisterRepository;

  constructor(
    private readonly dataSource: DataSource,
    // ID numbers and mobiles are sealed in the stored form and corrections; activities see them plain.
    private readonly cipher: PersonalDataCipher,
  ) {
    this.register = new EnterpriseRegisterRepository(cipher);
  }

  async getCase(caseId: string): Promise<CaseRecord> {
    const [row] = (await this.dataSource.query(
      `SELECT id, applicant_id, status, form, policy, uscc, correction_round, process_key, process_version FROM cases WHERE id = $1`,
      [caseId],
    )) as CaseRow[];
    if (!row) throw new Error(`case ${caseId} not found`);
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

  async getTask(taskId: string): Promise<TaskRecord | null> {
    const [row] = (await this.dataSource.query(`SELECT id, case_id, department, step_id, round, status, outputs FROM tasks WHERE id = $1`, [taskId])) as TaskRow[];
    return row ? { id: row.id, caseId: row.case_id, department: row.department, stepId: row.step_id, round: row.round, status: row.status, outputs: row.outputs } : null;
  }

  async openTask(task: OpenTask): Promise<boolean> {
    // One statement (atomic without BEGIN/COMMIT round trips): the task if new, and the case's progress.
    const result: unknown = await this.dataSource.query(
      `WITH opened AS (
         INSERT INTO tasks (id, case_id, department, step_id, round, mode, status, opened_at, due_at)
         VALUES ($1, $2, $3, $8, $4, $5, 'OPEN', $6, $7) ON CONFLICT (id) DO NOTHING RETURNING id
       )
       UPDATE cases SET status = CASE WHEN status IN ('SUBMITTED', 'AWAITING_CORRECTION') THEN 'IN_PROGRESS' ELSE status END,
              last_progress_at = GREATEST(last_progress_at, $6), updated_at = now()
       WHERE id = $2
       RETURNING (SELECT count(*) FROM opened)::int AS opened`,
      [task.id, task.caseId, task.department, task.round, task.mode, task.openedAt, task.dueAt, task.stepId],
    );
    const [row] = returnedRows<{ opened: number }>(result);
    return row?.opened === 1;
  }

  async nextEnterpriseSequence(): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT nextval('enterprise_sequence')::int AS value`)) as { value: number }[];
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
    const decide = `UPDATE tasks SET status = $2, decided_by_id = $3, decided_at = $4, outputs = $5, return_items = $6, reject_reason = $7,
                  claimed_by_id = COALESCE(claimed_by_id, $3), claimed_at = COALESCE(claimed_at, CASE WHEN $3::uuid IS NULL THEN NULL ELSE $4::timestamptz END)
           WHERE id = $1 AND status IN ${OPEN_STATUSES}
           RETURNING id`;
    if (!decision.licence) {
      // One statement: the decision, and the case's progress only if the decision was written.
      const result: unknown = await this.dataSource.query(
        `WITH decided AS (${decide})
         UPDATE cases SET last_progress_at = GREATEST(last_progress_at, $4), updated_at = now()
         WHERE id = $8 AND EXISTS (SELECT 1 FROM decided)
         RETURNING id`,
        [...parameters, decision.caseId],
      );
      return returnedRows(result).length === 1;
    }
    const licence = decision.licence;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const updated = (await manager.query(decide, parameters)) as [unknown[], number];
        if (updated[1] === 0) return false;
        await this.registerLicence(manager, decision.caseId, licence, decision.decidedAt);
        return true;
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new NameTakenError();
      throw error;
    }
  }

  private async registerLicence(manager: EntityManager, caseId: string, licence: { enterpriseName: string; uscc: string }, at: Date): Promise<void> {
    // The same case registering its own name again (a reopened licence step) is not a conflict.
    // Unique on the folded name: '…網絡…' cannot be licensed beside '…网络…' (a different spelling conflicts
    // on folded_name and fails the transaction with a unique violation: NAME_TAKEN).
    await manager.query(
      `INSERT INTO registered_names (name, folded_name, case_id, registered_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (folded_name) DO UPDATE SET registered_at = registered_names.registered_at WHERE registered_names.case_id = $3
       RETURNING case_id`,
      [licence.enterpriseName, foldEnterpriseName(licence.enterpriseName), caseId, at],
    ).then(async (result: unknown) => {
      // TypeORM answers an INSERT with its rows (not a row count): none back means another case holds the name.
      if ((result as unknown[]).length === 0) throw Object.assign(new Error('name taken'), { code: UNIQUE_VIOLATION });
    });
    // The USCC is set once (a different one already there is kept) and the case's progress noted.
    await manager.query(`UPDATE cases SET uscc = COALESCE(uscc, $2), last_progress_at = GREATEST(last_progress_at, $3), updated_at = now() WHERE id = $1`, [
      caseId,
      licence.uscc,
      at,
    ]);
  }

  async markReminded(taskId: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE tasks SET reminded_at = COALESCE(reminded_at, $2) WHERE id = $1`, [taskId, at]);
  }

  async markOverdue(taskId: string, at: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `UPDATE tasks SET overdue_at = COALESCE(overdue_at, $2), escalated_at = COALESCE(escalated_at, $2)
         WHERE id = $1 AND escalated_at IS NULL RETURNING case_id, department`,
        [taskId, at],
      )) as [{ case_id: string; department: string }[], number];
      const [row] = rows[0];
      if (row) {
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
    await this.dataSource.query(
      `UPDATE cases SET status = 'AWAITING_CORRECTION', correction_round = $2, correction = $3,
              awaiting_applicant_since = COALESCE(awaiting_applicant_since, $4), last_progress_at = GREATEST(last_progress_at, $4), updated_at = now()
       WHERE id = $1 AND correction_round <= $2`,
      [caseId, round, JSON.stringify({ round, items }), at],
    );
  }

  async getCorrection(correctionId: string): Promise<PendingCorrection | null> {
    const [row] = (await this.dataSource.query(`SELECT id, round, status, changes, changed_paths FROM corrections WHERE id = $1`, [correctionId])) as {
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
        `UPDATE corrections SET status = 'APPLIED', changed_paths = $2, applied_at = $3, previous_values = $4 WHERE id = $1 AND status = 'PENDING' RETURNING id`,
        [correction.correctionId, JSON.stringify(correction.changedPaths), at, JSON.stringify(previous)],
      )) as [unknown[], number];
      if (applied[1] === 0) return;
      await manager.query(
        `UPDATE cases SET form = $2, form_version = form_version + 1, correction = NULL, awaiting_applicant_since = NULL,
                status = 'IN_PROGRESS', last_progress_at = GREATEST(last_progress_at, $3), updated_at = now()
         WHERE id = $1`,
        [caseId, JSON.stringify(this.cipher.sealFields(correction.form)), at],
      );
    });
  }

  async doneOutputs(caseId: string): Promise<Partial<Record<Department, Record<string, unknown>>>> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (department) department, outputs FROM tasks WHERE case_id = $1 AND status = 'DONE' ORDER BY department, round DESC`,
      [caseId],
    )) as { department: Department; outputs: Record<string, unknown> }[];
    return Object.fromEntries(rows.map((row) => [row.department, row.outputs]));
  }

  async doneOutputsByStep(caseId: string): Promise<Record<string, Record<string, unknown>>> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (step_id) step_id, outputs FROM tasks WHERE case_id = $1 AND status = 'DONE' ORDER BY step_id, round DESC`,
      [caseId],
    )) as { step_id: string; outputs: Record<string, unknown> }[];
    return Object.fromEntries(rows.map((row) => [row.step_id, row.outputs ?? {}]));
  }

  async completeCase(caseId: string, outcome: Record<string, unknown>, at: Date): Promise<void> {
    // The outcome and the register's change in one transaction (an opening creates the enterprise, a change
    // or deregistration applies to it). Whichever activity completes a case calls this, so the register
    // write moves with it. The case row is locked first: a retry after the commit writes nothing again.
    await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(`SELECT status FROM cases WHERE id = $1 FOR UPDATE`, [caseId])) as { status: string }[];
      if (row?.status === 'COMPLETED') return;
      const stored = await this.register.applyCompletion(manager, caseId, outcome, at);
      await manager.query(`DELETE FROM step_failures WHERE case_id = $1`, [caseId]);
      await manager.query(
        `UPDATE cases SET status = 'COMPLETED', outcome = $2, completed_at = COALESCE(completed_at, $3), ended_at = COALESCE(ended_at, $3),
                last_progress_at = GREATEST(last_progress_at, $3), updated_at = now()
         WHERE id = $1`,
        [caseId, JSON.stringify(stored), at],
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
    });
  }

  async departmentOutage(department: string, caseId: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(`SELECT message FROM department_outages WHERE department = $1 AND scope IN ('*', $2) LIMIT 1`, [department, caseId])) as {
      message: string;
    }[];
    return row?.message ?? null;
  }
}
