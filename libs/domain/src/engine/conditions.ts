import { DomainError } from '../errors/domain-error';
import { parseFieldPath } from '../application/application-form';
import { schemaAt, jsonEqual } from './json-schema/schema-validator';
import type { Condition, JsonSchema } from './process-definition';

// `when` conditions and fee conditions: a JSON Logic subset, interpreted (no eval, no functions of its
// own), deterministic, total on any form. It runs inside workflow code, so it imports nothing with I/O.
//
//   {"var": "tax.ukey"}                      a form path (today's notation); {"var": ["path", default]}
//   {"==": [a, b]}  {"!=": [a, b]}           strict structural equality (no type coercion)
//   {"<": [a, b]} (also <=, >, >=)           numbers and numeric strings ("1000.00") by value, other strings
//                                            by code unit (so YYYY-MM-DD dates compare as dates); {"<": [a, b, c]} is between
//   {"and": [...]} {"or": [...]} {"!": x} {"!!": x}
//   {"in": [x, list]} {"in": ["sub", "string"]}
//   {"some"|"all"|"none": [{"var": "shareholders"}, condition-on-each-element]}; inside, "var" reads the element
//   {"if": [cond, then, cond2, then2, ..., else]}

export const CONDITION_OPERATORS = ['var', '==', '!=', '<', '<=', '>', '>=', 'and', 'or', '!', '!!', 'in', 'some', 'all', 'none', 'if'] as const;
const OPERATORS = new Set<string>(CONDITION_OPERATORS);
const MAX_DEPTH = 32;

export class ConditionError extends DomainError {
  constructor(message: string) {
    super('CONDITION_INVALID', message);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON Logic truthiness: false, null, 0, "" and [] are false. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value) && !(typeof value === 'number' && Number.isNaN(value));
}

function args(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function lookup(data: unknown, path: string): unknown {
  if (path === '') return data;
  const segments = parseFieldPath(path);
  if (!segments) return null;
  let current: unknown = data;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) return null;
      current = current[segment];
    } else {
      if (!isObject(current) || !Object.prototype.hasOwnProperty.call(current, segment)) return null;
      current = current[segment];
    }
  }
  return current === undefined ? null : current;
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

function compare(a: unknown, b: unknown): number | null {
  const asNumber = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'string' && NUMERIC.test(v) ? Number(v) : null);
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== null && y !== null) return x < y ? -1 : x > y ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

function comparison(operands: unknown[], holds: (c: number) => boolean): boolean {
  for (let i = 0; i + 1 < operands.length; i++) {
    const c = compare(operands[i], operands[i + 1]);
    if (c === null || !holds(c)) return false;
  }
  return true;
}

const COMPARATORS: Record<string, (c: number) => boolean> = {
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '>': (c) => c > 0,
  '>=': (c) => c >= 0,
};

function evaluate(node: unknown, data: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new ConditionError(`A condition may nest at most ${MAX_DEPTH} levels`);
  if (Array.isArray(node)) return node.map((item) => evaluate(item, data, depth + 1));
  if (!isObject(node)) return node;
  const keys = Object.keys(node);
  if (keys.length !== 1) throw new ConditionError('An operation is an object with exactly one operator');
  const [operator] = keys;
  const raw = node[operator];
  const eval_ = (value: unknown) => evaluate(value, data, depth + 1);
  switch (operator) {
    case 'var': {
      const [path, fallback] = args(raw);
      const found = lookup(data, typeof path === 'string' ? path : String(eval_(path)));
      return found === null && fallback !== undefined ? eval_(fallback) : found;
    }
    case '==':
    case '!=': {
      const [a, b] = args(raw).map(eval_);
      return operator === '==' ? jsonEqual(a, b) : !jsonEqual(a, b);
    }
    case '<':
    case '<=':
    case '>':
    case '>=':
      return comparison(args(raw).map(eval_), COMPARATORS[operator]);
    case 'and': {
      let last: unknown = true;
      for (const item of args(raw)) {
        last = eval_(item);
        if (!truthy(last)) return last;
      }
      return last;
    }
    case 'or': {
      let last: unknown = false;
      for (const item of args(raw)) {
        last = eval_(item);
        if (truthy(last)) return last;
      }
      return last;
    }
    case '!':
      return !truthy(eval_(args(raw)[0]));
    case '!!':
      return truthy(eval_(args(raw)[0]));
    case 'in': {
      const [needle, haystack] = args(raw).map(eval_);
      if (Array.isArray(haystack)) return haystack.some((item) => jsonEqual(item, needle));
      return typeof haystack === 'string' && typeof needle === 'string' && haystack.includes(needle);
    }
    case 'some':
    case 'all':
    case 'none': {
      const [listExpr, test] = args(raw);
      const list = eval_(listExpr);
      const items = Array.isArray(list) ? list : [];
      const passes = (item: unknown) => truthy(evaluate(test, item, depth + 1));
      if (operator === 'some') return items.some(passes);
      // JSON Logic: "all" of nothing is false (a condition about every shareholder needs one).
      if (operator === 'all') return items.length > 0 && items.every(passes);
      return !items.some(passes);
    }
    case 'if': {
      const parts = args(raw);
      let i = 0;
      for (; i + 1 < parts.length; i += 2) if (truthy(eval_(parts[i]))) return eval_(parts[i + 1]);
      return i < parts.length ? eval_(parts[i]) : null;
    }
    default:
      throw new ConditionError(`Unknown operator "${operator}"`);
  }
}

/** True when the condition holds for the form. Deterministic; throws ConditionError only on a condition the validator refuses. */
export function evaluateCondition(condition: Condition, form: unknown): boolean {
  return truthy(evaluate(condition, form, 0));
}

/** The form paths a condition reads, in order of appearance, each once (a some/all/none reads its list). */
export function conditionVars(condition: Condition): string[] {
  const found: string[] = [];
  const visit = (node: unknown, depth: number, scoped: boolean): void => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1, scoped);
      return;
    }
    if (!isObject(node)) return;
    for (const [operator, raw] of Object.entries(node)) {
      if (operator === 'var') {
        const [path, fallback] = args(raw);
        if (!scoped && typeof path === 'string' && !found.includes(path)) found.push(path);
        if (typeof path !== 'string') visit(path, depth + 1, scoped);
        visit(fallback, depth + 1, scoped);
      } else if (operator === 'some' || operator === 'all' || operator === 'none') {
        const [list, test] = args(raw);
        visit(list, depth + 1, scoped);
        // Inside, "var" reads the element: covered by the list's path.
        visit(test, depth + 1, true);
      } else {
        visit(raw, depth + 1, scoped);
      }
    }
  };
  visit(condition, 0, false);
  return found;
}

/** A problem of a condition, at a JSON path from `base` (e.g. `$.steps[2].when.and[1]`). */
export interface ConditionProblem {
  path: string;
  code: string;
  message: string;
}

const ARITY: Record<string, [number, number]> = {
  '==': [2, 2],
  '!=': [2, 2],
  '<': [2, 3],
  '<=': [2, 3],
  '>': [2, 2],
  '>=': [2, 2],
  '!': [1, 1],
  '!!': [1, 1],
  in: [2, 2],
  some: [2, 2],
  all: [2, 2],
  none: [2, 2],
};

/**
 * What is wrong with a condition: unknown operators, wrong operand counts, var paths that are not form
 * paths, and (given the form schema) paths the form does not have. Inside some/all/none, vars are checked
 * against the list's element schema.
 */
export function conditionProblems(condition: unknown, options: { schema?: JsonSchema; base?: string } = {}): ConditionProblem[] {
  const problems: ConditionProblem[] = [];
  const base = options.base ?? '$';
  const add = (path: string, code: string, message: string) => problems.push({ path, code, message });
  const visit = (node: unknown, path: string, depth: number, scope: JsonSchema | undefined, scoped: boolean): void => {
    if (depth > MAX_DEPTH) {
      add(path, 'CONDITION_TOO_DEEP', `A condition may nest at most ${MAX_DEPTH} levels`);
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${path}[${i}]`, depth + 1, scope, scoped));
      return;
    }
    if (!isObject(node)) return;
    const keys = Object.keys(node);
    if (keys.length !== 1) {
      add(path, 'CONDITION_SHAPE', 'An operation is an object with exactly one operator');
      return;
    }
    const [operator] = keys;
    const raw = node[operator];
    const here = `${path}[${JSON.stringify(operator)}]`;
    if (!OPERATORS.has(operator)) {
      add(here, 'CONDITION_OPERATOR_UNKNOWN', `Unknown operator "${operator}": use ${CONDITION_OPERATORS.join(', ')}`);
      return;
    }
    const operands = args(raw);
    const arity = ARITY[operator];
    if (arity && (operands.length < arity[0] || operands.length > arity[1])) {
      add(here, 'CONDITION_ARITY', `"${operator}" takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]} or ${arity[1]}`} operand${arity[1] === 1 ? '' : 's'}`);
      return;
    }
    if (operator === 'var') {
      const [varPath, fallback] = operands;
      const at = Array.isArray(raw) ? `${here}[0]` : here;
      if (typeof varPath !== 'string' || (varPath !== '' && !parseFieldPath(varPath)) || (varPath === '' && !scoped)) {
        add(at, 'CONDITION_VAR_PATH', 'A "var" names a form path such as "company.entityType" or "shareholders[0].kind"');
      } else if (scope && varPath !== '' && !schemaAt(scope, varPath)) {
        add(at, 'CONDITION_VAR_UNKNOWN', `"${varPath}" is not a field of the ${scoped ? 'list element' : 'form'}`);
      }
      if (fallback !== undefined) visit(fallback, `${here}[1]`, depth + 1, scope, scoped);
      return;
    }
    if (operator === 'some' || operator === 'all' || operator === 'none') {
      const [list, test] = operands;
      const listPath = isObject(list) && Object.keys(list).length === 1 && typeof list.var === 'string' ? list.var : null;
      if (listPath === null) {
        add(`${here}[0]`, 'CONDITION_LIST', `"${operator}" iterates a form list named by {"var": "<path>"}`);
        return;
      }
      visit(list, `${here}[0]`, depth + 1, scope, scoped);
      let elementSchema: JsonSchema | undefined;
      if (scope) {
        // The element's schema keeps the root's $defs so a $ref inside it still resolves.
        const listSchema = schemaAt(scope, listPath);
        const items = listSchema && typeof listSchema.items === 'object' && listSchema.items !== null ? (listSchema.items as JsonSchema) : undefined;
        elementSchema = items ? { ...items, $defs: scope.$defs } : undefined;
        if (listSchema && !items) add(`${here}[0]`, 'CONDITION_LIST', `"${listPath}" is not a list`);
      }
      visit(test, `${here}[1]`, depth + 1, elementSchema, true);
      return;
    }
    if (Array.isArray(raw)) raw.forEach((item, i) => visit(item, `${here}[${i}]`, depth + 1, scope, scoped));
    else visit(raw, here, depth + 1, scope, scoped);
  };
  visit(condition, base, 0, options.schema, false);
  return problems;
}
