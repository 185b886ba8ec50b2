import { clerkFieldProblems, hasInvisibleCharacters, stepKind, validateValue, type JsonSchema, type StepDefinition } from '@onetrip/domain';
import type { FieldError } from '../common/app-error';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fields an object schema declares (a step's outputs). */
export function schemaProperties(schema: JsonSchema): Record<string, unknown> {
  return isRecord(schema.properties) ? schema.properties : {};
}

const field = (key: string, message: string): FieldError => ({ path: `outputs.${key}`, messages: [`outputs.${key} ${message}`] });

/**
 * What is wrong with the outputs a clerk gave on completing `step`: a kind with code of its own takes only
 * its clerk fields, each in its format (and those it requires); a `review` step takes what the step's
 * outputs schema allows, checked against it. Nothing invisible in either (a right-to-left override in a number).
 */
export function clerkOutputProblems(step: Pick<StepDefinition, 'kind' | 'department' | 'outputs'>, outputs: Readonly<Record<string, string>>): FieldError[] {
  const kind = stepKind(step.kind);
  if (!kind.outputsFromSchema) {
    const given = clerkFieldProblems(kind.clerkFields, step.department, outputs).map(({ key, message }) => field(key, message));
    const missing = Object.entries(kind.clerkFields)
      .filter(([key, format]) => format.required === true && outputs[key] === undefined)
      .map(([key, format]) => field(key, format.description));
    return [...given, ...missing];
  }
  const invisible = Object.entries(outputs)
    .filter(([, value]) => hasInvisibleCharacters(value))
    .map(([key]) => field(key, 'must not contain control, bidi or zero-width characters'));
  const byPath = new Map<string, FieldError>();
  for (const problem of validateValue(step.outputs, outputs)) {
    const path = problem.path === '' ? 'outputs' : `outputs.${problem.path}`;
    const entry = byPath.get(path) ?? { path, messages: [], codes: [] };
    entry.messages.push(`${path} ${problem.message}`);
    entry.codes?.push(problem.code);
    byPath.set(path, entry);
  }
  return [...invisible, ...byPath.values()];
}
