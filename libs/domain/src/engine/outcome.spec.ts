import fc from 'fast-check';
import { applicationFormArb } from '../../test/application-form.arbitrary';
import { JISHOU_JURISDICTION, type RuleContext } from '../application/application-rules';
import { sampleApplicationForm } from '../application/sample-application';
import { DEPARTMENTS } from '../departments/departments';
import { ENTERPRISE_KIND_OF_DEPARTMENT, stepKind } from '../step-kinds/step-kind-registry';
import { enterpriseOpeningOutcome } from '../processes/enterprise-opening/kinds/enterprise-outcome';
import { generateUscc } from '../identifiers/uscc';
import { buildOutcome, valueAtPath } from './outcome';
import { ENTERPRISE_OPENING_V1 } from '../processes/shipped-definitions';

const at = (step: string, path: string) => ({ from: { step, path } });

const rules: RuleContext = { today: '2026-03-02', jurisdiction: JISHOU_JURISDICTION, nameTaken: false };

describe('buildOutcome', () => {
  it("gives the enterprise opening exactly caseWorkflow's outcome, for any form", () => {
    fc.assert(
      fc.property(applicationFormArb, fc.integer({ min: 1, max: 1_000_000 }), (form, sequence) => {
        const uscc = generateUscc({ divisionCode: '433101', sequence });
        // What each department issues on a clerk's completion (the outputs stored on the tasks).
        const outputs = Object.fromEntries(DEPARTMENTS.map((d) => [d, stepKind(ENTERPRISE_KIND_OF_DEPARTMENT[d]).issue(form, { rules, uscc }, {})]));
        expect(buildOutcome(ENTERPRISE_OPENING_V1, outputs, form)).toEqual(enterpriseOpeningOutcome(outputs, form));
      }),
      { numRuns: 50 },
    );
  });

  it('reads the form, maps arrays with each, nests fields, and shows a missing value (a skipped step) as null', () => {
    const form = sampleApplicationForm();
    const outcome = buildOutcome(
      {
        outcome: {
          fields: {
            permit: at('FOOD', 'permitNumber'),
            fire: { fields: { passed: at('FIRE', 'passed') } },
            items: { ...at('FOOD', 'lines'), each: { n: at('FOOD', 'n') } },
            none: { ...at('FIRE', 'lines'), each: { n: at('FIRE', 'n') } },
            company: { from: { form: 'company.name' } },
          },
          delivery: { methodPath: 'delivery.method', options: [] },
        },
      },
      { FOOD: { permitNumber: 'JY1', lines: [{ n: 1 }, { n: 2 }] } },
      form,
    );
    expect(outcome).toEqual({
      permit: 'JY1',
      fire: { passed: null },
      items: [{ n: 1 }, { n: 2 }],
      none: [],
      company: form.company.name,
      delivery: { method: 'FREE_MAIL', tripsRequired: null },
    });
  });

  it('valueAtPath follows the form notation', () => {
    expect(valueAtPath({ a: [{ b: 1 }, { b: 2 }] }, 'a[1].b')).toBe(2);
    expect(valueAtPath({ a: 1 }, 'a.b')).toBeUndefined();
    expect(valueAtPath({ a: 1 }, 'bad path!')).toBeUndefined();
    expect(valueAtPath({}, 'toString')).toBeUndefined();
  });
});
