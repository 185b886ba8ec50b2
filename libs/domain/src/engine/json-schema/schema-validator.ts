import type { JsonSchema } from '../process-definition';
import { formatPathPattern, parsePathPattern, type PatternSegment } from '../form-paths';
import { checkFormat, isKnownFormat } from './formats';
import { LAYOUT_KEYWORDS, layoutKeywordProblem } from './layout-keywords';

// Our own validator for the JSON Schema 2020-12 subset a definition may use (see JsonSchema in
// process-definition.ts). Not ajv: ajv compiles with `new Function`, which the web's CSP forbids, and the
// same code runs in the browser, the API and the worker. It interprets the schema, so a schema is data only.

/** One thing wrong with a value, at its form path (`shareholders[1].idNumber`; '' is the value itself). */
export interface SchemaProblem {
  path: string;
  code: string;
  message: string;
}

/** Keywords that constrain a value. */
export const ASSERTION_KEYWORDS = [
  'type', 'properties', 'required', 'additionalProperties', 'items', 'minItems', 'maxItems', 'uniqueItems', 'enum',
  'const', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'format', '$ref', '$defs',
] as const;

/** Keywords that only describe (labels for the web, personal-data marking, comments). */
export const ANNOTATION_KEYWORDS = ['$schema', '$comment', 'title', 'description', 'x-label', 'x-enum-labels', 'x-personal-data', ...LAYOUT_KEYWORDS] as const;

const SUPPORTED = new Set<string>([...ASSERTION_KEYWORDS, ...ANNOTATION_KEYWORDS]);
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
// A chain of $ref longer than this is a cycle (a schema that refers to itself without consuming data).
const MAX_REF_HOPS = 32;
const MAX_DEPTH = 64;
// An unboundedly repeated group whose body repeats without bound ("(a+)+", "(\\d*){2,}"): the shape of catastrophic
// backtracking. Patterns come from administrators but run on every applicant's input in the API's event loop.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\})/;

type Segment = string | number;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isSchema = (value: unknown): value is JsonSchema => isObject(value);

function pathOf(segments: readonly Segment[]): string {
  return formatPathPattern(segments);
}

/** Structural equality of JSON values (for enum, const and uniqueItems). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && jsonEqual(a[key], b[key]));
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  if (type === 'number') return actual === 'number' || actual === 'integer';
  return actual === type;
}

/** Length in code points, as JSON Schema counts (an emoji or a rare CJK character is one). */
function lengthOf(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

const patterns = new Map<string, RegExp | null>();
/** The compiled pattern (cached), or null when the pattern is not a valid regular expression. */
export function compilePattern(pattern: string): RegExp | null {
  let compiled = patterns.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = new RegExp(pattern, 'u');
    } catch {
      compiled = null;
    }
    patterns.set(pattern, compiled);
  }
  return compiled;
}

/** Follows `$ref: "#/$defs/name"` against the root; undefined when it leads nowhere or loops. */
export function resolveRef(root: JsonSchema, schema: JsonSchema): JsonSchema | undefined {
  let current: JsonSchema = schema;
  for (let hop = 0; typeof current.$ref === 'string'; hop++) {
    if (hop >= MAX_REF_HOPS) return undefined;
    const match = /^#\/\$defs\/([^/]+)$/.exec(current.$ref);
    const defs = root.$defs;
    if (!match || !isObject(defs)) return undefined;
    const target = defs[match[1]];
    if (!isSchema(target)) return undefined;
    current = target;
  }
  return current;
}

const describeTypes = (types: readonly string[]): string => (types.length === 1 ? types[0] : `one of ${types.join(', ')}`);

class Walker {
  readonly problems: SchemaProblem[] = [];
  constructor(private readonly root: JsonSchema) {}

  add(segments: readonly Segment[], code: string, message: string): void {
    this.problems.push({ path: pathOf(segments), code, message });
  }

  check(given: JsonSchema, value: unknown, segments: Segment[], depth: number): void {
    const schema = resolveRef(this.root, given);
    if (!schema) {
      this.add(segments, 'SCHEMA_REF_UNRESOLVED', 'The schema refers to a definition that does not exist');
      return;
    }
    if (depth > MAX_DEPTH) {
      this.add(segments, 'TOO_DEEP', `Values may nest at most ${MAX_DEPTH} levels`);
      return;
    }
    if (schema.type !== undefined) {
      const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((t): t is string => typeof t === 'string');
      if (!types.some((type) => hasType(value, type))) {
        // A missing value is REQUIRED at its parent; here the value exists with the wrong type.
        this.add(segments, 'TYPE_MISMATCH', `Must be ${describeTypes(types)}`);
        return;
      }
    }
    if (schema.const !== undefined && !jsonEqual(schema.const, value)) {
      this.add(segments, 'NOT_CONST', `Must be ${JSON.stringify(schema.const)}`);
    }
    if (Array.isArray(schema.enum) && !schema.enum.some((option) => jsonEqual(option, value))) {
      this.add(segments, 'NOT_IN_ENUM', `Must be one of ${schema.enum.map((option) => JSON.stringify(option)).join(', ')}`);
    }
    if (typeof value === 'string') this.checkString(schema, value, segments);
    else if (typeof value === 'number') this.checkNumber(schema, value, segments);
    else if (Array.isArray(value)) this.checkArray(schema, value, segments, depth);
    else if (isObject(value)) this.checkObject(schema, value, segments, depth);
  }

  private checkString(schema: JsonSchema, value: string, segments: Segment[]): void {
    const length = typeof schema.minLength === 'number' || typeof schema.maxLength === 'number' ? lengthOf(value) : 0;
    if (typeof schema.minLength === 'number' && length < schema.minLength) {
      this.add(segments, schema.minLength === 1 ? 'EMPTY' : 'TOO_SHORT', schema.minLength === 1 ? 'Must not be empty' : `Must be at least ${schema.minLength} characters`);
    }
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) {
      this.add(segments, 'TOO_LONG', `Must be at most ${schema.maxLength} characters`);
    }
    if (typeof schema.pattern === 'string') {
      const pattern = compilePattern(schema.pattern);
      if (pattern && !pattern.test(value)) this.add(segments, 'PATTERN_MISMATCH', 'Is not in the expected form');
    }
    if (typeof schema.format === 'string') {
      const problem = checkFormat(schema.format, value);
      if (problem) this.add(segments, problem.code, problem.message);
    }
  }

  private checkNumber(schema: JsonSchema, value: number, segments: Segment[]): void {
    if (typeof schema.minimum === 'number' && value < schema.minimum) this.add(segments, 'BELOW_MINIMUM', `Must be at least ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) this.add(segments, 'ABOVE_MAXIMUM', `Must be at most ${schema.maximum}`);
  }

  private checkArray(schema: JsonSchema, value: unknown[], segments: Segment[], depth: number): void {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) {
      this.add(segments, 'TOO_FEW_ITEMS', `Needs at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`);
    }
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) {
      this.add(segments, 'TOO_MANY_ITEMS', `May have at most ${schema.maxItems} item${schema.maxItems === 1 ? '' : 's'}`);
    }
    if (schema.uniqueItems === true) {
      for (let i = 1; i < value.length; i++) {
        if (value.slice(0, i).some((earlier) => jsonEqual(earlier, value[i]))) {
          this.add([...segments, i], 'DUPLICATE_ITEM', 'Is listed twice');
        }
      }
    }
    if (isSchema(schema.items)) {
      const items = schema.items;
      value.forEach((item, i) => this.check(items, item, [...segments, i], depth + 1));
    }
  }

  private checkObject(schema: JsonSchema, value: Record<string, unknown>, segments: Segment[], depth: number): void {
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
    // Form order: the schema's properties first, then required names it does not describe, then the rest.
    for (const [name, propertySchema] of Object.entries(properties)) {
      const present = Object.prototype.hasOwnProperty.call(value, name) && value[name] !== undefined;
      if (!present) {
        if (required.has(name)) this.add([...segments, name], 'REQUIRED', 'Is required');
      } else if (isSchema(propertySchema)) {
        this.check(propertySchema, value[name], [...segments, name], depth + 1);
      }
    }
    for (const name of required) {
      if (!Object.prototype.hasOwnProperty.call(properties, name) && value[name] === undefined) this.add([...segments, name], 'REQUIRED', 'Is required');
    }
    for (const name of Object.keys(value)) {
      if (Object.prototype.hasOwnProperty.call(properties, name) || value[name] === undefined) continue;
      if (schema.additionalProperties === false) this.add([...segments, name], 'NOT_ALLOWED', 'Is not a field of this form');
      else if (isSchema(schema.additionalProperties)) this.check(schema.additionalProperties, value[name], [...segments, name], depth + 1);
    }
  }
}

/** Every problem of a value under a schema, in form order. Deterministic; never throws on any JSON value. */
export function validateValue(schema: JsonSchema, value: unknown): SchemaProblem[] {
  const walker = new Walker(schema);
  walker.check(schema, value, [], 0);
  return walker.problems;
}

/**
 * The schema describing the value at a form path (`shareholders[0].kind`, or `shareholders[].kind`),
 * following $ref; undefined when the schema has no such field. '' is the root.
 */
export function schemaAt(schema: JsonSchema, path: string): JsonSchema | undefined {
  const segments: PatternSegment[] | null = path === '' ? [] : parsePathPattern(path);
  if (!segments) return undefined;
  let current = resolveRef(schema, schema);
  for (const segment of segments) {
    if (!current) return undefined;
    let next: unknown;
    if (typeof segment === 'string' && segment !== '*') {
      const properties = current.properties;
      if (isObject(properties) && Object.prototype.hasOwnProperty.call(properties, segment)) next = properties[segment];
      else if (isSchema(current.additionalProperties)) next = current.additionalProperties;
    } else {
      next = current.items;
    }
    current = isSchema(next) ? resolveRef(schema, next) : undefined;
  }
  return current;
}

/** The form paths marked `x-personal-data: true`, elements of arrays as `[]` (`shareholders[].idNumber`), in schema order. */
export function personalDataPaths(schema: JsonSchema): string[] {
  const found: string[] = [];
  const visit = (given: JsonSchema, segments: PatternSegment[], depth: number): void => {
    const node = resolveRef(schema, given);
    if (!node || depth > MAX_DEPTH) return;
    if (node['x-personal-data'] === true) found.push(formatPathPattern(segments));
    if (isObject(node.properties)) {
      for (const [name, child] of Object.entries(node.properties)) if (isSchema(child)) visit(child, [...segments, name], depth + 1);
    }
    if (isSchema(node.items)) visit(node.items, [...segments, '*'], depth + 1);
  };
  visit(schema, [], 0);
  return found;
}

/** A place in a schema (JSON path relative to the schema, e.g. `$.properties.company`) and what is wrong there. */
export interface SchemaKeywordProblem {
  path: string;
  code: string;
  message: string;
}

/**
 * What the subset cannot honour in a schema: unknown keywords (a validator that skipped them would accept what
 * the author meant to refuse), unknown formats, malformed keyword values, $refs that lead nowhere, bad patterns.
 * Paths are JSON paths from the schema's root ('$').
 */
export function schemaKeywordProblems(schema: unknown, base = '$'): SchemaKeywordProblem[] {
  const problems: SchemaKeywordProblem[] = [];
  const root = isSchema(schema) ? schema : {};
  const at = (path: string, key: string): string => (/^[A-Za-z$_][A-Za-z0-9$_]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);
  const visit = (node: unknown, path: string, depth: number): void => {
    if (!isSchema(node)) {
      problems.push({ path, code: 'SCHEMA_NOT_OBJECT', message: 'A schema must be an object' });
      return;
    }
    if (depth > MAX_DEPTH) {
      problems.push({ path, code: 'SCHEMA_TOO_DEEP', message: `Schemas may nest at most ${MAX_DEPTH} levels` });
      return;
    }
    for (const [keyword, value] of Object.entries(node)) {
      const here = at(path, keyword);
      const bad = (message: string) => problems.push({ path: here, code: 'SCHEMA_KEYWORD_INVALID', message });
      if (!SUPPORTED.has(keyword)) {
        problems.push({ path: here, code: 'SCHEMA_KEYWORD_UNSUPPORTED', message: `The keyword "${keyword}" is not in the supported JSON Schema subset` });
        continue;
      }
      switch (keyword) {
        case 'type': {
          const types = Array.isArray(value) ? value : [value];
          if (types.length === 0 || !types.every((t) => typeof t === 'string' && TYPES.has(t))) bad(`"type" must be one of ${[...TYPES].join(', ')} or a list of them`);
          break;
        }
        case 'properties':
        case '$defs':
          if (!isObject(value)) bad(`"${keyword}" must be an object of schemas`);
          else for (const [name, child] of Object.entries(value)) visit(child, at(here, name), depth + 1);
          break;
        case 'required':
          if (!Array.isArray(value) || !value.every((name) => typeof name === 'string')) bad('"required" must be a list of property names');
          break;
        case 'additionalProperties':
          if (typeof value !== 'boolean') visit(value, here, depth + 1);
          break;
        case 'items':
          visit(value, here, depth + 1);
          break;
        case 'minItems':
        case 'maxItems':
        case 'minLength':
        case 'maxLength':
          if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) bad(`"${keyword}" must be a whole number, 0 or more`);
          break;
        case 'minimum':
        case 'maximum':
          if (typeof value !== 'number' || !Number.isFinite(value)) bad(`"${keyword}" must be a number`);
          break;
        case 'uniqueItems':
        case 'x-personal-data':
          if (typeof value !== 'boolean') bad(`"${keyword}" must be true or false`);
          break;
        case 'enum':
          if (!Array.isArray(value) || value.length === 0) bad('"enum" must be a non-empty list');
          break;
        case 'pattern':
          if (typeof value !== 'string' || compilePattern(value) === null) bad('"pattern" must be a valid regular expression');
          else if (NESTED_QUANTIFIER.test(value)) {
            problems.push({ path: here, code: 'SCHEMA_PATTERN_UNSAFE', message: '"pattern" repeats a group that itself repeats (e.g. "(a+)+"): it can take exponential time on some inputs' });
          }
          break;
        case 'format':
          if (typeof value !== 'string' || !isKnownFormat(value)) {
            problems.push({ path: here, code: 'SCHEMA_FORMAT_UNKNOWN', message: `Unknown format ${JSON.stringify(value)}: use resident-id, uscc, mobile, division-code, money or date` });
          }
          break;
        case '$ref':
          if (typeof value !== 'string' || resolveRef(root, { $ref: value }) === undefined) {
            problems.push({ path: here, code: 'SCHEMA_REF_UNRESOLVED', message: '"$ref" must point to an existing "#/$defs/<name>" without looping' });
          }
          break;
        case 'x-label':
          if (!isObject(value) || typeof value.zh !== 'string' || typeof value.en !== 'string') bad('"x-label" must be {"zh": …, "en": …}');
          break;
        case 'x-enum-labels':
          if (!isObject(value) || !Object.values(value).every((label) => isObject(label) && typeof label.zh === 'string' && typeof label.en === 'string')) {
            bad('"x-enum-labels" must map each value to {"zh": …, "en": …}');
          }
          break;
        case 'x-steps':
        case 'x-order':
        case 'x-widget':
        case 'x-help':
        case 'x-when': {
          const problem = layoutKeywordProblem(keyword, value);
          if (problem) bad(problem);
          break;
        }
        case 'title':
        case 'description':
        case '$comment':
        case '$schema':
          if (typeof value !== 'string') bad(`"${keyword}" must be a string`);
          break;
      }
    }
  };
  visit(schema, base, 0);
  return problems;
}

/** The unsupported keywords of a schema, by JSON path (a shorthand of schemaKeywordProblems). */
export function unsupportedKeywords(schema: unknown): string[] {
  return schemaKeywordProblems(schema)
    .filter((problem) => problem.code === 'SCHEMA_KEYWORD_UNSUPPORTED')
    .map((problem) => problem.path);
}
