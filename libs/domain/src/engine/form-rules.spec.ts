import type { ApplicationForm } from '../application/application-form';
import { checkApplication, JISHOU_JURISDICTION } from '../application/application-rules';
import { sampleApplicationForm } from '../application/sample-application';
import { makeResidentId } from '../identifiers/resident-id';
import { checkFormRules, FORM_RULE_NAMES, FORM_RULES, UnknownFormRuleError } from './form-rules';

const rules = { today: '2026-03-02', jurisdiction: JISHOU_JURISDICTION, nameTaken: true };

// A form that breaks every rule of checkApplication at least once.
function brokenForm(): ApplicationForm {
  const form = sampleApplicationForm();
  const minor = makeResidentId('433101', '2015-01-01', 1);
  form.company.name = '湘土科技';
  form.company.registeredCapital = '0';
  form.company.businessScope = ['软件开发', '软件开发', ' '];
  form.company.address = { divisionCode: '110101', detail: ' ' };
  form.legalRepresentative = { name: '张三', idNumber: minor, mobile: '123' };
  form.company.entityType = 'PARTNERSHIP';
  form.shareholders = [
    { name: 'A', kind: 'PERSON', subscribedCapital: '1' },
    { name: 'B', kind: 'ENTITY', uscc: 'bad', subscribedCapital: 'x' },
    { name: 'C', kind: 'ENTITY', uscc: '91433100MA4L00019X', subscribedCapital: '1' },
  ];
  form.seals.kinds = ['OFFICIAL', 'OFFICIAL'];
  form.socialInsurance.employees = [
    { name: 'D', idNumber: minor, startDate: '2026-02-30' },
    { name: 'E', idNumber: makeResidentId('433101', '2012-01-01', 2), startDate: '2026-03-02' },
  ];
  form.bank.bankCode = 'NOPE';
  form.delivery = { method: 'FREE_MAIL' };
  return form;
}

describe('FORM_RULES', () => {
  it('splits today\'s checkApplication: every finding belongs to exactly one named rule', () => {
    for (const form of [brokenForm(), sampleApplicationForm()]) {
      const all = checkApplication(form, rules);
      for (const finding of [...all.violations, ...all.flags]) {
        const owners = FORM_RULE_NAMES.filter((name) => FORM_RULES[name].owns(finding));
        expect({ finding: `${finding.path} ${finding.code}`, owners: owners.length }).toEqual({ finding: `${finding.path} ${finding.code}`, owners: 1 });
      }
    }
    expect(checkApplication(brokenForm(), rules).violations.length).toBeGreaterThan(15);
  });

  it('all rules together give exactly checkApplication, in its order', () => {
    const form = brokenForm();
    // The opening's rules (a rule with a check of its own, e.g. the change form's, is another form's).
    const opening = FORM_RULE_NAMES.filter((name) => !FORM_RULES[name].check);
    expect(checkFormRules(opening, form, rules)).toEqual(checkApplication(form, rules));
  });

  it("checks a change form by its own rule: something must change, and a new address must be inside the jurisdiction", () => {
    const change = (changes: Record<string, unknown>) => checkFormRules(['enterprise-change'], { enterprise: {}, changes }, rules).violations.map((v) => `${v.path} ${v.code}`);
    expect(change({})).toEqual(['changes CHANGE_NOTHING']);
    expect(change({ address: { divisionCode: '110101', detail: '长安街1号' } })).toEqual(['changes.address.divisionCode ADDRESS_OUTSIDE_JURISDICTION']);
    expect(change({ businessScope: ['软件开发'] })).toEqual([]);
    expect(change({ capital: { registeredCapital: '100.00', shareholders: [{ name: '张三', kind: 'PERSON', subscribedCapital: '90.00' }] } })).toEqual(['changes.capital.shareholders CAPITAL_MISMATCH']);
  });

  it('one rule keeps only its own findings', () => {
    const form = sampleApplicationForm();
    form.company.registeredCapital = '999.00';
    form.bank.bankCode = 'NOPE';
    expect(checkFormRules(['shareholders-sum-to-capital'], form, rules).violations.map((v) => `${v.path} ${v.code}`)).toEqual(['company.registeredCapital CAPITAL_MISMATCH']);
    expect(checkFormRules([], form, rules)).toEqual({ violations: [], flags: [] });
  });

  it('refuses an unknown rule name', () => {
    expect(() => checkFormRules(['no-such-rule'], sampleApplicationForm(), rules)).toThrow(UnknownFormRuleError);
  });
});
