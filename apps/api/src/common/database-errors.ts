// What node-postgres and TypeORM throw when PostgreSQL cannot be reached (as opposed to a bad query).
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// SQLSTATE class 08 (connection exception), 57P01-03 (server shutting down / starting up), 53300 (too many connections).
const SQLSTATE_PATTERN = /^(08\d\d\d|57P0[123]|53300)$/;
const MESSAGE_PATTERN =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command/i;

export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is unavailable; please try again shortly';

/** True when `error` (or what it wraps: TypeORM's driverError, a cause) says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, message, errors } = current as { code?: unknown; message?: unknown; errors?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATE_PATTERN.test(code))) return true;
    if (typeof message === 'string' && MESSAGE_PATTERN.test(message)) return true;
    // Node reports a refused dual-stack connect as an AggregateError of the attempts.
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    const wrapped = current as { driverError?: unknown; cause?: unknown };
    current = wrapped.driverError ?? wrapped.cause;
  }
  return false;
}
