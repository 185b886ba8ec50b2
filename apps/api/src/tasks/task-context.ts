import { applyCorrections, type ApplicationForm, type JsonSchema, type LabelledField, type LocalizedName, type ProcessDefinition, type StepDefinition } from '@onetrip/domain';
import { stepFormView, stepReads } from './step-form-view';
import { taskFieldView } from './task-field-view';

// What a department needs around its own part (issue 17 §4): the results of the steps it depends on (PSB,
// TAX and BANK see the USCC and licence number SAMR issued), and on a later round why the case went back
// and what the applicant changed, old → new, in the step's own masking.

/** A corrected field as the step sees it: its label, and its value before and after in words. */
export interface CorrectedField {
  path: string;
  section?: LocalizedName;
  label: LocalizedName;
  before: LocalizedName;
  after: LocalizedName;
}

/** A name in a list: its first character, the rest masked (the list says whose case, the task page shows more). */
export function maskName(name: string): string {
  const characters = [...name.trim()];
  return characters.length === 0 ? '' : `${characters[0]}${'*'.repeat(Math.max(1, characters.length - 1))}`;
}

/** Every step `step` waits for, directly or through another (the results it builds on). */
export function stepsBefore(definition: ProcessDefinition, step: StepDefinition): StepDefinition[] {
  const seen = new Set<string>();
  const visit = (ids: readonly string[]): void => {
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      visit(definition.steps.find((candidate) => candidate.id === id)?.dependsOn ?? []);
    }
  };
  visit(step.dependsOn ?? []);
  return definition.steps.filter((candidate) => seen.has(candidate.id));
}

const NONE: LocalizedName = { zh: '（空）', en: '(empty)' };
const under = (field: string, path: string): boolean => field === path || field.startsWith(`${path}.`) || field.startsWith(`${path}[`);

/**
 * The fields a correction changed that the step reads, old → new, each side through the step's own view
 * (its reads and masking): a TAX clerk sees a corrected ID number masked on both sides.
 */
export function correctedFields(
  definition: ProcessDefinition,
  step: StepDefinition,
  form: Record<string, unknown>,
  previous: Readonly<Record<string, unknown>>,
): CorrectedField[] {
  const changed = Object.keys(previous).filter((path) => stepReads(step, path));
  if (changed.length === 0) return [];
  let before: Record<string, unknown>;
  try {
    before = applyCorrections(form as unknown as ApplicationForm, Object.fromEntries(changed.map((path) => [path, previous[path]]))) as unknown as Record<string, unknown>;
  } catch {
    // A list that shrank cannot be put back element by element: the comparison is left out, not guessed.
    return [];
  }
  const schema: JsonSchema = definition.form.schema;
  const words = (value: Record<string, unknown>) => taskFieldView(definition, step, stepFormView(step, schema, value).form).fields;
  const [old, now] = [words(before), words(form)];
  const byPath = (fields: LabelledField[]) => new Map(fields.map((field) => [field.path, field]));
  const [oldByPath, nowByPath] = [byPath(old), byPath(now)];
  const paths = [...new Set([...now, ...old].map((field) => field.path))].filter((path) => changed.some((root) => under(path, root)));
  return paths.flatMap((path) => {
    const a = oldByPath.get(path);
    const b = nowByPath.get(path);
    const shown = b ?? a;
    if (!shown || (a && b && a.value.zh === b.value.zh && a.value.en === b.value.en)) return [];
    const field: CorrectedField = { path, label: shown.label, before: a?.value ?? NONE, after: b?.value ?? NONE };
    if (shown.section) field.section = shown.section;
    return [field];
  });
}
