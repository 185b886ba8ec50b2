import { ServiceError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { AppError, ERROR_STATUS, isErrorCode } from './app-error';

/** The failure type of a refused or failed Update (e.g. TASK_NOT_OPEN, NAME_TAKEN); null for other errors. */
export function updateRefusalType(error: unknown): string | null {
  if (!(error instanceof WorkflowUpdateFailedError)) return null;
  return error.cause instanceof ApplicationFailure && error.cause.type ? error.cause.type : 'UPDATE_FAILED';
}

/**
 * Turns what an Update call threw into the API's coded error: a refusal (validator or handler failure)
 * or a workflow that has already ended → 409 with the refusal's type as its code; Temporal unreachable → 503.
 * Anything else is a bug and is rethrown as it is.
 */
export function toUpdateError(error: unknown): Error {
  const type = updateRefusalType(error);
  if (type !== null) {
    const cause = (error as WorkflowUpdateFailedError).cause;
    const detail = cause instanceof ApplicationFailure && cause.message ? `: ${cause.message}` : '';
    // The workflow's refusal type is the code when the API knows it (TASK_NOT_OPEN, NAME_TAKEN, …).
    return new AppError(isErrorCode(type) && ERROR_STATUS[type] === 409 ? type : 'UPDATE_REFUSED', `Refused (${type})${detail}`);
  }
  if (error instanceof WorkflowNotFoundError) return new AppError('CASE_CLOSED', 'Refused (CASE_CLOSED): the case has already ended');
  if (error instanceof ServiceError || error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    // The gRPC detail stays in the log (via cause), not in the answer.
    return Object.assign(new AppError('WORKFLOW_UNAVAILABLE', 'The workflow service did not answer; try again'), { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}
