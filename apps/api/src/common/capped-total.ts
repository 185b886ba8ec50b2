/**
 * Listings count their matches up to this many; past it the answer is "more than 1,000" (pages show 1000+).
 * A backlog of any size then costs what the cap's rows cost, not a count to its end.
 */
export const TOTAL_CAP = 1000;

/** `SELECT count(*) AS total` of `select`'s rows, stopping one past the cap. */
export function cappedCountSql(select: string): string {
  return `SELECT count(*)::int AS total FROM (${select} LIMIT ${TOTAL_CAP + 1}) capped`;
}

export function cappedTotal(counted: number): { total: number; totalCapped: boolean } {
  return { total: Math.min(counted, TOTAL_CAP), totalCapped: counted > TOTAL_CAP };
}
