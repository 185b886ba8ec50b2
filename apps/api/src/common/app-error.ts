// Plain numbers, not Nest's HttpStatus: this file (and error-body.ts) stay free of the framework, so
// unit tests can load them.
/**
 * Error codes the API answers with (the body's `code`), each with its HTTP status: the global filter maps
 * them, the OpenAPI document lists them per operation, and the web app turns each into words. Stable: a
 * client may branch on them; never rename one.
 */
export const ERROR_STATUS = {
  // General: one per kind of refusal.
  VALIDATION_FAILED: 400,
  BODY_UNREADABLE: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  IDEMPOTENCY_KEY_REUSED: 409,
  WORKFLOW_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
  // A decision or a request the case's state refuses (most from the workflow's Update validators).
  NAME_TAKEN: 409,
  TASK_NOT_OPEN: 409,
  ALREADY_CLAIMED: 409,
  NOT_AWAITING_CORRECTION: 409,
  CASE_CLOSED: 409,
  INVALID_DECISION: 409,
  NO_OPEN_TASK: 409,
  NOT_AWAITING_APPLICANT: 409,
  NO_STEP_IN_FLIGHT: 409,
  STEP_ATTEMPT_RUNNING: 409,
  COMPLAINT_RESOLVED: 409,
  UPDATE_REFUSED: 409,
  // DomainError codes (libs/domain): a rule of the domain refused the input or the state.
  INVALID_ARGUMENT: 400,
  CORRECTION_PATH: 400,
  MONEY_FORMAT: 400,
  CALENDAR_CONFIG: 400,
  ILLEGAL_STEP_TRANSITION: 409,
  APPLICANT_CHARGE: 409,
  LICENCE_REQUIRED: 409,
  ENTERPRISE_SEQUENCE_REQUIRED: 409,
  // Sign-up and tokens.
  PASSWORD_TOO_COMMON: 400,
  PASSWORD_CONTAINS_USERNAME: 400,
  REFRESH_TOKEN_INVALID: 401,
  REFRESH_TOKEN_REUSED: 401,
  // Defences and complaints.
  /** The codec endpoint decrypts; a payload that is not encrypted is not its business. */
  PAYLOAD_NOT_ENCRYPTED: 400,
  /** A JSON body nested deeper than the API reads. */
  BODY_TOO_DEEP: 400,
  /** Too many open complaints by one person on one case. */
  COMPLAINT_LIMIT_REACHED: 409,
  // Process definitions (the engine).
  /** An uploaded definition breaks the validator's rules: each problem at its JSON path in `problems`. */
  PROCESS_DEFINITION_INVALID: 400,
  /** This key and version are stored with another body: a stored version never changes; upload a new version. */
  PROCESS_VERSION_EXISTS: 409,
  // Documents that verify.
  /** No DOCUMENT_SIGNING_KEYS are configured (development only): documents cannot be issued or checked. */
  DOCUMENTS_UNAVAILABLE: 503,
  /** The case has no such document yet (no outcome, or no correction notice of that round). */
  DOCUMENT_NOT_READY: 409,
  // The register of enterprises (a lifecycle case: change, deregistration).
  /** No enterprise with this USCC is registered. */
  ENTERPRISE_NOT_FOUND: 404,
  /** The filer is not the enterprise's legal representative (the ID number does not match), nor a window clerk for them. */
  ENTERPRISE_NOT_REPRESENTATIVE: 403,
  /** The enterprise is deregistered: no change or deregistration can be filed. */
  ENTERPRISE_NOT_ACTIVE: 409,
  /** Another change or deregistration of the enterprise is in flight (one at a time). */
  ENTERPRISE_CASE_IN_FLIGHT: 409,
  // Notice periods (公示期).
  /** The case is not in a notice period taking objections (none yet, or it has ended). */
  NOTICE_NOT_OPEN: 409,
  // The departments' own systems (SYSTEM mode).
  /** A department system's callback is unsigned, forged, stale or replayed (or the department has no secret): nothing changed. */
  SIGNATURE_INVALID: 401,
  // Walk-in accounts confirmed by a code texted to the mobile (the window).
  /** The typed code is not the one texted (field `code`; details.attemptsLeft). */
  CONFIRMATION_CODE_WRONG: 400,
  /** The code's 5 minutes are over: send a new one. */
  CONFIRMATION_CODE_EXPIRED: 409,
  /** Five wrong codes spent this one: send a new one. */
  CONFIRMATION_ATTEMPTS_EXHAUSTED: 409,
  /** A code went less than a minute ago (details.retryAfterSeconds). */
  CONFIRMATION_RESEND_TOO_SOON: 429,
  /** The account is confirmed: no code is needed (or this is not the code it was confirmed with). */
  ACCOUNT_ALREADY_CONFIRMED: 409,
  /** The window files only for an account confirmed by its mobile (field `onBehalfOf`). */
  APPLICANT_NOT_CONFIRMED: 409,
  /** The text message could not be sent now; what was written stays and the same request again sends it. */
  SMS_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_STATUS, value);
}

// The body's `error` keeps the general kind it always had (CONFLICT for every refused decision), so
// clients written against it go on working; `code` says which one.
const GENERAL_ERROR: Partial<Record<number, ErrorCode>> = {
  [400]: 'VALIDATION_FAILED',
  [409]: 'CONFLICT',
};

// Codes that are their own kind: no older client branched on a general one for them.
const OWN_KIND = new Set<ErrorCode>(['IDEMPOTENCY_KEY_REUSED', 'PROCESS_DEFINITION_INVALID']);

export function generalError(code: ErrorCode): string {
  return OWN_KIND.has(code) ? code : (GENERAL_ERROR[ERROR_STATUS[code]] ?? code);
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

/** One problem of an uploaded definition (the domain's DefinitionProblem), at its JSON path. */
export interface ProblemAtPath {
  path: string;
  code: string;
  message: string;
}

/** 400 PROCESS_DEFINITION_INVALID: the body lists every problem, and `fields` the same for generic clients. */
export class DefinitionInvalidError extends AppError {
  constructor(readonly problems: ProblemAtPath[]) {
    super(
      'PROCESS_DEFINITION_INVALID',
      `The definition is invalid: ${problems.length} problem(s), first at ${problems[0]?.path ?? '$'}`,
      problems.map((problem) => ({ path: problem.path, messages: [problem.message], codes: [problem.code] })),
    );
  }
}

/** 429: the caller has used up a rate-limit window; the filter sends Retry-After. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', `Too many requests: try again in ${retryAfterSeconds} s`);
  }
}
