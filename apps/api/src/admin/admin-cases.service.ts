import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { DataSource } from 'typeorm';
import { decodeHistoryPayloads } from '@onetrip/infrastructure';
import { maskPersonalData, pathLabel, type ProcessDefinition, type StepDefinition } from '@onetrip/domain';
import { caseWorkflowId } from '@onetrip/workflows/contracts';
import { CaseReader, type CaseRecord } from '../applications/case-reader.service';
import { TasksRepository } from '../tasks/tasks.repository';
import { UsersRepository } from '../auth/users.repository';
import { AuditLogService } from '../audit/audit-log.service';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { AppError } from '../common/app-error';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { pageOffset } from '../common/page-query.dto';
import { validationFailed } from '../common/validation';
import { ApiConfig } from '../config/api.config';
import { ComplaintsService } from '../complaints/complaints.service';
import type { AdminCaseActionDto } from './dto/admin-case-action.dto';
import type { AdminCaseListQueryDto } from './dto/admin-case-list-query.dto';
import type { AdminActionResultDto, AdminCaseDetailDto, AdminTaskDto, PendingActivityDto, StuckCaseListDto } from './dto/admin-case-response.dto';
import { CaseWorkflowGateway } from '../temporal/case-workflow.gateway';
import { NotificationsRepository } from '../complaints/notifications.repository';
import { availableActions } from './available-actions';
import { StuckCasesRepository } from './stuck-cases.repository';
import { stuckReasons, type StuckReason } from './stuck-reasons';
import { activityDepartments, workflowTimeline, type StepNamer, type TimelineEntry } from './workflow-timeline';
import { CaseEventsRepository } from './case-events.repository';
import { caseTimeline, storedTimeline } from './case-timeline';

// The case detail shows the latest few complaints and the count; GET /admin/complaints?caseId= pages them all.
const LATEST_COMPLAINTS = 5;

type PendingActivity = temporal.api.workflow.v1.IPendingActivityInfo;
const PendingActivityState = temporal.api.enums.v1.PendingActivityState;
// How long RETRY waits for a running attempt of the step to end before answering 409.
const RETRY_WAIT_FOR_ATTEMPT_MS = 5_000;

/** The step an action names: by id, or by its department when exactly one step has it (the opening's). */
function stepNamed(definition: ProcessDefinition, dto: Pick<AdminCaseActionDto, 'stepId' | 'department'>): StepDefinition | undefined {
  if (dto.stepId) return definition.steps.find((step) => step.id === dto.stepId && (!dto.department || step.department === dto.department));
  if (!dto.department) return undefined;
  const steps = definition.steps.filter((step) => step.department === dto.department);
  return steps.length === 1 ? steps[0] : definition.steps.find((step) => step.id === dto.department);
}

/**
 * Names a step or a department from the case's definition: a step id (the engine's activities and failures
 * name their step) gives the step and its department; a department code its names. Departments are data.
 */
export function stepNamer(definition: ProcessDefinition): StepNamer {
  return (code) => {
    const step = definition.steps.find((candidate) => candidate.id === code);
    const departmentCode = step?.department ?? code;
    const department = definition.departments.find((candidate) => candidate.code === departmentCode);
    if (!step && !department) return undefined;
    return {
      ...(step ? { stepId: step.id, stepName: step.name } : {}),
      department: departmentCode,
      ...(department ? { departmentName: department.name } : {}),
    };
  };
}

/** A stuck reason with its department named from the case's definition. */
function namedReason(reason: StuckReason, name: StepNamer): StuckReason {
  const named = reason.department ? name(reason.department) : undefined;
  return named?.departmentName ? { ...reason, departmentName: named.departmentName } : reason;
}

const iso = (date: Date | null): string | undefined => (date ? date.toISOString() : undefined);
const toDate = (time: { seconds?: unknown; nanos?: number | null } | null | undefined): string | undefined =>
  time ? new Date(Number(time.seconds ?? 0) * 1000 + Math.floor((time.nanos ?? 0) / 1e6)).toISOString() : undefined;

/** Supervision (督查): find the stuck cases, see why, and act on them. */
@Injectable()
export class AdminCasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly client: Client,
    private readonly config: ApiConfig,
    private readonly cases: CaseReader,
    private readonly stuck: StuckCasesRepository,
    private readonly audit: AuditLogService,
    private readonly complaints: ComplaintsService,
    private readonly workflows: CaseWorkflowGateway,
    private readonly taskRows: TasksRepository,
    private readonly users: UsersRepository,
    private readonly auditRows: AuditLogRepository,
    private readonly caseEvents: CaseEventsRepository,
    private readonly notifications: NotificationsRepository,
  ) {}

  private thresholds() {
    return { noProgressMinutes: this.config.STUCK_NO_PROGRESS_MINUTES, awaitingApplicantMinutes: this.config.STUCK_AWAITING_APPLICANT_MINUTES };
  }

  async list(query: AdminCaseListQueryDto): Promise<StuckCaseListDto> {
    const now = new Date();
    if (!query.stuck) return this.listAll(query, now);
    const { ids, total, totalCapped } = await this.stuck.page({
      reason: query.reason,
      department: query.department,
      minAgeMinutes: query.minAgeMinutes,
      q: query.q || undefined,
      offset: pageOffset(query),
      limit: query.limit,
      now,
      ...this.thresholds(),
    });
    const facts = await this.stuck.facts(
      ids.map((id) => id.caseId),
      now,
    );
    const items = ids.flatMap(({ caseId, since }) => {
      const fact = facts.get(caseId);
      if (!fact) return [];
      return [
        {
          caseId,
          status: fact.status,
          enterpriseName: fact.enterpriseName,
          submittedAt: fact.submittedAt.toISOString(),
          stuckSince: since.toISOString(),
          lateMinutes: Math.max(0, Math.round((now.getTime() - since.getTime()) / 60_000)),
          reasons: stuckReasons({ ...fact, now, thresholds: this.thresholds() }),
          process: fact.process,
        },
      ];
    });
    return { items: await this.named(items), total, totalCapped };
  }

  /** Each case's reasons with their departments named from the case's own definition. */
  private async named<T extends { reasons: StuckReason[]; process: { key: string; version: number } }>(items: T[]): Promise<Omit<T, 'process'>[]> {
    return Promise.all(
      items.map(async ({ process, ...item }) => {
        const name = stepNamer(await this.cases.definitionOf({ process }));
        return { ...item, reasons: item.reasons.map((reason) => namedReason(reason, name)) };
      }),
    );
  }

  /** Without `stuck`: every case, newest first, each with its reasons (usually none). */
  private async listAll(query: AdminCaseListQueryDto, now: Date): Promise<StuckCaseListDto> {
    const { rows, total, totalCapped } = await this.stuck.newest(query.limit, pageOffset(query), query.q || undefined);
    const facts = await this.stuck.facts(
      rows.map((row) => row.id),
      now,
    );
    const items = rows.flatMap((row) => {
      const fact = facts.get(row.id);
      if (!fact) return [];
      const reasons = stuckReasons({ ...fact, now, thresholds: this.thresholds() });
      const since = reasons[0] ? new Date(reasons[0].since) : now;
      return [{ caseId: row.id, status: fact.status, enterpriseName: fact.enterpriseName, submittedAt: row.submitted_at.toISOString(), stuckSince: since.toISOString(), lateMinutes: Math.max(0, Math.round((now.getTime() - since.getTime()) / 60_000)), reasons, process: fact.process }];
    });
    return { items: await this.named(items), total, totalCapped };
  }

  private async record(id: string): Promise<CaseRecord> {
    const record = await this.cases.find(id);
    if (!record) throw new AppError('NOT_FOUND', 'No such case');
    return record;
  }

  async detail(admin: AuthenticatedUser, id: string, unmask = false): Promise<AdminCaseDetailDto> {
    const record = await this.record(id);
    const definition = await this.cases.definitionOf(record);
    const name = stepNamer(definition);
    const now = new Date();
    const [[view], tasks, facts, complaints, history, audit, events] = await Promise.all([
      // Masked unless asked: clerks' and applicants' free text is masked as in a list.
      this.cases.views(admin, [record], now, !unmask),
      this.tasks(id),
      this.stuck.facts([id], now),
      this.complaints.latestForCase(id, LATEST_COMPLAINTS),
      this.history(id),
      this.auditTimeline(id, name),
      this.caseEvents.ofCase(id),
    ]);
    if (unmask) await this.audit.record({ actor: admin, action: 'VIEW_PERSONAL_DATA', caseId: id, details: { view: 'ADMIN_CASE' } });
    const usernames = await this.users.usernames(history.actorIds);
    const fact = facts.get(id);
    const actions = availableActions(record.status, tasks, history.pending);
    // The story from PostgreSQL (kept with the case); Temporal's history adds only what is live (waits, failed attempts).
    const timeline = caseTimeline({ audit, stored: storedTimeline(events, name), history: workflowTimeline(history.events, (userId) => usernames.get(userId), name) });
    // The fields a decision sent back, by their labels in the case's form.
    const labelled = (entry: TimelineEntry): TimelineEntry => (entry.fields ? { ...entry, fields: entry.fields.map((field) => ({ ...field, label: pathLabel(definition.form.schema, field.path) })) } : entry);
    // Free text (reasons, complaints, errors) may quote an ID number or a mobile: masked like the form.
    const text = unmask ? (value: string) => value : maskPersonalData;
    const optional = (value: string | undefined): string | undefined => (value === undefined ? undefined : text(value));
    return {
      case: view,
      form: (unmask ? record.form : this.cases.maskedForm(record, definition)) as AdminCaseDetailDto['form'],
      tasks: tasks.map((task) => ({
        ...task,
        returnItems: task.returnItems?.map((item) => ({ ...item, reason: text(item.reason) })),
        rejectReason: optional(task.rejectReason),
      })),
      stuckReasons: (fact ? stuckReasons({ ...fact, now, thresholds: this.thresholds() }) : []).map((reason) => ({
        ...namedReason(reason, name),
        summary: text(reason.summary),
        lastError: optional(reason.lastError),
      })),
      pendingActivities: history.pending.map((activity) => ({ ...activity, lastFailure: optional(activity.lastFailure) })),
      complaints: complaints.items.map((complaint) => ({ ...complaint, text: text(complaint.text), resolution: optional(complaint.resolution) })),
      complaintsTotal: complaints.total,
      timeline: timeline.map((entry) => ({ ...labelled(entry), detail: optional(entry.detail) })),
      availableActions: actions,
    };
  }

  private async tasks(caseId: string): Promise<AdminTaskDto[]> {
    const rows = await this.taskRows.forAdmin(caseId);
    return rows.map((row) => ({
      id: row.id,
      stepId: row.step_id,
      department: row.department,
      round: row.round,
      mode: row.mode,
      status: row.status,
      openedAt: row.opened_at.toISOString(),
      dueAt: row.due_at.toISOString(),
      remindedAt: iso(row.reminded_at),
      overdueAt: iso(row.overdue_at),
      escalatedAt: iso(row.escalated_at),
      claimedBy: row.claimed_by ?? undefined,
      assignedTo: row.assigned_to ?? undefined,
      decidedBy: row.decided_by ?? (row.decided_at ? 'automatic' : undefined),
      decidedAt: iso(row.decided_at),
      returnItems: row.return_items ?? undefined,
      rejectReason: row.reject_reason ?? undefined,
    }));
  }

  /** The workflow's history and its pending activities, from Temporal; empty if it is unreachable or gone. */
  private async history(caseId: string): Promise<{
    events: temporal.api.history.v1.IHistoryEvent[];
    pending: PendingActivityDto[];
    actorIds: string[];
  }> {
    const handle = this.workflows.handle(caseId);
    try {
      const [history, description] = await Promise.all([handle.fetchHistory(), handle.describe()]);
      // Stored payloads are encrypted: decode them before reading arguments out of the history.
      const events = await decodeHistoryPayloads(history.events ?? [], this.client.options.loadedDataConverter.payloadCodecs);
      const departments = activityDepartments(events);
      const pending = (description.raw.pendingActivities ?? []).map((activity: PendingActivity): PendingActivityDto => ({
        activityId: activity.activityId ?? '',
        activityType: activity.activityType?.name ?? '',
        department: departments.get(activity.activityId ?? ''),
        state: PendingActivityState[activity.state ?? 0]?.replace('PENDING_ACTIVITY_STATE_', '') ?? 'UNKNOWN',
        attempt: activity.attempt ?? 1,
        lastFailure: activity.lastFailure?.message ?? undefined,
        lastAttemptCompletedAt: toDate(activity.lastAttemptCompleteTime),
        nextAttemptAt: toDate(activity.nextAttemptScheduleTime),
      }));
      const actorIds = new Set<string>();
      for (const event of events) {
        const args = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args?.payloads?.[0]?.data;
        const match = args ? /"actorId":"([0-9a-f-]{36})"/.exec(Buffer.from(args).toString('utf8')) : null;
        if (match) actorIds.add(match[1]);
      }
      return { events, pending, actorIds: [...actorIds] };
    } catch {
      return { events: [], pending: [], actorIds: [] };
    }
  }

  private async auditTimeline(caseId: string, name: StepNamer): Promise<TimelineEntry[]> {
    const rows = await this.auditRows.ofCase(caseId);
    return rows.map((row) => {
      const code = typeof row.details.stepId === 'string' ? row.details.stepId : typeof row.details.department === 'string' ? row.details.department : undefined;
      const entry: TimelineEntry = {
        at: row.at.toISOString(),
        source: 'AUDIT' as const,
        event: row.action,
        ...(code ? (name(code) ?? { department: code }) : {}),
        actor: row.username ?? (row.actor_role ? undefined : 'system'),
        detail: typeof row.details.reason === 'string' ? row.details.reason : undefined,
      };
      return entry;
    });
  }

  async act(admin: AuthenticatedUser, id: string, dto: AdminCaseActionDto): Promise<AdminActionResultDto> {
    const record = await this.record(id);
    const definition = await this.cases.definitionOf(record);
    const needStep = (): StepDefinition => {
      const step = stepNamed(definition, dto);
      if (step) return step;
      if (!dto.stepId && !dto.department) throw validationFailed([{ path: 'stepId', messages: [`stepId (or department) is required for ${dto.action}`] }]);
      throw validationFailed([{ path: dto.stepId ? 'stepId' : 'department', messages: [`no step of ${definition.key} v${definition.version} is ${dto.stepId ? `"${dto.stepId}"` : `decided by ${dto.department} alone (name it by stepId)`}`] }]);
    };
    let result: string;
    switch (dto.action) {
      case 'REASSIGN':
        result = await this.reassign(admin, record, needStep(), dto);
        break;
      case 'ESCALATE':
        result = await this.escalate(admin, record, dto.stepId || dto.department ? needStep() : null, dto);
        break;
      case 'RETRY':
        result = await this.retry(admin, record, needStep(), dto.reason);
        break;
      case 'REOPEN': {
        const step = needStep();
        // Signed by the gateway, like every command that reaches a workflow.
        // The step id where caseWorkflow reads the department (the same for the opening), so the signature covers it.
        await this.workflows.reopenStep(record.id, { department: step.id, stepId: step.id, actorId: admin.id, reason: dto.reason });
        await this.audit.record({ actor: admin, action: 'REOPEN', caseId: record.id, details: { department: step.department, stepId: step.id, reason: dto.reason } });
        result = `${step.id} reopened`;
        break;
      }
      case 'REMIND_APPLICANT':
        result = await this.remindApplicant(admin, record, dto.reason);
        break;
      case 'CANCEL':
        await this.workflows.cancelCase(record.id, { actorId: admin.id, reason: dto.reason });
        await this.audit.record({ actor: admin, action: 'CANCEL', caseId: record.id, details: { reason: dto.reason } });
        result = 'case cancelled';
        break;
    }
    return { action: dto.action, caseId: record.id, result, detail: await this.detail(admin, record.id) };
  }

  /**
   * Reminds the applicant of the correction the case waits for: a notification through the outbox, at most one
   * per correction round a day (the dedupe key), so a retried or repeated click sends no second one.
   */
  private async remindApplicant(admin: AuthenticatedUser, record: CaseRecord, reason: string): Promise<string> {
    if (record.status !== 'AWAITING_CORRECTION') throw new AppError('NOT_AWAITING_APPLICANT', 'The case is not waiting for the applicant');
    const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const round = record.correctionRound;
    const sent = await this.dataSource.transaction(async (manager) => {
      const inserted = await this.notifications.insertOnce(manager, { dedupeKey: `${record.id}:REMINDER:${round}:${day}`, caseId: record.id, recipientId: record.applicantId, kind: 'CORRECTION_REMINDER', payload: { round } });
      if (!inserted) return false;
      await this.audit.record({ actor: admin, action: 'REMIND_APPLICANT', caseId: record.id, details: { round, reason } }, manager);
      return true;
    });
    return sent ? `applicant reminded of correction round ${round}` : `applicant already reminded today of correction round ${round}`;
  }

  /** The clerks of a department, for the reassign list. */
  async clerks(department: string): Promise<{ items: { username: string; name: string }[] }> {
    return { items: await this.users.clerksOf(department) };
  }

  private async reassign(admin: AuthenticatedUser, record: CaseRecord, step: StepDefinition, dto: AdminCaseActionDto): Promise<string> {
    if (!dto.clerk) throw validationFailed([{ path: 'clerk', messages: ['clerk is required for REASSIGN'] }]);
    const department = step.department;
    const clerk = await this.users.clerkId(dto.clerk, department);
    if (!clerk) throw validationFailed([{ path: 'clerk', messages: [`no clerk of ${department} with that username`] }]);
    const task = await this.taskRows.openTask(record.id, step.id);
    if (!task) throw new AppError('NO_OPEN_TASK', `${step.id} has no open task to reassign`);
    await this.dataSource.transaction(async (manager) => {
      await this.taskRows.assign(manager, task.id, clerk);
      await this.audit.record(
        { actor: admin, action: 'REASSIGN', caseId: record.id, taskId: task.id, details: { department, stepId: step.id, clerk: dto.clerk, previous: task.claimed_by, reason: dto.reason } },
        manager,
      );
    });
    return `${step.id} task reassigned to ${dto.clerk}`;
  }

  private async escalate(admin: AuthenticatedUser, record: CaseRecord, step: StepDefinition | null, dto: AdminCaseActionDto): Promise<string> {
    const escalated = await this.dataSource.transaction(async (manager) => {
      const rows = await this.taskRows.escalate(manager, record.id, step?.id ?? null);
      if (rows.length === 0) return rows;
      await this.audit.record(
        { actor: admin, action: 'ESCALATE', caseId: record.id, details: { department: step?.department, stepId: step?.id, departments: rows.map((row) => row.department), reason: dto.reason } },
        manager,
      );
      return rows;
    });
    if (escalated.length === 0) throw new AppError('NO_OPEN_TASK', 'No open step to escalate');
    return `escalated: ${escalated.map((row) => row.step_id).join(', ')}`;
  }

  /**
   * Waits (a few seconds at most) until no attempt of the activity is running. A reset that arrives while an
   * attempt runs is deferred by the server, and that attempt's own failure is then dropped: the step would sit
   * until its start-to-close timeout instead of running again now.
   */
  private async untilBetweenAttempts(caseId: string, activityId: string): Promise<void> {
    const handle = this.workflows.handle(caseId);
    const deadline = Date.now() + RETRY_WAIT_FOR_ATTEMPT_MS;
    for (;;) {
      const description = await handle.describe();
      const activity = (description.raw.pendingActivities ?? []).find((pending: PendingActivity) => pending.activityId === activityId);
      if (!activity || activity.state !== PendingActivityState.PENDING_ACTIVITY_STATE_STARTED) return;
      if (Date.now() > deadline) throw new AppError('STEP_ATTEMPT_RUNNING', 'An attempt of this step is running now: retry once it has ended');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Runs a failing step again now, its attempts counted from 1 (Temporal ResetActivity). */
  private async retry(admin: AuthenticatedUser, record: CaseRecord, step: StepDefinition, reason: string): Promise<string> {
    const history = await this.history(record.id);
    // The activity names its step (the engine) or its department (caseWorkflow's cases): the same for the opening.
    const failing = history.pending.find((activity) => activity.department === step.id);
    const department = step.id;
    if (!failing) throw new AppError('NO_STEP_IN_FLIGHT', `${department} has no step in flight to retry`);
    await this.untilBetweenAttempts(record.id, failing.activityId);
    const namespace = this.client.options.namespace;
    try {
      await this.client.workflowService.resetActivity({
        namespace,
        execution: { workflowId: caseWorkflowId(record.id) },
        id: failing.activityId,
        resetHeartbeat: true,
        identity: `onetrip-admin:${admin.username}`,
      });
    } catch (error) {
      throw new AppError('NO_STEP_IN_FLIGHT', `Temporal refused to retry the step: ${error instanceof Error ? error.message : String(error)}`);
    }
    await this.audit.record({ actor: admin, action: 'RETRY', caseId: record.id, details: { department, activity: failing.activityType, attempts: failing.attempt, lastFailure: failing.lastFailure, reason } });
    return `${department}: ${failing.activityType} retried now (was attempt ${failing.attempt})`;
  }
}
