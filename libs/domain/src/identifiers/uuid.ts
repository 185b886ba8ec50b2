const UUID_PATTERN = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * Our own identifiers (case, task, complaint and request ids) are UUIDs. Inside free text they can
 * hold eleven digits in a row that look like a mobile: masking leaves them whole.
 */
export const UUID_LIKE = new RegExp(UUID_PATTERN, 'gi');

const WHOLE_UUID = new RegExp(`^${UUID_PATTERN}$`, 'i');

/** A UUID, checked before it reaches a PostgreSQL uuid cast (which would fail the query on anything else). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && WHOLE_UUID.test(value);
}
