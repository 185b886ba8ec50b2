import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from '../calendar/calendar-date';
import { ageOn, isValidResidentId, makeResidentId, parseResidentId, residentIdCheckChar } from './resident-id';

// Birth dates from 1900 to 2030 as 'YYYY-MM-DD'.
const birthDateArb = fc
  .integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2030-12-31') })
  .map(fromDayNumber);
const divisionArb = fc.stringMatching(/^[1-6]\d{5}$/);
const residentIdArb = fc
  .tuple(divisionArb, birthDateArb, fc.integer({ min: 0, max: 999 }))
  .map(([d, b, s]) => makeResidentId(d, b, s));

describe('residentIdCheckChar (GB 11643)', () => {
  it('matches the published example 11010519491231002X', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('11010519491231002x')).toBe(true);
  });

  it('computes a known digit check character', () => {
    // 4·7+3·9+3·10+1·5+0·8+1·4+1·2+9·1+9·6+0·3+0·7+1·9+0·10+1·5+1·8+2·4+3·2 = 195; 195 mod 11 = 8 → '4'
    expect(residentIdCheckChar('43310119900101123')).toBe('4');
    expect(parseResidentId('433101199001011234')).toEqual({ ok: true, divisionCode: '433101', birthDate: '1990-01-01' });
  });

  it('rejects bodies that are not 17 digits', () => {
    expect(() => residentIdCheckChar('4331011990010112')).toThrow();
    expect(() => residentIdCheckChar('4331011990010112X')).toThrow();
  });
});

describe('parseResidentId', () => {
  it('reports the kind of failure', () => {
    expect(parseResidentId('43310119900101123')).toEqual({ ok: false, reason: 'FORMAT' });
    expect(parseResidentId('43310119900101123A')).toEqual({ ok: false, reason: 'FORMAT' });
    expect(parseResidentId(' 433101199001011230')).toEqual({ ok: false, reason: 'FORMAT' });
    expect(parseResidentId('433101199001011231')).toEqual({ ok: false, reason: 'CHECK_CHARACTER' });
    const feb30 = '43310119900230123';
    expect(parseResidentId(feb30 + residentIdCheckChar(feb30))).toEqual({ ok: false, reason: 'BIRTH_DATE' });
    const month13 = '43310119901301123';
    expect(parseResidentId(month13 + residentIdCheckChar(month13))).toEqual({ ok: false, reason: 'BIRTH_DATE' });
  });

  it('parses every generated ID back to its division and birth date', () => {
    fc.assert(
      fc.property(divisionArb, birthDateArb, fc.integer({ min: 0, max: 999 }), (division, birthDate, seq) => {
        expect(parseResidentId(makeResidentId(division, birthDate, seq))).toEqual({
          ok: true,
          divisionCode: division,
          birthDate,
        });
      }),
    );
  });

  it('detects every single-character substitution (MOD 11-2 has all weights non-zero mod 11)', () => {
    const alphabet = '0123456789X'.split('');
    fc.assert(
      fc.property(
        residentIdArb,
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...alphabet),
        (id, position, replacement) => {
          fc.pre(id[position] !== replacement && (position === 17 || replacement !== 'X'));
          const changed = id.slice(0, position) + replacement + id.slice(position + 1);
          expect(isValidResidentId(changed)).toBe(false);
        },
      ),
    );
  });

  it('detects transposition of adjacent different digits', () => {
    fc.assert(
      fc.property(residentIdArb, fc.integer({ min: 0, max: 15 }), (id, i) => {
        fc.pre(id[i] !== id[i + 1]);
        const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
        expect(parseResidentId(swapped).ok).toBe(false);
      }),
    );
  });
});

describe('makeResidentId', () => {
  it('refuses impossible inputs', () => {
    expect(() => makeResidentId('43310', '1990-01-01', 1)).toThrow();
    expect(() => makeResidentId('433101', '1990-02-30', 1)).toThrow();
    expect(() => makeResidentId('433101', '1990-01-01', 1000)).toThrow();
    expect(() => makeResidentId('433101', '1990-01-01', 1.5)).toThrow();
  });
});

describe('ageOn', () => {
  it('counts whole years, turning on the birthday', () => {
    expect(ageOn('2008-05-20', '2026-05-19')).toBe(17);
    expect(ageOn('2008-05-20', '2026-05-20')).toBe(18);
    expect(ageOn('1990-01-01', '2026-12-31')).toBe(36);
    expect(ageOn('2026-01-01', '2026-01-01')).toBe(0);
  });

  it('moves a 29 February birthday to 1 March in common years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('is negative before birth', () => {
    expect(ageOn('2026-06-02', '2026-06-01')).toBe(-1);
    expect(ageOn('2030-01-01', '2026-06-01')).toBeLessThan(0);
  });

  it('grows by one each year and is monotone in the date', () => {
    fc.assert(
      fc.property(birthDateArb, fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 400 }), (birth, d, step) => {
        const on = fromDayNumber(toDayNumber(birth) + d);
        const later = fromDayNumber(toDayNumber(on) + step);
        const age = ageOn(birth, on);
        expect(age).toBeGreaterThanOrEqual(0);
        expect(ageOn(birth, later)).toBeGreaterThanOrEqual(age);
        expect(ageOn(birth, later)).toBeLessThanOrEqual(age + 2);
        // Before the n-th birthday (~365.25 n days) one is younger than n.
        expect(age).toBeLessThanOrEqual(Math.floor(d / 365));
        expect(age).toBeGreaterThanOrEqual(Math.floor(d / 366));
      }),
    );
  });
});
