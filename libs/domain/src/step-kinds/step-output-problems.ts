import { clerkFieldProblems, hasInvisibleCharacters } from '../departments/output-rules';
import { validateValue } from '../engine/json-schema/schema-validator';
import type { StepDefinition } from '../engine/process-definition';
import { stepKind } from './step-kind-registry';

/** One problem with a step's outputs, at `outputs.<key>`. */
export interface StepOutputProblem {
  path: string;
  messages: string[];
  codes?: string[];
}

const field = (key: string, message: string): StepOutputProblem => ({ path: `outputs.${key}`, messages: [`outputs.${key} ${message}`] });

/**
 * What is wrong with the outputs given on completing `step` (by a clerk, or by the department's own system):
 * a kind with code of its own takes only its clerk fields, each in its format (and those it requires); a
 * `review` step takes what the step's outputs schema allows, checked against it. Nothing invisible in either
 * (a right-to-left override in a number).
 */
export function stepOutputProblems(step: Pick<StepDefinition, 'kind' | 'department' | 'outputs'>, outputs: Readonly<Record<string, string>>): StepOutputProblem[] {
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
  const byPath = new Map<string, StepOutputProblem>();
  for (const problem of validateValue(step.outputs, outputs)) {
    const path = problem.path === '' ? 'outputs' : `outputs.${problem.path}`;
    const entry = byPath.get(path) ?? { path, messages: [], codes: [] };
    entry.messages.push(`${path} ${problem.message}`);
    entry.codes?.push(problem.code);
    byPath.set(path, entry);
  }
  return [...invisible, ...byPath.values()];
}
