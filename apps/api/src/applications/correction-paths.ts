import { parseFieldPath, type PathSegment } from '@onetrip/domain';
import type { FieldError } from '../common/app-error';

function isPrefix(prefix: readonly PathSegment[], path: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
}

/**
 * A correction may only touch the fields the notice asked for, or something inside one of them
 * (`shareholders[0].idNumber` inside `shareholders`). One error per key that does not qualify, named by the key.
 */
export function correctionKeyErrors(keys: readonly string[], flaggedFields: readonly string[]): FieldError[] {
  const flagged = flaggedFields.map(parseFieldPath).filter((segments): segments is PathSegment[] => segments !== null);
  return keys.flatMap((key) => {
    const segments = parseFieldPath(key);
    if (segments === null) return [{ path: key.slice(0, 200), messages: ['is not a field path of the form'] }];
    if (!flagged.some((field) => isPrefix(field, segments))) return [{ path: key, messages: ['is not among the fields the correction notice asks for'] }];
    return [];
  });
}
