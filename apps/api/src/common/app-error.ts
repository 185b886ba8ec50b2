import { HttpStatus } from '@nestjs/common';

/** Error codes the API answers with; the global filter maps each to its HTTP status. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  IDEMPOTENCY_KEY_REUSED: HttpStatus.CONFLICT,
  WORKFLOW_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  DATABASE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  /** The codec endpoint decrypts; a payload that is not encrypted is not its business. */
  PAYLOAD_NOT_ENCRYPTED: HttpStatus.BAD_REQUEST,
  /** A JSON body nested deeper than the API reads. */
  BODY_TOO_DEEP: HttpStatus.BAD_REQUEST,
  /** A complaint on a case that has ended (completed, rejected, cancelled). */
  CASE_CLOSED: HttpStatus.CONFLICT,
  /** Too many open complaints by one person on one case. */
  COMPLAINT_LIMIT_REACHED: HttpStatus.CONFLICT,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  path: string;
  messages: string[];
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
