import { Injectable } from '@nestjs/common';
import { PersonalDataCipher } from '@onetrip/infrastructure';
import { ALWAYS_OPEN_CALENDAR, maskPersonalData, hasInvisibleCharacters, isCorrectablePath, pathLabel, schemaAt, stepDecisions, stepKind, workingMinutesBetween, type ProcessDefinition, type RuleFlag, type StepDefinition } from '@onetrip/domain';
import type { TaskDecision } from '@onetrip/workflows/contracts';
import type { CaseRecord } from '../applications/case-reader.service';
import { ENTERPRISE_OPENING } from '../applications/process-keys';
import { CaseReader } from '../applications/case-reader.service';
import { isTaskOverdue, toFlags } from '../applications/case-view.mapper';
import { AuditLogService, type AuditAction } from '../audit/audit-log.service';
import { AppError } from '../common/app-error';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { pageOffset } from '../common/page-query.dto';
import { validationFailed } from '../common/validation';
import { CaseWorkflowGateway } from '../temporal/case-workflow.gateway';
import { clerkOutputProblems, schemaProperties } from './clerk-outputs';
import { TaskCompleteDto } from './dto/task-complete.dto';
import { TaskListQueryDto } from './dto/task-list-query.dto';
import { TaskRejectDto } from './dto/task-reject.dto';
import { EarlierResultDto, InboxTaskDto, PreviousRoundDto, TaskDecisionResponseDto, TaskDetailResponseDto, TaskListResponseDto, TaskSummaryDto } from './dto/task-response.dto';
import { FORM_PATH_MESSAGE, TaskReturnDto } from './dto/task-return.dto';
import { stepFlags, stepFormView, stepReads } from './step-form-view';
import { correctedFields, maskName, stepsBefore } from './task-context';
import { taskFieldView } from './task-field-view';
import { TasksRepository, type InboxRow, type TaskRow } from './tasks.repository';

function toSummary(row: TaskRow, now: Date): TaskSummaryDto {
  const summary: TaskSummaryDto = {
    id: row.id,
    caseId: row.case_id,
    stepId: row.step_id,
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

function isClaimedBy(task: Pick<TaskRow, 'status' | 'claimed_by_id'>, user: AuthenticatedUser): boolean {
  return task.status === 'CLAIMED' && task.claimed_by_id === user.id;
}

function toInboxItem(row: InboxRow, now: Date): InboxTaskDto {
  const calendar = row.calendar ?? ALWAYS_OPEN_CALENDAR;
  const item: InboxTaskDto = {
    ...toSummary(row, now),
    enterpriseName: row.enterprise_name,
    // The limits count working time: so does what is left of them.
    workingMinutesLeft: Math.round(workingMinutesBetween(calendar, now, row.due_at)),
  };
  if (row.applicant_name) item.applicantName = maskName(row.applicant_name);
  return item;
}

/** A department clerk's inbox and decisions. Decisions go to the case workflow as Updates. */
@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly cases: CaseReader,
    private readonly workflows: CaseWorkflowGateway,
    private readonly audit: AuditLogService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** One status of the clerk's department, searched by enterprise or case id, soonest due first unless sorted otherwise. */
  async list(user: AuthenticatedUser, query: TaskListQueryDto): Promise<TaskListResponseDto> {
    const { rows, total, totalCapped } = await this.tasks.inbox(this.departmentOf(user), { status: query.status, q: query.q || undefined, sort: query.sort }, query.limit, pageOffset(query));
    const now = new Date();
    return { items: rows.map((row) => toInboxItem(row, now)), total, totalCapped };
  }

  /** The task with the part of the form its step reads, built from the case's pinned definition. */
  async get(user: AuthenticatedUser, id: string): Promise<TaskDetailResponseDto> {
    const task = await this.findForDepartment(user, id);
    const { record, definition, step } = await this.stepOf(task);
    const part = stepFormView(step, definition.form.schema, record.form);
    if (part.revealsPersonalData) {
      await this.audit.record({ actor: user, action: 'VIEW_PERSONAL_DATA', caseId: task.case_id, taskId: task.id, details: { department: task.department, stepId: task.step_id } });
    }
    const kind = stepKind(step.kind);
    const words = taskFieldView(definition, step, part.form, task.outputs);
    const detail: TaskDetailResponseDto = {
      ...toSummary(task, new Date()),
      mode: task.mode,
      caseStatus: record.status,
      form: part.form,
      stepName: step.name,
      kind: step.kind,
      outputSchema: step.outputs,
      clerkFields: kind.outputsFromSchema ? Object.keys(schemaProperties(step.outputs)) : Object.keys(kind.clerkFields),
      departmentName: words.departmentName,
      fields: words.fields,
      returnFields: words.returnFields,
      decisions: stepDecisions(definition, step.id),
      enterpriseName: task.enterprise_name,
      workingMinutesLeft: Math.round(workingMinutesBetween(record.policy.calendar ?? ALWAYS_OPEN_CALENDAR, new Date(), task.due_at)),
      earlierResults: await this.earlierResults(task, definition, step),
    };
    const previousRound = task.round > 1 ? await this.previousRound(task, definition, step, record.form as unknown as Record<string, unknown>) : undefined;
    if (previousRound) detail.previousRound = previousRound;
    if (task.decided_at) detail.decidedAt = task.decided_at.toISOString();
    if (task.outputs) detail.outputs = task.outputs;
    if (words.outputFields) detail.outputFields = words.outputFields;
    if (task.return_items) detail.returnItems = task.return_items.map((item) => ({ ...item, label: pathLabel(definition.form.schema, item.field) }));
    if (task.reject_reason) detail.rejectReason = task.reject_reason;
    const flags = stepFlags(step, toFlags(record.flags) as RuleFlag[]);
    if (flags.length > 0) detail.flags = flags;
    return detail;
  }

  /** What the steps this one builds on issued (the licence's USCC and number for the steps after SAMR). */
  private async earlierResults(task: TaskRow, definition: ProcessDefinition, step: StepDefinition): Promise<EarlierResultDto[]> {
    const before = stepsBefore(definition, step);
    const rows = await this.tasks.doneOfSteps(task.case_id, before.map((earlier) => earlier.id));
    return before.flatMap((earlier) => {
      const row = rows.find((candidate) => candidate.step_id === earlier.id);
      if (!row?.outputs || Object.keys(row.outputs).length === 0) return [];
      const words = taskFieldView(definition, earlier, {}, row.outputs);
      const result: EarlierResultDto = { stepId: earlier.id, stepName: earlier.name, departmentName: words.departmentName, fields: words.outputFields ?? [] };
      if (row.decided_at) result.decidedAt = row.decided_at.toISOString();
      return [result];
    });
  }

  /**
   * A later round: the reasons the case went back for (this department's own in full, others' only on fields
   * this step reads, free text masked) and the fields the applicant changed that this step reads, old → new.
   */
  private async previousRound(task: TaskRow, definition: ProcessDefinition, step: StepDefinition, form: Record<string, unknown>): Promise<PreviousRoundDto | undefined> {
    const correction = await this.tasks.correctionBefore(task.case_id, task.opened_at);
    if (!correction) return undefined;
    const returned = await this.tasks.returnedBetween(task.case_id, correction.earlier_applied_at, correction.applied_at);
    const departmentName = (code: string) => definition.departments.find((candidate) => candidate.code === code)?.name ?? { zh: code, en: code };
    const returns = returned.flatMap((row) =>
      (row.return_items ?? [])
        .filter((item) => row.step_id === step.id || stepReads(step, item.field))
        .map((item) => ({
          departmentName: departmentName(row.department),
          field: item.field,
          label: pathLabel(definition.form.schema, item.field),
          reason: row.step_id === step.id ? item.reason : maskPersonalData(item.reason),
        })),
    );
    const previous = correction.previous_values ? (this.cipher.openFields(correction.previous_values) as Record<string, unknown>) : {};
    return { correctedAt: correction.applied_at.toISOString(), returns, corrected: correctedFields(definition, step, form, previous) };
  }

  /** Takes an open task (atomically: of two clerks, one gets it); claiming one's own claim again is fine. */
  async claim(user: AuthenticatedUser, id: string): Promise<TaskSummaryDto> {
    // Found and claimed in one statement; answered from the row it returned (no second read).
    const task = await this.tasks.claimReading(id.slice(0, 200), user.id, this.departmentOf(user));
    if (!task) throw new AppError('NOT_FOUND', 'No such task');
    if (!isClaimedBy(task, user)) await this.refuseClaim(user, task.id);
    await this.audit.record({ actor: user, action: 'CLAIM', caseId: task.case_id, taskId: task.id });
    return toSummary(task, new Date());
  }

  async complete(user: AuthenticatedUser, id: string, dto: TaskCompleteDto): Promise<TaskDecisionResponseDto> {
    const task = await this.findForDepartment(user, id);
    const { step } = await this.stepOfTask(task);
    const outputs = dto.outputs ?? {};
    const problems = clerkOutputProblems(step, outputs);
    if (problems.length > 0) throw validationFailed(problems);
    return this.decide(user, task, { decision: 'COMPLETE', outputs }, 'COMPLETE');
  }

  async returnForCorrection(user: AuthenticatedUser, id: string, dto: TaskReturnDto): Promise<TaskDecisionResponseDto> {
    const task = await this.findForDepartment(user, id);
    const { definition, step } = await this.stepOfTask(task);
    // A field of the case's form (the opening: one the applicant can correct), and one the step reads (a TAX
    // clerk cannot see, so cannot fault, the shareholders' IDs).
    const isField = (field: string): boolean => (task.process_key === ENTERPRISE_OPENING ? isCorrectablePath(field) : schemaAt(definition.form.schema, field) !== undefined);
    const problems = dto.items.flatMap((item, i) => [
      ...(isField(item.field) ? [] : [{ path: `items[${i}].field`, messages: [FORM_PATH_MESSAGE], codes: ['isFormPath'] }]),
      ...(!isField(item.field) || stepReads(step, item.field) ? [] : [{ path: `items[${i}].field`, messages: [`items[${i}].field is not in the part of the form ${task.step_id} reads`] }]),
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
    const response: TaskDecisionResponseDto = { id: result.taskId, caseId: task.case_id, stepId: task.step_id, department: result.department, status: result.status };
    if (result.outputs) response.outputs = result.outputs;
    return response;
  }

  private async claimFor(user: AuthenticatedUser, task: TaskRow): Promise<void> {
    // Already this clerk's (claim, then complete): the row just read says so; the workflow's validator
    // still refuses a decision that has gone stale since. Another clerk's, or decided: no statement needed to refuse.
    if (isClaimedBy(task, user)) return;
    if (task.status === 'OPEN' && (await this.tasks.claim(task.id, user.id, task.department))) return;
    await this.refuseClaim(user, task.id);
  }

  /** A claim that did not take: fine if the task is this clerk's after all (a race with their own other tab), refused otherwise. */
  private async refuseClaim(user: AuthenticatedUser, taskId: string): Promise<void> {
    const current = await this.tasks.claimState(taskId);
    if (current?.status === 'CLAIMED' && current.claimed_by_id === user.id) return;
    if (current?.status === 'CLAIMED') throw new AppError('ALREADY_CLAIMED', 'Refused (ALREADY_CLAIMED): another clerk has claimed this task');
    throw new AppError('TASK_NOT_OPEN', `Refused (TASK_NOT_OPEN): the task is ${current?.status ?? 'gone'}`);
  }

  /** The pinned definition of the task's case and the task's step, without reading the case (the task row names both). */
  private async stepOfTask(task: TaskRow): Promise<{ definition: ProcessDefinition; step: StepDefinition }> {
    const definition = await this.cases.definitionOf({ process: { key: task.process_key, version: task.process_version } });
    const step = definition.steps.find((candidate) => candidate.id === task.step_id);
    if (!step) throw new Error(`task ${task.id}: step ${task.step_id} is not in ${task.process_key} v${task.process_version}`);
    return { definition, step };
  }

  /** The task's case, its pinned definition and the step the task belongs to. */
  private async stepOf(task: TaskRow): Promise<{ record: CaseRecord; definition: ProcessDefinition; step: StepDefinition }> {
    const record = await this.cases.find(task.case_id);
    if (!record) throw new AppError('NOT_FOUND', 'No such task');
    const definition = await this.cases.definitionOf(record);
    const step = definition.steps.find((candidate) => candidate.id === task.step_id);
    if (!step) throw new Error(`task ${task.id}: step ${task.step_id} is not in ${record.process.key} v${record.process.version}`);
    return { record, definition, step };
  }

  /** 404 for no such task and for another department's: a 403 would tell that it exists. */
  private async findForDepartment(user: AuthenticatedUser, id: string): Promise<TaskRow> {
    const department = this.departmentOf(user);
    const task = await this.tasks.find(id.slice(0, 200));
    if (!task || task.department !== department) throw new AppError('NOT_FOUND', 'No such task');
    return task;
  }

  /** Any department code a definition declares: departments are data (the user row holds the clerk's). */
  private departmentOf(user: AuthenticatedUser): string {
    if (user.role !== 'CLERK' || !user.department) throw new AppError('FORBIDDEN', 'Only a department clerk works tasks');
    return user.department;
  }
}
