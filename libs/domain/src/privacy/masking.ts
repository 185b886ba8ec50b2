import type { ApplicationForm } from '../application/application-form';
import { UUID_LIKE } from '../identifiers/uuid';

// Personal data (个人信息) must not reach logs, error messages or screens that do not need it:
// resident IDs keep the division code and the last four, mobiles the carrier prefix and the last four.

function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  if (value.length <= keepStart + keepEnd) return '*'.repeat(value.length);
  return value.slice(0, keepStart) + '*'.repeat(value.length - keepStart - keepEnd) + value.slice(value.length - keepEnd);
}

/** '433101199001011234' → '433101********1234'. Same length; anything of 10 characters or fewer is fully masked. */
export function maskIdNumber(idNumber: string): string {
  return maskMiddle(idNumber, 6, 4);
}

/** '13800000000' → '138****0000'. Same length; 7 characters or fewer are fully masked. */
export function maskMobile(mobile: string): string {
  return maskMiddle(mobile, 3, 4);
}

// Digit look-arounds keep us from masking a slice of a longer number (a bank account stays whole,
// unless it happens to be exactly ID-shaped: over-masking a log line is the safe mistake).
const RESIDENT_ID_LIKE = /(?<!\d)\d{17}[\dXx](?!\d)/g;
// First-generation IDs were 15 digits.
const LEGACY_RESIDENT_ID_LIKE = /(?<!\d)\d{15}(?!\d)/g;
// Optional +86/86 prefix and the usual 3-4-4 separators.
const MOBILE_LIKE = /(?<!\d)((?:\+?86[-\s]?)?)(1[3-9]\d)([-\s]?)(\d{4})([-\s]?)(\d{4})(?!\d)/g;

/** Masks every resident-ID-like and mobile-like substring of free text (log lines, error messages). */
export function maskPersonalData(text: string): string {
  let masked = '';
  let from = 0;
  for (const uuid of text.matchAll(UUID_LIKE)) {
    masked += maskNumbers(text.slice(from, uuid.index)) + uuid[0];
    from = uuid.index + uuid[0].length;
  }
  return masked + maskNumbers(text.slice(from));
}

function maskNumbers(text: string): string {
  return text
    .replace(RESIDENT_ID_LIKE, maskIdNumber)
    .replace(LEGACY_RESIDENT_ID_LIKE, maskIdNumber)
    .replace(
      MOBILE_LIKE,
      (_match, prefix: string, head: string, sep1: string, _middle: string, sep2: string, tail: string) =>
        `${prefix}${head}${sep1}****${sep2}${tail}`,
    );
}

/** The form with every ID number and mobile masked: who, not the numbers (lists, admins who did not ask). */
export function maskApplicationForm(form: ApplicationForm): ApplicationForm {
  return {
    ...form,
    legalRepresentative: { ...form.legalRepresentative, idNumber: maskIdNumber(form.legalRepresentative.idNumber), mobile: maskMobile(form.legalRepresentative.mobile) },
    shareholders: form.shareholders.map((holder) => (holder.idNumber ? { ...holder, idNumber: maskIdNumber(holder.idNumber) } : holder)),
    socialInsurance: { employees: form.socialInsurance.employees.map((employee) => ({ ...employee, idNumber: maskIdNumber(employee.idNumber) })) },
  };
}
