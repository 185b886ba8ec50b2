import { DomainError } from '../errors/domain-error';

// A case (办件) is one application; it has one step per department.

export const CASE_STATUSES = ['SUBMITTED', 'IN_PROGRESS', 'AWAITING_CORRECTION', 'COMPLETED', 'REJECTED', 'CANCELLED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const STEP_STATUSES = ['PENDING', 'OPEN', 'CLAIMED', 'RETURNED', 'DONE', 'REJECTED', 'CANCELLED'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/**
 * OPEN: its dependencies are met (the licence exists). CLAIM/RELEASE: a clerk takes or gives back the task.
 * COMPLETE/RETURN/REJECT come from a clerk (CLAIMED) or an automatic decision (OPEN). REOPEN: after the
 * applicant's correction, a returned step, or a done step that reads a changed field, opens again.
 */
export const STEP_EVENTS = ['OPEN', 'CLAIM', 'RELEASE', 'COMPLETE', 'RETURN', 'REJECT', 'REOPEN', 'CANCEL'] as const;
export type StepEvent = (typeof STEP_EVENTS)[number];

export const STEP_TRANSITIONS: Readonly<Record<StepStatus, Readonly<Partial<Record<StepEvent, StepStatus>>>>> = {
  PENDING: { OPEN: 'OPEN', CANCEL: 'CANCELLED' },
  OPEN: { CLAIM: 'CLAIMED', COMPLETE: 'DONE', RETURN: 'RETURNED', REJECT: 'REJECTED', CANCEL: 'CANCELLED' },
  CLAIMED: { RELEASE: 'OPEN', COMPLETE: 'DONE', RETURN: 'RETURNED', REJECT: 'REJECTED', CANCEL: 'CANCELLED' },
  RETURNED: { REOPEN: 'OPEN', CANCEL: 'CANCELLED' },
  // A done step stays done if the case is cancelled: its result (a licence, a seal) exists.
  DONE: { REOPEN: 'OPEN' },
  REJECTED: {},
  CANCELLED: {},
};

export class IllegalStepTransitionError extends DomainError {
  constructor(
    readonly from: StepStatus,
    readonly event: StepEvent,
  ) {
    super('ILLEGAL_STEP_TRANSITION', `A step that is ${from} cannot take the event ${event}`);
  }
}

export function canApplyStepEvent(current: StepStatus, event: StepEvent): boolean {
  return STEP_TRANSITIONS[current][event] !== undefined;
}

/** The status after the event; throws IllegalStepTransitionError (e.g. DONE + CLAIM). */
export function nextStepStatus(current: StepStatus, event: StepEvent): StepStatus {
  const next = STEP_TRANSITIONS[current][event];
  if (next === undefined) throw new IllegalStepTransitionError(current, event);
  return next;
}

/** No event leads out of these. DONE is not terminal: a correction may reopen it. */
export function isTerminalStepStatus(status: StepStatus): boolean {
  return Object.keys(STEP_TRANSITIONS[status]).length === 0;
}

export function isTerminalCaseStatus(status: CaseStatus): boolean {
  return status === 'COMPLETED' || status === 'REJECTED' || status === 'CANCELLED';
}

/**
 * The case status implied by its steps (for read models): one rejection rejects the case; any return
 * means the applicant must correct; all done means completed; nothing started yet means submitted.
 */
export function deriveCaseStatus(steps: readonly StepStatus[], options: { cancelled?: boolean } = {}): CaseStatus {
  if (options.cancelled || steps.includes('CANCELLED')) return 'CANCELLED';
  if (steps.includes('REJECTED')) return 'REJECTED';
  if (steps.length > 0 && steps.every((s) => s === 'DONE')) return 'COMPLETED';
  if (steps.includes('RETURNED')) return 'AWAITING_CORRECTION';
  if (steps.every((s) => s === 'PENDING')) return 'SUBMITTED';
  return 'IN_PROGRESS';
}
