import fc from 'fast-check';
import { fromDayNumber } from '../calendar/calendar-date';
import { makeResidentId, residentIdCheckChar } from '../identifiers/resident-id';
import { detectPersonalData, isLegacyResidentIdNumber, isResidentIdNumber } from './personal-data-detector';

const PROVINCES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82'];
const idArb = fc
  .tuple(fc.constantFrom(...PROVINCES), fc.stringMatching(/^\d{4}$/), fc.integer({ min: -20_000, max: 20_000 }), fc.integer({ min: 0, max: 999 }))
  .map(([province, rest, day, seq]) => makeResidentId(province + rest, fromDayNumber(day), seq));
const mobileArb = fc.stringMatching(/^1[3-9]\d{9}$/);
const hexDigits = (max: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'.split('')), maxLength: max });
// Hex with at least one letter: all digits, it would be a plain number, which may itself be an ID number.
const hexArb = (max: number): fc.Arbitrary<string> =>
  fc.tuple(hexDigits(max), fc.constantFrom(...'abcdef'.split('')), hexDigits(max)).map(([head, letter, rest]) => head + letter + rest);
// Text around a planted value that cannot itself hold or extend a number.
const fillerArb = fc.string({ unit: fc.constantFrom(...' ，。:;"(){}[]申请人电话身份证号码'.split('')), maxLength: 10 });

const kinds = (text: string): string[] => detectPersonalData(text).map((found) => `${found.kind}:${found.value}`);

describe('isResidentIdNumber', () => {
  it('wants a valid check character, a real birth date and a known province', () => {
    expect(isResidentIdNumber('11010519491231002X')).toBe(true);
    expect(isResidentIdNumber('11010519491231002x')).toBe(true);
    expect(isResidentIdNumber('110105194912310021')).toBe(false); // check character
    const body = '11010519490231002'; // 31 February
    expect(isResidentIdNumber(body + residentIdCheckChar(body))).toBe(false);
    for (const province of ['00', '10', '19', '24', '30', '47', '55', '60', '66', '70', '72', '80', '83', '99']) {
      const other = `${province}010519491231002`;
      expect(isResidentIdNumber(other + residentIdCheckChar(other))).toBe(false);
    }
  });

  it('accepts every ID built for a known province', () => {
    fc.assert(fc.property(idArb, (id) => expect(isResidentIdNumber(id)).toBe(true)));
  });
});

describe('isLegacyResidentIdNumber', () => {
  it('wants 15 digits, a known province and a real date in the 1900s', () => {
    expect(isLegacyResidentIdNumber('433101900101123')).toBe(true);
    expect(isLegacyResidentIdNumber('433101900231123')).toBe(false);
    expect(isLegacyResidentIdNumber('993101900101123')).toBe(false);
    expect(isLegacyResidentIdNumber('43310190010112')).toBe(false);
  });
});

describe('detectPersonalData', () => {
  it('finds ID numbers and mobiles as people write them', () => {
    expect(kinds('legal rep 11010519491231002X, tel 13800001111; old 433101900101123')).toEqual([
      'ID_NUMBER:11010519491231002X',
      'MOBILE:13800001111',
      'LEGACY_ID_NUMBER:433101900101123',
    ]);
    expect(kinds('电话+86 138-0000-1111 或 8613800001111、138 0000 1111')).toEqual(['MOBILE:+86 138-0000-1111', 'MOBILE:8613800001111', 'MOBILE:138 0000 1111']);
    expect(kinds('{"idNumber":"11010519491231002X","mobile":"13800001111"}')).toEqual(['ID_NUMBER:11010519491231002X', 'MOBILE:13800001111']);
  });

  it('finds nothing in the worker build id of issue 11, a hex hash holding 18 digits in a row', () => {
    expect(kinds('@temporalio/worker@1.16.1+19b8e460f2064cb855ac377715110105194912310025f0952a')).toEqual([]);
    expect(kinds('sha 19b8e46011010519491231002Xf0952a tok abc13800001111 acct 6222021234567890123 +13800001111')).toEqual([]);
  });

  it('takes mistyped ID numbers too when asked for ID-shaped ones (the masker), still not inside a hash', () => {
    const text = 'typo 110105194912310021, hash 19b8e460110105194912310021f0';
    expect(kinds(text)).toEqual([]);
    expect(detectPersonalData(text, { idNumbers: 'shaped' }).map((found) => found.value)).toEqual(['110105194912310021']);
  });

  it('leaves our UUIDs whole, and finds a number right after one', () => {
    const id = '48359445-e531-4114-8677-18484043986b';
    expect(kinds(`req ${id}`)).toEqual([]);
    expect(kinds(`${id}13800001111`)).toEqual(['MOBILE:13800001111']);
  });

  it('finds every planted ID number and mobile, where it was planted', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fillerArb, fc.oneof(idArb, mobileArb)), { maxLength: 5 }), fillerArb, (pieces, tail) => {
        let text = '';
        const planted: { index: number; value: string }[] = [];
        for (const [filler, value] of pieces) {
          text += filler + ' ';
          planted.push({ index: text.length, value });
          text += value + ' ';
        }
        text += tail;
        expect(detectPersonalData(text).map(({ index, value }) => ({ index, value }))).toEqual(planted);
      }),
    );
  });

  it('finds nothing planted inside a hex hash or a token, whatever surrounds the hash', () => {
    fc.assert(
      fc.property(hexArb(20), fc.oneof(idArb, mobileArb), hexArb(20), fillerArb, (before, value, after, filler) => {
        // A hash that starts or ends with the value still runs on with letters and digits on one side.
        expect(detectPersonalData(`${filler}${before}${value}${after}${filler}`)).toEqual([]);
        expect(detectPersonalData(`${filler}${before}${value.toUpperCase()}`)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
