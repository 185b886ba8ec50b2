import fc from 'fast-check';
import {
  addWorkingMinutes,
  ALWAYS_OPEN_CALENDAR,
  CalendarConfigError,
  DEFAULT_CALENDAR,
  isWorkingDay,
  isWorkingTime,
  nextWorkingTime,
  type OfficeCalendar,
  shanghaiDate,
  shanghaiTime,
  validateCalendar,
  workingMinutesBetween,
  workingMinutesPerDay,
} from './working-calendar';
import { fromDayNumber, toDayNumber } from './calendar-date';

const at = (date: string, time: string): Date => shanghaiTime(date, time);
const iso = (d: Date): string => d.toISOString();

// Instants from late 2025 to early 2027, to the millisecond.
const instantArb = fc
  .integer({ min: Date.UTC(2025, 10, 1), max: Date.UTC(2027, 1, 1) })
  .map((ms) => new Date(ms));

// Random office calendars: 1–3 disjoint intervals on a 5-minute grid, random holidays and make-up days.
const officeCalendarArb: fc.Arbitrary<OfficeCalendar> = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 0, max: 288 }), { minLength: 2, maxLength: 6 }),
    fc.uniqueArray(fc.integer({ min: toDayNumber('2025-11-01'), max: toDayNumber('2027-02-01') }), { maxLength: 40 }),
  )
  .map(([marks, days]) => {
    const sorted = [...marks].sort((a, b) => a - b);
    const clock = (slot: number) => `${String(Math.floor((slot * 5) / 60)).padStart(2, '0')}:${String((slot * 5) % 60).padStart(2, '0')}`;
    const officeHours = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) officeHours.push({ start: clock(sorted[i]), end: clock(sorted[i + 1]) });
    const dates = days.map(fromDayNumber);
    return { kind: 'OFFICE' as const, officeHours, holidays: dates.filter((_, i) => i % 2 === 0), makeUpWorkdays: dates.filter((_, i) => i % 2 === 1) };
  });
const calendarArb = fc.oneof(fc.constant(DEFAULT_CALENDAR), officeCalendarArb);

describe('Asia/Shanghai conversions', () => {
  it('uses a fixed UTC+8 offset', () => {
    expect(iso(at('2026-03-02', '09:00'))).toBe('2026-03-02T01:00:00.000Z');
    expect(iso(at('2026-03-02', '00:00'))).toBe('2026-03-01T16:00:00.000Z');
    expect(shanghaiDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
    expect(shanghaiDate(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
    expect(() => shanghaiTime('2026-03-02', '9:00')).toThrow();
    expect(() => shanghaiDate(new Date(Number.NaN))).toThrow('Invalid Date');
  });
});

describe('working days (2026 example calendar)', () => {
  it('follows weekends, holidays and make-up working days', () => {
    expect(isWorkingDay(DEFAULT_CALENDAR, '2026-03-02')).toBe(true); // Monday
    expect(isWorkingDay(DEFAULT_CALENDAR, '2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay(DEFAULT_CALENDAR, '2026-02-14')).toBe(true); // Saturday, 调休
    expect(isWorkingDay(DEFAULT_CALENDAR, '2026-02-16')).toBe(false); // Monday, 春节
    expect(isWorkingDay(DEFAULT_CALENDAR, '2026-10-01')).toBe(false);
    expect(isWorkingDay(DEFAULT_CALENDAR, '2026-10-10')).toBe(true);
    expect(isWorkingDay(ALWAYS_OPEN_CALENDAR, '2026-10-01')).toBe(true);
    expect(workingMinutesPerDay(DEFAULT_CALENDAR)).toBe(420);
  });

  it('knows office hours, excluding the lunch break and the closing minute', () => {
    expect(isWorkingTime(DEFAULT_CALENDAR, at('2026-03-02', '09:00'))).toBe(true);
    expect(isWorkingTime(DEFAULT_CALENDAR, at('2026-03-02', '08:59'))).toBe(false);
    expect(isWorkingTime(DEFAULT_CALENDAR, at('2026-03-02', '11:59'))).toBe(true);
    expect(isWorkingTime(DEFAULT_CALENDAR, at('2026-03-02', '12:00'))).toBe(false);
    expect(isWorkingTime(DEFAULT_CALENDAR, at('2026-03-02', '13:30'))).toBe(true);
    expect(isWorkingTime(DEFAULT_CALENDAR, at('2026-03-02', '17:30'))).toBe(false);
    expect(isWorkingTime(DEFAULT_CALENDAR, at('2026-02-14', '10:00'))).toBe(true);
    expect(isWorkingTime(DEFAULT_CALENDAR, at('2026-02-16', '10:00'))).toBe(false);
    expect(isWorkingTime(ALWAYS_OPEN_CALENDAR, at('2026-02-16', '03:00'))).toBe(true);
  });
});

describe('addWorkingMinutes', () => {
  const due = (date: string, time: string, minutes: number) => iso(addWorkingMinutes(DEFAULT_CALENDAR, at(date, time), minutes));

  it('counts within a morning, across lunch, and stops at a break rather than jumping it', () => {
    expect(due('2026-03-02', '10:00', 60)).toBe(iso(at('2026-03-02', '11:00')));
    expect(due('2026-03-02', '11:30', 60)).toBe(iso(at('2026-03-02', '14:00')));
    expect(due('2026-03-02', '11:00', 60)).toBe(iso(at('2026-03-02', '12:00')));
    expect(due('2026-03-02', '08:00', 1)).toBe(iso(at('2026-03-02', '09:01')));
    expect(due('2026-03-02', '12:15', 0)).toBe(iso(at('2026-03-02', '12:15')));
  });

  it('gives half a working day (240 min) from a morning submission as mid-afternoon', () => {
    expect(due('2026-03-02', '09:00', 240)).toBe(iso(at('2026-03-02', '14:30')));
    expect(due('2026-03-02', '09:00', 420)).toBe(iso(at('2026-03-02', '17:30')));
  });

  it('skips nights, weekends and holidays, and counts make-up Saturdays', () => {
    expect(due('2026-03-06', '17:00', 60)).toBe(iso(at('2026-03-09', '09:30'))); // Friday → Monday
    expect(due('2026-02-13', '17:00', 60)).toBe(iso(at('2026-02-14', '09:30'))); // → make-up Saturday
    expect(due('2026-02-14', '17:00', 60)).toBe(iso(at('2026-02-24', '09:30'))); // over the Spring Festival
    expect(due('2026-09-30', '17:00', 60)).toBe(iso(at('2026-10-08', '09:30'))); // over National Day
  });

  it('is plain addition when always open', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 0, max: 100_000 }), (start, m) => {
        expect(addWorkingMinutes(ALWAYS_OPEN_CALENDAR, start, m).getTime()).toBe(start.getTime() + m * 60_000);
        expect(workingMinutesBetween(ALWAYS_OPEN_CALENDAR, start, new Date(start.getTime() + m * 60_000))).toBe(m);
      }),
    );
  });

  it('is inverted by workingMinutesBetween', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 0, max: 5_000 }), (calendar, start, m) => {
        expect(workingMinutesBetween(calendar, start, addWorkingMinutes(calendar, start, m))).toBe(m);
      }),
    );
  });

  it('is monotone in the minutes and never earlier than the start', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 0, max: 3_000 }), (calendar, start, m1, extra) => {
        const a = addWorkingMinutes(calendar, start, m1).getTime();
        const b = addWorkingMinutes(calendar, start, m1 + extra).getTime();
        expect(a).toBeGreaterThanOrEqual(start.getTime());
        expect(b).toBeGreaterThanOrEqual(a);
        if (extra > 0) expect(b).toBeGreaterThan(a);
      }),
    );
  });

  it('ends on working time: the millisecond before a positive due time is working time', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 1, max: 3_000 }), (calendar, start, m) => {
        expect(isWorkingTime(calendar, new Date(addWorkingMinutes(calendar, start, m).getTime() - 1))).toBe(true);
      }),
    );
  });

  it('refuses negative minutes and bad dates', () => {
    expect(() => addWorkingMinutes(DEFAULT_CALENDAR, at('2026-03-02', '09:00'), -1)).toThrow();
    expect(() => addWorkingMinutes(DEFAULT_CALENDAR, at('2026-03-02', '09:00'), Number.NaN)).toThrow();
    expect(() => addWorkingMinutes(DEFAULT_CALENDAR, new Date(Number.NaN), 1)).toThrow();
  });
});

describe('workingMinutesBetween', () => {
  it('counts only office time', () => {
    expect(workingMinutesBetween(DEFAULT_CALENDAR, at('2026-03-06', '17:00'), at('2026-03-09', '10:00'))).toBe(90);
    expect(workingMinutesBetween(DEFAULT_CALENDAR, at('2026-03-02', '11:00'), at('2026-03-02', '14:00'))).toBe(90);
    expect(workingMinutesBetween(DEFAULT_CALENDAR, at('2026-03-02', '12:10'), at('2026-03-02', '13:20'))).toBe(0);
    expect(workingMinutesBetween(DEFAULT_CALENDAR, at('2026-02-15', '00:00'), at('2026-02-24', '00:00'))).toBe(0);
  });

  it('is negative when the end is before the start (how overdue)', () => {
    expect(workingMinutesBetween(DEFAULT_CALENDAR, at('2026-03-09', '10:00'), at('2026-03-06', '17:00'))).toBe(-90);
  });

  it('is additive and bounded by elapsed time', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, instantArb, (calendar, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime());
        const ab = workingMinutesBetween(calendar, a, b);
        const bc = workingMinutesBetween(calendar, b, c);
        expect(ab + bc).toBeCloseTo(workingMinutesBetween(calendar, a, c), 6);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual((b.getTime() - a.getTime()) / 60_000);
      }),
      { numRuns: 50 },
    );
  });
});

describe('nextWorkingTime', () => {
  it('is the start itself in office time, else the next opening', () => {
    expect(iso(nextWorkingTime(DEFAULT_CALENDAR, at('2026-03-02', '10:00')))).toBe(iso(at('2026-03-02', '10:00')));
    expect(iso(nextWorkingTime(DEFAULT_CALENDAR, at('2026-03-02', '12:30')))).toBe(iso(at('2026-03-02', '13:30')));
    expect(iso(nextWorkingTime(DEFAULT_CALENDAR, at('2026-09-30', '18:00')))).toBe(iso(at('2026-10-08', '09:00')));
  });

  it('agrees with isWorkingTime', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, (calendar, start) => {
        const next = nextWorkingTime(calendar, start);
        expect(isWorkingTime(calendar, next)).toBe(true);
        expect(workingMinutesBetween(calendar, start, next)).toBe(0);
      }),
    );
  });
});

describe('calendar configuration', () => {
  const base: OfficeCalendar = { kind: 'OFFICE', officeHours: [{ start: '09:00', end: '17:00' }], holidays: [], makeUpWorkdays: [] };
  it('rejects unusable calendars', () => {
    expect(() => validateCalendar({ ...base, officeHours: [] })).toThrow(CalendarConfigError);
    expect(() => validateCalendar({ ...base, officeHours: [{ start: '17:00', end: '09:00' }] })).toThrow(CalendarConfigError);
    expect(() => validateCalendar({ ...base, officeHours: [{ start: '09:00', end: '24:01' }] })).toThrow(CalendarConfigError);
    expect(() => validateCalendar({ ...base, officeHours: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }] })).toThrow('overlap');
    expect(() => validateCalendar({ ...base, holidays: ['2026-02-30'] })).toThrow(CalendarConfigError);
    expect(() => validateCalendar({ ...base, holidays: ['2026-02-14'], makeUpWorkdays: ['2026-02-14'] })).toThrow('both');
    expect(() => validateCalendar(DEFAULT_CALENDAR)).not.toThrow();
  });

  it('accepts office hours in any order and up to midnight', () => {
    const night: OfficeCalendar = { ...base, officeHours: [{ start: '20:00', end: '24:00' }, { start: '08:00', end: '09:00' }] };
    expect(iso(addWorkingMinutes(night, at('2026-03-02', '08:30'), 60))).toBe(iso(at('2026-03-02', '20:30')));
    expect(iso(addWorkingMinutes(night, at('2026-03-02', '23:30'), 60))).toBe(iso(at('2026-03-03', '08:30')));
  });
});
