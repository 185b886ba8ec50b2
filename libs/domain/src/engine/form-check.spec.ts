import { JISHOU_JURISDICTION } from '../application/application-rules';
import { sampleApplicationForm } from '../application/sample-application';
import { ENTERPRISE_OPENING_V1 } from '../processes/shipped-definitions';
import { checkForm } from './form-check';

const rules = { today: '2026-03-02', jurisdiction: JISHOU_JURISDICTION, nameTaken: false };
const form = ENTERPRISE_OPENING_V1.form;

describe('checkForm', () => {
  it('passes the sample', () => {
    expect(checkForm(form, sampleApplicationForm(), rules)).toEqual({ problems: [], flags: [] });
  });

  it('reports a format problem and a rule finding in one answer, each path once', () => {
    const value = sampleApplicationForm();
    const id = value.legalRepresentative.idNumber;
    value.legalRepresentative.idNumber = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    value.company.registeredCapital = '999.00';
    expect(checkForm(form, value, rules).problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      'legalRepresentative.idNumber RESIDENT_ID_CHECK_CHARACTER',
      'company.registeredCapital CAPITAL_MISMATCH',
    ]);
  });

  it('does not run the rules on a form of the wrong shape (they would read missing fields)', () => {
    const value = sampleApplicationForm() as unknown as Record<string, unknown>;
    delete value.shareholders;
    value.company = 'x';
    expect(checkForm(form, value, rules).problems.map((p) => `${p.path} ${p.code}`)).toEqual(['company TYPE_MISMATCH', 'shareholders REQUIRED']);
  });
});
