import { CorrectionPathError, parseFieldPath, type PathSegment } from '@onetrip/domain';
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

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A form of any process with a correction's changes applied (parents before children; null removes a
 * property); neither input is modified. Only for keys already checked against the notice (correctionKeyErrors).
 */
export function applyFormChanges<T extends object>(form: T, changes: Readonly<Record<string, unknown>>): T {
  const planned = Object.entries(changes)
    .map(([path, value]) => ({ path, segments: parseFieldPath(path), value }))
    .sort((a, b) => (a.segments?.length ?? 0) - (b.segments?.length ?? 0));
  const result = structuredClone(form) as unknown;
  for (const { path, segments, value } of planned) {
    if (!segments || segments.length === 0) throw new CorrectionPathError(path, 'not a field path');
    let container: unknown = result;
    for (const segment of segments.slice(0, -1)) container = typeof segment === 'number' ? (Array.isArray(container) ? container[segment] : undefined) : isRecord(container) ? container[segment] : undefined;
    const last = segments[segments.length - 1];
    if (typeof last === 'number') {
      if (!Array.isArray(container) || last >= container.length) throw new CorrectionPathError(path, 'no such element');
      if (value === null || value === undefined) throw new CorrectionPathError(path, 'replace the whole list to remove an element');
      container[last] = structuredClone(value);
    } else {
      if (!isRecord(container)) throw new CorrectionPathError(path, 'its parent is missing');
      if (value === null || value === undefined) delete container[last];
      else container[last] = structuredClone(value);
    }
  }
  return result as T;
}
