import { parseFieldPath, type PathSegment } from '../application/application-form';

// Form paths in the notation of the whole project (`company.name`, `shareholders[1].idNumber`), plus one
// extension for definitions: `[]` stands for every element of an array (`shareholders[].idNumber`), so
// a definition can name "each shareholder's ID number" without an index.

/** A segment of a path pattern: a property name, an index, or '*' for every element. */
export type PatternSegment = PathSegment | '*';

/** 'shareholders[].idNumber' → ['shareholders', '*', 'idNumber']; plain paths parse as parseFieldPath; null if malformed. */
export function parsePathPattern(path: string): PatternSegment[] | null {
  if (!path.includes('[]')) return parseFieldPath(path);
  // '[]' becomes a placeholder index so the project's parser checks the rest of the syntax.
  const placeholder = 999999999;
  const parsed = parseFieldPath(path.split('[]').join(`[${placeholder}]`));
  if (!parsed) return null;
  return parsed.map((segment) => (segment === placeholder ? '*' : segment));
}

function segmentsMatch(pattern: PatternSegment, concrete: PatternSegment): boolean {
  if (pattern === '*') return typeof concrete === 'number' || concrete === '*';
  return pattern === concrete;
}

/** True if `ancestor` is `path` or one of its ancestors; `[]` in either matches any index. */
export function pathCovers(ancestor: string, path: string): boolean {
  const a = parsePathPattern(ancestor);
  const p = parsePathPattern(path);
  if (!a || !p || a.length > p.length) return false;
  return a.every((segment, i) => segmentsMatch(segment, p[i]) || segmentsMatch(p[i], segment));
}

/** True if one path is the other or an ancestor of it (`[]` matches any index). */
export function pathsIntersect(a: string, b: string): boolean {
  return pathCovers(a, b) || pathCovers(b, a);
}

/** Formats segments back, with `[]` for '*'; property names that are not identifiers use `["…"]`. */
export function formatPathPattern(segments: readonly PatternSegment[]): string {
  return segments
    .map((segment, i) => {
      if (segment === '*') return '[]';
      if (typeof segment === 'number') return `[${segment}]`;
      if (!/^[A-Za-z][A-Za-z0-9]*$/.test(segment)) return `[${JSON.stringify(segment)}]`;
      return i === 0 ? segment : `.${segment}`;
    })
    .join('');
}

/** A problem path inside a document as a JSON path: '' → '$', 'steps[2].id' → '$.steps[2].id'. */
export function toJsonPath(formPath: string): string {
  if (formPath === '') return '$';
  return formPath.startsWith('[') ? `$${formPath}` : `$.${formPath}`;
}
