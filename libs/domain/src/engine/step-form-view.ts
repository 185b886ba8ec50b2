import type { RuleFlag } from '../application/application-rules';
import { maskPersonalData } from '../privacy/masking';
import { maskFormAt } from './form-masking';
import { parsePathPattern, pathCovers, type PatternSegment } from './form-paths';
import { personalDataPaths } from './json-schema/schema-validator';
import type { JsonSchema, StepDefinition } from './process-definition';

// 一次表单: each step reads its part of the one form (the definition's `reads`), and sees a person's
// personal data (the form schema's `x-personal-data` paths) only where the step lists it as `unmasked`
// (data minimisation, 个人信息保护法). Everything else personal is masked. Any process, no department named.
// In the domain: the API shows it to a clerk, the worker sends it to a department's own system (SYSTEM mode).

export interface StepFormView {
  /** The part of the form this step reads. */
  form: Record<string, unknown>;
  /** True when the part shows personal data unmasked (the view is then audited). */
  revealsPersonalData: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Copies the value at `segments` of `source` into `target`, creating parents; `*` takes every element. */
function copyAt(source: unknown, target: Record<string, unknown> | unknown[], segments: readonly PatternSegment[]): void {
  const [head, ...rest] = segments;
  if (head === '*' || typeof head === 'number') {
    if (!Array.isArray(source) || !Array.isArray(target)) return;
    const indexes = head === '*' ? source.map((_, i) => i) : [head];
    for (const i of indexes) {
      if (i >= source.length) continue;
      if (rest.length === 0) target[i] = structuredClone(source[i]);
      else {
        target[i] ??= Array.isArray(source[i]) ? [] : {};
        copyAt(source[i], target[i] as Record<string, unknown> | unknown[], rest);
      }
    }
    return;
  }
  if (!isRecord(source) || Array.isArray(target) || !Object.prototype.hasOwnProperty.call(source, head) || source[head] === undefined) return;
  if (rest.length === 0) {
    target[head] = structuredClone(source[head]);
    return;
  }
  target[head] ??= Array.isArray(source[head]) ? [] : {};
  copyAt(source[head], target[head] as Record<string, unknown> | unknown[], rest);
}

/** Drops the holes a partial copy of an array may leave (an index whose element was not read). */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(compact);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, compact(item)]));
  return value;
}

/** The paths at which `value` holds a string, in the project's notation (`owners[0].phone`). */
function stringPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, `${path}[${i}]`));
  if (isRecord(value)) return Object.entries(value).flatMap(([key, item]) => stringPaths(item, path === '' ? key : `${path}.${key}`));
  return [];
}

/** The part of `form` that `step` reads, personal data masked unless the step may see it. */
export function stepFormView(step: Pick<StepDefinition, 'reads' | 'unmasked'>, formSchema: JsonSchema, form: unknown): StepFormView {
  const part: Record<string, unknown> = {};
  for (const read of step.reads) {
    const segments = parsePathPattern(read);
    if (segments) copyAt(form, part, segments);
  }
  const view = compact(part) as Record<string, unknown>;
  const unmasked = step.unmasked ?? [];
  const personal = personalDataPaths(formSchema);
  // Masked: personal paths, except those (or their descendants) the step lists as unmasked.
  const isUnmasked = (path: string): boolean => unmasked.some((allowed) => pathCovers(allowed, path));
  const toMask = stringPaths(view).filter((path) => personal.some((pattern) => pathCovers(pattern, path)) && !isUnmasked(path));
  const revealed = stringPaths(view).some((path) => isUnmasked(path) && personal.some((pattern) => pathCovers(pattern, path)));
  return { form: maskFormAt(view, toMask, maskPersonalData) as Record<string, unknown>, revealsPersonalData: revealed };
}

/** True when `path` (e.g. `shareholders[0].idNumber`) lies in the part of the form the step reads. */
export function stepReads(step: Pick<StepDefinition, 'reads'>, path: string): boolean {
  return step.reads.some((read) => pathCovers(read, path));
}

/** The case's flags on fields the step's part of the form contains. */
export function stepFlags(step: Pick<StepDefinition, 'reads'>, flags: readonly RuleFlag[]): RuleFlag[] {
  return flags.filter((flag) => stepReads(step, flag.path));
}
