import {
  CORRECTABLE_FIELD_PATHS,
  getField,
  labelledFields,
  pathLabel,
  returnablePaths,
  stepKind,
  type LabelledField,
  type LocalizedName,
  type ProcessDefinition,
  type StepDefinition,
  type ValueNamer,
} from '@onetrip/domain';
import { ENTERPRISE_OPENING } from '../applications/process-keys';
import { stepReads } from './step-form-view';

// A task in people's words (issue 12, 17 §3): every field the clerk sees and may send back carries its label
// from the definition's schemas and its value in words, and the department its names, so the page shows no
// form path, enum value or department code, for any definition.

export interface TaskFieldView {
  departmentName: LocalizedName;
  fields: LabelledField[];
  returnFields: { path: string; label: LocalizedName }[];
  outputFields?: LabelledField[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The opening keeps its correctable paths (the applicant's correction form edits exactly those). */
function openingReturnPaths(step: StepDefinition, part: Record<string, unknown>): string[] {
  const read = CORRECTABLE_FIELD_PATHS.filter((path) => stepReads(step, path));
  const leaves: string[] = read.filter((path) => !read.some((other) => other !== path && other.startsWith(`${path}.`)));
  const elements = leaves.flatMap((path) => {
    const value = getField(part as unknown as Parameters<typeof getField>[0], path);
    return Array.isArray(value) && value.some(isObject) ? value.map((_, i) => `${path}[${i}]`) : [];
  });
  return [...leaves, ...elements];
}

/** The labelled view of a task's form part (and outputs, once issued) from the case's pinned definition. */
export function taskFieldView(definition: ProcessDefinition, step: StepDefinition, part: Record<string, unknown>, outputs?: Record<string, unknown> | null): TaskFieldView {
  const schema = definition.form.schema;
  const kind = stepKind(step.kind);
  const formNamer: ValueNamer | undefined = kind.valueName ? (path, value) => kind.valueName?.(path, value) : undefined;
  const outputNamer: ValueNamer | undefined = kind.valueName ? (path, value) => kind.valueName?.(`outputs.${path}`, value) : undefined;
  const department = definition.departments.find((candidate) => candidate.code === step.department);
  const paths = definition.key === ENTERPRISE_OPENING ? openingReturnPaths(step, part) : returnablePaths(schema, part);
  const view: TaskFieldView = {
    departmentName: department ? department.name : { zh: step.department, en: step.department },
    fields: labelledFields(schema, part, formNamer),
    returnFields: paths.map((path) => ({ path, label: pathLabel(schema, path) })),
  };
  if (outputs && Object.keys(outputs).length > 0) view.outputFields = labelledFields(step.outputs, outputs, outputNamer);
  return view;
}
