import { makeResidentId } from '../../identifiers/resident-id';
import { generateUscc } from '../../identifiers/uscc';
import type { JsonSchema } from '../process-definition';
import { personalDataPaths, schemaAt, schemaKeywordProblems, unsupportedKeywords, validateValue } from './schema-validator';

const PERSON: JsonSchema = {
  type: 'object',
  required: ['name', 'idNumber'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 5 },
    idNumber: { type: 'string', format: 'resident-id', 'x-personal-data': true },
    mobile: { type: 'string', format: 'mobile', 'x-personal-data': true },
  },
};

const FORM: JsonSchema = {
  type: 'object',
  required: ['company', 'people'],
  properties: {
    company: {
      type: 'object',
      required: ['name', 'capital', 'kind'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 10, 'x-label': { zh: '名称', en: 'Name' } },
        capital: { type: 'string', format: 'money' },
        kind: { enum: ['A', 'B'] },
        code: { type: 'string', pattern: '^[0-9]{3}$' },
        seats: { type: 'integer', minimum: 1, maximum: 500 },
        uscc: { type: 'string', format: 'uscc' },
        division: { type: 'string', format: 'division-code' },
        opened: { type: 'string', format: 'date' },
      },
    },
    people: { type: 'array', minItems: 1, maxItems: 3, items: { $ref: '#/$defs/person' } },
    tags: { type: 'array', uniqueItems: true, items: { type: 'string' } },
    version: { const: 1 },
  },
  $defs: { person: PERSON },
};

const ID = makeResidentId('433101', '1990-01-01', 123);
const valid = () => ({
  company: { name: '湘土科技', capital: '1000.50', kind: 'A', code: '123', seats: 40, uscc: generateUscc({ divisionCode: '433101', sequence: 1 }), division: '433101001', opened: '2026-02-28' },
  people: [{ name: '张三', idNumber: ID, mobile: '13800001111' }],
  tags: ['a', 'b'],
  version: 1,
});

describe('validateValue', () => {
  it('accepts a value that meets every keyword', () => {
    expect(validateValue(FORM, valid())).toEqual([]);
  });

  it('names each problem by its form path, with a code, in form order', () => {
    const value = valid() as Record<string, unknown> & ReturnType<typeof valid>;
    value.company.name = '';
    value.company.capital = '12.345';
    value.company.kind = 'C';
    value.company.code = '12';
    value.company.seats = 0;
    value.company.uscc = 'not-a-code';
    value.company.division = '4331';
    value.company.opened = '2026-02-30';
    value.people.push({ name: '李四李四李四', idNumber: ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0'), mobile: '12345' });
    value.people.push({ extra: true } as never);
    value.tags = ['a', 'a'];
    value.version = 2;
    expect(validateValue(FORM, value).map((p) => `${p.path} ${p.code}`)).toEqual([
      'company.name EMPTY',
      'company.capital MONEY_FORMAT',
      'company.kind NOT_IN_ENUM',
      'company.code PATTERN_MISMATCH',
      'company.seats BELOW_MINIMUM',
      'company.uscc USCC_FORMAT',
      'company.division DIVISION_CODE_INVALID',
      'company.opened DATE_INVALID',
      'people[1].name TOO_LONG',
      'people[1].idNumber RESIDENT_ID_CHECK_CHARACTER',
      'people[1].mobile MOBILE_INVALID',
      'people[2].name REQUIRED',
      'people[2].idNumber REQUIRED',
      'people[2].extra NOT_ALLOWED',
      'tags[1] DUPLICATE_ITEM',
      'version NOT_CONST',
    ]);
  });

  it('reports a wrong type once, without the keywords that depend on it', () => {
    expect(validateValue(FORM, { company: 'x', people: [] })).toEqual([
      { path: 'company', code: 'TYPE_MISMATCH', message: 'Must be object' },
      { path: 'people', code: 'TOO_FEW_ITEMS', message: 'Needs at least 1 item' },
    ]);
    expect(validateValue({ type: 'integer' }, 1.5)[0].code).toBe('TYPE_MISMATCH');
    expect(validateValue({ type: ['string', 'null'] }, null)).toEqual([]);
    expect(validateValue(FORM, null)).toEqual([{ path: '', code: 'TYPE_MISMATCH', message: 'Must be object' }]);
  });

  it('counts length in characters, not UTF-16 units', () => {
    expect(validateValue({ type: 'string', maxLength: 2 }, '𠀀𠀀')).toEqual([]);
    expect(validateValue({ type: 'string', maxLength: 1 }, '𠀀𠀀')[0].code).toBe('TOO_LONG');
  });

  it('never quotes the value in a message (it may be an ID number)', () => {
    const problems = validateValue(PERSON, { name: 'x', idNumber: '43310119900101123' + 'Y' });
    expect(problems[0].code).toBe('RESIDENT_ID_FORMAT');
    expect(JSON.stringify(problems)).not.toContain('433101');
  });

  it('stops at a $ref that loops instead of hanging', () => {
    const looping: JsonSchema = { $ref: '#/$defs/a', $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } } };
    expect(validateValue(looping, 1)[0].code).toBe('SCHEMA_REF_UNRESOLVED');
  });
});

describe('schemaAt', () => {
  it('finds a field through properties, items and $ref', () => {
    expect(schemaAt(FORM, 'company.name')).toMatchObject({ maxLength: 10 });
    expect(schemaAt(FORM, 'people[1].idNumber')).toMatchObject({ format: 'resident-id' });
    expect(schemaAt(FORM, 'people[].idNumber')).toMatchObject({ format: 'resident-id' });
    expect(schemaAt(FORM, 'people')).toMatchObject({ type: 'array' });
    expect(schemaAt(FORM, '')).toBe(FORM);
  });

  it('answers undefined for a field the schema does not have', () => {
    expect(schemaAt(FORM, 'company.nope')).toBeUndefined();
    expect(schemaAt(FORM, 'company.name.first')).toBeUndefined();
    expect(schemaAt(FORM, 'bad..path')).toBeUndefined();
  });
});

describe('personalDataPaths', () => {
  it('lists the marked fields with [] for every element', () => {
    expect(personalDataPaths(FORM)).toEqual(['people[].idNumber', 'people[].mobile']);
  });
});

describe('schemaKeywordProblems', () => {
  it('accepts the supported subset', () => {
    expect(schemaKeywordProblems(FORM)).toEqual([]);
  });

  it('refuses keywords outside the subset, unknown formats, bad refs and malformed values', () => {
    const schema = {
      type: 'object',
      properties: {
        a: { type: 'string', oneOf: [{ type: 'string' }] },
        b: { type: 'string', format: 'email' },
        c: { $ref: '#/$defs/missing' },
        d: { type: 'text', pattern: '(' },
        e: { type: 'string', 'x-label': 'A' },
      },
      if: { type: 'object' },
    };
    expect(schemaKeywordProblems(schema).map((p) => `${p.path} ${p.code}`)).toEqual([
      '$.properties.a.oneOf SCHEMA_KEYWORD_UNSUPPORTED',
      '$.properties.b.format SCHEMA_FORMAT_UNKNOWN',
      '$.properties.c.$ref SCHEMA_REF_UNRESOLVED',
      '$.properties.d.type SCHEMA_KEYWORD_INVALID',
      '$.properties.d.pattern SCHEMA_KEYWORD_INVALID',
      '$.properties.e["x-label"] SCHEMA_KEYWORD_INVALID',
      '$.if SCHEMA_KEYWORD_UNSUPPORTED',
    ]);
    expect(unsupportedKeywords(schema)).toEqual(['$.properties.a.oneOf', '$.if']);
  });
});
