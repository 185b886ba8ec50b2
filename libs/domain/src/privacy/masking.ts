import type { ApplicationForm } from '../application/application-form';
import { detectPersonalData } from './personal-data-detector';

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

/** `+86 138-0000-1111` → `+86 138-****-1111`: the fourth to seventh digits of the number itself, separators kept. */
function maskWrittenMobile(written: string): string {
  const chars = [...written];
  let digitsFromEnd = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    if (!/\d/.test(chars[i])) continue;
    digitsFromEnd += 1;
    if (digitsFromEnd >= 5 && digitsFromEnd <= 8) chars[i] = '*';
  }
  return chars.join('');
}

/** 'zhang.san@example.com' → 'z********@example.com': the first character and the domain stay, the length too. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '*'.repeat(email.length);
  return email[0] + '*'.repeat(at - 1) + email.slice(at);
}

// An address as it appears in free text (log lines, SMTP errors that quote the recipient).
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?![A-Za-z0-9.-])/g;

/**
 * Masks every ID number (mistyped ones too), mobile and e-mail address that `detectPersonalData` finds in free text (log
 * lines, error messages), keeping the length. Hashes, tokens and longer numbers stay whole: not a person's.
 */
export function maskPersonalData(text: string): string {
  let masked = '';
  let from = 0;
  for (const found of detectPersonalData(text, { idNumbers: 'shaped' })) {
    if (found.index < from) continue;
    masked += text.slice(from, found.index) + (found.kind === 'MOBILE' ? maskWrittenMobile(found.value) : maskIdNumber(found.value));
    from = found.index + found.value.length;
  }
  return (masked + text.slice(from)).replace(EMAIL_IN_TEXT, maskEmail);
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
