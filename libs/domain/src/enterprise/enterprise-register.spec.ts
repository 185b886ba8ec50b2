import { sampleApplicationForm } from '../application/sample-application';
import { applyChange, changedFacts, checkFileable, checkRepresentative, openingFacts, type EnterpriseFacts } from './enterprise-register';

const form = sampleApplicationForm();
const opened: EnterpriseFacts = openingFacts(form, {
  uscc: '91433101MA4Q00001X',
  licenseNumber: '4331010000000000001',
  enterpriseName: form.company.name,
  seals: [
    { kind: 'OFFICIAL', code: '4331011000000000001' },
    { kind: 'FINANCE', code: '4331012000000000001' },
  ],
  tax: { taxpayerId: '91433101MA4Q00001X' },
  socialInsurance: { registrationNumber: '4331017000000000001' },
  bankAccount: { bankCode: 'ICBC', bankName: '工商银行', branch: '吉首支行', accountNumber: '6222020200112233445' },
});

describe('the register of enterprises', () => {
  it('takes an opening outcome as edition 1 of the enterprise', () => {
    expect(opened).toMatchObject({ name: form.company.name, licenceEdition: 1, taxpayerId: '91433101MA4Q00001X', socialInsuranceNumber: '4331017000000000001' });
    expect(opened.bankAccount?.accountNumber).toBe('6222020200112233445');
  });

  it('applies a name change: a new edition, the seals re-carved for the kinds it had, the old filings cancelled', () => {
    const recarved = ['OFFICIAL', 'FINANCE', 'INVOICE', 'LEGAL_REPRESENTATIVE'].map((kind, i) => ({ kind, code: `433101${5 + i}000000000009` }));
    const { facts, changed, cancelledSeals } = applyChange(opened, { name: '吉首市新名科技有限公司' }, { enterpriseName: '吉首市新名科技有限公司', seals: recarved });
    expect(changed).toEqual(['name']);
    expect(facts).toMatchObject({ uscc: opened.uscc, name: '吉首市新名科技有限公司', licenceEdition: 2 });
    expect(facts.seals).toEqual(recarved.slice(0, 2));
    expect(cancelledSeals).toEqual(opened.seals);
  });

  it('applies a scope change without touching the seals', () => {
    const { facts, changed, cancelledSeals } = applyChange(opened, { businessScope: ['软件开发'] }, { seals: [] });
    expect(changed).toEqual(['businessScope']);
    expect(facts).toMatchObject({ businessScope: ['软件开发'], seals: opened.seals, name: opened.name });
    expect(cancelledSeals).toEqual([]);
    expect(changedFacts({})).toEqual([]);
  });

  it('lets only the legal representative file, only for an active enterprise with nothing in flight', () => {
    expect(() => checkRepresentative(opened.legalRepresentative, opened.legalRepresentative.idNumber.toLowerCase())).not.toThrow();
    expect(() => checkRepresentative(opened.legalRepresentative, '11010119900307002X')).toThrow(expect.objectContaining({ code: 'ENTERPRISE_NOT_REPRESENTATIVE' }));
    expect(() => checkFileable('ACTIVE')).not.toThrow();
    expect(() => checkFileable('CHANGING')).toThrow(expect.objectContaining({ code: 'ENTERPRISE_CASE_IN_FLIGHT' }));
    expect(() => checkFileable('DEREGISTERING')).toThrow(expect.objectContaining({ code: 'ENTERPRISE_CASE_IN_FLIGHT' }));
    expect(() => checkFileable('DEREGISTERED')).toThrow(expect.objectContaining({ code: 'ENTERPRISE_NOT_ACTIVE' }));
  });
});
