import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseStatus, Department, StepStatus, WorkingCalendar } from '@onetrip/domain';

// The joint-window case (一件事一次办): one workflow per case. Names, messages and their types
// shared by the API (which starts the workflow and sends clerks' decisions) and the worker.

export const CASE_WORKFLOW = 'caseWorkflow';

export type { CaseStatus, CorrectionItem, StepStatus } from '@onetrip/domain';
export type DepartmentCode = Department;

/** SYSTEM: the department's own system decides (processWorkflow only; docs/connectors.md). */
export type DepartmentMode = 'MANUAL' | 'AUTO' | 'SYSTEM';

/** Case ids are random UUIDs; the workflow id carries nothing else (no personal data). */
export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}

/** How a case is run, fixed at submission so a running case never changes rules under it. */
export interface CasePolicy {
  modes: Record<DepartmentCode, DepartmentMode>;
  /** Each department's time limit, in working minutes of `calendar`. */
  timeLimitMinutes: Record<DepartmentCode, number>;
  /** How long before the limit the reminder goes out, in working minutes. */
  reminderLeadMinutes: number;
  calendar: WorkingCalendar;
  /** Form rules that AUTO decisions apply (the API applied the same ones at submission). */
  rules: { jurisdiction: { divisionCode: string; name: string }; forbiddenWords: string[] };
  /**
   * The API signs every decision (DECISION_SIGNING_KEY is set): the Update's validator refuses an unsigned
   * one at once. The worker's activity checks the signature itself either way. Absent in cases started earlier.
   */
  signedDecisions?: boolean;
}

export interface CaseWorkflowInput {
  caseId: string;
  policy: CasePolicy;
}

export interface CaseWorkflowResult {
  status: Extract<CaseStatus, 'COMPLETED' | 'REJECTED' | 'CANCELLED'>;
  reason?: string;
}

export interface ReturnItem {
  field: string;
  reason: string;
}

export type TaskDecisionKind = 'COMPLETE' | 'RETURN' | 'REJECT';

/** A clerk's (or an admin's) decision on one department task. */
export interface TaskDecision {
  taskId: string;
  actorId: string;
  decision: TaskDecisionKind;
  outputs?: Record<string, string>;
  items?: ReturnItem[];
  reason?: string;
  /** When the API signed the decision (ISO); part of what the signature covers. */
  signedAt?: string;
  /**
   * The API's HMAC over the decision (DecisionSigner): the worker's activity refuses a decision without a
   * valid one, so an Update sent to Temporal directly, not through the API's checks, changes nothing.
   */
  signature?: string;
}

export interface TaskDecisionResult {
  taskId: string;
  /**
   * The step's department. processWorkflow answers a definition's own code here (departments are data); the
   * type stays the five codes until the API's task response takes any code (TODO eng-cases: widen to string).
   */
  department: DepartmentCode;
  /** processWorkflow: the step's id in its definition. */
  stepId?: string;
  status: StepStatus;
  /** What the department issued (structured per department, see DepartmentOutputs in libs/domain). */
  outputs?: Record<string, unknown>;
}

/**
 * What the API adds to a cancellation, a reopening or a correction (DecisionSigner.commandSignature): the
 * worker checks it before the workflow acts, so an Update sent to Temporal directly changes nothing.
 */
export interface CommandSignature {
  /** When the API signed the command (ISO); part of what the signature covers. */
  signedAt?: string;
  signature?: string;
}

/** The applicant's correction, stored first (it holds personal data); the update names it by id. */
export interface CorrectionSubmission extends CommandSignature {
  correctionId: string;
  round: number;
  actorId: string;
}

export interface CorrectionResult {
  changedPaths: string[];
  /** The steps opened again at once (caseWorkflow: departments; processWorkflow: step ids). */
  reopened: string[];
  /** processWorkflow: finished steps downstream of a reopened one, waiting to open again once it is done. */
  waiting?: string[];
  /** processWorkflow: the steps not needed for the corrected form (their `when` does not hold). */
  skipped?: string[];
}

export interface CaseCancellation extends CommandSignature {
  actorId: string;
  reason: string;
}

export interface StepState {
  /** processWorkflow: the step's id in its definition (the enterprise opening's are the department codes). */
  stepId?: string;
  department: string;
  status: StepStatus;
  round: number;
  taskId?: string;
  mode: DepartmentMode;
  dueAt?: string;
  overdue: boolean;
}

export interface CaseState {
  caseId: string;
  status: CaseStatus;
  correctionRound: number;
  steps: StepState[];
}

// Why an Update was refused by its validator (the API answers 409 with the code).
export const UPDATE_REFUSALS = {
  TASK_NOT_OPEN: 'TASK_NOT_OPEN',
  CASE_CLOSED: 'CASE_CLOSED',
  NOT_AWAITING_CORRECTION: 'NOT_AWAITING_CORRECTION',
  INVALID_DECISION: 'INVALID_DECISION',
  DECISION_NOT_SIGNED: 'DECISION_NOT_SIGNED',
  /** processWorkflow: no notice period of the case is open for objections (none yet, or it has ended). */
  NOTICE_NOT_OPEN: 'NOTICE_NOT_OPEN',
} as const;
export type UpdateRefusal = keyof typeof UPDATE_REFUSALS;

// Updates, not Signals: the clerk learns at once whether the decision was accepted and what it did.
export const decideTaskUpdate = defineUpdate<TaskDecisionResult, [TaskDecision]>('decideTask');
export const submitCorrectionUpdate = defineUpdate<CorrectionResult, [CorrectionSubmission]>('submitCorrection');
export const cancelCaseUpdate = defineUpdate<CaseState, [CaseCancellation]>('cancelCase');
/** An admin sends a finished step back to its department (a new round of the same step). */
export interface StepReopening extends CommandSignature {
  /** caseWorkflow's cases name the department; processWorkflow takes `stepId` and falls back to `department`. */
  department: DepartmentCode;
  /** processWorkflow: the step to reopen. The signature covers `department`: a step-id-only reopening is signed with the step id there. */
  stepId?: string;
  actorId: string;
  reason: string;
}
export const reopenStepUpdate = defineUpdate<StepState, [StepReopening]>('reopenStep');
export const caseStateQuery = defineQuery<CaseState>('caseState');
