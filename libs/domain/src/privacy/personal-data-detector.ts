import { parseCalendarDate } from '../calendar/calendar-date';
import { parseResidentId } from '../identifiers/resident-id';
import { UUID_LIKE } from '../identifiers/uuid';

// What a person's data really looks like in free text (log lines, responses, histories), for the masker
// and for the scans that prove none leaks. A look-alike inside a longer run of letters and digits (a hex
// hash such as the worker's build id, a token, a bank account) is not a person's number.

export type PersonalDataKind = 'ID_NUMBER' | 'LEGACY_ID_NUMBER' | 'MOBILE';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** Where the value starts in the text. */
  index: number;
  /** As written, with any +86 prefix and separators of a mobile. */
  value: string;
}

// The 34 provincial-level divisions (GB/T 2260), the first two digits of every resident ID.
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]);

// Bounded by anything but a letter or digit on both sides.
const ID_NUMBER_LIKE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
// First-generation IDs (until 2013): 15 digits, a two-digit year of the 1900s, no check character.
const LEGACY_ID_NUMBER_LIKE = /(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g;
// An optional +86/86 prefix and the usual 3-4-4 separators; a '+' before a bare number is part of a token.
const MOBILE_LIKE = /(?<![0-9A-Za-z+])(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?![0-9A-Za-z])/g;

export function isKnownProvinceCode(code: string): boolean {
  return PROVINCE_CODES.has(code);
}

/** An 18-character resident ID with a valid check character, a real birth date and a known province. */
export function isResidentIdNumber(value: string): boolean {
  return parseResidentId(value).ok && isKnownProvinceCode(value.slice(0, 2));
}

/** A 15-digit first-generation ID with a known province and a real birth date in 1900–1999. */
export function isLegacyResidentIdNumber(value: string): boolean {
  if (!/^\d{15}$/.test(value) || !isKnownProvinceCode(value.slice(0, 2))) return false;
  return parseCalendarDate(`19${value.slice(6, 8)}-${value.slice(8, 10)}-${value.slice(10, 12)}`) !== null;
}

const CHECKS: readonly [PersonalDataKind, RegExp, (value: string) => boolean][] = [
  ['ID_NUMBER', ID_NUMBER_LIKE, isResidentIdNumber],
  ['LEGACY_ID_NUMBER', LEGACY_ID_NUMBER_LIKE, isLegacyResidentIdNumber],
  ['MOBILE', MOBILE_LIKE, () => true],
];

/**
 * Every ID number and mobile in `text`, in order of position. Our UUIDs are ids, never personal data.
 * `idNumbers: 'shaped'` (the masker's choice) also takes a standalone ID-shaped run whose check
 * character, date or province is wrong: a mistyped ID number is still someone's, and masking one too
 * many is the safe mistake. Either way a look-alike inside a longer run (a hash, a token) is left alone.
 */
export function detectPersonalData(text: string, options: { idNumbers?: 'valid' | 'shaped' } = {}): PersonalDataMatch[] {
  const shaped = options.idNumbers === 'shaped';
  // Blanked to a character that bounds a run, same length, so positions stay those of `text`.
  const searched = text.replace(UUID_LIKE, (uuid) => '#'.repeat(uuid.length));
  const found: PersonalDataMatch[] = [];
  for (const [kind, pattern, valid] of CHECKS) {
    for (const match of searched.matchAll(pattern)) {
      if ((shaped && kind !== 'MOBILE') || valid(match[0])) found.push({ kind, index: match.index, value: match[0] });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
