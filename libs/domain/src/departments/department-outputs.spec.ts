import fc from 'fast-check';
import { SEAL_KINDS } from '../application/application-form';
import { generateUscc, USCC_MAX_SEQUENCE } from '../identifiers/uscc';
import { luhnCheckDigit } from '../internal/deterministic-hash';
import { BANKS } from './banks';
import {
  bankAccountNumber,
  enterpriseSerial,
  licenseNumber,
  sealCode,
  socialInsuranceNumber,
  ukeyNumber,
} from './department-outputs';

const uscc = generateUscc({ divisionCode: '433101', sequence: 12345 });
const sequenceArb = fc.integer({ min: 0, max: USCC_MAX_SEQUENCE });

describe('department outputs', () => {
  it('derive readable numbers from the USCC', () => {
    expect(licenseNumber(uscc)).toMatch(/^4331010\d{12}$/);
    expect(sealCode(uscc, 'OFFICIAL')).toMatch(/^4331011\d{12}$/);
    expect(sealCode(uscc, 'LEGAL_REPRESENTATIVE')).toMatch(/^4331014\d{12}$/);
    expect(ukeyNumber(uscc)).toMatch(/^66\d{12}$/);
    expect(socialInsuranceNumber(uscc)).toMatch(/^4331017\d{12}$/);
    // Real published code: 'M000100Y' read in base 31.
    expect(enterpriseSerial('91350100M000100Y43')).toBe(String(21 * 31 ** 7 + 1 * 31 ** 3 + 30).padStart(12, '0'));
  });

  it('refuse invalid USCCs', () => {
    expect(() => licenseNumber('91433101MA0000007D')).toThrow();
    expect(() => sealCode('x', 'OFFICIAL')).toThrow();
  });

  it('are unique per enterprise and per seal kind', () => {
    fc.assert(
      fc.property(sequenceArb, sequenceArb, (a, b) => {
        fc.pre(a !== b);
        const x = generateUscc({ divisionCode: '433101', sequence: a });
        const y = generateUscc({ divisionCode: '433101', sequence: b });
        expect(licenseNumber(x)).not.toBe(licenseNumber(y));
        expect(ukeyNumber(x)).not.toBe(ukeyNumber(y));
        expect(socialInsuranceNumber(x)).not.toBe(socialInsuranceNumber(y));
        expect(sealCode(x, 'OFFICIAL')).not.toBe(sealCode(y, 'OFFICIAL'));
      }),
    );
    expect(new Set(SEAL_KINDS.map((kind) => sealCode(uscc, kind))).size).toBe(4);
  });

  it('give bank account numbers of the bank’s length with a Luhn check digit', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3');
    fc.assert(
      fc.property(fc.constantFrom(...BANKS), fc.string(), fc.integer({ min: 10, max: 25 }), (bank, seed, length) => {
        const account = bankAccountNumber(bank.code, seed, length);
        expect(account).toMatch(new RegExp(`^[1-9]\\d{${length - 1}}$`));
        expect(luhnCheckDigit(account.slice(0, -1))).toBe(account.slice(-1));
        expect(bankAccountNumber(bank.code, seed, length)).toBe(account);
      }),
    );
    expect(bankAccountNumber('ICBC', uscc)).toHaveLength(19);
    expect(bankAccountNumber('ICBC', uscc)).not.toBe(bankAccountNumber('CCB', uscc));
    expect(bankAccountNumber('ICBC', uscc)).not.toBe(bankAccountNumber('ICBC', generateUscc({ divisionCode: '433101', sequence: 12346 })));
    expect(() => bankAccountNumber('ICBC', uscc, 9)).toThrow();
    expect(() => bankAccountNumber('ICBC', uscc, 26)).toThrow();
  });

  it('spread bank account numbers without collisions over many enterprises', () => {
    const accounts = new Set(Array.from({ length: 5000 }, (_, i) => bankAccountNumber('JSRCB', generateUscc({ divisionCode: '433101', sequence: i }), 16)));
    expect(accounts.size).toBe(5000);
  });
});
