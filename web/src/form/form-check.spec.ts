import { APPLICATION_FORM_LIMITS, DEFAULT_FORBIDDEN_WORDS, JISHOU_JURISDICTION, sampleApplicationForm, type ApplicationRuleSettings } from '@onetrip/domain';
import { checkForm, pathsTheApiRefuses } from './form-check';
import { withoutPersonalData } from './form-draft';

// The page's form check as a pure function of the form and the rules the API serves.

const DEFAULTS: ApplicationRuleSettings = { jurisdiction: JISHOU_JURISDICTION, forbiddenWords: DEFAULT_FORBIDDEN_WORDS };
const LUXI: ApplicationRuleSettings = { jurisdiction: { divisionCode: '433122', name: '泸溪县' }, forbiddenWords: ['湘土'] };
const NOW = new Date('2026-06-01T02:00:00Z');

describe('checkForm', () => {
  it('passes the example with the built-in rules', () => {
    expect(checkForm(sampleApplicationForm(), DEFAULTS, NOW).problems).toEqual({});
  });

  it('flags what the served rules forbid, with their words and jurisdiction', () => {
    const { problems } = checkForm(sampleApplicationForm(), LUXI, NOW); // 吉首市湘土网络科技有限公司 at 433101
    expect(problems['company.name']).toEqual([{ code: 'NAME_FORBIDDEN_WORD', params: { words: '湘土' } }]);
    expect(problems['company.address.divisionCode']).toEqual([{ code: 'ADDRESS_OUTSIDE_JURISDICTION', params: { name: '泸溪县', code: '433122' } }]);
  });

  it('says the API refuses the request’s sizes first, and shows one problem per field', () => {
    const form = sampleApplicationForm();
    form.seals.kinds = [];
    form.legalRepresentative.name = '张'.repeat(APPLICATION_FORM_LIMITS.nameMax + 1);
    form.company.name = '';
    const check = checkForm(form, LUXI, NOW);
    expect(pathsTheApiRefuses(check)).toEqual(['company.name', 'legalRepresentative.name', 'seals.kinds']);
    expect(check.problems['legalRepresentative.name']).toEqual([{ code: 'TOO_LONG', params: { max: 100 } }]);
    expect(check.problems['company.name']).toEqual([{ code: 'NAME_EMPTY' }]);
    // The rules' findings still show on the other fields.
    expect(check.problems['company.address.divisionCode']?.[0]?.code).toBe('ADDRESS_OUTSIDE_JURISDICTION');
  });

  it('lists the rules’ paths once the sizes are right', () => {
    expect(pathsTheApiRefuses(checkForm(sampleApplicationForm(), LUXI, NOW))).toEqual(['company.address.divisionCode', 'company.name']);
  });
});

describe('withoutPersonalData', () => {
  it('keeps no name of a person, ID number or mobile, and the rest as it was', () => {
    const form = sampleApplicationForm();
    const draft = JSON.stringify(withoutPersonalData(form));
    const personal = [
      form.legalRepresentative.name,
      form.legalRepresentative.idNumber,
      form.legalRepresentative.mobile,
      ...form.shareholders.filter((s) => s.kind === 'PERSON').flatMap((s) => [s.name, s.idNumber ?? '']),
      ...form.socialInsurance.employees.flatMap((e) => [e.name, e.idNumber]),
    ];
    expect(personal.filter((value) => value && draft.includes(value))).toEqual([]);
    expect(withoutPersonalData(form).company).toEqual(form.company);
    expect(withoutPersonalData(form).shareholders.map((s) => s.subscribedCapital)).toEqual(form.shareholders.map((s) => s.subscribedCapital));
  });
});
