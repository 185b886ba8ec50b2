import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { maskPersonalData } from '@onetrip/domain';
import { AppError, FieldError, RateLimitedError } from './app-error';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './database-errors';

// How long a client should wait before trying again when a server we depend on is down.
const RETRY_AFTER_SECONDS = 5;

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  fields?: FieldError[];
  details?: Record<string, unknown>;
}

/** One place that turns every thrown error into `{statusCode, error, message, fields?}`. */
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
    }
    if (body.statusCode === 503) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    // Error texts may quote input: never echo personal data back into logs or responses.
    body.message = maskPersonalData(body.message);
    // A field path is input too (a correction names its fields).
    if (body.fields) body.fields = body.fields.map((field) => ({ path: maskPersonalData(field.path), messages: field.messages.map(maskPersonalData) }));
    if (exception instanceof RateLimitedError) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof AppError) {
      return { statusCode: exception.status, error: exception.code, message: exception.message, fields: exception.fields, details: exception.details };
    }
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: 503, error: 'DATABASE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const message = typeof payload === 'string' ? payload : String((payload as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, error: HttpStatus[status] ?? 'ERROR', message };
    }
    return { statusCode: 500, error: 'INTERNAL', message: 'Internal error' };
  }
}
