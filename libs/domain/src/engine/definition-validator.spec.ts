import { ENTERPRISE_OPENING_V1, SHIPPED_DEFINITIONS } from '../processes/shipped-definitions';
import { STEP_KIND_KEYS } from '../step-kinds/step-kind-registry';
import { validateDefinition } from './definition-validator';
import { PROCESS_DEFINITION_SCHEMA } from './definition-validator';
import { schemaKeywordProblems, validateValue } from './json-schema/schema-validator';
import type { ProcessDefinition } from './process-definition';

const KINDS = STEP_KIND_KEYS;

const L = (en: string) => ({ zh: en, en });

/** A small valid definition: intake, then two reviews side by side, one only for mail delivery. */
function fixture(): ProcessDefinition & Record<string, unknown> {
  const outputs = { type: 'object', required: ['permitNumber'], properties: { permitNumber: { type: 'string' }, items: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' } } } } } };
  return {
    key: 'demo-process',
    version: 1,
    name: L('Demo'),
    departments: [{ code: 'A', name: L('Dept A') }, { code: 'B', name: L('Dept B') }],
    form: {
      schema: {
        type: 'object',
        required: ['person', 'delivery'],
        properties: {
          person: { type: 'object', properties: { name: { type: 'string' }, idNumber: { type: 'string', format: 'resident-id', 'x-personal-data': true } } },
          items: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string' } } } },
          delivery: { type: 'object', properties: { method: { enum: ['PICKUP', 'MAIL'] } } },
        },
      },
      rules: [],
    },
    steps: [
      { id: 'intake', department: 'A', name: L('Intake'), kind: 'review', dependsOn: [], reads: ['person'], unmasked: ['person.idNumber'], mode: 'MANUAL', timeLimitMinutes: 240, reminderLeadMinutes: 60, outputs },
      { id: 'check', department: 'B', name: L('Check'), kind: 'review', dependsOn: ['intake'], reads: ['person.name', 'items'], mode: 'MANUAL', timeLimitMinutes: 240, reminderLeadMinutes: 60, outputs },
      {
        id: 'mail', department: 'B', name: L('Mail'), kind: 'review', dependsOn: ['intake'], reads: ['delivery'], mode: 'AUTO', timeLimitMinutes: 240, reminderLeadMinutes: 60, outputs,
        when: { '==': [{ var: 'delivery.method' }, 'MAIL'] },
      },
    ],
    outcome: {
      fields: {
        permit: { from: { step: 'intake', path: 'permitNumber' } },
        codes: { from: { step: 'check', path: 'items' }, each: { code: { from: { step: 'check', path: 'code' } } } },
        nested: { fields: { holder: { from: { form: 'person.name' } } } },
      },
      delivery: { methodPath: 'delivery.method', options: [{ method: 'PICKUP', name: L('Pickup'), tripsRequired: 1 }, { method: 'MAIL', name: L('Mail'), tripsRequired: 0 }] },
    },
    fees: [{ code: 'PERMIT', name: L('Permit'), amount: '10.00', payer: 'GOVERNMENT', when: { in: ['X', { var: 'items' }] } }],
  };
}

/** The fixture laid out in two wizard steps (x-steps), for the layout rules to break. */
function layOut(d: ProcessDefinition): { schema: Record<string, unknown>; steps: { key: string; label: { zh: string; en: string }; fields: string[] }[] } {
  const steps = [
    { key: 'who', label: L('Who'), fields: ['person'] },
    { key: 'what', label: L('What'), fields: ['items', 'delivery'] },
  ];
  d.form.schema['x-steps'] = steps;
  return { schema: d.form.schema, steps };
}
const person = (d: ProcessDefinition): Record<string, unknown> => (d.form.schema.properties as Record<string, Record<string, unknown>>).person;

const problemsOf = (document: unknown) => validateDefinition(document, KINDS).problems.map((p) => `${p.path} ${p.code}`);

describe('validateDefinition', () => {
  it('accepts the valid fixture and returns it as the definition', () => {
    const document = fixture();
    expect(validateDefinition(document, KINDS)).toEqual({ definition: document, problems: [] });
  });

  it('accepts a form laid out in wizard steps, with field order, widgets, help and shown-when', () => {
    const document = fixture();
    layOut(document);
    Object.assign(person(document), { 'x-order': ['idNumber', 'name'], 'x-widget': 'person-card', 'x-help': L('The applicant'), 'x-when': { '!!': [{ var: 'delivery.method' }] } });
    expect(validateDefinition(document, KINDS).problems).toEqual([]);
  });

  it.each(SHIPPED_DEFINITIONS.map((d) => [d.key, d] as const))('accepts the shipped definition %s', (_key, definition) => {
    expect(validateDefinition(definition, KINDS).problems).toEqual([]);
  });

  // Each static rule, with a fixture that breaks it and nothing else.
  const cases: [string, (d: ProcessDefinition & Record<string, unknown>) => void, string[]][] = [
    ['not an object', () => undefined, []],
    ['the shape (missing field)', (d) => { delete (d as Partial<ProcessDefinition>).fees; }, ['$.fees REQUIRED']],
    ['the shape (unknown field)', (d) => { d.extra = 1; }, ['$.extra NOT_ALLOWED']],
    ['the shape (step mode)', (d) => { (d.steps[1] as unknown as Record<string, unknown>).mode = 'SOMETIMES'; }, ['$.steps[1].mode NOT_IN_ENUM']],
    ['money strings', (d) => { d.fees[0].amount = '10.001'; }, ['$.fees[0].amount MONEY_FORMAT']],
    ['departments unique', (d) => { d.departments.push({ code: 'A', name: L('Again') }); }, ['$.departments[2].code DEPARTMENT_DUPLICATE']],
    ['step ids unique', (d) => { d.steps[2].id = 'check'; }, ['$.steps[2].id STEP_ID_DUPLICATE']],
    ['step department declared', (d) => { d.steps[1].department = 'C'; }, ['$.steps[1].department STEP_DEPARTMENT_UNKNOWN']],
    ['kind registered', (d) => { d.steps[1].kind = 'food.permit'; }, ['$.steps[1].kind STEP_KIND_UNKNOWN']],
    ['dependsOn names a step', (d) => { d.steps[1].dependsOn = ['intake', 'nowhere']; }, ['$.steps[1].dependsOn[1] DEPENDS_ON_UNKNOWN']],
    ['dependsOn once each', (d) => { d.steps[1].dependsOn = ['intake', 'intake']; }, ['$.steps[1].dependsOn[1] DEPENDS_ON_DUPLICATE']],
    ['acyclic', (d) => { d.steps[0].dependsOn = ['mail']; }, ['$.steps[2].dependsOn[0] STEPS_CYCLE']],
    ['acyclic (a step on itself)', (d) => { d.steps[1].dependsOn = ['check']; }, ['$.steps[1].dependsOn[0] STEPS_CYCLE']],
    ['reminder before the limit', (d) => { d.steps[0].reminderLeadMinutes = 240; }, ['$.steps[0].reminderLeadMinutes REMINDER_AFTER_LIMIT']],
    ['reads path exists in the form', (d) => { d.steps[1].reads = ['person.name', 'person.age']; }, ['$.steps[1].reads[1] READS_UNKNOWN_PATH']],
    ['unmasked is read', (d) => { d.steps[1].unmasked = ['person.idNumber']; }, ['$.steps[1].unmasked[0] UNMASKED_NOT_READ']],
    ['unmasked is personal data', (d) => { d.steps[0].unmasked = ['person.name']; }, ['$.steps[0].unmasked[0] UNMASKED_NOT_PERSONAL']],
    ['unmasked exists', (d) => { d.steps[0].unmasked = ['person.mobile']; }, ['$.steps[0].unmasked[0] UNMASKED_UNKNOWN_PATH']],
    ['when reads form paths', (d) => { d.steps[2].when = { '==': [{ var: 'delivery.how' }, 'MAIL'] }; }, ['$.steps[2].when["=="][0]["var"] CONDITION_VAR_UNKNOWN']],
    ['when uses known operators', (d) => { d.steps[2].when = { regex: [{ var: 'delivery.method' }, 'M.*'] }; }, ['$.steps[2].when["regex"] CONDITION_OPERATOR_UNKNOWN']],
    ['outputs schema supported', (d) => { d.steps[0].outputs = { type: 'object', properties: { n: { type: 'string', oneOf: [] } }, required: ['n'] }; d.outcome.fields.permit = { from: { step: 'intake', path: 'n' } }; }, ['$.steps[0].outputs.properties.n.oneOf SCHEMA_KEYWORD_UNSUPPORTED']],
    ['outputs schema is an object', (d) => { d.steps[1].outputs = { type: 'array', items: { type: 'string' } }; d.outcome.fields.codes = { from: { form: 'items' } }; }, ['$.steps[1].outputs SCHEMA_ROOT_NOT_OBJECT']],
    ['form schema keywords supported', (d) => { (d.form.schema.properties as Record<string, Record<string, unknown>>).person.if = {}; }, ['$.form.schema.properties.person.if SCHEMA_KEYWORD_UNSUPPORTED']],
    ['form formats known', (d) => { (d.form.schema.properties as Record<string, Record<string, unknown>>).person.properties = { name: { type: 'string', format: 'email' }, idNumber: { type: 'string', 'x-personal-data': true } }; }, ['$.form.schema.properties.person.properties.name.format SCHEMA_FORMAT_UNKNOWN']],
    ['form field names are paths', (d) => { (d.form.schema.properties as Record<string, unknown>)['first-name'] = { type: 'string' }; }, ['$.form.schema.properties["first-name"] FORM_PROPERTY_NAME']],
    ['named form rules exist', (d) => { d.form.rules = ['no-such-rule']; }, ['$.form.rules[0] FORM_RULE_UNKNOWN']],
    ['named form rules find their fields', (d) => { d.form.rules = ['shareholders-sum-to-capital']; }, ['$.form.rules[0] FORM_RULE_FIELDS_MISSING']],
    ['outcome field comes from a step', (d) => { d.outcome.fields.permit = { from: { step: 'nowhere', path: 'permitNumber' } }; }, ['$.outcome.fields.permit.from.step OUTCOME_STEP_UNKNOWN']],
    ['outcome field is an output of that step', (d) => { d.outcome.fields.permit = { from: { step: 'intake', path: 'licence' } }; }, ['$.outcome.fields.permit.from.path OUTCOME_OUTPUT_UNKNOWN']],
    ['outcome each maps a list', (d) => { d.outcome.fields.codes = { from: { step: 'check', path: 'permitNumber' }, each: { code: { from: { step: 'check', path: 'code' } } } }; }, ['$.outcome.fields.codes.each OUTCOME_EACH_NOT_LIST']],
    ['outcome each reads its element', (d) => { d.outcome.fields.codes = { from: { step: 'check', path: 'items' }, each: { code: { from: { step: 'check', path: 'nope' } } } }; }, ['$.outcome.fields.codes.each.code.from.path OUTCOME_OUTPUT_UNKNOWN']],
    ['outcome form path exists', (d) => { d.outcome.fields.nested = { fields: { holder: { from: { form: 'person.age' } } } }; }, ['$.outcome.fields.nested.fields.holder.from.form OUTCOME_FORM_PATH_UNKNOWN']],
    ['outcome template shape', (d) => { d.outcome.fields.permit = { from: { step: 'intake' } } as never; }, ['$.outcome.fields.permit.from OUTCOME_TEMPLATE_SHAPE']],
    ['outcome delivery is the engine\'s', (d) => { d.outcome.fields.delivery = { from: { form: 'delivery.method' } }; }, ['$.outcome.fields.delivery OUTCOME_FIELD_RESERVED']],
    ['delivery methodPath exists', (d) => { d.outcome.delivery.methodPath = 'delivery.how'; }, ['$.outcome.delivery.methodPath DELIVERY_METHOD_PATH_UNKNOWN']],
    ['delivery options match the form', (d) => { d.outcome.delivery.options[1].method = 'DRONE'; }, ['$.outcome.delivery.options DELIVERY_OPTION_MISSING', '$.outcome.delivery.options[1].method DELIVERY_OPTION_NOT_IN_FORM']],
    ['delivery trips at most one', (d) => { d.outcome.delivery.options[0].tripsRequired = 2; }, ['$.outcome.delivery.options[0].tripsRequired ABOVE_MAXIMUM']],
    ['zero fees: a fee without payer', (d) => { delete (d.fees[0] as Partial<ProcessDefinition['fees'][0]>).payer; }, ['$.fees[0].payer FEE_PAYER_MISSING']],
    ['zero fees: the applicant never pays', (d) => { d.fees[0].payer = 'APPLICANT'; }, ['$.fees[0].payer FEE_PAYER_APPLICANT']],
    ['zero fees: a known payer', (d) => { d.fees[0].payer = 'SOMEONE'; }, ['$.fees[0].payer FEE_PAYER_UNKNOWN']],
    ['fee codes unique', (d) => { d.fees.push({ ...d.fees[0] }); }, ['$.fees[1].code FEE_CODE_DUPLICATE']],
    ['wizard steps name form fields', (d) => { layOut(d).steps[0].fields = ['person', 'persona']; }, ['$.form.schema["x-steps"][0].fields[1] FORM_STEP_FIELD_UNKNOWN']],
    ['wizard steps show a field once', (d) => { layOut(d).steps[1].fields.push('person.name'); }, ['$.form.schema["x-steps"][1].fields[2] FORM_STEP_FIELD_TWICE']],
    ['wizard steps show every field', (d) => { layOut(d).steps[1].fields = ['items']; }, ['$.form.schema["x-steps"] FORM_STEP_FIELD_MISSING']],
    ['wizard step keys unique', (d) => { layOut(d).steps[1].key = 'who'; }, ['$.form.schema["x-steps"][1].key FORM_STEP_KEY_DUPLICATE']],
    ['wizard steps only at the root', (d) => { layOut(d); person(d)['x-steps'] = [{ key: 'x', label: L('X'), fields: ['name'] }]; }, ['$.form.schema.properties.person["x-steps"] FORM_STEPS_NOT_ROOT']],
    ['wizard steps shape', (d) => { layOut(d).schema['x-steps'] = [{ key: 'who', fields: ['person'] }]; }, ['$.form.schema["x-steps"] SCHEMA_KEYWORD_INVALID']],
    ['field order names properties', (d) => { person(d)['x-order'] = ['idNumber', 'nickname']; }, ['$.form.schema.properties.person["x-order"][1] FORM_ORDER_UNKNOWN']],
    ['field order once each', (d) => { person(d)['x-order'] = ['name', 'name']; }, ['$.form.schema.properties.person["x-order"][1] FORM_ORDER_DUPLICATE']],
    ['widget names', (d) => { person(d)['x-widget'] = 'Person Card'; }, ['$.form.schema.properties.person["x-widget"] SCHEMA_KEYWORD_INVALID']],
    ['help texts in both languages', (d) => { person(d)['x-help'] = { zh: '本人' }; }, ['$.form.schema.properties.person["x-help"] SCHEMA_KEYWORD_INVALID']],
    ['shown-when conditions read form paths', (d) => { person(d)['x-when'] = { '==': [{ var: 'delivery.how' }, 'MAIL'] }; }, ['$.form.schema.properties.person["x-when"]["=="][0]["var"] CONDITION_VAR_UNKNOWN']],
    ['fee conditions read form paths', (d) => { d.fees[0].when = { var: 'nope' }; }, ['$.fees[0].when["var"] CONDITION_VAR_UNKNOWN']],
  ];

  it.each(cases)('refuses a definition that breaks: %s', (_rule, breakIt, expected) => {
    if (_rule === 'not an object') {
      expect(problemsOf('a string')).toEqual(['$ TYPE_MISMATCH']);
      return;
    }
    const document = fixture();
    breakIt(document);
    const result = validateDefinition(document, KINDS);
    expect(result.problems.map((p) => `${p.path} ${p.code}`)).toEqual(expected);
    expect(result.definition).toBeUndefined();
    for (const problem of result.problems) expect(problem.message.length).toBeGreaterThan(5);
  });

  it('lists every problem of a document at once', () => {
    const document = fixture();
    document.steps[1].kind = 'nope';
    document.fees[0].payer = 'APPLICANT';
    expect(problemsOf(document)).toEqual(['$.steps[1].kind STEP_KIND_UNKNOWN', '$.fees[0].payer FEE_PAYER_APPLICANT']);
  });
});

describe('the published definition schema', () => {
  it('is itself in the subset our validator supports (dogfooding)', () => {
    expect(schemaKeywordProblems(PROCESS_DEFINITION_SCHEMA)).toEqual([]);
  });

  it('accepts the shipped opening', () => {
    expect(validateValue(PROCESS_DEFINITION_SCHEMA, ENTERPRISE_OPENING_V1)).toEqual([]);
  });
});
