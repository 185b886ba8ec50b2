import fc from 'fast-check';
import {
  addDays,
  compareCalendarDates,
  dayOfWeek,
  daysInMonth,
  fromDayNumber,
  isCalendarDate,
  parseCalendarDate,
  toDayNumber,
} from './calendar-date';

const DAY_MS = 86_400_000;

describe('calendar dates', () => {
  it('accepts real days and rejects impossible ones', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-00-10')).toBe(false);
    expect(isCalendarDate('0000-01-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(isCalendarDate('20260101')).toBe(false);
    expect(parseCalendarDate('2026-12-31')).toEqual({ year: 2026, month: 12, day: 31 });
  });

  it('knows month lengths', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
  });

  it('agrees with the UTC epoch and weekdays', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    expect(dayOfWeek('2026-01-01')).toBe(4); // Thursday
    expect(dayOfWeek('2026-02-14')).toBe(6); // Saturday (a make-up working day)
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(compareCalendarDates('2026-01-02', '2025-12-31')).toBe(2);
  });

  it('round-trips day numbers and matches Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -600_000, max: 2_900_000 }), (n) => {
        const date = fromDayNumber(n);
        expect(isCalendarDate(date)).toBe(true);
        expect(toDayNumber(date)).toBe(n);
        expect(new Date(n * DAY_MS).toISOString().slice(0, 10)).toBe(date);
      }),
    );
  });

  it('throws on invalid input to arithmetic', () => {
    expect(() => toDayNumber('2026-02-30')).toThrow('Not a calendar date');
  });
});
