import { parseCalendarDate, toDayNumber } from '../calendar/calendar-date';
import { BANKS } from '../departments/banks';
import { InvalidArgumentError } from '../errors/domain-error';
import { isValidMobile } from '../identifiers/mobile';
import { ageOn, parseResidentId } from '../identifiers/resident-id';
import { parseUscc } from '../identifiers/uscc';
import { Money } from '../money/money';
import type { ApplicationForm, EntityType } from './application-form';
import { DEFAULT_DIVISION_NAMES, nameCheck, type NameProblemCode, type NameRules, type NameWarningCode } from './enterprise-name';

// Business rules of the combined form. Field types are the API's job (class-validator); here the
// shape is assumed right and we check what types cannot: check characters, ages, sums, jurisdiction.
// Paths use dot notation with array indexes ('shareholders[1].idNumber'), as in application-form.ts.
// Messages are English and never quote personal data (IDs, mobiles, names of people).

export interface Jurisdiction {
  /** Division code of the registration authority; also positions 3–8 of the USCCs it issues. */
  divisionCode: string;
  name: string;
  /** Address division codes accepted as inside the jurisdiction; default [divisionCode]. */
  acceptedDivisionPrefixes?: readonly string[];
}

export const JISHOU_JURISDICTION: Jurisdiction = { divisionCode: '433101', name: '吉首市' };

export interface RuleContext {
  /** 'YYYY-MM-DD' in Asia/Shanghai (see shanghaiDate). */
  today: string;
  jurisdiction: Jurisdiction;
  /** Overrides the name rules' forbidden words. */
  forbiddenWords?: readonly string[];
  /** The name register's answer for this name (normalised), looked up by the caller. */
  nameTaken: boolean;
  nameRules?: Partial<NameRules>;
  /** Bank codes accepted for account opening; default the codes in BANKS. */
  knownBankCodes?: readonly string[];
}

export type RuleViolationCode =
  | NameProblemCode
  | 'SIMPLIFIED_DEREGISTRATION_DEBTS'
  | 'SIMPLIFIED_DEREGISTRATION_UNFINISHED_BUSINESS'
  | 'RESIDENT_ID_FORMAT'
  | 'RESIDENT_ID_CHECK_CHARACTER'
  | 'RESIDENT_ID_BIRTH_DATE'
  | 'LEGAL_REPRESENTATIVE_UNDERAGE'
  | 'MOBILE_INVALID'
  | 'CAPITAL_FORMAT'
  | 'CAPITAL_NOT_POSITIVE'
  | 'CAPITAL_MISMATCH'
  | 'BUSINESS_SCOPE_EMPTY'
  | 'BUSINESS_SCOPE_ITEM_BLANK'
  | 'BUSINESS_SCOPE_ITEM_DUPLICATE'
  | 'ADDRESS_DIVISION_INVALID'
  | 'ADDRESS_OUTSIDE_JURISDICTION'
  | 'ADDRESS_DETAIL_BLANK'
  | 'SHAREHOLDERS_EMPTY'
  | 'SHAREHOLDERS_TOO_FEW'
  | 'SHAREHOLDERS_TOO_MANY'
  | 'SOLE_PROPRIETOR_NOT_ONE_PERSON'
  | 'SHAREHOLDER_ID_NUMBER_MISSING'
  | 'SHAREHOLDER_USCC_MISSING'
  | 'SHAREHOLDER_USCC_FORMAT'
  | 'SHAREHOLDER_DUPLICATE'
  | 'SEAL_KIND_DUPLICATE'
  | 'EMPLOYEE_START_DATE_INVALID'
  | 'EMPLOYEE_UNDERAGE'
  | 'EMPLOYEE_DUPLICATE'
  | 'BANK_CODE_UNKNOWN'
  | 'DELIVERY_ADDRESS_MISSING'
  | 'CHANGE_NOTHING';

export interface RuleViolation {
  path: string;
  code: RuleViolationCode;
  message: string;
}

/** Not a reason to refuse, but something a clerk should look at (e.g. a foreign-registered entity's code). */
export interface RuleFlag {
  path: string;
  code: 'USCC_CHECK_FAILED' | 'FILER_IDENTITY_UNVERIFIED' | NameWarningCode;
  message: string;
}

/**
 * Filing is not tied to the person yet: an applicant's account has no verified identity (a verified mobile
 * through a one-time code waits for the notification channel), so anyone could name someone else's ID number
 * as legal representative. SAMR's clerk is told to check it; a window clerk who filed saw the ID card.
 */
export function filerIdentityFlag(filer: { role: string; name: string | null }, form: Pick<ApplicationForm, 'legalRepresentative'>): RuleFlag | null {
  if (filer.role === 'WINDOW') return null;
  const sameName = filer.name !== null && filer.name.trim() === form.legalRepresentative.name.trim();
  return {
    path: 'legalRepresentative.idNumber',
    code: 'FILER_IDENTITY_UNVERIFIED',
    message: sameName
      ? "Filed online by an account whose identity is not verified: check the legal representative's ID and consent"
      : "Filed online by an account that is not the legal representative (another name), identity not verified: check the representative's ID and consent",
  };
}

export interface RuleCheckResult {
  violations: RuleViolation[];
  flags: RuleFlag[];
}

export const LEGAL_REPRESENTATIVE_MIN_AGE = 18;
/** Minimum working age under the Labour Law. */
export const EMPLOYEE_MIN_AGE = 16;

// Company Law: at most 50 shareholders in a limited liability company, 200 promoters in a joint stock company;
// a partnership has at least two partners; a sole proprietorship exactly one natural person.
const SHAREHOLDER_LIMITS: Readonly<Record<EntityType, { min: number; max: number }>> = {
  LIMITED_LIABILITY: { min: 1, max: 50 },
  JOINT_STOCK: { min: 1, max: 200 },
  SOLE_PROPRIETORSHIP: { min: 1, max: 1 },
  PARTNERSHIP: { min: 2, max: Number.MAX_SAFE_INTEGER },
};

const isBlank = (text: string | undefined): boolean => text === undefined || text.trim().length === 0;
const isPresent = (text: string | undefined): text is string => !isBlank(text);

class ViolationList {
  readonly violations: RuleViolation[] = [];
  readonly flags: RuleFlag[] = [];
  add(path: string, code: RuleViolationCode, message: string): void {
    this.violations.push({ path, code, message });
  }
}

/** Checks a resident ID; returns the birth date when the ID is usable. */
function checkResidentId(out: ViolationList, path: string, id: string, today: string): string | null {
  const parsed = parseResidentId(id);
  if (!parsed.ok) {
    const messages = {
      FORMAT: 'Resident ID number must be 17 digits followed by a digit or X',
      CHECK_CHARACTER: 'Resident ID number has a wrong check character; please check for a typo',
      BIRTH_DATE: 'Resident ID number does not contain a real birth date',
    } as const;
    out.add(path, `RESIDENT_ID_${parsed.reason}`, messages[parsed.reason]);
    return null;
  }
  if (toDayNumber(parsed.birthDate) > toDayNumber(today)) {
    out.add(path, 'RESIDENT_ID_BIRTH_DATE', 'Resident ID number contains a birth date in the future');
    return null;
  }
  return parsed.birthDate;
}

function parseAmount(out: ViolationList, path: string, text: string, label: string): Money | null {
  if (!Money.isValid(text)) {
    out.add(path, 'CAPITAL_FORMAT', `${label} must be an amount in yuan with at most 2 decimals`);
    return null;
  }
  const amount = Money.parse(text);
  if (!amount.isPositive()) {
    out.add(path, 'CAPITAL_NOT_POSITIVE', `${label} must be more than zero`);
    return null;
  }
  return amount;
}

function checkCompany(out: ViolationList, form: ApplicationForm, ctx: RuleContext): Money | null {
  const { company } = form;
  const divisionNames = ctx.nameRules?.divisionNames ?? [...DEFAULT_DIVISION_NAMES, ctx.jurisdiction.name];
  const name = nameCheck(company.name, company.entityType, {
    ...ctx.nameRules,
    divisionNames,
    ...(ctx.forbiddenWords ? { forbiddenWords: ctx.forbiddenWords } : {}),
  });
  for (const problem of name.problems) out.add('company.name', problem.code, problem.message);
  for (const warning of name.warnings) out.flags.push({ path: 'company.name', code: warning.code, message: warning.message });
  if (ctx.nameTaken && !name.problems.some((p) => p.code === 'NAME_TAKEN')) {
    out.add('company.name', 'NAME_TAKEN', 'The enterprise name is already registered');
  }

  const registered = parseAmount(out, 'company.registeredCapital', company.registeredCapital, 'Registered capital');

  if (company.businessScope.length === 0) {
    out.add('company.businessScope', 'BUSINESS_SCOPE_EMPTY', 'The business scope needs at least one item');
  }
  const seenScope = new Set<string>();
  company.businessScope.forEach((item, i) => {
    const path = `company.businessScope[${i}]`;
    if (isBlank(item)) out.add(path, 'BUSINESS_SCOPE_ITEM_BLANK', 'A business scope item is blank');
    else if (seenScope.has(item.trim())) out.add(path, 'BUSINESS_SCOPE_ITEM_DUPLICATE', 'A business scope item is listed twice');
    seenScope.add(item.trim());
  });

  const { divisionCode, detail } = company.address;
  const prefixes = ctx.jurisdiction.acceptedDivisionPrefixes ?? [ctx.jurisdiction.divisionCode];
  if (!/^\d{6}(\d{3}){0,2}$/.test(divisionCode)) {
    out.add('company.address.divisionCode', 'ADDRESS_DIVISION_INVALID', 'The address division code must have 6, 9 or 12 digits');
  } else if (!prefixes.some((prefix) => divisionCode.startsWith(prefix))) {
    out.add('company.address.divisionCode', 'ADDRESS_OUTSIDE_JURISDICTION', `The registered address must be inside the jurisdiction of ${ctx.jurisdiction.name} (${ctx.jurisdiction.divisionCode})`);
  }
  if (isBlank(detail)) out.add('company.address.detail', 'ADDRESS_DETAIL_BLANK', 'The street address is blank');
  return registered;
}

function checkLegalRepresentative(out: ViolationList, form: ApplicationForm, today: string): void {
  const { idNumber, mobile } = form.legalRepresentative;
  const birthDate = checkResidentId(out, 'legalRepresentative.idNumber', idNumber, today);
  if (birthDate !== null && ageOn(birthDate, today) < LEGAL_REPRESENTATIVE_MIN_AGE) {
    out.add('legalRepresentative.idNumber', 'LEGAL_REPRESENTATIVE_UNDERAGE', `The legal representative must be at least ${LEGAL_REPRESENTATIVE_MIN_AGE} years old`);
  }
  if (!isValidMobile(mobile)) {
    out.add('legalRepresentative.mobile', 'MOBILE_INVALID', 'The mobile number must be 11 digits starting with 13–19');
  }
}

function checkShareholders(out: ViolationList, form: ApplicationForm, today: string, registered: Money | null): void {
  const { shareholders } = form;
  const { entityType } = form.company;
  if (shareholders.length === 0) {
    out.add('shareholders', 'SHAREHOLDERS_EMPTY', 'At least one shareholder or investor is required');
  } else if (entityType === 'SOLE_PROPRIETORSHIP') {
    if (shareholders.length !== 1 || shareholders[0].kind !== 'PERSON') {
      out.add('shareholders', 'SOLE_PROPRIETOR_NOT_ONE_PERSON', 'A sole proprietorship has exactly one investor, a natural person');
    }
  } else if (shareholders.length < SHAREHOLDER_LIMITS[entityType].min) {
    out.add('shareholders', 'SHAREHOLDERS_TOO_FEW', `This kind of enterprise needs at least ${SHAREHOLDER_LIMITS[entityType].min} shareholders or partners`);
  } else if (shareholders.length > SHAREHOLDER_LIMITS[entityType].max) {
    out.add('shareholders', 'SHAREHOLDERS_TOO_MANY', `This kind of enterprise may have at most ${SHAREHOLDER_LIMITS[entityType].max} shareholders`);
  }

  const subscribed: Money[] = [];
  let allAmountsValid = true;
  const seen = new Set<string>();
  shareholders.forEach((shareholder, i) => {
    const base = `shareholders[${i}]`;
    const { idNumber: id, uscc } = shareholder;
    if (shareholder.kind === 'PERSON') {
      if (!isPresent(id)) {
        out.add(`${base}.idNumber`, 'SHAREHOLDER_ID_NUMBER_MISSING', 'A natural-person shareholder needs a resident ID number');
      } else {
        if (checkResidentId(out, `${base}.idNumber`, id, today) !== null) {
          if (seen.has(`P:${id.toUpperCase()}`)) out.add(`${base}.idNumber`, 'SHAREHOLDER_DUPLICATE', 'The same person is listed as a shareholder twice');
          seen.add(`P:${id.toUpperCase()}`);
        }
      }
    } else if (!isPresent(uscc)) {
      out.add(`${base}.uscc`, 'SHAREHOLDER_USCC_MISSING', 'An entity shareholder needs a unified social credit code');
    } else {
      const parsed = parseUscc(uscc);
      if (!parsed.ok && parsed.reason === 'FORMAT') {
        out.add(`${base}.uscc`, 'SHAREHOLDER_USCC_FORMAT', 'A unified social credit code is 18 upper-case characters (digits and letters other than I, O, S, V, Z)');
      } else {
        // A failing check character may still be a real code (older or foreign registrations): flag it for a clerk.
        if (!parsed.ok) out.flags.push({ path: `${base}.uscc`, code: 'USCC_CHECK_FAILED', message: 'The unified social credit code fails its check; verify it with the registration record' });
        if (seen.has(`E:${uscc}`)) out.add(`${base}.uscc`, 'SHAREHOLDER_DUPLICATE', 'The same entity is listed as a shareholder twice');
        seen.add(`E:${uscc}`);
      }
    }
    const amount = parseAmount(out, `${base}.subscribedCapital`, shareholder.subscribedCapital, 'Subscribed capital');
    if (amount === null) allAmountsValid = false;
    else subscribed.push(amount);
  });

  if (registered !== null && allAmountsValid && shareholders.length > 0) {
    const total = Money.sum(subscribed);
    if (!total.equals(registered)) {
      out.add('company.registeredCapital', 'CAPITAL_MISMATCH', `Subscribed capital adds up to ${total.toString()} but the registered capital is ${registered.toString()}`);
    }
  }
}

function checkEmployees(out: ViolationList, form: ApplicationForm, today: string): void {
  const seen = new Set<string>();
  form.socialInsurance.employees.forEach((employee, i) => {
    const base = `socialInsurance.employees[${i}]`;
    const birthDate = checkResidentId(out, `${base}.idNumber`, employee.idNumber, today);
    if (birthDate !== null) {
      if (seen.has(employee.idNumber.toUpperCase())) out.add(`${base}.idNumber`, 'EMPLOYEE_DUPLICATE', 'The same employee is listed twice');
      seen.add(employee.idNumber.toUpperCase());
    }
    if (!parseCalendarDate(employee.startDate)) {
      out.add(`${base}.startDate`, 'EMPLOYEE_START_DATE_INVALID', 'The employment start date must be a real date (YYYY-MM-DD)');
    } else if (birthDate !== null && ageOn(birthDate, employee.startDate) < EMPLOYEE_MIN_AGE) {
      out.add(`${base}.idNumber`, 'EMPLOYEE_UNDERAGE', `An employee must be at least ${EMPLOYEE_MIN_AGE} years old on the start date`);
    }
  });
}

/** All violations at once (一次告知), in form order, plus flags for a clerk. Pure: time comes in as ctx.today. */
export function checkApplication(form: ApplicationForm, ctx: RuleContext): RuleCheckResult {
  if (!parseCalendarDate(ctx.today)) throw new InvalidArgumentError('ctx.today must be a YYYY-MM-DD date');
  const out = new ViolationList();
  const registered = checkCompany(out, form, ctx);
  checkLegalRepresentative(out, form, ctx.today);
  checkShareholders(out, form, ctx.today, registered);

  const kinds = form.seals.kinds;
  if (new Set(kinds).size !== kinds.length) out.add('seals.kinds', 'SEAL_KIND_DUPLICATE', 'A seal kind is requested twice');

  checkEmployees(out, form, ctx.today);

  const knownBanks = ctx.knownBankCodes ?? BANKS.map((bank) => bank.code);
  if (!knownBanks.includes(form.bank.bankCode)) {
    out.add('bank.bankCode', 'BANK_CODE_UNKNOWN', 'The bank is not one the joint window can open an account with');
  }
  if (form.delivery.method === 'FREE_MAIL' && isBlank(form.delivery.address)) {
    out.add('delivery.address', 'DELIVERY_ADDRESS_MISSING', 'Free mail delivery needs a postal address');
  }
  return { violations: out.violations, flags: out.flags };
}
