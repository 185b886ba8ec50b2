import {
  DEFAULT_FORBIDDEN_WORDS,
  DEPARTMENTS,
  DEFAULT_OFFICE_HOURS,
  HALF_WORKING_DAY_MINUTES,
  PRC_HOLIDAYS_2026,
  PRC_MAKE_UP_WORKDAYS_2026,
  parseCalendarDate,
  validateCalendar,
  type OfficeHours,
  type WorkingCalendar,
} from '@onetrip/domain';
import type { CasePolicy, DepartmentCode, DepartmentMode } from '@onetrip/workflows/contracts';

// How cases are run (modes, time limits, calendar, form rules), parsed from the API's settings once at
// start. Each parser throws CasePolicyConfigError with a message fit to follow the variable's name.

export class CasePolicyConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CasePolicyConfigError';
  }
}

/** The settings a policy is built from (a subset of ApiConfig, so the parser stays testable on its own). */
export interface CasePolicySettings {
  CASE_DEPARTMENT_MODES: string;
  CASE_TIME_LIMIT_MINUTES: string;
  CASE_REMINDER_LEAD_MINUTES: number;
  CASE_CALENDAR: 'OFFICE' | 'ALWAYS';
  CASE_OFFICE_HOURS: string;
  CASE_HOLIDAYS: string;
  CASE_MAKEUP_WORKDAYS: string;
  JURISDICTION_DIVISION_CODE: string;
  JURISDICTION_NAME: string;
  FORBIDDEN_NAME_WORDS: string;
  /** Set: the API signs decisions, and new cases' workflows refuse unsigned ones at once. */
  DECISION_SIGNING_KEY?: string;
}

export const DEFAULT_TIME_LIMIT_MINUTES = HALF_WORKING_DAY_MINUTES;
export const DEFAULT_OFFICE_HOURS_SETTING = DEFAULT_OFFICE_HOURS.map(({ start, end }) => `${start}-${end}`).join(',');
export const DEFAULT_HOLIDAYS_SETTING = PRC_HOLIDAYS_2026.join(',');
export const DEFAULT_MAKEUP_WORKDAYS_SETTING = PRC_MAKE_UP_WORKDAYS_2026.join(',');
export const DEFAULT_FORBIDDEN_WORDS_SETTING = DEFAULT_FORBIDDEN_WORDS.join(',');

const DEPARTMENT_MODES: readonly DepartmentMode[] = ['MANUAL', 'AUTO', 'SYSTEM'];
const DECIMAL = /^\d+(\.\d+)?$/;

function listItems(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Settings name a department code (any a definition declares) or a step id: departments are data. */
const OVERRIDE_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** What a KEY=VALUE setting says: `*` for every step, or per department code / step id. */
export interface StepOverrides<T> {
  all?: T;
  named: Readonly<Record<string, T>>;
}

function parseOverrides<T>(text: string, parseValue: (raw: string) => T): StepOverrides<T> {
  let all: T | undefined;
  const named: Record<string, T> = {};
  const seen = new Set<string>();
  for (const entry of listItems(text)) {
    const match = /^([^=\s]+)\s*=\s*(.+)$/.exec(entry);
    if (!match) throw new CasePolicyConfigError(`"${entry}" is not KEY=VALUE (KEY is *, a department code such as ${DEPARTMENTS.join(', ')}, or a step id)`);
    // Department codes are upper case whatever is written; step ids are kept as they are.
    const key = (DEPARTMENTS as readonly string[]).includes(match[1].toUpperCase()) ? match[1].toUpperCase() : match[1];
    if (seen.has(key)) throw new CasePolicyConfigError(`${key} is given twice`);
    seen.add(key);
    const value = parseValue(match[2].trim());
    if (key === '*') all = value;
    else if (OVERRIDE_KEY.test(key)) named[key] = value;
    else throw new CasePolicyConfigError(`"${key}" is not a department code or a step id (letters, digits, - and _)`);
  }
  return all === undefined ? { named } : { all, named };
}

/**
 * 'SAMR=AUTO,TAX=MANUAL' or '*=AUTO,BANK=MANUAL': `*` sets every department, a named one overrides it
 * whatever the order; departments not named keep `fallback`.
 */
function parseDepartmentMap<T>(text: string, fallback: T, parseValue: (raw: string) => T): Record<DepartmentCode, T> {
  const { all = fallback, named } = parseOverrides(text, parseValue);
  return Object.fromEntries(DEPARTMENTS.map((code) => [code, named[code] ?? all])) as Record<DepartmentCode, T>;
}

function parseMode(raw: string): DepartmentMode {
  const mode = raw.toUpperCase();
  if (!(DEPARTMENT_MODES as readonly string[]).includes(mode)) throw new CasePolicyConfigError(`mode "${raw}" must be MANUAL, AUTO or SYSTEM`);
  return mode as DepartmentMode;
}

/** Minutes as a decimal number: more than 0, or at least 0 when `exclusiveMin` is false. */
export function parseMinutes(raw: string, options: { exclusiveMin: boolean } = { exclusiveMin: true }): number {
  if (!DECIMAL.test(raw)) throw new CasePolicyConfigError(`"${raw}" is not a number of minutes`);
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || (options.exclusiveMin ? minutes <= 0 : minutes < 0)) {
    throw new CasePolicyConfigError(`${raw} minutes must be ${options.exclusiveMin ? 'more than' : 'at least'} 0`);
  }
  return minutes;
}

/** '' → every department MANUAL; 'SAMR=AUTO,TAX=MANUAL'; '*=AUTO'. */
export function parseDepartmentModes(text: string): Record<DepartmentCode, DepartmentMode> {
  return parseDepartmentMap<DepartmentMode>(text, 'MANUAL', parseMode);
}

/** '240' for every department, or '*=240,SAMR=60' (unnamed departments get 240); decimals allowed, > 0. */
export function parseTimeLimits(text: string): Record<DepartmentCode, number> {
  const trimmed = text.trim();
  if (DECIMAL.test(trimmed)) {
    const minutes = parseMinutes(trimmed);
    return Object.fromEntries(DEPARTMENTS.map((code) => [code, minutes])) as Record<DepartmentCode, number>;
  }
  return parseDepartmentMap<number>(trimmed, DEFAULT_TIME_LIMIT_MINUTES, (raw) => parseMinutes(raw));
}

/** Modes by department code or step id ('' → each step's own, from its definition). */
export function parseModeOverrides(text: string): StepOverrides<DepartmentMode> {
  return parseOverrides(text, parseMode);
}

/** Time limits by department code or step id; a plain number is every step's ('' → each step's own). */
export function parseTimeLimitOverrides(text: string): StepOverrides<number> {
  const trimmed = text.trim();
  if (DECIMAL.test(trimmed)) return { all: parseMinutes(trimmed), named: {} };
  return parseOverrides(trimmed, (raw) => parseMinutes(raw));
}

/** '09:00-12:00,13:30-17:30' → office hours (sorted, non-overlapping, start before end). */
export function parseOfficeHours(text: string): OfficeHours[] {
  const hours = listItems(text).map((entry) => {
    const match = /^(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(entry);
    if (!match) throw new CasePolicyConfigError(`"${entry}" is not HH:MM-HH:MM`);
    return { start: match[1], end: match[2] };
  });
  if (hours.length === 0) throw new CasePolicyConfigError('at least one HH:MM-HH:MM range is needed');
  try {
    validateCalendar({ kind: 'OFFICE', officeHours: hours, holidays: [], makeUpWorkdays: [] });
  } catch (error) {
    throw new CasePolicyConfigError(error instanceof Error ? error.message : String(error));
  }
  return hours;
}

/** 'YYYY-MM-DD,YYYY-MM-DD' → dates (real calendar dates, duplicates dropped). */
export function parseDateList(text: string): string[] {
  const dates = listItems(text);
  for (const date of dates) if (!parseCalendarDate(date)) throw new CasePolicyConfigError(`"${date}" is not a YYYY-MM-DD date`);
  return [...new Set(dates)];
}

/** A comma-separated word list, blanks dropped. */
export function parseWordList(text: string): string[] {
  return [...new Set(listItems(text))];
}

export function buildCalendar(settings: Pick<CasePolicySettings, 'CASE_CALENDAR' | 'CASE_OFFICE_HOURS' | 'CASE_HOLIDAYS' | 'CASE_MAKEUP_WORKDAYS'>): WorkingCalendar {
  if (settings.CASE_CALENDAR === 'ALWAYS') return { kind: 'ALWAYS' };
  const calendar: WorkingCalendar = {
    kind: 'OFFICE',
    officeHours: parseOfficeHours(settings.CASE_OFFICE_HOURS),
    holidays: parseDateList(settings.CASE_HOLIDAYS),
    makeUpWorkdays: parseDateList(settings.CASE_MAKEUP_WORKDAYS),
  };
  try {
    validateCalendar(calendar);
  } catch (error) {
    throw new CasePolicyConfigError(error instanceof Error ? error.message : String(error));
  }
  return calendar;
}

/** The policy every case submitted by this API runs under (fixed per case at submission). */
export function buildCasePolicy(settings: CasePolicySettings): CasePolicy {
  if (!Number.isFinite(settings.CASE_REMINDER_LEAD_MINUTES) || settings.CASE_REMINDER_LEAD_MINUTES < 0) {
    throw new CasePolicyConfigError('the reminder lead must be at least 0 minutes');
  }
  return {
    modes: parseDepartmentModes(settings.CASE_DEPARTMENT_MODES),
    timeLimitMinutes: parseTimeLimits(settings.CASE_TIME_LIMIT_MINUTES),
    reminderLeadMinutes: settings.CASE_REMINDER_LEAD_MINUTES,
    calendar: buildCalendar(settings),
    rules: {
      jurisdiction: { divisionCode: settings.JURISDICTION_DIVISION_CODE, name: settings.JURISDICTION_NAME },
      forbiddenWords: parseWordList(settings.FORBIDDEN_NAME_WORDS),
    },
    ...(settings.DECISION_SIGNING_KEY ? { signedDecisions: true } : {}),
  };
}
