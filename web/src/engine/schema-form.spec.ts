import { FORMAT_NAMES, makeResidentId, validateDefinition, type JsonSchema } from '@onetrip/domain';
import { ENTERPRISE_OPENING_V1 } from '@onetrip/domain/processes/shipped-definitions';
import { STEP_KIND_KEYS } from '@onetrip/domain/step-kinds/step-kind-registry';
import { FORMAT_WIDGETS } from './format-widgets';
import { checkSchemaValue, cleanValue, elementFields, emptyValue, fieldsOf, formParts, getAt, partKeyOf, pathLabel, schemaAtPath, setAt, type ListNode, type SectionNode } from './schema-form';

// The generic form renderer's model: a definition's form schema → the fields a page shows, and the
// page's check of a value by the paths the API names.

const FORM: JsonSchema = {
  type: 'object',
  required: ['restaurant', 'operator', 'staff', 'delivery'],
  $defs: {
    person: {
      type: 'object',
      required: ['name', 'idNumber'],
      properties: {
        name: { type: 'string', maxLength: 20, 'x-label': { zh: '姓名', en: 'Name' } },
        idNumber: { type: 'string', format: 'resident-id', 'x-personal-data': true, 'x-label': { zh: '身份证号码', en: 'ID number' } },
      },
    },
  },
  properties: {
    restaurant: {
      type: 'object',
      'x-label': { zh: '餐馆', en: 'Restaurant' },
      required: ['name', 'seats', 'cuisine', 'capital'],
      properties: {
        name: { type: 'string', minLength: 2, maxLength: 50, 'x-label': { zh: '名称', en: 'Name' } },
        seats: { type: 'integer', minimum: 1, maximum: 500 },
        cuisine: { type: 'string', enum: ['HUNAN', 'SICHUAN', 'CANTONESE'], 'x-enum-labels': { HUNAN: { zh: '湘菜', en: 'Hunan' }, SICHUAN: { zh: '川菜', en: 'Sichuan' }, CANTONESE: { zh: '粤菜', en: 'Cantonese' } } },
        district: { type: 'string', enum: ['A', 'B', 'C', 'D', 'E'] },
        capital: { type: 'string', format: 'money' },
        alcohol: { type: 'boolean' },
        services: { type: 'array', items: { type: 'string', enum: ['DINE_IN', 'TAKEAWAY'] }, uniqueItems: true },
        notes: { type: 'string', maxLength: 500 },
      },
    },
    operator: { $ref: '#/$defs/person', 'x-label': { zh: '经营者', en: 'Operator' } },
    staff: { type: 'array', minItems: 1, maxItems: 3, items: { $ref: '#/$defs/person' } },
    delivery: { type: 'string', enum: ['MAIL', 'PICKUP'] },
  },
};

const GOOD_ID = makeResidentId('433101', '1990-03-07', 12);
const BAD_CHECK = GOOD_ID.slice(0, 17) + (GOOD_ID[17] === '0' ? '1' : '0');

function validForm(): Record<string, unknown> {
  return {
    restaurant: { name: '湘味小馆', seats: 40, cuisine: 'HUNAN', district: '', capital: '100000.00', alcohol: false, services: ['DINE_IN'], notes: '' },
    operator: { name: '王五', idNumber: GOOD_ID },
    staff: [{ name: '李四', idNumber: GOOD_ID }],
    delivery: 'MAIL',
  };
}

describe('fieldsOf', () => {
  const fields = fieldsOf(FORM, FORM);
  const byPath = (path: string, list = fields) => list.find((field) => field.path === path);

  it('makes objects sections, arrays of objects repeatable groups and follows $ref to $defs', () => {
    expect(fields.map((f) => [f.path, f.kind, f.required])).toEqual([
      ['restaurant', 'section', true],
      ['operator', 'section', true],
      ['staff', 'list', true],
      ['delivery', 'choice', true],
    ]);
    const operator = byPath('operator') as SectionNode;
    expect(operator.label).toEqual({ zh: '经营者', en: 'Operator' });
    expect(operator.fields.map((f) => f.path)).toEqual(['operator.name', 'operator.idNumber']);
    const staff = byPath('staff') as ListNode;
    expect([staff.minItems, staff.maxItems]).toEqual([1, 3]);
    expect(fieldsOf(staff.item, FORM, 'staff[1]').map((f) => [f.path, f.kind])).toEqual([
      ['staff[1].name', 'text'],
      ['staff[1].idNumber', 'text'],
    ]);
  });

  it('makes short enums radios, long enums selects, enum lists check boxes, booleans a check box, formats their widget', () => {
    const restaurant = (byPath('restaurant') as SectionNode).fields;
    expect(byPath('restaurant.cuisine', restaurant)).toMatchObject({ kind: 'choice', widget: 'radio', required: true });
    expect((byPath('restaurant.cuisine', restaurant) as { options: unknown }).options).toEqual([
      { value: 'HUNAN', label: { zh: '湘菜', en: 'Hunan' } },
      { value: 'SICHUAN', label: { zh: '川菜', en: 'Sichuan' } },
      { value: 'CANTONESE', label: { zh: '粤菜', en: 'Cantonese' } },
    ]);
    expect(byPath('restaurant.district', restaurant)).toMatchObject({ kind: 'choice', widget: 'select', required: false });
    expect(byPath('restaurant.services', restaurant)).toMatchObject({ kind: 'choices', options: [{ value: 'DINE_IN' }, { value: 'TAKEAWAY' }] });
    expect(byPath('restaurant.alcohol', restaurant)).toMatchObject({ kind: 'checkbox' });
    expect(byPath('restaurant.seats', restaurant)).toMatchObject({ kind: 'text', valueType: 'integer' });
    expect(byPath('restaurant.capital', restaurant)).toMatchObject({ kind: 'text', format: 'money', multiline: false });
    expect(byPath('restaurant.notes', restaurant)).toMatchObject({ kind: 'text', multiline: true, maxLength: 500 });
    expect(byPath('restaurant.name', restaurant)?.label).toEqual({ zh: '名称', en: 'Name' });
    expect((byPath('operator') as SectionNode).fields[1]).toMatchObject({ format: 'resident-id', personalData: true });
  });

  it('splits the form into the wizard’s parts, loose top-level fields first', () => {
    const parts = formParts(FORM);
    expect(parts.map((p) => p.key)).toEqual(['', 'restaurant', 'operator', 'staff']);
    expect(parts[0].fields.map((f) => f.path)).toEqual(['delivery']);
    expect(partKeyOf(parts, 'staff[0].idNumber')).toBe('staff');
    expect(partKeyOf(parts, 'delivery')).toBe('');
  });
});

describe('the enterprise opening’s wizard, from its definition', () => {
  const opening = (): typeof ENTERPRISE_OPENING_V1 => JSON.parse(JSON.stringify(ENTERPRISE_OPENING_V1)) as typeof ENTERPRISE_OPENING_V1;
  const paths = (schema: JsonSchema) => formParts(schema).map((part) => [part.key, part.fields.map((field) => field.path)]);

  it('takes its steps, their order and the fields’ order from x-steps and x-order', () => {
    const parts = formParts(ENTERPRISE_OPENING_V1.form.schema);
    expect(parts.map((part) => `${part.key}:${part.label?.zh}`)).toEqual([
      'company:企业信息', 'legalRepresentative:法定代表人', 'shareholders:股东（投资人）', 'seals:印章刻制',
      'tax:税务', 'socialInsurance:社会保险', 'bank:银行开户', 'delivery:结果送达',
    ]);
    expect(parts[0].fields.map((field) => field.path)).toEqual(['company.name', 'company.entityType', 'company.registeredCapital', 'company.businessScope', 'company.address']);
    expect(parts[1].fields.map((field) => [field.path, field.label?.zh])).toEqual([
      ['legalRepresentative.name', '法定代表人姓名'], ['legalRepresentative.idNumber', '法定代表人身份证号码'], ['legalRepresentative.mobile', '法定代表人手机号码'],
    ]);
    expect(parts[2].fields[0]).toMatchObject({ path: 'shareholders', kind: 'list', widget: 'shareholders' });
    expect(elementFields(parts[2].fields[0] as ListNode, ENTERPRISE_OPENING_V1.form.schema, 0).map((field) => field.name)).toEqual(['name', 'kind', 'idNumber', 'uscc', 'subscribedCapital']);
    expect(parts[0].fields[1]).toMatchObject({ kind: 'choice', widget: 'select' });
    expect(parts[7].fields[1]).toMatchObject({ path: 'delivery.address', when: { '==': [{ var: 'delivery.method' }, 'FREE_MAIL'] } });
    expect(parts[4].fields[0].help?.zh).toContain('小规模纳税人');
    expect(partKeyOf(parts, 'shareholders[1].idNumber')).toBe('shareholders');
    expect(partKeyOf(parts, 'company.address.divisionCode')).toBe('company');
  });

  it('follows a changed copy of the definition with no code change: a step moved and merged, a label renamed, fields reordered', () => {
    const changed = opening();
    const schema = changed.form.schema as JsonSchema & { 'x-steps': { key: string; label: { zh: string; en: string }; fields: string[] }[] };
    const steps = schema['x-steps'];
    // Delivery first; seals and tax on one page, tax before seals.
    const [delivery] = steps.splice(steps.findIndex((step) => step.key === 'delivery'), 1);
    steps.unshift(delivery);
    const seals = steps.findIndex((step) => step.key === 'seals');
    steps.splice(seals, 2, { key: 'sealsAndTax', label: { zh: '印章与税务', en: 'Seals and tax' }, fields: ['tax', 'seals.kinds'] });
    const company = (schema.properties as Record<string, JsonSchema>).company;
    ((company.properties as Record<string, JsonSchema>).name['x-label'] as { zh: string }).zh = '拟设企业名称';
    company['x-order'] = ['address', 'name'];
    expect(validateDefinition(changed, STEP_KIND_KEYS).problems).toEqual([]);

    expect(paths(schema)).toEqual([
      ['delivery', ['delivery.method', 'delivery.address']],
      ['company', ['company.address', 'company.name', 'company.entityType', 'company.registeredCapital', 'company.businessScope']],
      ['legalRepresentative', ['legalRepresentative.name', 'legalRepresentative.idNumber', 'legalRepresentative.mobile']],
      ['shareholders', ['shareholders']],
      ['sealsAndTax', ['tax.taxpayerType', 'tax.invoices', 'tax.ukey', 'seals.kinds']],
      ['socialInsurance', ['socialInsurance.employees']],
      ['bank', ['bank.bankCode', 'bank.branch']],
    ]);
    const parts = formParts(schema);
    expect(parts[1].fields[1].label?.zh).toBe('拟设企业名称');
    expect(parts[4].label).toEqual({ zh: '印章与税务', en: 'Seals and tax' });
    expect(partKeyOf(parts, 'seals.kinds[0]')).toBe('sealsAndTax');
    expect(pathLabel(schema, 'company.name', 'zh')).toBe('企业信息 · 拟设企业名称');
  });
});

describe('emptyValue and cleanValue', () => {
  it('starts with every property and the minimum of list elements', () => {
    expect(emptyValue(FORM, FORM)).toEqual({
      restaurant: { name: '', seats: undefined, cuisine: '', district: '', capital: '', alcohol: false, services: [], notes: '' },
      operator: { name: '', idNumber: '' },
      staff: [{ name: '', idNumber: '' }],
      delivery: '',
    });
  });

  it('trims, upper-cases ID numbers, turns numbers typed as text into numbers and leaves blanks out', () => {
    const form = validForm();
    form.restaurant = { ...(form.restaurant as object), seats: ' 12 ', name: ' 湘味小馆 ' };
    form.operator = { name: '王五', idNumber: `${GOOD_ID.slice(0, 17)}x` };
    const cleaned = cleanValue(FORM, FORM, form) as Record<string, Record<string, unknown>>;
    expect(cleaned.restaurant).toEqual({ name: '湘味小馆', seats: 12, cuisine: 'HUNAN', capital: '100000.00', alcohol: false, services: ['DINE_IN'] });
    expect(cleaned.operator.idNumber).toBe(`${GOOD_ID.slice(0, 17)}X`);
  });
});

describe('checkSchemaValue', () => {
  it('passes a valid form', () => {
    expect(checkSchemaValue(FORM, validForm())).toEqual({});
  });

  it('names each problem by its path, with a code the page has words for and the limit as its parameter', () => {
    const form = validForm();
    form.restaurant = { name: '湘', seats: 0, cuisine: 'FRENCH', capital: '12.345', services: ['DINE_IN', 'DINE_IN'] };
    form.operator = { name: '', idNumber: BAD_CHECK };
    form.staff = [];
    form.delivery = '';
    expect(checkSchemaValue(FORM, form)).toEqual({
      'restaurant.name': [{ code: 'TOO_SHORT', params: { min: 2 } }],
      'restaurant.seats': [{ code: 'BELOW_MINIMUM', params: { min: 1 } }],
      'restaurant.cuisine': [{ code: 'NOT_IN_ENUM' }],
      'restaurant.capital': [{ code: 'MONEY_FORMAT' }],
      'restaurant.services[1]': [{ code: 'DUPLICATE_ITEM' }],
      'operator.name': [{ code: 'REQUIRED' }],
      'operator.idNumber': [{ code: 'RESIDENT_ID_CHECK_CHARACTER' }],
      staff: [{ code: 'TOO_FEW_ITEMS', params: { min: 1 } }],
      delivery: [{ code: 'REQUIRED' }],
    });
  });

  it('checks list elements at their index and a number typed as text', () => {
    const form = validForm();
    form.staff = [{ name: '李四', idNumber: GOOD_ID }, { name: '赵六', idNumber: '123' }];
    (form.restaurant as Record<string, unknown>).seats = '4.5';
    expect(checkSchemaValue(FORM, form)).toEqual({
      'restaurant.seats': [{ code: 'NOT_INTEGER' }],
      'staff[1].idNumber': [{ code: 'RESIDENT_ID_FORMAT' }],
    });
  });
});

describe('FORMAT_WIDGETS', () => {
  it('has a widget for every format the domain knows, the ID number’s with its hint and size', () => {
    expect(Object.keys(FORMAT_WIDGETS).sort()).toEqual([...FORMAT_NAMES].sort());
    expect(FORMAT_WIDGETS['resident-id']).toEqual({ hint: 'h.idNumber', maxLength: 18, upperCase: true });
  });
});

describe('getAt and setAt', () => {
  it('reads and replaces a field by its path without touching the original', () => {
    const form = validForm();
    const next = setAt(form, 'staff[0].name', '赵六') as Record<string, unknown>;
    expect(getAt(next, 'staff[0].name')).toBe('赵六');
    expect(getAt(form, 'staff[0].name')).toBe('李四');
    expect(getAt(setAt({}, 'a.b[1]', 'x'), 'a.b')).toEqual([undefined, 'x']);
  });
});

describe('schemaAtPath', () => {
  it('finds a field’s schema through lists and $refs', () => {
    expect(schemaAtPath(FORM, 'staff[2].idNumber')).toMatchObject({ format: 'resident-id' });
    expect(schemaAtPath(FORM, 'operator')).toMatchObject({ 'x-label': { zh: '经营者', en: 'Operator' }, type: 'object' });
    expect(schemaAtPath(FORM, 'restaurant.nothing')).toBeUndefined();
  });
});

describe('pathLabel', () => {
  it('reads a path in the schema’s labels, elements numbered from 1', () => {
    expect(pathLabel(FORM, 'operator.idNumber', 'zh')).toBe('经营者 · 身份证号码');
    expect(pathLabel(FORM, 'staff[1].name', 'en')).toBe('staff 2 · Name');
    expect(pathLabel(FORM, 'restaurant.seats', 'en')).toBe('Restaurant · seats');
  });
});

describe('elementFields', () => {
  it('gives an object element its properties and a single-value element itself (a list of lines)', () => {
    const schema: JsonSchema = { type: 'object', properties: { lines: { type: 'array', minItems: 1, items: { type: 'string', 'x-label': { zh: '项目', en: 'Item' } } } } };
    const [lines] = fieldsOf(schema, schema) as ListNode[];
    expect(elementFields(lines, schema, 2)).toEqual([expect.objectContaining({ path: 'lines[2]', kind: 'text', label: { zh: '项目', en: 'Item' } })]);
    const staff = fieldsOf(FORM, FORM).find((f) => f.path === 'staff') as ListNode;
    expect(elementFields(staff, FORM, 0).map((f) => f.path)).toEqual(['staff[0].name', 'staff[0].idNumber']);
  });
});

describe('field order', () => {
  it('follows the schema’s required list, then the other properties: a stored definition (jsonb) reorders object keys, never arrays', () => {
    const stored: JsonSchema = {
      type: 'object',
      required: ['company', 'tax', 'bank'],
      properties: { tax: { type: 'string' }, bank: { type: 'string' }, notes: { type: 'string' }, company: { type: 'string' } },
    };
    expect(fieldsOf(stored, stored).map((f) => f.path)).toEqual(['company', 'tax', 'bank', 'notes']);
  });
});
