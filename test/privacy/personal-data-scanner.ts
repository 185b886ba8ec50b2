import { maskPersonalData, UUID_LIKE } from '@onetrip/domain';

// The patterns of issue 7, bounded by non-digits so a longer number (a bank account, a nanosecond
// timestamp) is not counted as an ID number or a mobile.
const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?![\dXx])/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

export interface PersonalDataHit {
  kind: 'ID number' | 'mobile';
  source: string;
  /** A little text around the hit, itself masked so a failing test does not print the value. */
  context: string;
}

/** Plaintext ID numbers and mobiles in `text`, with where they were found. */
export function findPersonalData(text: string, source: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  // Our UUIDs (request, case, task ids) may hold eleven digits in a row: blanked, same length, before matching.
  const searched = text.replace(UUID_LIKE, (uuid) => '-'.repeat(uuid.length));
  for (const [kind, pattern] of [['ID number', ID_NUMBER], ['mobile', MOBILE]] as const) {
    for (const match of searched.matchAll(pattern)) {
      const at = match.index ?? 0;
      hits.push({ kind, source, context: maskPersonalData(text.slice(Math.max(0, at - 40), at + match[0].length + 40)) });
    }
  }
  return hits;
}

/** Adds up what a scan read and found, for the assertions and the scorecard. */
export class PersonalDataScan {
  readonly hits: PersonalDataHit[] = [];
  bytes = 0;
  items = 0;

  scan(text: string, source: string): void {
    this.items += 1;
    this.bytes += Buffer.byteLength(text);
    this.hits.push(...findPersonalData(text, source));
  }

  count(kind: PersonalDataHit['kind']): number {
    return this.hits.filter((hit) => hit.kind === kind).length;
  }
}
