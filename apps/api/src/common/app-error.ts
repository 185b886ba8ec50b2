import { HttpStatus } from '@nestjs/common';

/**
 * Error codes the API answers with (the body's `code`), each with its HTTP status: the global filter maps
 * them, the OpenAPI document lists them per operation, and the web app turns each into words. Stable: a
 * client may branch on them; never rename one.
 */
export const ERROR_STATUS = {
  // General: one per kind of refusal.
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  BODY_UNREADABLE: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  METHOD_NOT_ALLOWED: HttpStatus.METHOD_NOT_ALLOWED,
  CONFLICT: HttpStatus.CONFLICT,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  IDEMPOTENCY_KEY_REUSED: HttpStatus.CONFLICT,
  WORKFLOW_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  DATABASE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  INTERNAL: HttpStatus.INTERNAL_SERVER_ERROR,
  // A decision or a request the case's state refuses (most from the workflow's Update validators).
  USERNAME_TAKEN: HttpStatus.CONFLICT,
  NAME_TAKEN: HttpStatus.CONFLICT,
  TASK_NOT_OPEN: HttpStatus.CONFLICT,
  ALREADY_CLAIMED: HttpStatus.CONFLICT,
  NOT_AWAITING_CORRECTION: HttpStatus.CONFLICT,
  CASE_CLOSED: HttpStatus.CONFLICT,
  INVALID_DECISION: HttpStatus.CONFLICT,
  NO_OPEN_TASK: HttpStatus.CONFLICT,
  NO_STEP_IN_FLIGHT: HttpStatus.CONFLICT,
  COMPLAINT_RESOLVED: HttpStatus.CONFLICT,
  UPDATE_REFUSED: HttpStatus.CONFLICT,
  // DomainError codes (libs/domain): a rule of the domain refused the input or the state.
  INVALID_ARGUMENT: HttpStatus.BAD_REQUEST,
  CORRECTION_PATH: HttpStatus.BAD_REQUEST,
  MONEY_FORMAT: HttpStatus.BAD_REQUEST,
  CALENDAR_CONFIG: HttpStatus.BAD_REQUEST,
  ILLEGAL_STEP_TRANSITION: HttpStatus.CONFLICT,
  APPLICANT_CHARGE: HttpStatus.CONFLICT,
  LICENCE_REQUIRED: HttpStatus.CONFLICT,
  ENTERPRISE_SEQUENCE_REQUIRED: HttpStatus.CONFLICT,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_STATUS, value);
}

// The body's `error` keeps the general kind it always had (CONFLICT for every refused decision), so
// clients written against it go on working; `code` says which one.
const GENERAL_ERROR: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'VALIDATION_FAILED',
  [HttpStatus.CONFLICT]: 'CONFLICT',
};

export function generalError(code: ErrorCode): string {
  return code === 'IDEMPOTENCY_KEY_REUSED' ? code : (GENERAL_ERROR[ERROR_STATUS[code]] ?? code);
}

export interface FieldError {
  path: string;
  messages: string[];
  /** One code per message (a rule's code, or the validator's name), for clients to put into words. */
  codes?: string[];
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    /** Extra facts for the caller (e.g. which health checks failed); never personal data. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** 429: the caller has used up a rate-limit window; the filter sends Retry-After. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', `Too many requests: try again in ${retryAfterSeconds} s`);
  }
}
