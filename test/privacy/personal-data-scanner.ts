import { detectPersonalData, maskPersonalData, type PersonalDataKind } from '@onetrip/domain';

// The masker's own detector (issue 11): an ID number with a valid check character, birth date and
// province, a mobile, neither inside a longer run of letters and digits (a hash, a token, an account).
// First-generation 15-digit IDs are masked in logs but not counted here: no case carries one.
const COUNTED: Partial<Record<PersonalDataKind, PersonalDataHit['kind']>> = { ID_NUMBER: 'ID number', MOBILE: 'mobile' };

export interface PersonalDataHit {
  kind: 'ID number' | 'mobile';
  source: string;
  /** A little text around the hit, itself masked so a failing test does not print the value. */
  context: string;
}

/** Plaintext ID numbers and mobiles in `text`, with where they were found. */
export function findPersonalData(text: string, source: string): PersonalDataHit[] {
  return detectPersonalData(text).flatMap((found) => {
    const kind = COUNTED[found.kind];
    if (!kind) return [];
    const context = maskPersonalData(text.slice(Math.max(0, found.index - 40), found.index + found.value.length + 40));
    return [{ kind, source, context }];
  });
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
