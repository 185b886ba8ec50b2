import fc from 'fast-check';
import { CORRECTABLE_FIELD_PATHS } from '../application/application-form';
import { DEPARTMENTS, departmentReads, type Department } from '../departments/departments';
import { mergeCorrectionItems, stepsToReopen, type CorrectionItem } from './correction-notice';

const fieldArb = fc.oneof(
  fc.constantFrom(...CORRECTABLE_FIELD_PATHS),
  fc.integer({ min: 0, max: 12 }).map((i) => `shareholders[${i}].idNumber`),
);
const itemArb: fc.Arbitrary<CorrectionItem> = fc.record({
  department: fc.constantFrom(...DEPARTMENTS),
  field: fieldArb,
  reason: fc.constantFrom('wrong', 'missing', 'too long'),
});

describe('mergeCorrectionItems', () => {
  it('merges duplicates, keeps every distinct reason and sorts by department then form order', () => {
    const merged = mergeCorrectionItems([
      { department: 'BANK', field: 'bank.bankCode', reason: 'unknown bank' },
      { department: 'SAMR', field: 'shareholders[10].idNumber', reason: 'check character' },
      { department: 'SAMR', field: 'company.name', reason: 'name taken', code: 'NAME_TAKEN' },
      { department: 'SAMR', field: 'shareholders[2].idNumber', reason: 'check character' },
      { department: 'SAMR', field: 'company.name', reason: 'name taken' },
      { department: 'SAMR', field: 'company.name', reason: 'needs an industry word' },
      { department: 'TAX', field: 'legalRepresentative.mobile', reason: 'invalid' },
    ]);
    expect(merged).toEqual([
      { department: 'SAMR', field: 'company.name', reason: 'name taken; needs an industry word', code: 'NAME_TAKEN' },
      { department: 'SAMR', field: 'shareholders[2].idNumber', reason: 'check character' },
      { department: 'SAMR', field: 'shareholders[10].idNumber', reason: 'check character' },
      { department: 'TAX', field: 'legalRepresentative.mobile', reason: 'invalid' },
      { department: 'BANK', field: 'bank.bankCode', reason: 'unknown bank' },
    ]);
  });

  it('loses nothing, repeats nothing, and does not depend on arrival order', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 25 }).chain((items) => fc.tuple(fc.constant(items), fc.shuffledSubarray(items, { minLength: items.length }))), ([items, shuffled]) => {
        const merged = mergeCorrectionItems(items);
        const keys = merged.map((m) => `${m.department} ${m.field}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const item of items) {
          const found = merged.find((m) => m.department === item.department && m.field === item.field);
          expect(found?.reason.split('; ')).toContain(item.reason);
        }
        expect(mergeCorrectionItems(shuffled).map((m) => `${m.department} ${m.field}`)).toEqual(keys);
        expect(mergeCorrectionItems(merged)).toEqual(merged);
        const departmentOrder = merged.map((m) => DEPARTMENTS.indexOf(m.department));
        expect(departmentOrder).toEqual([...departmentOrder].sort((a, b) => a - b));
      }),
    );
  });
});

describe('stepsToReopen', () => {
  it('reopens returners and the done steps that read what changed', () => {
    expect(stepsToReopen({ returnedBy: ['TAX'], doneSteps: ['SAMR', 'PSB', 'HRSS', 'BANK'], changedPaths: ['legalRepresentative.mobile'] })).toEqual(['SAMR', 'TAX', 'BANK']);
    expect(stepsToReopen({ returnedBy: ['BANK'], doneSteps: ['SAMR', 'PSB', 'TAX', 'HRSS'], changedPaths: ['bank.bankCode'] })).toEqual(['BANK']);
    expect(stepsToReopen({ returnedBy: ['SAMR'], doneSteps: [], changedPaths: ['company.name'] })).toEqual(['SAMR']);
    expect(stepsToReopen({ returnedBy: [], doneSteps: ['SAMR', 'PSB', 'TAX', 'HRSS', 'BANK'], changedPaths: ['company.name'] })).toEqual(['SAMR', 'PSB', 'TAX', 'HRSS', 'BANK']);
    expect(stepsToReopen({ returnedBy: [], doneSteps: ['SAMR', 'PSB'], changedPaths: ['delivery.address'] })).toEqual([]);
    expect(stepsToReopen({ returnedBy: ['HRSS'], doneSteps: ['SAMR'], changedPaths: [] })).toEqual(['HRSS']);
  });

  it('reopens exactly the returners plus done readers of a changed path', () => {
    const depts = fc.subarray([...DEPARTMENTS]);
    fc.assert(
      fc.property(depts, depts, fc.array(fieldArb, { maxLength: 4 }), (returnedBy, doneSteps, changedPaths) => {
        const reopened = stepsToReopen({ returnedBy, doneSteps, changedPaths });
        for (const d of DEPARTMENTS) {
          const expected = returnedBy.includes(d) || (doneSteps.includes(d) && changedPaths.some((p) => departmentReads(d, p)));
          expect(reopened.includes(d as Department)).toBe(expected);
        }
        expect(reopened).toEqual(DEPARTMENTS.filter((d) => reopened.includes(d)));
      }),
    );
  });
});
