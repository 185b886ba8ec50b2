import fc from 'fast-check';
import { ENTERPRISE_OPENING_V1 } from '../processes/shipped-definitions';
import { evaluateCondition } from './conditions';
import { formatPathPattern, parsePathPattern, pathCovers, pathsIntersect, toJsonPath } from './form-paths';
import { validateValue } from './json-schema/schema-validator';
import { validateDefinition } from './definition-validator';

describe('form paths', () => {
  it('parses the project notation and [] for every element', () => {
    expect(parsePathPattern('shareholders[1].idNumber')).toEqual(['shareholders', 1, 'idNumber']);
    expect(parsePathPattern('shareholders[].idNumber')).toEqual(['shareholders', '*', 'idNumber']);
    expect(parsePathPattern('a[][]')).toEqual(['a', '*', '*']);
    expect(parsePathPattern('[]')).toBeNull();
    expect(parsePathPattern('a..b')).toBeNull();
    expect(formatPathPattern(['shareholders', '*', 'idNumber'])).toBe('shareholders[].idNumber');
    expect(formatPathPattern(['fields', 'x-y'])).toBe('fields["x-y"]');
  });

  it('covers descendants segment by segment, [] matching any index', () => {
    expect(pathCovers('company', 'company.name')).toBe(true);
    expect(pathCovers('company', 'companyX')).toBe(false);
    expect(pathCovers('company.name', 'company')).toBe(false);
    expect(pathCovers('shareholders[].idNumber', 'shareholders[3].idNumber')).toBe(true);
    expect(pathCovers('shareholders[2]', 'shareholders[3].idNumber')).toBe(false);
    expect(pathCovers('shareholders', 'shareholders[].idNumber')).toBe(true);
    expect(pathsIntersect('company.name', 'company')).toBe(true);
  });

  it('writes document paths as JSON paths', () => {
    expect(toJsonPath('')).toBe('$');
    expect(toJsonPath('steps[2].dependsOn[0]')).toBe('$.steps[2].dependsOn[0]');
    expect(toJsonPath('["x-y"]')).toBe('$["x-y"]');
  });
});

describe('the engine on arbitrary input', () => {
  it('validates any JSON value against the opening form and the definition schema without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(Array.isArray(validateValue(ENTERPRISE_OPENING_V1.form.schema, value))).toBe(true);
        expect(validateDefinition(value, new Set()).definition).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it("evaluates the opening's fee conditions on any JSON value without throwing", () => {
    const conditions = ENTERPRISE_OPENING_V1.fees.flatMap((fee) => (fee.when === undefined ? [] : [fee.when]));
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const condition of conditions) expect(typeof evaluateCondition(condition, value)).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
