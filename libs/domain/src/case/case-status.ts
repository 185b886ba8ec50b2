import { DomainError } from '../errors/domain-error';

// A case (办件) is one application; it has one step per department.

export const CASE_STATUSES = ['SUBMITTED', 'IN_PROGRESS', 'AWAITING_CORRECTION', 'COMPLETED', 'REJECTED', 'CANCELLED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

// SKIPPED: the step's `when` does not hold for the form, so it is not needed (the generic workflow only).
export const STEP_STATUSES = ['PENDING', 'OPEN', 'CLAIMED', 'RETURNED', 'DONE', 'REJECTED', 'CANCELLED', 'SKIPPED'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** A step-event name, kept only for IllegalStepTransitionError (the API's error codes list it). */
export type StepEvent = 'OPEN' | 'CLAIM' | 'RELEASE' | 'COMPLETE' | 'RETURN' | 'REJECT' | 'REOPEN' | 'CANCEL';

export class IllegalStepTransitionError extends DomainError {
  constructor(
    readonly from: StepStatus,
    readonly event: StepEvent,
  ) {
    super('ILLEGAL_STEP_TRANSITION', `A step that is ${from} cannot take the event ${event}`);
  }
}

export function isTerminalCaseStatus(status: CaseStatus): boolean {
  return status === 'COMPLETED' || status === 'REJECTED' || status === 'CANCELLED';
}
