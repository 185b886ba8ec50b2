// Masking by a definition's personal-data paths: a form of any process shows `***` (or the masked shape
// of an ID number or mobile) where its schema marks `x-personal-data`, and everything else as it is.

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** 'owners[].phone' → a test for 'owners[2].phone'. */
function pathMatcher(patterns: readonly string[]): (path: string) => boolean {
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const expressions = patterns.map((pattern) => new RegExp(`^${pattern.split('[]').map(escape).join('\\[\\d+\\]')}$`));
  return (path) => expressions.some((expression) => expression.test(path));
}

/** Personal text: its ID numbers and mobiles masked in their usual shapes, anything else all but its last two characters. */
function maskText(value: string, maskKnown: (text: string) => string): string {
  const known = maskKnown(value);
  if (known !== value) return known;
  return value.length <= 2 ? '*'.repeat(value.length) : `${'*'.repeat(value.length - 2)}${value.slice(-2)}`;
}

/** A copy of `form` with every string at (or under) one of `paths` masked. */
export function maskFormAt(form: unknown, paths: readonly string[], maskKnown: (text: string) => string): unknown {
  const personal = pathMatcher(paths);
  const walk = (value: unknown, path: string, masked: boolean): unknown => {
    if (typeof value === 'string') return masked ? maskText(value, maskKnown) : value;
    if (Array.isArray(value)) return value.map((item, i) => walk(item, `${path}[${i}]`, masked || personal(`${path}[${i}]`)));
    if (!isRecord(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        const itemPath = path === '' ? key : `${path}.${key}`;
        return [key, walk(item, itemPath, masked || personal(itemPath))];
      }),
    );
  };
  return walk(form, '', false);
}
