import fc from 'fast-check';
import { isValidMobile } from './mobile';

describe('isValidMobile', () => {
  it('accepts 11 digits starting 13–19', () => {
    expect(isValidMobile('13800000000')).toBe(true);
    expect(isValidMobile('19912345678')).toBe(true);
  });

  it('rejects other prefixes, lengths and decorations', () => {
    for (const bad of ['12800000000', '10800000000', '23800000000', '1380000000', '138000000000', '+8613800000000', '138-0000-0000', ' 13800000000', '1380000000a', '']) {
      expect(isValidMobile(bad)).toBe(false);
    }
  });

  it('agrees with the rule on any 11-digit string', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), (digits) => {
        expect(isValidMobile(digits)).toBe(digits[0] === '1' && digits[1] >= '3');
      }),
    );
  });
});
