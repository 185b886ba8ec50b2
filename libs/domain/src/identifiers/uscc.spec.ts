import fc from 'fast-check';
import {
  generateUscc,
  isValidOrganisationCode,
  isValidUscc,
  normaliseUscc,
  organisationCodeCheckChar,
  parseUscc,
  USCC_CHARSET,
  USCC_MAX_SEQUENCE,
  usccCheckChar,
} from './uscc';

// Published codes (a widely used sample and three well-known companies' codes).
const REAL_CODES = ['91350100M000100Y43', '914403001922038216', '9144030071526726XG', '91330100799655058B'];

const divisionArb = fc.stringMatching(/^[1-6]\d{5}$/);
const sequenceArb = fc.integer({ min: 0, max: USCC_MAX_SEQUENCE });
const usccArb = fc.tuple(divisionArb, sequenceArb).map(([divisionCode, sequence]) => generateUscc({ divisionCode, sequence }));
const GB11714_VALUE = (c: string): number => '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.indexOf(c);

describe('organisation code (GB 11714)', () => {
  it('validates published organisation codes, with or without the hyphen', () => {
    expect(isValidOrganisationCode('M000100Y4')).toBe(true);
    expect(isValidOrganisationCode('71526726X')).toBe(true);
    expect(isValidOrganisationCode('71526726-X')).toBe(true);
    expect(isValidOrganisationCode('715267260')).toBe(false);
  });

  it('maps remainder 1 to X and remainder 0 to 0', () => {
    // 7·3+1·7+5·9+2·10+6·5+7·8+2·4+6·2 = 199 ≡ 1 (mod 11) → 11 − 1 = 10 → 'X'
    expect(organisationCodeCheckChar('71526726')).toBe('X');
    // 1·3 + 0… = 3 → 8; all zeros → sum 0 → 11 → '0'
    expect(organisationCodeCheckChar('10000000')).toBe('8');
    expect(organisationCodeCheckChar('00000000')).toBe('0');
  });

  it('rejects bodies outside [0-9A-Z]{8}', () => {
    expect(() => organisationCodeCheckChar('7152672')).toThrow();
    expect(() => organisationCodeCheckChar('7152672a')).toThrow();
  });

  it('always detects a changed check character', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{8}$/), fc.constantFrom(...'0123456789X'.split('')), (body, other) => {
        const check = organisationCodeCheckChar(body);
        fc.pre(other !== check);
        expect(isValidOrganisationCode(body + other)).toBe(false);
      }),
    );
  });

  it('detects a changed body character unless the values differ by a multiple of 11', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9A-Z]{8}$/),
        fc.integer({ min: 0, max: 7 }),
        fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('')),
        (body, i, replacement) => {
          fc.pre(body[i] !== replacement);
          const changed = body.slice(0, i) + replacement + body.slice(i + 1);
          const detected = !isValidOrganisationCode(changed + organisationCodeCheckChar(body));
          const delta = GB11714_VALUE(body[i]) - GB11714_VALUE(replacement);
          expect(detected).toBe(delta % 11 !== 0);
        },
      ),
    );
    // The blind spot is real: '0' (0) and 'B' (11) weigh the same mod 11.
    expect(isValidOrganisationCode('MB00100Y4')).toBe(true); // 'M000100Y4' with one '0' → 'B'
    expect(organisationCodeCheckChar('0000000B')).toBe(organisationCodeCheckChar('00000000'));
  });
});

describe('USCC (GB 32100)', () => {
  it('accepts published codes and reads their parts', () => {
    for (const code of REAL_CODES) expect(isValidUscc(code)).toBe(true);
    expect(parseUscc('914403001922038216')).toEqual({
      ok: true,
      registrationAuthority: '9',
      entityCategory: '1',
      divisionCode: '440300',
      organisationCode: '192203821',
    });
  });

  it('computes the MOD 31 check character, 31 → 0', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('00000000000000000')).toBe('0');
    expect(() => usccCheckChar('91350100M000100Y')).toThrow();
    expect(() => usccCheckChar('91350100M000100O4')).toThrow();
  });

  it('names the failure', () => {
    expect(parseUscc('91350100M000100Y4')).toEqual({ ok: false, reason: 'FORMAT' });
    expect(parseUscc('91350100m000100Y43')).toEqual({ ok: false, reason: 'FORMAT' });
    expect(parseUscc('91350100M000100I43')).toEqual({ ok: false, reason: 'FORMAT' });
    expect(parseUscc('913501A0M000100Y43')).toEqual({ ok: false, reason: 'FORMAT' });
    expect(parseUscc('91350100M000100Y44')).toEqual({ ok: false, reason: 'CHECK_CHARACTER' });
    // Valid final check over a body whose organisation code check is wrong.
    const body = '91350100M000100Y5';
    expect(parseUscc(body + usccCheckChar(body))).toEqual({ ok: false, reason: 'ORGANISATION_CODE' });
  });

  it('normalises user input', () => {
    expect(normaliseUscc(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
  });

  it('generates codes that always validate, with authority 9, category 1 and the division', () => {
    fc.assert(
      fc.property(divisionArb, sequenceArb, (divisionCode, sequence) => {
        const code = generateUscc({ divisionCode, sequence });
        expect(code).toHaveLength(18);
        const parsed = parseUscc(code);
        expect(parsed).toMatchObject({ ok: true, registrationAuthority: '9', entityCategory: '1', divisionCode });
      }),
    );
    expect(generateUscc({ divisionCode: '433101', sequence: 0 })).toBe('91433101MA0000007C');
  });

  it('gives distinct codes for distinct sequences', () => {
    fc.assert(
      fc.property(sequenceArb, sequenceArb, (a, b) => {
        fc.pre(a !== b);
        expect(generateUscc({ divisionCode: '433101', sequence: a })).not.toBe(
          generateUscc({ divisionCode: '433101', sequence: b }),
        );
      }),
    );
    const first = Array.from({ length: 2000 }, (_, i) => generateUscc({ divisionCode: '433101', sequence: i }));
    expect(new Set(first).size).toBe(2000);
  });

  it('refuses sequences out of range and bad divisions', () => {
    expect(() => generateUscc({ divisionCode: '433101', sequence: -1 })).toThrow();
    expect(() => generateUscc({ divisionCode: '433101', sequence: USCC_MAX_SEQUENCE + 1 })).toThrow();
    expect(() => generateUscc({ divisionCode: '433101', sequence: 2.5 })).toThrow();
    expect(() => generateUscc({ divisionCode: '4331', sequence: 1 })).toThrow();
    expect(generateUscc({ divisionCode: '433101', sequence: USCC_MAX_SEQUENCE })).toMatch(/^91433101MAYYYYYY/);
  });

  it('detects every single-character substitution (31 is prime and no weight is 0 mod 31)', () => {
    const anyChar = fc.constantFrom(...(USCC_CHARSET + 'IOSVZa-').split(''));
    fc.assert(
      fc.property(fc.oneof(usccArb, fc.constantFrom(...REAL_CODES)), fc.integer({ min: 0, max: 17 }), anyChar, (code, i, c) => {
        fc.pre(code[i] !== c);
        expect(isValidUscc(code.slice(0, i) + c + code.slice(i + 1))).toBe(false);
      }),
    );
  });

  it('detects transposition of adjacent different characters among the first 17', () => {
    fc.assert(
      fc.property(usccArb, fc.integer({ min: 0, max: 15 }), (code, i) => {
        fc.pre(code[i] !== code[i + 1]);
        expect(isValidUscc(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2))).toBe(false);
      }),
    );
  });
});
