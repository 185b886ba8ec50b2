import { InvalidArgumentError } from '../errors/domain-error';

// A calendar date is a plain 'YYYY-MM-DD' string (no time, no zone): birth dates, holidays,
// "today" in Asia/Shanghai. Arithmetic is done on day numbers (days since 1970-01-01) with
// integer formulas, so nothing depends on the host's time zone or on Date parsing quirks.

export interface CalendarDateParts {
  year: number;
  month: number;
  day: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses 'YYYY-MM-DD' (years 0001–9999); null unless it names a real day of the Gregorian calendar. */
export function parseCalendarDate(text: string): CalendarDateParts | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isCalendarDate(text: string): boolean {
  return parseCalendarDate(text) !== null;
}

export function formatCalendarDate({ year, month, day }: CalendarDateParts): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function requireDate(text: string): CalendarDateParts {
  const parts = parseCalendarDate(text);
  if (!parts) throw new InvalidArgumentError(`Not a calendar date (YYYY-MM-DD): "${text.slice(0, 20)}"`);
  return parts;
}

// Howard Hinnant's days_from_civil / civil_from_days, proleptic Gregorian.
export function dayNumberFromParts({ year, month, day }: CalendarDateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function partsFromDayNumber(dayNumber: number): CalendarDateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days since 1970-01-01 (negative before). Throws on an invalid date. */
export function toDayNumber(date: string): number {
  return dayNumberFromParts(requireDate(date));
}

export function fromDayNumber(dayNumber: number): string {
  return formatCalendarDate(partsFromDayNumber(dayNumber));
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return dayOfWeekFromDayNumber(toDayNumber(date));
}

export function dayOfWeekFromDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Negative, zero or positive like a comparator. Valid 'YYYY-MM-DD' strings sort lexically. */
export function compareCalendarDates(a: string, b: string): number {
  return toDayNumber(a) - toDayNumber(b);
}
