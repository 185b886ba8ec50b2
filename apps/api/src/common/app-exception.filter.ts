import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { maskPersonalData } from '@onetrip/domain';
import { ERROR_STATUS, type ErrorCode, RateLimitedError } from './app-error';
import { coded, type ErrorBody, errorBody } from './error-body';

// How long a client should wait before trying again when a server we depend on is down.
const RETRY_AFTER_SECONDS = 5;

// The general code of each status, for errors that come without one.
const STATUS_CODE: Partial<Record<number, ErrorCode>> = Object.fromEntries(
  (['VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'METHOD_NOT_ALLOWED', 'CONFLICT', 'PAYLOAD_TOO_LARGE', 'RATE_LIMITED'] as const).map((code) => [ERROR_STATUS[code], code]),
);

/** One place that turns every thrown error into `{statusCode, error, code, message, fields?}`. */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.error === 'DATABASE_UNAVAILABLE') {
      // An outage, not a bug: one line without a stack trace, and the caller is told when to come back.
      this.logger.warn(maskPersonalData(`database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`));
    } else if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? exception : String(exception));
      // What a server we depend on said (e.g. a Temporal ServiceError and the gRPC status under it), so a 503 can be
      // traced to its cause. A few levels: the SDK wraps the gRPC error once more.
      let cause = exception instanceof Error ? exception.cause : undefined;
      for (let depth = 0; cause instanceof Error && depth < 3; depth++, cause = cause.cause) {
        this.logger.error(maskPersonalData(`caused by ${cause.name}: ${cause.message}`));
      }
    }
    if (body.statusCode === 503) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    // Error texts may quote input: never echo personal data back into logs or responses.
    body.message = maskPersonalData(body.message);
    // A field path is input too (a correction names its fields).
    if (body.fields) body.fields = body.fields.map((field) => ({ ...field, path: maskPersonalData(field.path), messages: field.messages.map(maskPersonalData) }));
    if (exception instanceof RateLimitedError) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    const ours = errorBody(exception);
    if (ours) return ours;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const message = typeof payload === 'string' ? payload : String((payload as { message?: unknown }).message ?? exception.message);
      // Nest's own (an unknown route is NotFoundException): the general code of its status.
      const code = STATUS_CODE[status];
      if (code) return coded(code, message);
      return { statusCode: status, error: HttpStatus[status] ?? 'ERROR', code: status < 500 ? 'VALIDATION_FAILED' : 'INTERNAL', message };
    }
    return coded('INTERNAL', 'Internal error');
  }
}
