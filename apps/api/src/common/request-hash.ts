import { createHash } from 'node:crypto';
import { canonicalJson } from '@onetrip/infrastructure';

/** sha256 hex of the canonical JSON: how an idempotency key remembers the request it was used with. */
export function requestHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
