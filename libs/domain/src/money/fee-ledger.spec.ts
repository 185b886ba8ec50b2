import fc from 'fast-check';
import { DELIVERY_METHODS, SEAL_KINDS } from '../application/application-form';
import { sampleApplicationForm } from '../application/sample-application';
import {
  ApplicantChargeError,
  buildFeeLedger,
  DEFAULT_FEE_SCHEDULE,
  FEE_PAYERS,
  FeeLedger,
  feeLedgerForApplication,
  totalSpared,
  type ChargedParty,
} from './fee-ledger';
import { Money } from './money';

describe('FeeLedger', () => {
  it('refuses to charge the applicant', () => {
    const ledger = new FeeLedger();
    expect(() => ledger.add({ code: 'SEAL_OFFICIAL', description: 'x', amount: '240.00', payer: 'APPLICANT' })).toThrow(ApplicantChargeError);
    // Even a zero line to the applicant is refused; asserted outside any catch, so no throw fails the test.
    expect(() => ledger.add({ code: 'SEAL_OFFICIAL', description: 'x', amount: '0.00', payer: 'APPLICANT' })).toThrow(
      expect.objectContaining({ constructor: ApplicantChargeError, code: 'APPLICANT_CHARGE', feeCode: 'SEAL_OFFICIAL' }),
    );
    expect(ledger.toView().items).toEqual([]);
  });

  it('refuses unknown payers, negative amounts and duplicate lines', () => {
    const ledger = new FeeLedger().add({ code: 'A', description: 'a', amount: '1.00', payer: 'GOVERNMENT' });
    expect(() => ledger.add({ code: 'B', description: 'b', amount: '1.00', payer: 'SOMEONE' as ChargedParty })).toThrow('Unknown payer');
    expect(() => ledger.add({ code: 'C', description: 'c', amount: '-1.00', payer: 'GOVERNMENT' })).toThrow('negative');
    expect(() => ledger.add({ code: 'A', description: 'a', amount: '1.00', payer: 'GOVERNMENT' })).toThrow('already');
  });

  it('totals by payer', () => {
    const view = new FeeLedger()
      .add({ code: 'A', description: 'a', amount: Money.parse('0.10'), payer: 'GOVERNMENT' })
      .add({ code: 'B', description: 'b', amount: '0.20', payer: 'GOVERNMENT' })
      .add({ code: 'C', description: 'c', amount: '5', payer: 'BANK_WAIVED' })
      .toView();
    expect(view.totalsByPayer).toEqual({ GOVERNMENT: '0.30', STATUTORY_FREE: '0.00', BANK_WAIVED: '5.00' });
    expect(view.borneByOthers).toBe('5.30');
    expect(view.applicantTotal).toBe('0.00');
  });
});

describe('buildFeeLedger', () => {
  it('prices the full package for a mailed result', () => {
    const view = buildFeeLedger({ sealKinds: SEAL_KINDS, ukey: true, deliveryMethod: 'FREE_MAIL' });
    expect(view.items.map((i) => [i.code, i.amount, i.payer])).toEqual([
      ['BUSINESS_LICENCE', '0.00', 'STATUTORY_FREE'],
      ['SEAL_OFFICIAL', '240.00', 'GOVERNMENT'],
      ['SEAL_FINANCE', '150.00', 'GOVERNMENT'],
      ['SEAL_INVOICE', '150.00', 'GOVERNMENT'],
      ['SEAL_LEGAL_REPRESENTATIVE', '150.00', 'GOVERNMENT'],
      ['TAX_UKEY', '200.00', 'GOVERNMENT'],
      ['INVOICE_FIRST_BATCH', '50.00', 'GOVERNMENT'],
      ['BANK_ACCOUNT_OPENING', '100.00', 'BANK_WAIVED'],
      ['POSTAGE_FREE_MAIL', '20.00', 'GOVERNMENT'],
    ]);
    expect(view.borneByOthers).toBe('1060.00');
    expect(view.applicantTotal).toBe('0.00');
    expect(view.items[1]).toMatchObject({ description: 'Official seal carving', descriptionZh: '公章刻制' });
  });

  it('leaves out what was not asked for', () => {
    const view = buildFeeLedger({ sealKinds: ['OFFICIAL'], ukey: false, deliveryMethod: 'WINDOW_PICKUP' });
    expect(view.items.map((i) => i.code)).toEqual(['BUSINESS_LICENCE', 'SEAL_OFFICIAL', 'BANK_ACCOUNT_OPENING']);
    expect(buildFeeLedger({ sealKinds: [], ukey: false, invoices: true, deliveryMethod: 'WINDOW_PICKUP' }).items.map((i) => i.code)).toContain('INVOICE_FIRST_BATCH');
  });

  it('puts the four seals near the report: ¥724,190 for 1,050 enterprises', () => {
    const seals = SEAL_KINDS.map((kind) => Money.parse(DEFAULT_FEE_SCHEDULE[`SEAL_${kind}`].amount));
    const perEnterprise = Money.sum(seals);
    expect(perEnterprise.toString()).toBe('690.00');
    const forReport = perEnterprise.times(1050).toFen();
    const reported = Money.parse('724190').toFen();
    // Within 0.1 % of the reported saving.
    const gap = forReport > reported ? forReport - reported : reported - forReport;
    expect(gap * 1000n < reported).toBe(true);
  });

  it('always charges the applicant nothing and sums exactly', () => {
    fc.assert(
      fc.property(
        fc.subarray([...SEAL_KINDS]),
        fc.boolean(),
        fc.option(fc.boolean(), { nil: undefined }),
        fc.constantFrom(...DELIVERY_METHODS),
        (sealKinds, ukey, invoices, deliveryMethod) => {
          const view = buildFeeLedger({ sealKinds, ukey, invoices, deliveryMethod });
          expect(view.applicantTotal).toBe('0.00');
          expect(view.borneByOthers).toBe(Money.sum(view.items.map((i) => Money.parse(i.amount))).toString());
          expect(Money.sum(FEE_PAYERS.map((p) => Money.parse(view.totalsByPayer[p]))).toString()).toBe(view.borneByOthers);
          expect(view.items.every((i) => (FEE_PAYERS as readonly string[]).includes(i.payer))).toBe(true);
          expect(view.items.filter((i) => i.code.startsWith('SEAL_'))).toHaveLength(sealKinds.length);
          expect(view.items.some((i) => i.code === 'POSTAGE_FREE_MAIL')).toBe(deliveryMethod === 'FREE_MAIL');
        },
      ),
    );
  });

  it('reads a whole application and adds up many', () => {
    const view = feeLedgerForApplication(sampleApplicationForm());
    expect(view.borneByOthers).toBe('1060.00');
    expect(totalSpared([view, view, { borneByOthers: '0.01' }]).toString()).toBe('2120.01');
  });
});
