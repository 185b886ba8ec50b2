import { sampleApplicationForm } from '../application/sample-application';
import { conditionProblems, conditionVars, evaluateCondition, ConditionError } from './conditions';
import type { JsonSchema } from './process-definition';

const form = sampleApplicationForm();

describe('evaluateCondition', () => {
  it.each([
    [{ '==': [{ var: 'delivery.method' }, 'FREE_MAIL'] }, true],
    [{ '!=': [{ var: 'delivery.method' }, 'FREE_MAIL'] }, false],
    [{ var: 'tax.ukey' }, true],
    [{ '!': { var: 'tax.ukey' } }, false],
    [{ '!!': [{ var: 'socialInsurance.employees' }] }, true],
    [{ in: ['FINANCE', { var: 'seals.kinds' }] }, true],
    [{ in: ['科技', { var: 'company.name' }] }, true],
    [{ '>': [{ var: 'company.registeredCapital' }, '999999.99'] }, true],
    [{ '>=': [{ var: 'company.registeredCapital' }, 1000000] }, true],
    [{ '<': [{ var: 'company.registeredCapital' }, '1000000.00'] }, false],
    [{ '<=': [0, { var: 'shareholders[1].subscribedCapital' }, '400000'] }, true],
    [{ '<': ['2026-01-31', { var: 'socialInsurance.employees[0].startDate' }] }, true],
    [{ some: [{ var: 'shareholders' }, { '==': [{ var: 'kind' }, 'ENTITY'] }] }, true],
    [{ all: [{ var: 'shareholders' }, { '==': [{ var: 'kind' }, 'PERSON'] }] }, false],
    [{ none: [{ var: 'seals.kinds' }, { '==': [{ var: '' }, 'OTHER'] }] }, true],
    [{ and: [{ var: 'tax.ukey' }, { var: 'tax.invoices' }] }, true],
    [{ or: [false, { var: 'nothing.here' }] }, false],
    [{ if: [{ var: 'tax.ukey' }, { '==': [1, 1] }, false] }, true],
    [{ if: [false, true, { '==': [{ var: ['missing', 'x'] }, 'x'] }] }, true],
    [{ '==': [{ var: 'shareholders[9].kind' }, null] }, true],
    [{ '==': [{ var: 'seals.kinds' }, ['OFFICIAL', 'FINANCE', 'INVOICE', 'LEGAL_REPRESENTATIVE']] }, true],
    [true, true],
    [false, false],
  ])('%j → %s', (condition, expected) => {
    expect(evaluateCondition(condition, form)).toBe(expected);
  });

  it('does not coerce types in equality (1 is not "1")', () => {
    expect(evaluateCondition({ '==': [1, '1'] }, {})).toBe(false);
    expect(evaluateCondition({ '<': ['abc', 1] }, {})).toBe(false);
  });

  it('treats all of an empty list as false and none of it as true (JSON Logic)', () => {
    const empty = { list: [] };
    expect(evaluateCondition({ all: [{ var: 'list' }, true] }, empty)).toBe(false);
    expect(evaluateCondition({ none: [{ var: 'list' }, true] }, empty)).toBe(true);
  });

  it('refuses an unknown operator rather than guessing', () => {
    expect(() => evaluateCondition({ eval: 'process.exit()' }, form)).toThrow(ConditionError);
    expect(() => evaluateCondition({ '==': [1, 1], '!=': [1, 2] }, form)).toThrow(ConditionError);
  });
});

describe('conditionVars', () => {
  it('lists each form path once, a some/all/none by its list', () => {
    expect(
      conditionVars({
        and: [
          { '==': [{ var: 'delivery.method' }, 'FREE_MAIL'] },
          { some: [{ var: 'shareholders' }, { '==': [{ var: 'kind' }, 'ENTITY'] }] },
          { var: ['tax.ukey', { var: 'tax.invoices' }] },
          { '!': { var: 'delivery.method' } },
        ],
      }),
    ).toEqual(['delivery.method', 'shareholders', 'tax.ukey', 'tax.invoices']);
    expect(conditionVars(true)).toEqual([]);
  });
});

describe('conditionProblems', () => {
  const schema: JsonSchema = {
    type: 'object',
    properties: {
      tax: { type: 'object', properties: { ukey: { type: 'boolean' } } },
      shareholders: { type: 'array', items: { $ref: '#/$defs/holder' } },
    },
    $defs: { holder: { type: 'object', properties: { kind: { type: 'string' } } } },
  };

  it('accepts a condition that reads existing form paths with known operators', () => {
    expect(conditionProblems({ and: [{ var: 'tax.ukey' }, { some: [{ var: 'shareholders' }, { '==': [{ var: 'kind' }, 'PERSON'] }] }] }, { schema })).toEqual([]);
  });

  it('names each problem by JSON path', () => {
    const problems = conditionProblems(
      {
        and: [
          { var: 'tax.nope' },
          { regex: ['a', 'b'] },
          { '==': [1] },
          { some: [{ var: 'shareholders' }, { var: 'idNumber' }] },
          { some: [[1, 2], true] },
          { var: '' },
          { var: 'a..b' },
        ],
      },
      { schema, base: '$.steps[1].when' },
    );
    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      '$.steps[1].when["and"][0]["var"] CONDITION_VAR_UNKNOWN',
      '$.steps[1].when["and"][1]["regex"] CONDITION_OPERATOR_UNKNOWN',
      '$.steps[1].when["and"][2]["=="] CONDITION_ARITY',
      '$.steps[1].when["and"][3]["some"][1]["var"] CONDITION_VAR_UNKNOWN',
      '$.steps[1].when["and"][4]["some"][0] CONDITION_LIST',
      '$.steps[1].when["and"][5]["var"] CONDITION_VAR_PATH',
      '$.steps[1].when["and"][6]["var"] CONDITION_VAR_PATH',
    ]);
  });
});
