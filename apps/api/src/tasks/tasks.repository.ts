import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { StepStatus } from '@onetrip/domain';

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
}

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
  u.username AS claimed_by, t.claimed_at, t.decided_at, t.outputs, t.return_items, t.reject_reason`;

/** The `tasks` table as the API reads it; the worker opens and decides tasks, the API claims and assigns them. */
@Injectable()
export class TasksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(id: string): Promise<TaskRow | null> {
    const [task] = (await this.dataSource.query(`SELECT ${TASK_COLUMNS} FROM tasks t LEFT JOIN users u ON u.id = t.claimed_by_id WHERE t.id = $1`, [id])) as TaskRow[];
    return task ?? null;
  }

  /** One status of one department, soonest due first (the tasks_inbox_idx index order). */
  async inbox(department: string, status: string, limit: number, offset: number): Promise<{ rows: TaskRow[]; total: number }> {
    const [rows, [count]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${TASK_COLUMNS} FROM tasks t LEFT JOIN users u ON u.id = t.claimed_by_id
         WHERE t.department = $1 AND t.status = $2 ORDER BY t.due_at, t.id LIMIT $3 OFFSET $4`,
        [department, status, limit, offset],
      ) as Promise<TaskRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM tasks WHERE department = $1 AND status = $2`, [department, status]) as Promise<{ total: number }[]>,
    ]);
    return { rows, total: count.total };
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
