import fc from 'fast-check';
import {
  DELIVERY_METHODS,
  ENTITY_TYPES,
  SEAL_KINDS,
  SHAREHOLDER_KINDS,
  TAXPAYER_TYPES,
  type ApplicationForm,
} from '../src/application/application-form';

// Test-only generators of shape-correct forms (values need not pass the business rules). Kept outside src/
// so the library build (tsconfig.lib.json) never compiles a fast-check import.

const text = fc.string({ unit: fc.constantFrom(...'吉首湘西科技商贸有限公司张李王ab12'.split('')), minLength: 1, maxLength: 8 });
const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const amount = fc.bigInt({ min: 0n, max: 10n ** 10n }).map((fen) => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`);

export const applicationFormArb: fc.Arbitrary<ApplicationForm> = fc.record({
  company: fc.record({
    name: text,
    entityType: fc.constantFrom(...ENTITY_TYPES),
    registeredCapital: amount,
    businessScope: fc.array(text, { maxLength: 3 }),
    address: fc.record({ divisionCode: digits(6), detail: text }),
  }),
  legalRepresentative: fc.record({ name: text, idNumber: digits(18), mobile: digits(11) }),
  shareholders: fc.array(
    fc.record(
      {
        name: text,
        kind: fc.constantFrom(...SHAREHOLDER_KINDS),
        idNumber: digits(18),
        uscc: digits(18),
        subscribedCapital: amount,
      },
      { requiredKeys: ['name', 'kind', 'subscribedCapital'] },
    ),
    { maxLength: 3 },
  ),
  seals: fc.record({ kinds: fc.subarray([...SEAL_KINDS]) }),
  tax: fc.record({ taxpayerType: fc.constantFrom(...TAXPAYER_TYPES), invoices: fc.boolean(), ukey: fc.boolean() }),
  socialInsurance: fc.record({
    employees: fc.array(fc.record({ name: text, idNumber: digits(18), startDate: fc.constant('2026-03-02') }), {
      maxLength: 2,
    }),
  }),
  bank: fc.record({ bankCode: fc.constantFrom('ICBC', 'CCB', 'X'), branch: text }, { requiredKeys: ['bankCode'] }),
  delivery: fc.record({ method: fc.constantFrom(...DELIVERY_METHODS), address: text }, { requiredKeys: ['method'] }),
});
