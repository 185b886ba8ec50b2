// Every error thrown by the domain carries a stable code, so the API's global filter and the
// workflows can map it (HTTP status, non-retryable failure) without matching on message text.
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

// A caller passed an argument outside the function's documented domain (a programming error,
// not a user mistake: user input goes through the rule checks, which return violations).
export class InvalidArgumentError extends DomainError {
  constructor(message: string) {
    super('INVALID_ARGUMENT', message);
  }
}
