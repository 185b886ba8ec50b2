import restaurantOpening from '../../../../test/fixtures/processes/restaurant-opening.v1.json';
import type { ProcessDefinition } from './process-definition';
import { displayValue, labelledFields, pathLabel, returnablePaths } from './field-display';
import { ENTERPRISE_OPENING_V1 } from '../processes/shipped-definitions';

const restaurant = restaurantOpening as unknown as ProcessDefinition;
const schema = restaurant.form.schema;
const food = restaurant.steps.find((step) => step.id === 'FOOD');

describe('field display (labels and values in words, from the schema)', () => {
  it('labels a path by the x-labels on the way, an element by its number', () => {
    expect(pathLabel(schema, 'restaurant.seats')).toEqual({ zh: '餐饮经营信息 · 座位数', en: 'Restaurant · Seats' });
    expect(pathLabel(schema, 'shareholders[1].idNumber').zh).toBe('股东 2 · 身份证号码（自然人）');
    expect(pathLabel(schema, 'company.address.detail').en).toBe('Company · Registered address · Street address');
  });

  it('says values in words: enum labels, yes/no, money, dates, lists', () => {
    expect(displayValue({ type: 'boolean' }, true)).toEqual({ zh: '是', en: 'Yes' });
    expect(displayValue({ type: 'string', format: 'money' }, '500000.00').zh).toBe('¥500,000.00');
    expect(displayValue({ type: 'string', format: 'date' }, '2027-03-09')).toEqual({ zh: '2027年3月9日', en: '9 Mar 2027' });
    const categories = restaurant.form.schema.properties as Record<string, { properties: Record<string, unknown> }>;
    expect(displayValue(categories.restaurant.properties.foodCategories as never, ['HOT_FOOD', 'BEVERAGES'])).toEqual({ zh: '热食类、自制饮品', en: 'Hot food, Home-made beverages' });
  });

  it("shows a review step's part of the form with no path or code left in it", () => {
    const part = {
      restaurant: { seats: 80, floorArea: 260, kitchenArea: 60, foodCategories: ['HOT_FOOD', 'COLD_FOOD'], servesAlcohol: false },
      company: { name: '吉首市湘味餐饮有限公司', address: { divisionCode: '433101', detail: '乾州街道世纪大道88号' } },
    };
    const fields = labelledFields(schema, part);
    const words = JSON.stringify(fields.map(({ section, label, value }) => ({ section, label, value })));
    for (const raw of ['restaurant.', 'HOT_FOOD', 'COLD_FOOD', 'false', 'foodCategories', 'servesAlcohol']) expect(words).not.toContain(raw);
    expect(fields.find((f) => f.path === 'restaurant.seats')).toEqual({ path: 'restaurant.seats', section: { zh: '餐饮经营信息', en: 'Restaurant' }, label: { zh: '座位数', en: 'Seats' }, value: { zh: '80', en: '80' } });
    expect(food).toBeDefined();
  });

  it('offers each plain field and each listed element for a return, finest first', () => {
    const part = { restaurant: { seats: 80, foodCategories: ['HOT_FOOD'] }, shareholders: [{ name: 'A', kind: 'PERSON' }] };
    expect(returnablePaths(schema, part)).toEqual(['restaurant.seats', 'restaurant.foodCategories', 'shareholders[0].name', 'shareholders[0].kind', 'shareholders[0]']);
  });

  it("labels the opening's outputs (seals as a list, taxpayer type by its enum labels)", () => {
    const psb = ENTERPRISE_OPENING_V1.steps.find((step) => step.id === 'PSB');
    const tax = ENTERPRISE_OPENING_V1.steps.find((step) => step.id === 'TAX');
    const seals = labelledFields(psb!.outputs, { seals: [{ kind: 'OFFICIAL', filingCode: 'PSB-1' }] });
    expect(seals.map((f) => [f.label.zh, f.value.zh])).toEqual([
      ['印章备案 1 · 印章种类', '公章'],
      ['印章备案 1 · 印章备案码', 'PSB-1'],
    ]);
    const taxFields = labelledFields(tax!.outputs, { taxpayerType: 'SMALL_SCALE', invoicesApproved: true, ukeyNumber: null });
    expect(taxFields.map((f) => [f.label.en, f.value.en])).toEqual([
      ['Taxpayer type', 'Small-scale taxpayer'],
      ['Invoices approved', 'Yes'],
      ['Tax UKey number', '—'],
    ]);
  });
});
