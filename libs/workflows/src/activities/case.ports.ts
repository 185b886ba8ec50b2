import type { ApplicationForm, Department } from '@onetrip/domain';
import type { ProcessDefinition } from '@onetrip/domain/engine/process-definition';
import type { StepCorrectionItem } from '@onetrip/domain/engine/process-graph';
import type { CasePolicy, CaseStatus, CorrectionItem, DepartmentMode, DepartmentSystemAnswer, DepartmentSystemRequest, PostalShipmentAnswer, PostalShipmentRequest, ReturnItem, StepStatus } from '../contracts';

// What the case activities need from the outside world; the worker wires PostgreSQL adapters,
// a test can hand in its own.

export interface CaseRecord {
  id: string;
  applicantId: string;
  status: CaseStatus;
  form: ApplicationForm;
  policy: CasePolicy;
  uscc: string | null;
  correctionRound: number;
  /** The definition version the case pinned at filing. */
  process: { key: string; version: number };
}

export interface TaskRecord {
  id: string;
  caseId: string;
  department: string;
  stepId: string;
  round: number;
  status: StepStatus;
  outputs: Record<string, unknown> | null;
}

export interface OpenTask {
  id: string;
  caseId: string;
  department: string;
  /** The definition's step (caseWorkflow's cases: the department code). */
  stepId: string;
  round: number;
  mode: DepartmentMode;
  openedAt: Date;
  dueAt: Date;
  /** The case's first step: its opening also starts the case's story (case_events). */
  firstOfCase?: boolean;
}

export interface TaskDecisionRecord {
  taskId: string;
  caseId: string;
  status: Extract<StepStatus, 'DONE' | 'RETURNED' | 'REJECTED'>;
  actorId: string | null;
  outputs?: Record<string, unknown>;
  returnItems?: ReturnItem[];
  rejectReason?: string;
  decidedAt: Date;
  /** SAMR's licence: the name (normalised) is registered and the USCC set on the case in the same transaction. */
  licence?: { enterpriseName: string; uscc: string };
}

export interface AppliedCorrection {
  correctionId: string;
  form: ApplicationForm;
  changedPaths: string[];
}

export interface PendingCorrection {
  id: string;
  round: number;
  status: 'PENDING' | 'APPLIED' | 'REFUSED';
  changes: Record<string, unknown>;
  changedPaths: string[] | null;
}

export interface CaseStore {
  getCase(caseId: string): Promise<CaseRecord>;
  /** A completed case's licence number and its mail item number once the postal system issued one. */
  shipmentOf?(caseId: string): Promise<{ licenseNumber: string | null; trackingNumber: string | null }>;
  /** Keeps the case's one mail item number (the first written stays) and adds it to the outcome the pages read. */
  recordShipment?(caseId: string, trackingNumber: string, at: Date): Promise<string>;
  getTask(taskId: string): Promise<TaskRecord | null>;
  /** The case and one of its tasks (null: no such task) in one round trip: what a clerk's decision reads first. */
  getCaseWithTask(caseId: string, taskId: string): Promise<{ record: CaseRecord; task: TaskRecord | null }>;
  /** Inserts the task unless it exists (a retried activity writes nothing twice); the case is IN_PROGRESS. True when this call inserted it. */
  openTask(task: OpenTask): Promise<boolean>;
  /**
   * openTask, answering also the case as it is after it and the simulated department system's outage message
   * (if it is down, for everyone or for this case), in one round trip.
   */
  /** `outage: false`: a clerk's step, which no department outage holds back (the outage is not read). */
  openTaskReading(task: OpenTask, options?: { outage?: boolean }): Promise<{ opened: boolean; record: CaseRecord; outage: string | null }>;
  nextEnterpriseSequence(): Promise<number>;
  /** Writes a decision on an open task; false when the task was already decided (a retry). Throws NameTakenError. */
  saveDecision(decision: TaskDecisionRecord): Promise<boolean>;
  markReminded(taskId: string, at: Date): Promise<void>;
  markOverdue(taskId: string, at: Date): Promise<void>;
  requestCorrection(caseId: string, round: number, items: (CorrectionItem | StepCorrectionItem)[], at: Date): Promise<void>;
  getCorrection(correctionId: string): Promise<PendingCorrection | null>;
  /** Saves the corrected form and marks the correction applied, once. */
  saveCorrection(caseId: string, correction: AppliedCorrection, at: Date): Promise<void>;
  doneOutputs(caseId: string): Promise<Partial<Record<Department, Record<string, unknown>>>>;
  /** The case and the latest DONE outputs of each step, by step id, in one round trip (the outcome's inputs). */
  getCaseWithOutputs(caseId: string): Promise<{ record: CaseRecord; outputsByStep: Record<string, Record<string, unknown>> }>;
  completeCase(caseId: string, outcome: Record<string, unknown>, at: Date): Promise<void>;
  endCase(caseId: string, status: Extract<CaseStatus, 'REJECTED' | 'CANCELLED'>, reason: string, at: Date): Promise<void>;
}

/**
 * The stored process definitions, by key and version. Rows never change once stored, so the worker keeps
 * them cached: the definition never travels in activity calls.
 */
export interface ProcessDefinitions {
  /** Throws when the version is not stored. */
  get(key: string, version: number): Promise<ProcessDefinition>;
}

/** Why a decision did not come from the API (no signature, a wrong one, too old), or null when it did. */
export interface DecisionVerifier {
  problem(decision: {
    caseId: string;
    taskId: string;
    decision: string;
    actorId: string;
    outputs?: Record<string, string>;
    items?: ReturnItem[];
    reason?: string;
    signedAt?: string;
    signature?: string;
    decidedAt: string;
  }): { type: 'DECISION_NOT_SIGNED' | 'DECISION_SIGNATURE_INVALID'; message: string } | null;
  /** The same for a cancellation, a reopening or a correction; `receivedAt` is the workflow's time. */
  commandProblem(command: SignedCaseCommand): { type: 'DECISION_NOT_SIGNED' | 'DECISION_SIGNATURE_INVALID'; message: string } | null;
}

/** A command on a whole case, with the API's signature (if any) and when the workflow received it. */
export type SignedCaseCommand = (
  | { command: 'cancelCase'; caseId: string; actorId: string; reason: string }
  | { command: 'reopenStep'; caseId: string; actorId: string; department: string; reason: string }
  | { command: 'submitCorrection'; caseId: string; actorId: string; correctionId: string; round: number }
) & { signedAt?: string; signature?: string; receivedAt: string };

export type NotificationKind = 'SUBMITTED' | 'CORRECTION_NEEDED' | 'COMPLETED' | 'REJECTED' | 'CANCELLED';

export interface ApplicantNotification {
  caseId: string;
  recipientId: string;
  kind: NotificationKind;
  /** Same key, same notification: a retried activity sends nothing twice. */
  dedupeKey: string;
  payload: Record<string, unknown>;
}

/** Where notifications to the applicant go (the default adapter stores them in an outbox table). */
export interface Notifier {
  notify(notification: ApplicantNotification): Promise<void>;
}

export class NameTakenError extends Error {
  constructor() {
    super('The enterprise name is already registered');
    this.name = 'NameTakenError';
  }
}

/** A notice period as the public list shows it: the subject by name and code only (no personal data). */
export interface PublicNoticeRecord {
  caseId: string;
  stepId: string;
  /** The notice step's task (open while the notice runs). */
  taskId: string;
  subjectName: string;
  subjectCode: string;
  startsAt: Date;
  endsAt: Date;
}

/** Where notice periods are published (公示); writes are idempotent by task id. */
export interface NoticeStore {
  publish(notice: PublicNoticeRecord): Promise<void>;
  close(taskId: string, at: Date): Promise<void>;
}

/**
 * The departments' own systems (SYSTEM mode): sends a task to its department's system, signed, with the task id as
 * idempotency key and a timeout. Throws (retryably) when the system cannot be reached, times out, answers 5xx or an
 * answer it cannot read: the activity's retries are the backoff, and the failure shows in the stuck list.
 */
export interface DepartmentSystems {
  submit(request: DepartmentSystemRequest): Promise<DepartmentSystemAnswer>;
  /** Whether a postal system (POSTAL) is configured: without one a free-mail case gets no item number. */
  readonly postal?: boolean;
  /** Hands a free-mail shipment to the postal system; throws (retryably) like `submit`. */
  ship?(request: PostalShipmentRequest): Promise<PostalShipmentAnswer>;
}
