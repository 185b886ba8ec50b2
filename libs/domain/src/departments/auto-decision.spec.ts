import fc from 'fast-check';
import { applyCorrections } from '../application/application-form';
import { applicationFormArb } from '../../test/application-form.arbitrary';
import { JISHOU_JURISDICTION, type RuleContext } from '../application/application-rules';
import { sampleApplicationForm } from '../application/sample-application';
import { generateUscc, isValidUscc } from '../identifiers/uscc';
import {
  autoDecide,
  EnterpriseSequenceRequiredError,
  LicenceRequiredError,
  type AutoDecideContext,
} from './auto-decision';
import { bankAccountNumber, licenseNumber, sealCode, socialInsuranceNumber, ukeyNumber } from './department-outputs';
import { DEPARTMENTS, departmentReads } from './departments';

const rules: RuleContext = { today: '2026-03-02', jurisdiction: JISHOU_JURISDICTION, nameTaken: false };
const uscc = generateUscc({ divisionCode: '433101', sequence: 7 });
const ctx: AutoDecideContext = { rules, uscc };

describe('autoDecide', () => {
  it('SAMR issues the USCC and licence for a good application', () => {
    const decision = autoDecide('SAMR', sampleApplicationForm(), { rules, enterpriseSequence: 7 });
    expect(decision).toEqual({
      decision: 'COMPLETE',
      outputs: { uscc, licenseNumber: licenseNumber(uscc), enterpriseName: '吉首市湘土网络科技有限公司' },
      flags: [],
    });
    if (decision.decision === 'COMPLETE') expect(isValidUscc(decision.outputs.uscc)).toBe(true);
  });

  it('SAMR keeps the USCC it issued when the step reopens', () => {
    const decision = autoDecide('SAMR', sampleApplicationForm(), { rules, uscc, enterpriseSequence: 99 });
    expect(decision.decision === 'COMPLETE' && decision.outputs.uscc).toBe(uscc);
    expect(() => autoDecide('SAMR', sampleApplicationForm(), { rules })).toThrow(EnterpriseSequenceRequiredError);
  });

  it('SAMR rejects a forbidden name and returns other problems, all at once', () => {
    expect(autoDecide('SAMR', applyCorrections(sampleApplicationForm(), { 'company.name': '吉首市中国科技有限公司' }), { rules, enterpriseSequence: 1 })).toEqual({
      decision: 'REJECT',
      code: 'NAME_FORBIDDEN_WORD',
      reason: expect.stringContaining('中国'),
    });
    const form = applyCorrections(sampleApplicationForm(), { 'company.name': '吉首市湘土有限公司', 'shareholders[1].subscribedCapital': '1', 'bank.bankCode': 'NOPE' });
    const decision = autoDecide('SAMR', form, { rules, enterpriseSequence: 1 });
    expect(decision).toEqual({
      decision: 'RETURN',
      items: [
        { field: 'company.name', code: 'NAME_INDUSTRY_MISSING', reason: expect.any(String) },
        { field: 'company.registeredCapital', code: 'CAPITAL_MISMATCH', reason: expect.any(String) },
      ],
    });
  });

  it('SAMR returns a taken name; later departments ignore names', () => {
    const taken = { rules: { ...rules, nameTaken: true }, uscc, enterpriseSequence: 1 };
    expect(autoDecide('SAMR', sampleApplicationForm(), taken)).toMatchObject({ decision: 'RETURN', items: [{ field: 'company.name', code: 'NAME_TAKEN' }] });
    for (const d of ['PSB', 'TAX', 'HRSS', 'BANK'] as const) expect(autoDecide(d, sampleApplicationForm(), taken).decision).toBe('COMPLETE');
  });

  it('PSB files one code per requested seal kind, in standard order', () => {
    const form = applyCorrections(sampleApplicationForm(), { 'seals.kinds': ['INVOICE', 'OFFICIAL'] });
    expect(autoDecide('PSB', form, ctx)).toEqual({
      decision: 'COMPLETE',
      outputs: { seals: [{ kind: 'OFFICIAL', filingCode: sealCode(uscc, 'OFFICIAL') }, { kind: 'INVOICE', filingCode: sealCode(uscc, 'INVOICE') }] },
      flags: [],
    });
  });

  it('TAX confirms the taxpayer and issues a UKey only when asked', () => {
    expect(autoDecide('TAX', sampleApplicationForm(), ctx)).toMatchObject({
      decision: 'COMPLETE',
      outputs: { taxpayerId: uscc, taxpayerType: 'SMALL_SCALE', invoicesApproved: true, ukeyNumber: ukeyNumber(uscc) },
    });
    const noUkey = applyCorrections(sampleApplicationForm(), { 'tax.ukey': false, 'tax.invoices': false });
    expect(autoDecide('TAX', noUkey, ctx)).toMatchObject({ outputs: { invoicesApproved: false, ukeyNumber: null } });
    const badMobile = applyCorrections(sampleApplicationForm(), { 'legalRepresentative.mobile': '123' });
    expect(autoDecide('TAX', badMobile, ctx)).toMatchObject({ decision: 'RETURN', items: [{ field: 'legalRepresentative.mobile' }] });
    expect(autoDecide('HRSS', badMobile, ctx).decision).toBe('COMPLETE');
  });

  it('HRSS registers the employer and enrols employees; returns a bad employee', () => {
    expect(autoDecide('HRSS', sampleApplicationForm(), ctx)).toMatchObject({
      decision: 'COMPLETE',
      outputs: { socialInsuranceNumber: socialInsuranceNumber(uscc), enrolledEmployees: 1 },
    });
    const bad = applyCorrections(sampleApplicationForm(), { 'socialInsurance.employees[0].startDate': '2026-13-01' });
    expect(autoDecide('HRSS', bad, ctx)).toMatchObject({ decision: 'RETURN', items: [{ field: 'socialInsurance.employees[0].startDate' }] });
  });

  it('BANK opens an account with a known bank and returns an unknown one', () => {
    expect(autoDecide('BANK', sampleApplicationForm(), ctx)).toEqual({
      decision: 'COMPLETE',
      outputs: { bankCode: 'ICBC', bankName: '中国工商银行', branch: '吉首乾州支行', accountNumber: bankAccountNumber('ICBC', uscc, 19) },
      flags: [],
    });
    const noBranch = applyCorrections(sampleApplicationForm(), { 'bank.branch': null, 'bank.bankCode': 'JSRCB' });
    expect(autoDecide('BANK', noBranch, ctx)).toMatchObject({ outputs: { branch: '营业部', accountNumber: expect.stringMatching(/^\d{16}$/) } });
    const unknown = applyCorrections(sampleApplicationForm(), { 'bank.bankCode': 'XYZ' });
    expect(autoDecide('BANK', unknown, ctx)).toMatchObject({ decision: 'RETURN', items: [{ field: 'bank.bankCode', code: 'BANK_CODE_UNKNOWN' }] });
    // The bank list given to the step wins over the rule context's.
    expect(autoDecide('BANK', unknown, { ...ctx, rules: { ...rules, knownBankCodes: ['XYZ'] } }).decision).toBe('RETURN');
  });

  it('passes SAMR flags to the clerk without refusing', () => {
    const flagged = applyCorrections(sampleApplicationForm(), { 'shareholders[1].uscc': '91350100M000100Y44' });
    expect(autoDecide('SAMR', flagged, { rules, enterpriseSequence: 1 })).toMatchObject({ decision: 'COMPLETE', flags: [{ code: 'USCC_CHECK_FAILED' }] });
    expect(autoDecide('TAX', flagged, ctx)).toMatchObject({ decision: 'COMPLETE', flags: [] });
  });

  it('needs the licence before the other departments', () => {
    for (const d of ['PSB', 'TAX', 'HRSS', 'BANK'] as const) {
      expect(() => autoDecide(d, sampleApplicationForm(), { rules })).toThrow(LicenceRequiredError);
    }
  });

  it('is deterministic and only returns fields the department reads', () => {
    fc.assert(
      fc.property(applicationFormArb, fc.constantFrom(...DEPARTMENTS), (form, department) => {
        const context = { rules, uscc, enterpriseSequence: 7 };
        const first = autoDecide(department, form, context);
        expect(autoDecide(department, form, context)).toEqual(first);
        if (first.decision === 'RETURN') {
          expect(first.items.length).toBeGreaterThan(0);
          for (const item of first.items) expect(departmentReads(department, item.field)).toBe(true);
        }
      }),
    );
  });
});
