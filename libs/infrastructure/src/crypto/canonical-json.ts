/** Sorted keys at every level, undefined dropped: equal values always give the same bytes. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** JSON with object keys sorted at every level (undefined dropped): what is signed or hashed. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}
