import { dayNumberFromParts, parseCalendarDate } from '../calendar/calendar-date';
import { InvalidArgumentError } from '../errors/domain-error';

// 居民身份证号 (GB 11643-1999): 6-digit division code of the place of registration,
// 8-digit birth date YYYYMMDD, 3-digit sequence (odd = male), and an ISO 7064 MOD 11-2 check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

export type ResidentIdFailure = 'FORMAT' | 'CHECK_CHARACTER' | 'BIRTH_DATE';

export type ResidentIdParseResult =
  | { ok: true; divisionCode: string; birthDate: string }
  | { ok: false; reason: ResidentIdFailure };

/** The 18th character for the first 17 digits. Throws unless given exactly 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new InvalidArgumentError('A resident ID body is exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/**
 * Validates an 18-character resident ID. A lower-case 'x' is accepted as 'X' (people type it that way).
 * The check character is tested before the birth date: a wrong check character is the usual sign of a typo.
 */
export function parseResidentId(id: string): ResidentIdParseResult {
  if (!/^\d{17}[\dXx]$/.test(id)) return { ok: false, reason: 'FORMAT' };
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17].toUpperCase()) return { ok: false, reason: 'CHECK_CHARACTER' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!parseCalendarDate(birthDate)) return { ok: false, reason: 'BIRTH_DATE' };
  return { ok: true, divisionCode: id.slice(0, 6), birthDate };
}

export function isValidResidentId(id: string): boolean {
  return parseResidentId(id).ok;
}

/** Builds a valid resident ID (for tests and seed data). */
export function makeResidentId(divisionCode: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(divisionCode)) throw new InvalidArgumentError('A division code is 6 digits');
  if (!parseCalendarDate(birthDate)) throw new InvalidArgumentError('Birth date must be a real YYYY-MM-DD date');
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new InvalidArgumentError('Sequence must be an integer from 0 to 999');
  }
  const body = `${divisionCode}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

/**
 * Age in whole years (周岁) on a given date: the count of birthdays passed. Someone born on 29 February
 * has their birthday on 1 March in common years. Negative if onDate is before the birth date.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const birth = parseCalendarDate(birthDate);
  const on = parseCalendarDate(onDate);
  if (!birth || !on) throw new InvalidArgumentError('Dates must be real YYYY-MM-DD dates');
  if (dayNumberFromParts(on) < dayNumberFromParts(birth)) {
    // Count backwards symmetrically so "not yet born" is never reported as age 0.
    return -ageOn(onDate, birthDate) - 1;
  }
  const birthdayPassed = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (birthdayPassed ? 0 : 1);
}
