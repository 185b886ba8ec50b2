import { SEAL_KINDS, type SealKind } from '../application/application-form';
import { InvalidArgumentError } from '../errors/domain-error';
import { isValidUscc, USCC_CHARSET } from '../identifiers/uscc';
import { digitsFromSeed, luhnCheckDigit } from '../internal/deterministic-hash';

// Numbers the departments hand out, generated deterministically so a workflow replay, a retry or a
// test gets the same result. Those derived from the USCC are unique by construction: the organisation
// code body (positions 9–16) is read as a base-31 number, which is unique within a division.

function requireUscc(uscc: string): void {
  if (!isValidUscc(uscc)) throw new InvalidArgumentError('A valid unified social credit code is required');
}

/** 12 digits, a bijection of the USCC's organisation code body within its division. */
export function enterpriseSerial(uscc: string): string {
  requireUscc(uscc);
  let value = 0;
  for (const c of uscc.slice(8, 16)) value = value * 31 + USCC_CHARSET.indexOf(c);
  // 31^8 − 1 < 10^12, and < 2^53 so plain numbers are exact.
  return String(value).padStart(12, '0');
}

const divisionOf = (uscc: string): string => uscc.slice(2, 8);

/** Licence serial number (执照编号): division + '0' + enterprise serial, 19 digits. */
export function licenseNumber(uscc: string): string {
  return `${divisionOf(uscc)}0${enterpriseSerial(uscc)}`;
}

/** Seal filing code (印章备案码): division + seal kind (1–4) + enterprise serial, 19 digits. */
export function sealCode(uscc: string, kind: SealKind): string {
  const kindDigit = SEAL_KINDS.indexOf(kind) + 1;
  if (kindDigit === 0) throw new InvalidArgumentError('Unknown seal kind');
  return `${divisionOf(uscc)}${kindDigit}${enterpriseSerial(uscc)}`;
}

/** Tax UKey device number: '66' + enterprise serial, 14 digits (one UKey per enterprise). */
export function ukeyNumber(uscc: string): string {
  return `66${enterpriseSerial(uscc)}`;
}

/** Employer social-insurance registration number (单位社保编号): division + '7' + enterprise serial, 19 digits. */
export function socialInsuranceNumber(uscc: string): string {
  return `${divisionOf(uscc)}7${enterpriseSerial(uscc)}`;
}

export const MIN_ACCOUNT_LENGTH = 10;
export const MAX_ACCOUNT_LENGTH = 25;

/**
 * A bank account number of `length` digits (10–25) from the bank code and a seed (use the USCC):
 * no leading zero, Luhn check digit last. Pseudo-random, so unique only with overwhelming probability.
 */
export function bankAccountNumber(bankCode: string, seed: string, length = 19): string {
  if (!Number.isInteger(length) || length < MIN_ACCOUNT_LENGTH || length > MAX_ACCOUNT_LENGTH) {
    throw new InvalidArgumentError(`Account numbers have ${MIN_ACCOUNT_LENGTH}–${MAX_ACCOUNT_LENGTH} digits`);
  }
  const digits = digitsFromSeed(`${bankCode}|${seed}`, length - 1);
  const body = (digits[0] === '0' ? '1' : digits[0]) + digits.slice(1);
  return body + luhnCheckDigit(body);
}
