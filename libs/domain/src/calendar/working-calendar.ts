import { dayOfWeekFromDayNumber, fromDayNumber, parseCalendarDate, toDayNumber } from './calendar-date';
import { DomainError, InvalidArgumentError } from '../errors/domain-error';

// Service time limits (办理时限) count working time in Asia/Shanghai. China has used UTC+8 all year
// since 1991 (no daylight saving), so a fixed offset is exact and we need neither Intl nor time-zone data,
// which keeps this usable inside Temporal's deterministic workflow sandbox.

export const SHANGHAI_UTC_OFFSET_MINUTES = 8 * 60;
const OFFSET_MS = SHANGHAI_UTC_OFFSET_MINUTES * 60_000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// Give up (a configuration error) after this many consecutive days without working time.
const MAX_DAYS_WITHOUT_WORK = 3660;

export interface OfficeHours {
  /** 'HH:MM', Asia/Shanghai wall-clock time. */
  start: string;
  /** 'HH:MM', exclusive; '24:00' allowed. */
  end: string;
}

export interface OfficeCalendar {
  kind: 'OFFICE';
  officeHours: readonly OfficeHours[];
  /** 'YYYY-MM-DD' days off even on a weekday (法定节假日). */
  holidays: readonly string[];
  /** 'YYYY-MM-DD' weekend days that are working days (调休上班). */
  makeUpWorkdays: readonly string[];
}

/** Every minute counts (24×7): for tests and for steps that run by machine. */
export interface AlwaysOpenCalendar {
  kind: 'ALWAYS';
}

export type WorkingCalendar = OfficeCalendar | AlwaysOpenCalendar;

export class CalendarConfigError extends DomainError {
  constructor(message: string) {
    super('CALENDAR_CONFIG', message);
  }
}

export const DEFAULT_OFFICE_HOURS: readonly OfficeHours[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

// State Council notice on the 2026 public holidays (国办发明电〔2025〕7号).
export const PRC_HOLIDAYS_2026: readonly string[] = [
  '2026-01-01', '2026-01-02', '2026-01-03', // 元旦 New Year
  '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23', // 春节
  '2026-04-04', '2026-04-05', '2026-04-06', // 清明节
  '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', // 劳动节
  '2026-06-19', '2026-06-20', '2026-06-21', // 端午节
  '2026-09-25', '2026-09-26', '2026-09-27', // 中秋节
  '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', // 国庆节
];

export const PRC_MAKE_UP_WORKDAYS_2026: readonly string[] = [
  '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
];

export const DEFAULT_CALENDAR: OfficeCalendar = {
  kind: 'OFFICE',
  officeHours: DEFAULT_OFFICE_HOURS,
  holidays: PRC_HOLIDAYS_2026,
  makeUpWorkdays: PRC_MAKE_UP_WORKDAYS_2026,
};

export const ALWAYS_OPEN_CALENDAR: AlwaysOpenCalendar = { kind: 'ALWAYS' };

interface CompiledCalendar {
  /** Working intervals of a working day in ms after local midnight, sorted, disjoint. */
  intervals: readonly (readonly [number, number])[];
  holidays: ReadonlySet<number>;
  makeUpWorkdays: ReadonlySet<number>;
}

function parseClock(text: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= 24 * 60 ? minutes : null;
}

function toDaySet(dates: readonly string[], label: string): Set<number> {
  const days = new Set<number>();
  for (const date of dates) {
    if (!parseCalendarDate(date)) throw new CalendarConfigError(`${label} must be YYYY-MM-DD dates: "${date}"`);
    days.add(toDayNumber(date));
  }
  return days;
}

// Calendars are plain data; compiling once per object keeps the hot loops cheap. Each row read from the
// database is a new object with one of a few contents (an inbox page compiled the same calendar 20 times):
// the content's key finds those too. Bounded: a flood of distinct calendars only clears it.
const compiledCalendars = new WeakMap<OfficeCalendar, CompiledCalendar>();
const compiledByContent = new Map<string, CompiledCalendar>();
const MAX_CALENDARS_BY_CONTENT = 64;

function contentKey(calendar: OfficeCalendar): string {
  return `${calendar.officeHours.map(({ start, end }) => `${start}-${end}`).join(',')}|${calendar.holidays.join(',')}|${calendar.makeUpWorkdays.join(',')}`;
}

function compile(calendar: OfficeCalendar): CompiledCalendar {
  const cached = compiledCalendars.get(calendar);
  if (cached) return cached;
  const key = contentKey(calendar);
  const sameContent = compiledByContent.get(key);
  if (sameContent) {
    compiledCalendars.set(calendar, sameContent);
    return sameContent;
  }
  const compiled = compileContent(calendar);
  compiledCalendars.set(calendar, compiled);
  if (compiledByContent.size >= MAX_CALENDARS_BY_CONTENT) compiledByContent.clear();
  compiledByContent.set(key, compiled);
  return compiled;
}

function compileContent(calendar: OfficeCalendar): CompiledCalendar {
  if (calendar.officeHours.length === 0) throw new CalendarConfigError('Office hours must not be empty');
  const intervals = calendar.officeHours
    .map(({ start, end }) => {
      const s = parseClock(start);
      const e = parseClock(end);
      if (s === null || e === null || s >= e) {
        throw new CalendarConfigError(`Office hours must be 'HH:MM' with start before end: ${start}–${end}`);
      }
      return [s * MINUTE_MS, e * MINUTE_MS] as const;
    })
    .sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < intervals.length; i++) {
    if (intervals[i][0] < intervals[i - 1][1]) throw new CalendarConfigError('Office hours must not overlap');
  }
  const holidays = toDaySet(calendar.holidays, 'Holidays');
  const makeUpWorkdays = toDaySet(calendar.makeUpWorkdays, 'Make-up working days');
  for (const day of holidays) {
    if (makeUpWorkdays.has(day)) throw new CalendarConfigError(`${fromDayNumber(day)} is both a holiday and a make-up working day`);
  }
  return { intervals, holidays, makeUpWorkdays };
}

/** Throws CalendarConfigError if the calendar is unusable (bad times, overlapping hours, bad dates). */
export function validateCalendar(calendar: WorkingCalendar): void {
  if (calendar.kind === 'OFFICE') compile(calendar);
}

function isWorkingDayNumber(compiled: CompiledCalendar, day: number): boolean {
  if (compiled.holidays.has(day)) return false;
  if (compiled.makeUpWorkdays.has(day)) return true;
  const weekday = dayOfWeekFromDayNumber(day);
  return weekday !== 0 && weekday !== 6;
}

export function isWorkingDay(calendar: WorkingCalendar, date: string): boolean {
  if (calendar.kind === 'ALWAYS') return true;
  return isWorkingDayNumber(compile(calendar), toDayNumber(date));
}

function localMs(at: Date): number {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw new InvalidArgumentError('Invalid Date');
  return ms + OFFSET_MS;
}

/** The Asia/Shanghai calendar date of an instant, 'YYYY-MM-DD' (use it for "today" in rules). */
export function shanghaiDate(at: Date): string {
  return fromDayNumber(Math.floor(localMs(at) / DAY_MS));
}

/** The instant of a wall-clock time in Asia/Shanghai: shanghaiTime('2026-03-02', '09:00') = 01:00Z. */
export function shanghaiTime(date: string, time: string): Date {
  const minutes = parseClock(time);
  if (minutes === null) throw new InvalidArgumentError(`Not a time of day (HH:MM): "${time}"`);
  return new Date(toDayNumber(date) * DAY_MS + minutes * MINUTE_MS - OFFSET_MS);
}

export function isWorkingTime(calendar: WorkingCalendar, at: Date): boolean {
  const t = localMs(at);
  if (calendar.kind === 'ALWAYS') return true;
  const compiled = compile(calendar);
  const day = Math.floor(t / DAY_MS);
  if (!isWorkingDayNumber(compiled, day)) return false;
  const sinceMidnight = t - day * DAY_MS;
  return compiled.intervals.some(([a, b]) => a <= sinceMidnight && sinceMidnight < b);
}

/** Working minutes in one working day of the calendar (420 for DEFAULT_CALENDAR). */
export function workingMinutesPerDay(calendar: OfficeCalendar): number {
  return compile(calendar).intervals.reduce((sum, [a, b]) => sum + (b - a), 0) / MINUTE_MS;
}

/** Absolute local-time working intervals of a day, or none. */
function intervalsOfDay(compiled: CompiledCalendar, day: number): (readonly [number, number])[] {
  if (!isWorkingDayNumber(compiled, day)) return [];
  const midnight = day * DAY_MS;
  return compiled.intervals.map(([a, b]) => [midnight + a, midnight + b] as const);
}

/**
 * The due time: the earliest instant by which `minutes` working minutes have passed since `start`.
 * A due time never jumps over a break: 60 minutes from 11:00 is 12:00, not 13:30. Zero minutes → start.
 */
export function addWorkingMinutes(calendar: WorkingCalendar, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new InvalidArgumentError('Minutes must be a non-negative number');
  let remaining = Math.round(minutes * MINUTE_MS);
  let t = localMs(start);
  if (calendar.kind === 'ALWAYS') return new Date(t - OFFSET_MS + remaining);
  if (remaining === 0) return new Date(t - OFFSET_MS);
  const compiled = compile(calendar);
  let daysWithoutWork = 0;
  for (let day = Math.floor(t / DAY_MS); ; day++) {
    const intervals = intervalsOfDay(compiled, day);
    for (const [a, b] of intervals) {
      if (b <= t) continue;
      const from = Math.max(a, t);
      if (b - from >= remaining) return new Date(from + remaining - OFFSET_MS);
      remaining -= b - from;
      t = b;
    }
    daysWithoutWork = intervals.length === 0 ? daysWithoutWork + 1 : 0;
    if (daysWithoutWork > MAX_DAYS_WITHOUT_WORK) throw new CalendarConfigError('The calendar has no working time for ten years');
  }
}

/** Working minutes in [from, to); negative when `to` is before `from` (e.g. how overdue a step is). */
export function workingMinutesBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  const start = localMs(from);
  const end = localMs(to);
  if (end < start) return -workingMinutesBetween(calendar, to, from);
  if (calendar.kind === 'ALWAYS') return (end - start) / MINUTE_MS;
  const compiled = compile(calendar);
  let total = 0;
  for (let day = Math.floor(start / DAY_MS); day <= Math.floor(end / DAY_MS); day++) {
    for (const [a, b] of intervalsOfDay(compiled, day)) total += Math.max(0, Math.min(b, end) - Math.max(a, start));
  }
  return total / MINUTE_MS;
}

/** The earliest working instant at or after `at` (when an "on arrival" step can actually start). */
export function nextWorkingTime(calendar: WorkingCalendar, at: Date): Date {
  const t = localMs(at);
  if (calendar.kind === 'ALWAYS') return new Date(at.getTime());
  const compiled = compile(calendar);
  let daysWithoutWork = 0;
  for (let day = Math.floor(t / DAY_MS); ; day++) {
    const intervals = intervalsOfDay(compiled, day);
    for (const [a, b] of intervals) if (b > t) return new Date(Math.max(a, t) - OFFSET_MS);
    daysWithoutWork = intervals.length === 0 ? daysWithoutWork + 1 : 0;
    if (daysWithoutWork > MAX_DAYS_WITHOUT_WORK) throw new CalendarConfigError('The calendar has no working time for ten years');
  }
}
