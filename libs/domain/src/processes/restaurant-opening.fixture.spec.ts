import { JISHOU_JURISDICTION } from '../application/application-rules';
import { sampleApplicationForm } from '../application/sample-application';
import { evaluateCondition } from '../engine/conditions';
import { validateDefinition } from '../engine/definition-validator';
import { feeLedgerFor } from '../engine/fees';
import { checkFormRules } from '../engine/form-rules';
import { validateValue } from '../engine/json-schema/schema-validator';
import { buildOutcome } from '../engine/outcome';
import { STEP_KIND_KEYS } from '../step-kinds/step-kind-registry';
import restaurantFixture from '../../../../test/fixtures/processes/restaurant-opening.v1.json';

// The fourth definition is data only (test/fixtures): no code was written for it. Here it meets the
// validator and the engine's pure parts; the API and web tests upload and run it.
const rules = { today: '2026-03-02', jurisdiction: JISHOU_JURISDICTION, nameTaken: false };
const restaurantForm = (restaurant: Record<string, unknown>) => ({ ...sampleApplicationForm(), restaurant });
const SMALL = { seats: 30, floorArea: 120, kitchenArea: 25.5, foodCategories: ['HOT_FOOD', 'BEVERAGES'] };
const LARGE = { seats: 120, floorArea: 450, kitchenArea: 90, foodCategories: ['HOT_FOOD', 'COLD_FOOD'], servesAlcohol: true };

describe('restaurant-opening v1 (fixture)', () => {
  const result = validateDefinition(restaurantFixture, STEP_KIND_KEYS);
  const definition = result.definition!;

  it('passes the static validator with the registered kinds', () => {
    expect(result.problems).toEqual([]);
    expect(definition.steps.map((s) => [s.id, s.kind, s.dependsOn])).toEqual([
      ['SAMR', 'enterprise.licence', []],
      ['FOOD', 'review', ['SAMR']],
      ['FIRE', 'review', ['SAMR']],
      ['TAX', 'enterprise.tax', ['SAMR']],
    ]);
  });

  it("accepts the opening's sample with a restaurant section, and refuses a bad one at its paths", () => {
    expect(validateValue(definition.form.schema, restaurantForm(SMALL))).toEqual([]);
    expect(checkFormRules(definition.form.rules, restaurantForm(SMALL), rules).violations).toEqual([]);
    const bad = restaurantForm({ seats: 0, floorArea: 100, kitchenArea: 10, foodCategories: ['HOT_FOOD', 'HOT_FOOD', 'SUSHI'] });
    expect(validateValue(definition.form.schema, bad).map((p) => `${p.path} ${p.code}`)).toEqual([
      'restaurant.seats BELOW_MINIMUM',
      'restaurant.foodCategories[1] DUPLICATE_ITEM',
      'restaurant.foodCategories[2] NOT_IN_ENUM',
    ]);
    expect(validateValue(definition.form.schema, sampleApplicationForm()).map((p) => `${p.path} ${p.code}`)).toEqual(['restaurant REQUIRED']);
  });

  it('needs the fire-safety review only for a large venue', () => {
    const fire = definition.steps.find((s) => s.id === 'FIRE')!;
    expect(evaluateCondition(fire.when!, restaurantForm(SMALL))).toBe(false);
    expect(evaluateCondition(fire.when!, restaurantForm(LARGE))).toBe(true);
    expect(evaluateCondition(fire.when!, restaurantForm({ ...SMALL, floorArea: 300 }))).toBe(true);
  });

  it('costs the applicant nothing', () => {
    expect(feeLedgerFor(definition, restaurantForm(LARGE))).toMatchObject({ applicantTotal: '0.00', borneByOthers: '0.00' });
  });

  it('builds one outcome, a skipped review showing as null', () => {
    const outputs = {
      SAMR: { uscc: '91433101MA4L0001X0', licenseNumber: 'L1', enterpriseName: '吉首市湘土网络科技有限公司' },
      FOOD: { permitNumber: 'JY14331010000001', validUntil: '2031-03-01' },
      TAX: { taxpayerId: '91433101MA4L0001X0', taxpayerType: 'SMALL_SCALE', invoicesApproved: true, ukeyNumber: null },
    };
    const food = definition.steps.find((s) => s.id === 'FOOD')!;
    expect(validateValue(food.outputs, outputs.FOOD)).toEqual([]);
    expect(validateValue(food.outputs, { permitNumber: 'JY1', validUntil: '2031-02-30' }).map((p) => p.code)).toEqual(['PATTERN_MISMATCH', 'DATE_INVALID']);
    expect(buildOutcome(definition, outputs, restaurantForm(SMALL))).toMatchObject({
      uscc: outputs.SAMR.uscc,
      foodPermit: outputs.FOOD,
      fireSafety: { inspectionNumber: null },
      tax: { taxpayerId: outputs.SAMR.uscc, ukeyNumber: null, invoicesApproved: true },
      delivery: { method: 'FREE_MAIL', tripsRequired: 0 },
    });
  });
});
