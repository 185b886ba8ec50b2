import { stepOutputProblems, type JsonSchema, type StepDefinition } from '@onetrip/domain';
import type { FieldError } from '../common/app-error';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fields an object schema declares (a step's outputs). */
export function schemaProperties(schema: JsonSchema): Record<string, unknown> {
  return isRecord(schema.properties) ? schema.properties : {};
}

/**
 * What is wrong with the outputs a clerk gave on completing `step` (the domain's rule, shared with the
 * department's own system in SYSTEM mode): see stepOutputProblems.
 */
export function clerkOutputProblems(step: Pick<StepDefinition, 'kind' | 'department' | 'outputs'>, outputs: Readonly<Record<string, string>>): FieldError[] {
  return stepOutputProblems(step, outputs);
}
