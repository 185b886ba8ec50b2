import { hasInvisibleCharacters, outputProblems } from './output-rules';

describe("clerks' outputs", () => {
  it('accepts each department’s own values in their formats', () => {
    expect(outputProblems('SAMR', { licenseNumber: '4331010000000001234' })).toEqual([]);
    expect(outputProblems('PSB', { OFFICIAL: '4331011000000001234' })).toEqual([]);
    expect(outputProblems('TAX', { ukeyNumber: '66000000001234' })).toEqual([]);
    expect(outputProblems('HRSS', { registrationNumber: '4331017000000001234' })).toEqual([]);
    expect(outputProblems('BANK', { accountNumber: '6222020200112233445', branch: '吉首人民路支行' })).toEqual([]);
  });

  it('refuses another department’s keys, wrong formats and invisible characters, naming the key', () => {
    expect(outputProblems('TAX', { licenseNumber: '4331010000000001234' }).map((problem) => problem.key)).toEqual(['licenseNumber']);
    expect(outputProblems('SAMR', { licenseNumber: 'L-1' })[0].message).toContain('19 digits');
    expect(outputProblems('SAMR', { licenseNumber: '433101000\u202E0000001234' })[0].message).toContain('bidi');
    expect(outputProblems('BANK', { accountNumber: '6222020200112233445', branch: '吉首\u200B支行' }).map((problem) => problem.key)).toEqual(['branch']);
    expect(outputProblems('SAMR', { constructor: 'x' }).map((problem) => problem.key)).toEqual(['constructor']);
  });

  it('finds control, bidi and zero-width characters', () => {
    for (const text of ['a\u0007', 'a\u202Eb', 'a\u2066b', 'a\u200Bb', 'a\uFEFF', 'a\u2028b']) expect(hasInvisibleCharacters(text)).toBe(true);
    for (const text of ['吉首人民路支行', 'ABC-12 (x)', '']) expect(hasInvisibleCharacters(text)).toBe(false);
  });
});
