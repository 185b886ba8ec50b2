import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { StepStatus, WorkingCalendar } from '@onetrip/domain';
import { cappedCountSql, cappedTotal } from '../common/capped-total';

/** A task as a clerk's inbox and decisions read it, with the claiming clerk's username. */
export interface TaskRow {
  id: string;
  case_id: string;
  step_id: string;
  department: string;
  round: number;
  mode: 'MANUAL' | 'AUTO' | 'SYSTEM';
  status: StepStatus;
  opened_at: Date;
  due_at: Date;
  overdue_at: Date | null;
  claimed_by_id: string | null;
  claimed_by: string | null;
  claimed_at: Date | null;
  decided_at: Date | null;
  outputs: Record<string, unknown> | null;
  return_items: { field: string; reason: string }[] | null;
  reject_reason: string | null;
  enterprise_name: string;
  /** The case's pinned definition: a decision's step is looked up in it without reading the case. */
  process_key: string;
  process_version: number;
}

/** An inbox row: the task with its case's enterprise, applicant and working calendar. */
export interface InboxRow extends TaskRow {
  applicant_name: string | null;
  calendar: WorkingCalendar | null;
}

/** What the inbox lists: a status (RETURNED: sent back and still waiting for the applicant), a search, an order. */
export interface InboxQuery {
  status: 'OPEN' | 'CLAIMED' | 'DONE' | 'RETURNED';
  q?: string;
  sort: 'due' | 'arrived' | 'enterprise';
}

const INBOX_ORDER: Record<InboxQuery['sort'], string> = {
  due: 't.due_at, t.id',
  arrived: 't.opened_at DESC, t.id',
  enterprise: 'c.enterprise_name, t.due_at, t.id',
};

/** A task as the case view reads it (every round; the view keeps the latest per step). */
export interface StepTaskRow {
  case_id: string;
  step_id: string;
  department: string;
  round: number;
  status: string;
  due_at: Date;
  overdue_at: Date | null;
  decided_at: Date | null;
  outputs: Record<string, unknown> | null;
}

/** A task as the admin's case detail shows it, with who claimed, was assigned and decided. */
export interface AdminTaskRow {
  id: string;
  step_id: string;
  department: string;
  round: number;
  mode: string;
  status: string;
  opened_at: Date;
  due_at: Date;
  reminded_at: Date | null;
  overdue_at: Date | null;
  escalated_at: Date | null;
  claimed_by: string | null;
  assigned_to: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  return_items: { field: string; reason: string }[] | null;
  reject_reason: string | null;
}

const TASK_COLUMNS = `t.id, t.case_id, t.step_id, t.department, t.round, t.mode, t.status, t.opened_at, t.due_at, t.overdue_at, t.claimed_by_id,
  u.username AS claimed_by, t.claimed_at, t.decided_at, t.outputs, t.return_items, t.reject_reason, c.enterprise_name, c.process_key, c.process_version`;

/** The `tasks` table as the API reads it; the worker opens and decides tasks, the API claims and assigns them. */
@Injectable()
export class TasksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(id: string): Promise<TaskRow | null> {
    const [task] = (await this.dataSource.query(`SELECT ${TASK_COLUMNS} FROM tasks t JOIN cases c ON c.id = t.case_id LEFT JOIN users u ON u.id = t.claimed_by_id WHERE t.id = $1`, [id])) as TaskRow[];
    return task ?? null;
  }

  /**
   * One status of one department with its cases' enterprise and applicant. RETURNED lists the tasks sent back
   * whose step has not reopened yet on a live case: the clerk's returns still waiting for the applicant.
   */
  async inbox(department: string, query: InboxQuery, limit: number, offset: number): Promise<{ rows: InboxRow[]; total: number; totalCapped: boolean }> {
    const where = [`t.department = $1`, `t.status = $2`];
    if (query.status === 'RETURNED') {
      where.push(`c.status IN ('SUBMITTED', 'IN_PROGRESS', 'AWAITING_CORRECTION')`);
      where.push(`NOT EXISTS (SELECT 1 FROM tasks later WHERE later.case_id = t.case_id AND later.step_id = t.step_id AND later.round > t.round)`);
    }
    const params: unknown[] = [department, query.status];
    if (query.q) {
      // The enterprise name anywhere in it, or the case id's beginning (the short id the pages show).
      params.push(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const name = `c.enterprise_name ILIKE $${params.length}`;
      if (/^[0-9a-f-]{2,36}$/i.test(query.q)) {
        params.push(`${query.q.toLowerCase()}%`);
        where.push(`(${name} OR t.case_id::text LIKE $${params.length})`);
      } else where.push(name);
    }
    const filter = `WHERE ${where.join(' AND ')}`;
    // The count reads the case only when the filter does (a search, RETURNED's live cases): otherwise every task has
    // its case (foreign key), and the count stays on the tasks index without a lookup per task.
    const countFrom = query.q || query.status === 'RETURNED' ? `FROM tasks t JOIN cases c ON c.id = t.case_id ${filter}` : `FROM tasks t ${filter}`;
    const [rows, [count]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${TASK_COLUMNS}, a.name AS applicant_name, c.policy -> 'calendar' AS calendar
         FROM tasks t JOIN cases c ON c.id = t.case_id LEFT JOIN users u ON u.id = t.claimed_by_id LEFT JOIN users a ON a.id = c.applicant_id ${filter}
         ORDER BY ${INBOX_ORDER[query.sort]} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, limit, offset],
      ) as Promise<InboxRow[]>,
      this.dataSource.query(cappedCountSql(`SELECT 1 ${countFrom}`), params) as Promise<{ total: number }[]>,
    ]);
    return { rows, ...cappedTotal(count.total) };
  }

  /** The latest DONE task of each of these steps of the case: what they issued. */
  async doneOfSteps(caseId: string, stepIds: readonly string[]): Promise<{ step_id: string; outputs: Record<string, unknown> | null; decided_at: Date | null }[]> {
    if (stepIds.length === 0) return [];
    return (await this.dataSource.query(
      `SELECT DISTINCT ON (step_id) step_id, outputs, decided_at FROM tasks WHERE case_id = $1 AND step_id = ANY($2::text[]) AND status = 'DONE' ORDER BY step_id, round DESC`,
      [caseId, stepIds],
    )) as { step_id: string; outputs: Record<string, unknown> | null; decided_at: Date | null }[];
  }

  /**
   * The last correction applied before `at` (a later round's task opened after it) with the one applied before
   * that: the returns in between are what that correction answered.
   */
  async correctionBefore(caseId: string, at: Date): Promise<{ previous_values: Record<string, unknown> | null; applied_at: Date; earlier_applied_at: Date | null } | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT previous_values, applied_at,
              (SELECT max(e.applied_at) FROM corrections e WHERE e.case_id = c.case_id AND e.status = 'APPLIED' AND e.applied_at < c.applied_at) AS earlier_applied_at
       FROM corrections c WHERE c.case_id = $1 AND c.status = 'APPLIED' AND c.applied_at <= $2 ORDER BY c.applied_at DESC LIMIT 1`,
      [caseId, at],
    )) as { previous_values: Record<string, unknown> | null; applied_at: Date; earlier_applied_at: Date | null }[];
    return row;
  }

  /** The returns decided in (from, to]: every department's reasons one correction answered. */
  async returnedBetween(caseId: string, from: Date | null, to: Date): Promise<{ step_id: string; department: string; return_items: { field: string; reason: string }[] | null }[]> {
    return (await this.dataSource.query(
      `SELECT step_id, department, return_items FROM tasks WHERE case_id = $1 AND status = 'RETURNED' AND decided_at <= $3 AND ($2::timestamptz IS NULL OR decided_at > $2)
       ORDER BY decided_at, step_id`,
      [caseId, from, to],
    )) as { step_id: string; department: string; return_items: { field: string; reason: string }[] | null }[];
  }

  /**
   * The department's task, claimed for the clerk if it was OPEN: one statement for the find and the claim (null: no
   * such task in the department). The row answered is the task as it now is; a claim lost to another clerk in the
   * same instant still reads OPEN (the statement's snapshot), so the caller asks `claimState` once more then.
   */
  async claimReading(id: string, clerkId: string, department: string): Promise<TaskRow | null> {
    const [row] = (await this.dataSource.query(
      `WITH claimed AS (
         UPDATE tasks SET status = 'CLAIMED', claimed_by_id = $2, claimed_at = now() WHERE id = $1 AND department = $3 AND status = 'OPEN'
         RETURNING status, claimed_by_id, claimed_at
       )
       SELECT ${TASK_COLUMNS.replace('t.status,', 'COALESCE(k.status, t.status) AS status,')
         .replace('t.claimed_by_id,', 'COALESCE(k.claimed_by_id, t.claimed_by_id) AS claimed_by_id,')
         .replace('t.claimed_at,', 'COALESCE(k.claimed_at, t.claimed_at) AS claimed_at,')}
       FROM tasks t JOIN cases c ON c.id = t.case_id LEFT JOIN claimed k ON true LEFT JOIN users u ON u.id = COALESCE(k.claimed_by_id, t.claimed_by_id)
       WHERE t.id = $1 AND t.department = $3`,
      [id, clerkId, department],
    )) as TaskRow[];
    return row ?? null;
  }

  /** Claims an OPEN task atomically (of two clerks, one gets it); false when it was not OPEN. */
  async claim(id: string, clerkId: string, department: string): Promise<boolean> {
    const claimed = (await this.dataSource.query(
      `UPDATE tasks SET status = 'CLAIMED', claimed_by_id = $2, claimed_at = now() WHERE id = $1 AND department = $3 AND status = 'OPEN' RETURNING id`,
      [id, clerkId, department],
    )) as [unknown[], number];
    return claimed[1] === 1;
  }

  async claimState(id: string): Promise<{ status: StepStatus; claimed_by_id: string | null } | null> {
    const [current] = (await this.dataSource.query(`SELECT status, claimed_by_id FROM tasks WHERE id = $1`, [id])) as { status: StepStatus; claimed_by_id: string | null }[];
    return current ?? null;
  }

  async forCases(caseIds: readonly string[]): Promise<StepTaskRow[]> {
    if (caseIds.length === 0) return [];
    return (await this.dataSource.query(
      `SELECT case_id, step_id, department, round, status, due_at, overdue_at, decided_at, outputs FROM tasks WHERE case_id = ANY($1::uuid[])`,
      [caseIds],
    )) as StepTaskRow[];
  }

  async forAdmin(caseId: string): Promise<AdminTaskRow[]> {
    return (await this.dataSource.query(
      `SELECT t.id, t.step_id, t.department, t.round, t.mode, t.status, t.opened_at, t.due_at, t.reminded_at, t.overdue_at, t.escalated_at,
              claimer.username AS claimed_by, assignee.username AS assigned_to, decider.username AS decided_by, t.decided_at, t.return_items, t.reject_reason
       FROM tasks t
       LEFT JOIN users claimer ON claimer.id = t.claimed_by_id
       LEFT JOIN users assignee ON assignee.id = t.assigned_to_id
       LEFT JOIN users decider ON decider.id = t.decided_by_id
       WHERE t.case_id = $1 ORDER BY t.opened_at, t.department`,
      [caseId],
    )) as AdminTaskRow[];
  }

  /** The step's latest open task, if any. */
  async openTask(caseId: string, stepId: string): Promise<{ id: string; claimed_by: string | null } | undefined> {
    const [task] = (await this.dataSource.query(
      `SELECT t.id, u.username AS claimed_by FROM tasks t LEFT JOIN users u ON u.id = t.claimed_by_id
       WHERE t.case_id = $1 AND t.step_id = $2 AND t.status IN ('OPEN', 'CLAIMED') ORDER BY t.round DESC LIMIT 1`,
      [caseId, stepId],
    )) as { id: string; claimed_by: string | null }[];
    return task;
  }

  async assign(manager: EntityManager, taskId: string, clerkId: string): Promise<void> {
    await manager.query(`UPDATE tasks SET assigned_to_id = $2, claimed_by_id = $2, claimed_at = now(), status = 'CLAIMED' WHERE id = $1 AND status IN ('OPEN', 'CLAIMED')`, [taskId, clerkId]);
  }

  /** Marks the case's open tasks (of one step, or all) escalated; answers those it marked. */
  async escalate(manager: EntityManager, caseId: string, stepId: string | null): Promise<{ id: string; step_id: string; department: string }[]> {
    const [rows] = (await manager.query(
      `UPDATE tasks SET escalated_at = COALESCE(escalated_at, now())
       WHERE case_id = $1 AND status IN ('OPEN', 'CLAIMED') AND ($2::text IS NULL OR step_id = $2) RETURNING id, step_id, department`,
      [caseId, stepId],
    )) as [{ id: string; step_id: string; department: string }[], number];
    return rows;
  }
}
