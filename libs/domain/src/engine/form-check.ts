import type { RuleContext, RuleFlag } from '../application/application-rules';
import { checkFormRules } from './form-rules';
import { validateValue, type SchemaProblem } from './json-schema/schema-validator';
import type { FormDefinition } from './process-definition';

// One check of a filed form against its definition (一次告知: every problem at once): the JSON Schema,
// then the named rules. The rules assume the form's shape, so they run only when no field is missing or
// of the wrong type; a format problem (a mistyped ID number) does not stop them, so a capital mismatch is
// reported in the same answer. A rule finding at a path the schema already reported is not repeated.

export interface FormCheckResult {
  problems: SchemaProblem[];
  flags: RuleFlag[];
}

const SHAPE_CODES = new Set(['TYPE_MISMATCH', 'REQUIRED', 'SCHEMA_REF_UNRESOLVED', 'TOO_DEEP']);

export function checkForm(form: Pick<FormDefinition, 'schema' | 'rules'>, value: unknown, ctx: RuleContext): FormCheckResult {
  const problems = validateValue(form.schema, value);
  if (problems.some((problem) => SHAPE_CODES.has(problem.code))) return { problems, flags: [] };
  const reported = new Set(problems.map((problem) => problem.path));
  const { violations, flags } = checkFormRules(form.rules, value, ctx);
  return { problems: [...problems, ...violations.filter((violation) => !reported.has(violation.path))], flags };
}
