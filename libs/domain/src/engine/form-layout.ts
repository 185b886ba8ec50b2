import { conditionProblems } from './conditions';
import { parsePathPattern } from './form-paths';
import { schemaAt } from './json-schema/schema-validator';
import type { JsonSchema } from './process-definition';

// The layout annotations of a form schema (json-schema/layout-keywords.ts) checked against the form they
// lay out: wizard steps name existing fields, once each, and together cover the whole form (a field in no
// step could never be filled); an x-order names the object's own properties; an x-when reads form paths.

export interface FormLayoutProblem {
  path: string;
  code: string;
  message: string;
}

/** One wizard step of the form's x-steps. */
export interface FormStepLayout {
  key: string;
  label: { zh: string; en: string };
  fields: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;
const key = (name: string): string => (IDENTIFIER.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`);

/** The form's wizard steps when its schema declares them (x-steps at the root). */
export function formStepsOf(schema: JsonSchema): FormStepLayout[] | undefined {
  const steps = schema['x-steps'];
  return Array.isArray(steps) ? (steps as FormStepLayout[]) : undefined;
}

/** A step field: a form path of property names only (no list elements: a list is laid out whole). */
function isFieldPath(path: string): boolean {
  const segments = parsePathPattern(path);
  return segments !== null && segments.length > 0 && segments.every((segment) => typeof segment === 'string' && segment !== '*');
}

const under = (ancestor: string, path: string): boolean => path === ancestor || path.startsWith(`${ancestor}.`);

/** The form paths no step reaches: a field is reached when listed, or when it is an object all of whose properties are. */
function unreached(schema: JsonSchema, listed: readonly string[], path: string): string[] {
  if (listed.some((field) => under(field, path))) return [];
  const node = path === '' ? schema : schemaAt(schema, path);
  const properties = node && isObject(node.properties) ? node.properties : undefined;
  if (!properties || !listed.some((field) => under(path, field) || path === '')) return [path];
  return Object.keys(properties).flatMap((name) => unreached(schema, listed, path === '' ? name : `${path}.${name}`));
}

function checkSteps(schema: JsonSchema, base: string, out: FormLayoutProblem[]): void {
  const steps = formStepsOf(schema);
  if (!steps) return;
  const keys = new Set<string>();
  const listed: string[] = [];
  steps.forEach((step, i) => {
    const at = `${base}["x-steps"][${i}]`;
    if (keys.has(step.key)) out.push({ path: `${at}.key`, code: 'FORM_STEP_KEY_DUPLICATE', message: `Another wizard step already has the key "${step.key}"` });
    keys.add(step.key);
    step.fields.forEach((field, j) => {
      const here = `${at}.fields[${j}]`;
      if (!isFieldPath(field) || !schemaAt(schema, field)) {
        out.push({ path: here, code: 'FORM_STEP_FIELD_UNKNOWN', message: `"${field}" is not a field of the form (write a path of property names, e.g. "company.name")` });
      } else if (listed.some((other) => under(other, field) || under(field, other))) {
        out.push({ path: here, code: 'FORM_STEP_FIELD_TWICE', message: `"${field}" is already laid out by another entry of the wizard steps` });
      } else listed.push(field);
    });
  });
  const missing = unreached(schema, listed, '').filter((path) => path !== '');
  if (missing.length > 0) {
    out.push({ path: `${base}["x-steps"]`, code: 'FORM_STEP_FIELD_MISSING', message: `No wizard step shows ${missing.join(', ')}: the applicant could never fill them` });
  }
}

/** Every layout keyword below the root, by JSON path: x-steps only at the root, x-order and x-when against the form. */
function visit(node: unknown, root: JsonSchema, path: string, depth: number, out: FormLayoutProblem[]): void {
  if (!isObject(node) || depth > 64) return;
  if (depth > 0 && node['x-steps'] !== undefined) out.push({ path: `${path}["x-steps"]`, code: 'FORM_STEPS_NOT_ROOT', message: '"x-steps" lays out the whole form: it belongs at the root of the form schema' });
  const order = node['x-order'];
  if (Array.isArray(order)) {
    const properties = isObject(node.properties) ? node.properties : {};
    order.forEach((name, i) => {
      if (typeof name === 'string' && !Object.prototype.hasOwnProperty.call(properties, name)) {
        out.push({ path: `${path}["x-order"][${i}]`, code: 'FORM_ORDER_UNKNOWN', message: `"${name}" is not a property of this object` });
      } else if (order.indexOf(name) !== i) out.push({ path: `${path}["x-order"][${i}]`, code: 'FORM_ORDER_DUPLICATE', message: `"${String(name)}" is listed twice` });
    });
  }
  if (node['x-when'] !== undefined) for (const problem of conditionProblems(node['x-when'], { schema: root, base: `${path}["x-when"]` })) out.push(problem);
  if (isObject(node.properties)) for (const [name, child] of Object.entries(node.properties)) visit(child, root, `${path}.properties${key(name)}`, depth + 1, out);
  if (isObject(node.items)) visit(node.items, root, `${path}.items`, depth + 1, out);
  if (isObject(node.$defs)) for (const [name, child] of Object.entries(node.$defs)) visit(child, root, `${path}.$defs${key(name)}`, depth + 1, out);
}

/** The problems of a form schema's layout annotations, at JSON paths from `base` (the schema's own path). */
export function formLayoutProblems(schema: JsonSchema, base = '$'): FormLayoutProblem[] {
  const out: FormLayoutProblem[] = [];
  checkSteps(schema, base, out);
  visit(schema, schema, base, 0, out);
  return out;
}
