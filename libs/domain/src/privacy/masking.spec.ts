import fc from 'fast-check';
import { fromDayNumber } from '../calendar/calendar-date';
import { makeResidentId } from '../identifiers/resident-id';
import { sampleApplicationForm } from '../application/sample-application';
import { maskApplicationForm, maskIdNumber, maskMobile, maskPersonalData } from './masking';

const PROVINCES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82'];
const idArb = fc
  .tuple(fc.tuple(fc.constantFrom(...PROVINCES), fc.stringMatching(/^\d{4}$/)).map(([province, rest]) => province + rest), fc.integer({ min: -10_000, max: 20_000 }), fc.integer({ min: 0, max: 999 }))
  .map(([division, day, seq]) => makeResidentId(division, fromDayNumber(day), seq));
const mobileArb = fc.stringMatching(/^1[3-9]\d{9}$/);
// Filler text without digits, so every digit in the composed text belongs to a planted value.
const fillerArb = fc.string({ unit: fc.constantFrom(...'abc XYZ，。:;-_()申请人电话身份证号码'.split('')), maxLength: 12 });

describe('maskIdNumber / maskMobile', () => {
  it('keeps first 6 and last 4 of an ID, same length', () => {
    expect(maskIdNumber('433101199001011234')).toBe('433101********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('1234567890')).toBe('**********');
  });

  it('keeps first 3 and last 4 of a mobile', () => {
    expect(maskMobile('13800000000')).toBe('138****0000');
    expect(maskMobile('1380000')).toBe('*******');
  });
});

describe('maskPersonalData', () => {
  it('masks IDs and mobiles inside text and leaves the rest alone', () => {
    expect(maskPersonalData('legal rep 433101199001011234, tel 13800001111; capital 1000000.00')).toBe(
      'legal rep 433101********1234, tel 138****1111; capital 1000000.00',
    );
    expect(maskPersonalData('身份证11010519491231002x电话+86 138-0000-1111')).toBe('身份证110105********002x电话+86 138-****-1111');
    expect(maskPersonalData('call 8613800001111 or 13800001111.')).toBe('call 86138****1111 or 138****1111.');
    expect(maskPersonalData('old ID 433101900101123')).toBe('old ID 433101*****1123');
    // A mistyped ID (wrong check character) is still someone's.
    expect(maskPersonalData('refused 433101199001011237.')).toBe('refused 433101********1237.');
  });

  it('does not mask parts of longer numbers or non-mobile numbers', () => {
    expect(maskPersonalData('account 6222021234567890123')).toBe('account 6222021234567890123');
    expect(maskPersonalData('USCC 91433101MA0000007C')).toBe('USCC 91433101MA0000007C');
    expect(maskPersonalData('12800001111 and 138000011112')).toBe('12800001111 and 138000011112');
  });

  it('keeps a hex hash whole even where it holds an ID number or a mobile, and masks what is around it', () => {
    const buildId = '@temporalio/worker@1.16.1+19b8e460f2064cb855ac377715433101199001011234f0952a13800001111e';
    expect(maskPersonalData(`build ${buildId} rep 433101199001011234`)).toBe(`build ${buildId} rep 433101********1234`);
  });

  it('keeps our UUIDs whole even when they hold eleven mobile-like digits, and masks what is around them', () => {
    const id = '48359445-e531-4114-8677-18484043986b';
    expect(maskPersonalData(`req ${id} tel 13800001111`)).toBe(`req ${id} tel 138****1111`);
    expect(maskPersonalData(`${id}13800001111`)).toBe(`${id}138****1111`);
  });

  it('never leaks a planted ID or mobile, preserves length and everything else', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fillerArb, fc.oneof(idArb, mobileArb)), { maxLength: 5 }),
        fillerArb,
        (pieces, tail) => {
          const text = pieces.map(([filler, value]) => `${filler} ${value} `).join('') + tail;
          const masked = maskPersonalData(text);
          expect(masked).toHaveLength(text.length);
          for (const [filler, value] of pieces) {
            expect(masked).not.toContain(value);
            expect(masked).toContain(value.length === 18 ? maskIdNumber(value) : maskMobile(value));
            expect(masked).toContain(filler);
          }
          expect(maskPersonalData(masked)).toBe(masked);
        },
      ),
    );
  });

  it('leaves digit-free text unchanged', () => {
    fc.assert(fc.property(fc.string().filter((s) => !/\d/.test(s)), (s) => expect(maskPersonalData(s)).toBe(s)));
  });
});

describe('maskApplicationForm', () => {
  it('masks every ID number and mobile in the form and leaves the rest as it was', () => {
    const form = sampleApplicationForm();
    const masked = maskApplicationForm(form);
    const text = JSON.stringify(masked);
    for (const secret of [form.legalRepresentative.idNumber, form.legalRepresentative.mobile, form.socialInsurance.employees[0].idNumber]) expect(text).not.toContain(secret);
    expect(masked.legalRepresentative.idNumber).toBe(maskIdNumber(form.legalRepresentative.idNumber));
    expect(masked.shareholders[1]).toEqual(form.shareholders[1]);
    expect({ ...masked, legalRepresentative: form.legalRepresentative, shareholders: form.shareholders, socialInsurance: form.socialInsurance }).toEqual(form);
  });
});
