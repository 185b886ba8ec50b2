import { AMOUNT_PATTERN } from '../../application/application-form-limits';
import { parseCalendarDate } from '../../calendar/calendar-date';
import { isValidMobile } from '../../identifiers/mobile';
import { parseResidentId } from '../../identifiers/resident-id';
import { USCC_CHARSET } from '../../identifiers/uscc';

// The custom string formats a definition's schemas may name. Each answers null (valid) or a coded
// problem; messages never quote the value (it may be personal data). The web registers its widgets by
// these names (the ID-number field with its check-character feedback is `resident-id`).

export interface FormatProblem {
  code: string;
  message: string;
}

export type FormatCheck = (value: string) => FormatProblem | null;

const RESIDENT_ID_MESSAGES = {
  FORMAT: 'Resident ID number must be 17 digits followed by a digit or X',
  CHECK_CHARACTER: 'Resident ID number has a wrong check character; please check for a typo',
  BIRTH_DATE: 'Resident ID number does not contain a real birth date',
} as const;

const USCC_SHAPE = new RegExp(`^[${USCC_CHARSET}]{2}\\d{6}[${USCC_CHARSET}]{10}$`);
const DIVISION_CODE = /^\d{6}(\d{3}){0,2}$/;

export const FORMATS: Readonly<Record<string, FormatCheck>> = {
  // GB 11643: check character and birth date (a birth date after today is the named rules' concern: it needs a clock).
  'resident-id': (value) => {
    const parsed = parseResidentId(value);
    return parsed.ok ? null : { code: `RESIDENT_ID_${parsed.reason}`, message: RESIDENT_ID_MESSAGES[parsed.reason] };
  },
  // GB 32100 shape only: real codes of older or foreign registrations can fail the check character, so the
  // named rules flag those for a clerk instead of refusing them (as the opening did before the engine).
  uscc: (value) =>
    USCC_SHAPE.test(value)
      ? null
      : { code: 'USCC_FORMAT', message: 'A unified social credit code is 18 upper-case characters (digits and letters other than I, O, S, V, Z)' },
  mobile: (value) => (isValidMobile(value) ? null : { code: 'MOBILE_INVALID', message: 'The mobile number must be 11 digits starting with 13–19' }),
  'division-code': (value) =>
    DIVISION_CODE.test(value) ? null : { code: 'DIVISION_CODE_INVALID', message: 'An administrative division code has 6, 9 or 12 digits' },
  money: (value) =>
    AMOUNT_PATTERN.test(value)
      ? null
      : { code: 'MONEY_FORMAT', message: 'Must be an amount in yuan, e.g. "100000.00" (at most 13 digits and 2 decimals)' },
  date: (value) => (parseCalendarDate(value) ? null : { code: 'DATE_INVALID', message: 'Must be a real date (YYYY-MM-DD)' }),
};

export const FORMAT_NAMES: readonly string[] = Object.keys(FORMATS);

export function isKnownFormat(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(FORMATS, name);
}

/** The problem of a string under a named format; null when valid or the format is unknown (the definition validator refuses those). */
export function checkFormat(name: string, value: string): FormatProblem | null {
  return isKnownFormat(name) ? FORMATS[name](value) : null;
}
