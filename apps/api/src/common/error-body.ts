import { DomainError } from '@onetrip/domain';
import { AppError, DefinitionInvalidError, ERROR_STATUS, type ErrorCode, type FieldError, generalError, isErrorCode, type ProblemAtPath } from './app-error';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './database-errors';

export interface ErrorBody {
  statusCode: number;
  /** The general kind (VALIDATION_FAILED, CONFLICT, …), as it always was. */
  error: string;
  /** Which error exactly: stable and machine-readable, what clients branch on (ERROR_STATUS). */
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
  details?: Record<string, unknown>;
  /** PROCESS_DEFINITION_INVALID: every rule the uploaded definition breaks, by JSON path. */
  problems?: ProblemAtPath[];
}

export function coded(code: ErrorCode, message: string, fields?: FieldError[], details?: Record<string, unknown>): ErrorBody {
  return { statusCode: ERROR_STATUS[code], error: generalError(code), code, message, ...(fields ? { fields } : {}), ...(details ? { details } : {}) };
}

/** The body of an error the app threw itself (not Nest's HttpExceptions); null when it is none of ours. */
export function errorBody(exception: unknown): ErrorBody | null {
  if (exception instanceof DefinitionInvalidError) return { ...coded(exception.code, exception.message, exception.fields), problems: exception.problems };
  if (exception instanceof AppError) return coded(exception.code, exception.message, exception.fields, exception.details);
  // A rule of the domain refused the input or the state: the caller's doing, so 400/409 with its code.
  if (exception instanceof DomainError) return coded(isErrorCode(exception.code) ? exception.code : 'INVALID_ARGUMENT', exception.message);
  if (isDatabaseUnavailable(exception)) return coded('DATABASE_UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE);
  return null;
}
