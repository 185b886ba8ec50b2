import { formatDateTime, formatTimeOfDay, hoursAndMinutes, normaliseAccountNumber } from './plain-format';

describe('formatting for people', () => {
  it('writes English dates as "1 Dec 2026", never 01/12/2026, in Shanghai time', () => {
    expect(formatDateTime('2026-12-01T06:30:00.000Z', 'en')).toBe('1 Dec 2026, 14:30');
    expect(formatDateTime('2026-12-01T06:30:00.000Z', 'zh')).toBe('2026/12/01 14:30');
    expect(formatTimeOfDay(new Date('2026-12-01T16:05:00.000Z'))).toBe('00:05');
  });

  it('splits working minutes into hours and minutes', () => {
    expect(hoursAndMinutes(16 * 60)).toEqual({ h: 16, m: 0 });
    expect(hoursAndMinutes(200.4)).toEqual({ h: 3, m: 20 });
    expect(hoursAndMinutes(-5)).toEqual({ h: 0, m: 0 });
  });

  it('takes bank account numbers typed with spaces or dashes', () => {
    expect(normaliseAccountNumber('6222 0202 0011 2233 445')).toBe('6222020200112233445');
    expect(normaliseAccountNumber(' 6222-0202　0011 ')).toBe('622202020011');
    expect(normaliseAccountNumber('6222 02O2')).toBeNull();
  });
});
