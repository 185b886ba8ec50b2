import { InvalidArgumentError } from '../errors/domain-error';

// 统一社会信用代码 (unified social credit code, GB 32100-2015), 18 characters:
//   1 registration authority (9 = market regulation) · 2 entity category (1 = enterprise)
//   3–8 division code of the registration authority · 9–17 organisation code (组织机构代码, GB 11714)
//   18 check character (MOD 31).

/** The 31 characters a USCC may use, in value order 0–30 (no I, O, S, V, Z). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const ORGANISATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
// GB 11714 values letters by their place in the full alphabet (A = 10 … Z = 35), unlike the USCC charset.
const ORGANISATION_CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export const REGISTRATION_AUTHORITY_MARKET_REGULATION = '9';
export const ENTITY_CATEGORY_ENTERPRISE = '1';

/** Prefix GB 11714 reserves for codes assigned since the USCC reform; new enterprises get 'MA…'. */
const GENERATED_BODY_PREFIX = 'MA';
const GENERATED_SERIAL_LENGTH = 6;
/** The largest sequence generateUscc accepts: 31^6 − 1 (≈ 887 million codes per division). */
export const USCC_MAX_SEQUENCE = USCC_CHARSET.length ** GENERATED_SERIAL_LENGTH - 1;

/** The check character of an organisation code: 0–9 or X. Throws unless given 8 characters of [0-9A-Z]. */
export function organisationCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) {
    throw new InvalidArgumentError('An organisation code body is 8 characters of 0-9 and A-Z');
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORGANISATION_CODE_ALPHABET.indexOf(first8[i]) * ORGANISATION_CODE_WEIGHTS[i];
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/** Accepts the 9-character code with or without the customary hyphen ('MA4L0001-3'). */
export function isValidOrganisationCode(code: string): boolean {
  const match = /^([0-9A-Z]{8})-?([0-9X])$/.exec(code);
  return match !== null && organisationCodeCheckChar(match[1]) === match[2];
}

/** The 18th character for the first 17. Throws unless all 17 come from USCC_CHARSET. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new InvalidArgumentError('A USCC body is exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i]);
    if (value < 0) throw new InvalidArgumentError('A USCC uses only 0-9 and the letters of USCC_CHARSET');
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

export type UsccFailure = 'FORMAT' | 'CHECK_CHARACTER' | 'ORGANISATION_CODE';

export type UsccParseResult =
  | {
      ok: true;
      registrationAuthority: string;
      entityCategory: string;
      divisionCode: string;
      organisationCode: string;
    }
  | { ok: false; reason: UsccFailure };

const USCC_PATTERN = new RegExp(`^[${USCC_CHARSET}]{2}\\d{6}[${USCC_CHARSET}]{10}$`);

/**
 * Strict: upper case only (see normaliseUscc). The final check character is tested first because it
 * catches any single typo; the embedded organisation code check then catches codes built wrongly.
 */
export function parseUscc(code: string): UsccParseResult {
  if (!USCC_PATTERN.test(code)) return { ok: false, reason: 'FORMAT' };
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return { ok: false, reason: 'CHECK_CHARACTER' };
  const organisationCode = code.slice(8, 17);
  if (!isValidOrganisationCode(organisationCode)) return { ok: false, reason: 'ORGANISATION_CODE' };
  return {
    ok: true,
    registrationAuthority: code[0],
    entityCategory: code[1],
    divisionCode: code.slice(2, 8),
    organisationCode,
  };
}

export function isValidUscc(code: string): boolean {
  return parseUscc(code).ok;
}

/** Trims and upper-cases user input before validation. */
export function normaliseUscc(code: string): string {
  return code.trim().toUpperCase();
}

export interface UsccGenerationInput {
  /** 6-digit division code of the registration authority (吉首市 = 433101). */
  divisionCode: string;
  /** A number unique per enterprise within the division (e.g. a database sequence), 0..USCC_MAX_SEQUENCE. */
  sequence: number;
}

/**
 * Deterministic: the organisation code is 'MA' + the sequence in base 31 (6 characters of USCC_CHARSET) +
 * its GB 11714 check, so distinct sequences give distinct codes within a division.
 */
export function generateUscc({ divisionCode, sequence }: UsccGenerationInput): string {
  if (!/^\d{6}$/.test(divisionCode)) throw new InvalidArgumentError('A division code is 6 digits');
  if (!Number.isSafeInteger(sequence) || sequence < 0 || sequence > USCC_MAX_SEQUENCE) {
    throw new InvalidArgumentError(`Sequence must be an integer from 0 to ${USCC_MAX_SEQUENCE}`);
  }
  let serial = '';
  let rest = sequence;
  for (let i = 0; i < GENERATED_SERIAL_LENGTH; i++) {
    serial = USCC_CHARSET[rest % 31] + serial;
    rest = Math.floor(rest / 31);
  }
  const body = GENERATED_BODY_PREFIX + serial;
  const first17 =
    REGISTRATION_AUTHORITY_MARKET_REGULATION +
    ENTITY_CATEGORY_ENTERPRISE +
    divisionCode +
    body +
    organisationCodeCheckChar(body);
  return first17 + usccCheckChar(first17);
}
