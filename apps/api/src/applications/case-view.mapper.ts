import {
  evaluateCondition,
  FEE_PAYERS,
  maskApplicationForm,
  maskPersonalData,
  STEP_STATUSES,
  workingMinutesBetween,
  type ApplicationForm,
  type CaseStatus,
  type FeePayer,
  type ProcessDefinition,
  type StepStatus,
  type WorkingCalendar,
} from '@onetrip/domain';
import type { CaseApplicantDto, CaseResponseDto, CaseStepDto, CorrectionItemDto, CorrectionNoticeDto, FeesDto, RuleFlagDto } from './dto/case-response.dto';

// The case view is built from the `cases` row and the `tasks` table only (never from Temporal), so a
// read is one or two indexed queries however busy the workflows are.

/** A `cases` row as the view needs it. */
export interface CaseViewSource {
  id: string;
  status: CaseStatus;
  submittedAt: Date;
  completedAt: Date | null;
  correctionRound: number;
  correction: unknown;
  outcome: unknown;
  fees: unknown;
  endReason: string | null;
  flags: unknown;
  /** The form as filed (opened); an enterprise opening's is an ApplicationForm. */
  form: ApplicationForm;
  /** The definition version the case pinned at filing. */
  process: { key: string; version: number };
}

/** A `tasks` row as the view needs it; any round, the mapper picks the latest per step. */
export interface StepTaskSource {
  stepId: string;
  department: string;
  round: number;
  status: string;
  dueAt: Date;
  overdueAt: Date | null;
  decidedAt: Date | null;
  outputs: Record<string, unknown> | null;
}

const OPEN_STATUSES: readonly string[] = ['OPEN', 'CLAIMED'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Open or claimed, and either escalated by the workflow or past its due time already. */
export function isTaskOverdue(task: Pick<StepTaskSource, 'status' | 'dueAt' | 'overdueAt'>, now: Date): boolean {
  return OPEN_STATUSES.includes(task.status) && (task.overdueAt !== null || task.dueAt.getTime() < now.getTime());
}

/** A step the form does not need (its `when` is false) shows SKIPPED, unless a task of it is already in hand. */
function isSkipped(step: ProcessDefinition['steps'][number], form: unknown, task: StepTaskSource | undefined): boolean {
  if (task && task.status !== 'SKIPPED' && task.status !== 'PENDING') return false;
  return task?.status === 'SKIPPED' || (step.when !== undefined && !evaluateCondition(step.when, form));
}

/** Every step of the pinned definition in its order; a step with no task yet is PENDING (or SKIPPED). */
export function toSteps(definition: ProcessDefinition, tasks: readonly StepTaskSource[], form: unknown, now: Date, calendar?: WorkingCalendar): CaseStepDto[] {
  const latest = new Map<string, StepTaskSource>();
  for (const task of tasks) {
    const current = latest.get(task.stepId);
    if (!current || task.round > current.round) latest.set(task.stepId, task);
  }
  return definition.steps.map((definitionStep): CaseStepDto => {
    const task = latest.get(definitionStep.id);
    const base = { stepId: definitionStep.id, name: definitionStep.name, department: definitionStep.department, dependsOn: [...definitionStep.dependsOn] };
    if (isSkipped(definitionStep, form, task)) return { ...base, status: 'SKIPPED' as StepStatus, overdue: false };
    if (!task) return { ...base, status: 'PENDING', overdue: false };
    const status = (STEP_STATUSES as readonly string[]).includes(task.status) ? (task.status as StepStatus) : 'PENDING';
    const step: CaseStepDto = { ...base, status, round: task.round, overdue: isTaskOverdue(task, now) };
    if (OPEN_STATUSES.includes(task.status)) {
      step.dueAt = task.dueAt.toISOString();
      // Limits are in working time: "16 hours left" on a Friday evening is not 16 clock hours.
      if (calendar && task.dueAt.getTime() > now.getTime()) step.workingMinutesLeft = workingMinutesBetween(calendar, now, task.dueAt);
    }
    if (task.status === 'DONE' && task.decidedAt) step.completedAt = task.decidedAt.toISOString();
    if (task.outputs && Object.keys(task.outputs).length > 0) step.outputs = task.outputs;
    return step;
  });
}

/** The stored notice (`{ round, items }`, written by the worker) as the applicant reads it. */
export function toCorrectionNotice(stored: unknown, correctionRound: number): CorrectionNoticeDto | undefined {
  if (!isRecord(stored)) return undefined;
  const items = (Array.isArray(stored.items) ? stored.items : []).flatMap((item): CorrectionItemDto[] =>
    isRecord(item) && typeof item.department === 'string' && typeof item.field === 'string'
      ? [{ department: item.department, field: item.field, reason: typeof item.reason === 'string' ? item.reason : '' }]
      : [],
  );
  return { round: typeof stored.round === 'number' ? stored.round : correctionRound, items };
}

/** The fields a correction notice asks for (what a correction may change). */
export function correctionFields(stored: unknown): string[] {
  return toCorrectionNotice(stored, 0)?.items.map((item) => item.field) ?? [];
}

export function toFees(stored: unknown): FeesDto {
  const fees = isRecord(stored) ? stored : {};
  const items = (Array.isArray(fees.items) ? fees.items : []).filter(isRecord).map((item) => ({
    code: String(item.code),
    description: String(item.description),
    ...(typeof item.descriptionZh === 'string' ? { descriptionZh: item.descriptionZh } : {}),
    amount: String(item.amount),
    payer: ((FEE_PAYERS as readonly string[]).includes(String(item.payer)) ? item.payer : 'GOVERNMENT') as FeePayer,
  }));
  return { items, applicantTotal: String(fees.applicantTotal ?? '0.00'), borneByOthers: String(fees.borneByOthers ?? '0.00') };
}

export function toFlags(stored: unknown): RuleFlagDto[] {
  return (Array.isArray(stored) ? stored : [])
    .filter(isRecord)
    .map((flag) => ({ path: String(flag.path), code: String(flag.code), message: String(flag.message ?? '') }));
}

/**
 * The case view; `includeForm` only for the applicant or window who own the case (their own data).
 * In a list (`listed`) ID numbers and mobiles are masked, in the form and in clerks' free text too:
 * a list is glanced at and cached; the full values are on the case's own page.
 */
export function toCaseView(
  row: CaseViewSource,
  definition: ProcessDefinition,
  tasks: readonly StepTaskSource[],
  options: { now: Date; includeForm: boolean; listed?: boolean; maskForm?: (form: ApplicationForm) => unknown; calendar?: WorkingCalendar; applicant?: CaseApplicantDto },
): CaseResponseDto {
  const text = options.listed ? maskPersonalData : (value: string) => value;
  const view: CaseResponseDto = {
    id: row.id,
    status: row.status,
    submittedAt: row.submittedAt.toISOString(),
    process: { key: row.process.key, version: row.process.version, name: definition.name },
    steps: toSteps(definition, tasks, row.form, options.now, options.calendar),
    fees: toFees(row.fees),
  };
  if (row.completedAt) view.completedAt = row.completedAt.toISOString();
  if (row.status === 'AWAITING_CORRECTION') {
    const notice = toCorrectionNotice(row.correction, row.correctionRound);
    if (notice) view.correction = { ...notice, items: notice.items.map((item) => ({ ...item, reason: text(item.reason) })) };
  }
  if (isRecord(row.outcome)) view.outcome = row.outcome;
  if (row.endReason) view.endReason = text(row.endReason);
  const flags = toFlags(row.flags);
  if (flags.length > 0) view.flags = flags;
  if (options.includeForm) view.form = (options.listed ? (options.maskForm ?? maskApplicationForm)(row.form) : row.form) as ApplicationForm;
  if (options.applicant) view.applicant = options.applicant;
  return view;
}
