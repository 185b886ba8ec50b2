import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataCipher } from '@onetrip/infrastructure';
import { hasInvisibleCharacters, isDepartment, outputProblems, type ApplicationForm, type CaseStatus, type Department, type RuleFlag, type StepStatus } from '@onetrip/domain';
import type { TaskDecision } from '@onetrip/workflows/contracts';
import { isTaskOverdue, toFlags } from '../applications/case-view.mapper';
import { AuditLogService, type AuditAction } from '../audit/audit-log.service';
import { AppError } from '../common/app-error';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { pageOffset } from '../common/page-query.dto';
import { validationFailed } from '../common/validation';
import { CaseWorkflowGateway } from '../temporal/case-workflow.gateway';
import { TaskCompleteDto } from './dto/task-complete.dto';
import { TaskListQueryDto } from './dto/task-list-query.dto';
import { TaskRejectDto } from './dto/task-reject.dto';
import { TaskDecisionResponseDto, TaskDetailResponseDto, TaskListResponseDto, TaskSummaryDto } from './dto/task-response.dto';
import { TaskReturnDto } from './dto/task-return.dto';
import { departmentFlags, departmentFormView, departmentReads } from './task-form-view';

interface TaskRow {
  id: string;
  case_id: string;
  department: Department;
  round: number;
  mode: 'MANUAL' | 'AUTO';
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

const TASK_COLUMNS = `t.id, t.case_id, t.department, t.round, t.mode, t.status, t.opened_at, t.due_at, t.overdue_at, t.claimed_by_id,
  u.username AS claimed_by, t.claimed_at, t.decided_at, t.outputs, t.return_items, t.reject_reason`;

function toSummary(row: TaskRow, now: Date): TaskSummaryDto {
  const summary: TaskSummaryDto = {
    id: row.id,
    caseId: row.case_id,
    department: row.department,
    round: row.round,
    status: row.status,
    openedAt: row.opened_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    overdue: isTaskOverdue({ status: row.status, dueAt: row.due_at, overdueAt: row.overdue_at }, now),
  };
  if (row.claimed_by) summary.claimedBy = row.claimed_by;
  if (row.claimed_at) summary.claimedAt = row.claimed_at.toISOString();
  return summary;
}

/** A department clerk's inbox and decisions. Decisions go to the case workflow as Updates. */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflows: CaseWorkflowGateway,
    private readonly audit: AuditLogService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** One status of the clerk's department, soonest due first (the tasks_inbox_idx index order). */
  async list(user: AuthenticatedUser, query: TaskListQueryDto): Promise<TaskListResponseDto> {
    const department = this.departmentOf(user);
    const [rows, [count]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${TASK_COLUMNS} FROM tasks t LEFT JOIN users u ON u.id = t.claimed_by_id
         WHERE t.department = $1 AND t.status = $2 ORDER BY t.due_at, t.id LIMIT $3 OFFSET $4`,
        [department, query.status, query.limit, pageOffset(query)],
      ) as Promise<TaskRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM tasks WHERE department = $1 AND status = $2`, [department, query.status]) as Promise<{ total: number }[]>,
    ]);
    const now = new Date();
    return { items: rows.map((row) => toSummary(row, now)), total: count.total };
  }

  async get(user: AuthenticatedUser, id: string): Promise<TaskDetailResponseDto> {
    const task = await this.findForDepartment(user, id);
    const [caseRow] = (await this.dataSource.query(`SELECT status, form, flags FROM cases WHERE id = $1`, [task.case_id])) as {
      status: CaseStatus;
      form: ApplicationForm;
      flags: unknown;
    }[];
    const part = departmentFormView(task.department, this.cipher.openFields(caseRow.form));
    if (part.revealsPersonalData) {
      await this.audit.record({ actor: user, action: 'VIEW_PERSONAL_DATA', caseId: task.case_id, taskId: task.id, details: { department: task.department } });
    }
    const detail: TaskDetailResponseDto = { ...toSummary(task, new Date()), mode: task.mode, caseStatus: caseRow.status, form: part.form };
    if (task.decided_at) detail.decidedAt = task.decided_at.toISOString();
    if (task.outputs) detail.outputs = task.outputs;
    if (task.return_items) detail.returnItems = task.return_items;
    if (task.reject_reason) detail.rejectReason = task.reject_reason;
    const flags = departmentFlags(task.department, toFlags(caseRow.flags) as RuleFlag[]);
    if (flags.length > 0) detail.flags = flags;
    return detail;
  }

  /** Takes an open task (atomically: of two clerks, one gets it); claiming one's own claim again is fine. */
  async claim(user: AuthenticatedUser, id: string): Promise<TaskSummaryDto> {
    const task = await this.findForDepartment(user, id);
    await this.claimFor(user, task);
    await this.audit.record({ actor: user, action: 'CLAIM', caseId: task.case_id, taskId: task.id });
    return toSummary(await this.findForDepartment(user, id), new Date());
  }

  async complete(user: AuthenticatedUser, id: string, dto: TaskCompleteDto): Promise<TaskDecisionResponseDto> {
    const task = await this.findForDepartment(user, id);
    const outputs = dto.outputs ?? {};
    // Only what this department issues, each in its format, nothing invisible (a right-to-left override in a licence number).
    const problems = outputProblems(task.department, outputs).map(({ key, message }) => ({ path: `outputs.${key}`, messages: [`outputs.${key} ${message}`] }));
    if (task.department === 'BANK' && outputs.accountNumber === undefined) {
      problems.push({ path: 'outputs.accountNumber', messages: ['outputs.accountNumber must be the new account number: 10–25 digits'] });
    }
    if (problems.length > 0) throw validationFailed(problems);
    return this.decide(user, task, { decision: 'COMPLETE', outputs }, 'COMPLETE');
  }

  async returnForCorrection(user: AuthenticatedUser, id: string, dto: TaskReturnDto): Promise<TaskDecisionResponseDto> {
    const task = await this.findForDepartment(user, id);
    // A department returns only what it reads (a TAX clerk cannot see, so cannot fault, the shareholders' IDs).
    const problems = dto.items.flatMap((item, i) => [
      ...(departmentReads(task.department, item.field) ? [] : [{ path: `items[${i}].field`, messages: [`items[${i}].field is not in the part of the form ${task.department} reads`] }]),
      ...(hasInvisibleCharacters(item.reason) ? [{ path: `items[${i}].reason`, messages: [`items[${i}].reason must not contain control, bidi or zero-width characters`] }] : []),
    ]);
    if (problems.length > 0) throw validationFailed(problems);
    const items = dto.items.map((item) => ({ field: item.field, reason: item.reason }));
    return this.decide(user, task, { decision: 'RETURN', items }, 'RETURN');
  }

  async reject(user: AuthenticatedUser, id: string, dto: TaskRejectDto): Promise<TaskDecisionResponseDto> {
    const task = await this.findForDepartment(user, id);
    if (hasInvisibleCharacters(dto.reason)) throw validationFailed([{ path: 'reason', messages: ['reason must not contain control, bidi or zero-width characters'] }]);
    return this.decide(user, task, { decision: 'REJECT', reason: dto.reason }, 'REJECT');
  }

  /** Claims the task if need be, then asks the workflow, whose validator refuses stale or double decisions. */
  private async decide(
    user: AuthenticatedUser,
    task: TaskRow,
    decision: Pick<TaskDecision, 'decision' | 'outputs' | 'items' | 'reason'>,
    action: AuditAction,
  ): Promise<TaskDecisionResponseDto> {
    await this.claimFor(user, task);
    const result = await this.workflows.decideTask(task.case_id, { taskId: task.id, actorId: user.id, ...decision });
    await this.audit.record({ actor: user, action, caseId: task.case_id, taskId: task.id, details: { status: result.status } });
    const response: TaskDecisionResponseDto = { id: result.taskId, caseId: task.case_id, department: result.department, status: result.status };
    if (result.outputs) response.outputs = result.outputs;
    return response;
  }

  private async claimFor(user: AuthenticatedUser, task: TaskRow): Promise<void> {
    // Already this clerk's (claim, then complete): the row just read says so; the workflow's validator
    // still refuses a decision that has gone stale since.
    if (task.status === 'CLAIMED' && task.claimed_by_id === user.id) return;
    const claimed = (await this.dataSource.query(
      `UPDATE tasks SET status = 'CLAIMED', claimed_by_id = $2, claimed_at = now() WHERE id = $1 AND department = $3 AND status = 'OPEN' RETURNING id`,
      [task.id, user.id, task.department],
    )) as [unknown[], number];
    if (claimed[1] === 1) return;
    const [current] = (await this.dataSource.query(`SELECT status, claimed_by_id FROM tasks WHERE id = $1`, [task.id])) as { status: StepStatus; claimed_by_id: string | null }[];
    if (current?.status === 'CLAIMED' && current.claimed_by_id === user.id) return;
    if (current?.status === 'CLAIMED') throw new AppError('ALREADY_CLAIMED', 'Refused (ALREADY_CLAIMED): another clerk has claimed this task');
    throw new AppError('TASK_NOT_OPEN', `Refused (TASK_NOT_OPEN): the task is ${current?.status ?? 'gone'}`);
  }

  /** 404 for no such task and for another department's: a 403 would tell that it exists. */
  private async findForDepartment(user: AuthenticatedUser, id: string): Promise<TaskRow> {
    const department = this.departmentOf(user);
    const [task] = (await this.dataSource.query(`SELECT ${TASK_COLUMNS} FROM tasks t LEFT JOIN users u ON u.id = t.claimed_by_id WHERE t.id = $1`, [
      id.slice(0, 200),
    ])) as TaskRow[];
    if (!task || task.department !== department) throw new AppError('NOT_FOUND', 'No such task');
    return task;
  }

  private departmentOf(user: AuthenticatedUser): Department {
    if (user.role !== 'CLERK' || !user.department || !isDepartment(user.department)) throw new AppError('FORBIDDEN', 'Only a department clerk works tasks');
    return user.department;
  }
}
