import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Logger } from 'pino';
import { maskPersonalData } from '@onetrip/domain';
import { LogLevel } from '../config/shared-config';
import { logCorrelation } from '../telemetry/tracing';

// Keys whose values are personal data: never written, whatever the message.
const REDACTED_KEYS = ['idNumber', 'mobile', 'email', 'password', 'authorization', 'accessToken'];
const redactPaths = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `req.headers.${key}`]);

/**
 * JSON logs on stdout; free text is masked so an ID number or phone that slips into a message is not kept.
 * Every line written inside a request or an activity carries its `requestId` (and `traceId`/`spanId` when
 * tracing is on), read from the active OpenTelemetry context, error lines included.
 */
export function createLogger(options: { name: string; level: LogLevel; destination?: DestinationStream }): Logger {
  const settings: pino.LoggerOptions = {
    name: options.name,
    level: options.level,
    base: { service: options.name },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactPaths, censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((arg) => (typeof arg === 'string' ? maskPersonalData(arg) : arg));
        method.apply(this, masked as Parameters<typeof method>);
      },
    },
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => logCorrelation(),
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/**
 * The HTTP access log (pino-http): its lines and bindings hold only what the API's serializers keep (method,
 * masked URL, status, timing), so the key redaction, whose wildcard paths are walked on each of the three
 * children and the line pino-http makes per request, is narrowed to the one header that could carry a secret.
 */
export function accessLogger(logger: Logger): Logger {
  return logger.child({}, { redact: { paths: ['req.headers.authorization'], censor: '[redacted]' } });
}

/** Lets Nest's own messages (bootstrap, routes, exceptions) go through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace: trace ? maskPersonalData(trace) : undefined }, this.text(message));
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string): void {
    this.write('fatal', message, context);
  }

  private write(level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, context?: string): void {
    this.logger[level]({ context }, this.text(message));
  }

  private text(message: unknown): string {
    if (message instanceof Error) return message.message;
    return typeof message === 'string' ? message : JSON.stringify(message);
  }
}
