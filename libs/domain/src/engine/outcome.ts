import { parseFieldPath } from '../application/application-form';
import type { OutcomeTemplate, ProcessDefinition } from './process-definition';

// 一次办好: the one combined outcome of a case, built from its steps' outputs by the definition's
// outcome templates. Pure: the completing activity reads the outputs and the form and calls this.

/** The value at a field path ('seals[0].filingCode'); undefined where the path leads nowhere. */
export function valueAtPath(value: unknown, path: string): unknown {
  const segments = parseFieldPath(path);
  if (!segments) return undefined;
  let current: unknown = value;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}

interface Scope {
  outputsByStep: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>;
  form: unknown;
  /** Inside `each`: the current element; a `from.step` path is read from it. */
  element?: unknown;
}

// A value that is not there (a skipped step, an absent output) is null in the outcome, never left out.
const orNull = (value: unknown): unknown => (value === undefined ? null : value);

function evaluate(template: OutcomeTemplate, scope: Scope): unknown {
  if ('fields' in template) return evaluateFields(template.fields, scope);
  const from = template.from;
  if ('form' in from) return orNull(valueAtPath(scope.form, from.form));
  const source = scope.element !== undefined ? scope.element : scope.outputsByStep[from.step];
  const value = valueAtPath(source, from.path);
  const each = 'each' in template ? template.each : undefined;
  if (!each) return orNull(value);
  return (Array.isArray(value) ? value : []).map((element: unknown) => evaluateFields(each, { ...scope, element }));
}

function evaluateFields(fields: Readonly<Record<string, OutcomeTemplate>>, scope: Scope): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([field, template]) => [field, evaluate(template, scope)]));
}

/**
 * The outcome: each field of `definition.outcome.fields` evaluated, plus `delivery: {method, tripsRequired}`
 * from the form's chosen delivery method. Templates: `{from: {step, path}}` reads a step's output,
 * `{from: {form}}` the form; `each` maps an array output to objects whose `from.path`s are read from each
 * element (their `step` names the same step); `{fields}` nests an object.
 */
export function buildOutcome(
  definition: Pick<ProcessDefinition, 'outcome'>,
  outputsByStep: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>,
  form: unknown,
): Record<string, unknown> {
  const outcome = evaluateFields(definition.outcome.fields, { outputsByStep, form });
  const method = valueAtPath(form, definition.outcome.delivery.methodPath);
  const option = definition.outcome.delivery.options.find((candidate) => candidate.method === method);
  return { ...outcome, delivery: { method: orNull(method), tripsRequired: option ? option.tripsRequired : null } };
}
