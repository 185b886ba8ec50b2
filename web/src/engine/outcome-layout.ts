import { displayValue, schemaLabel, STEP_KINDS, type JsonSchema, type LocalizedName, type OutcomeTemplate, type ProcessDefinition, type ValueNamer } from '@onetrip/domain';
import { pathLabel, schemaAtPath } from './schema-form';

// The one combined outcome of any definition as rows a page shows: each outcome field labelled by the
// schema it is taken from (a step's output, or the form), its value in words (enum labels, names a step
// kind gives its codes, money, dates) or, for an identifier a department issued, as that code. The
// order is the steps' and, within a step, its output schema's (jsonb storage sorts object keys).
// Pure: no React, no DOM.

export type OutcomeValue =
  | { kind: 'none' }
  | { kind: 'words'; words: LocalizedName }
  /** An identifier a department issued (a licence number, an account number): shown as it is. */
  | { kind: 'code'; code: string }
  /** An array mapped by `each`: every element's values, in order. */
  | { kind: 'list'; items: OutcomeValue[][] }
  /** A nested object of the outcome (`fields`): its own rows. */
  | { kind: 'group'; rows: OutcomeRow[] };

export interface OutcomeRow {
  /** The outcome's own key (`uscc`, `bankAccount`). */
  field: string;
  label: LocalizedName;
  value: OutcomeValue;
}

type Leaf = Extract<OutcomeTemplate, { from: unknown }>;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const same = (text: string): LocalizedName => ({ zh: text, en: text });

/** Where a leaf's value is described: the schema it is read from, the path to name codes by, the kind that names them. */
interface Source {
  schema?: JsonSchema;
  namer?: ValueNamer;
  namePath: string;
  /** [step position, property position]: the sort key. */
  rank: [number, number];
}

/** A property's position in its object schema: x-order, then `required`, then the rest. */
function position(parent: JsonSchema | undefined, name: string): number {
  const properties = isObject(parent?.properties) ? Object.keys(parent.properties) : [];
  const listed = (keyword: string): string[] => (Array.isArray(parent?.[keyword]) ? (parent[keyword] as unknown[]).filter((n): n is string => typeof n === 'string') : []);
  const names = [...new Set([...listed('x-order'), ...listed('required'), ...properties])];
  const found = names.indexOf(name);
  return found < 0 ? names.length : found;
}

/** `a.b[0].c` → [parent path `a.b[0]`, name `c`]. */
function splitPath(path: string): [string, string] {
  const cut = path.lastIndexOf('.');
  return cut < 0 ? ['', path] : [path.slice(0, cut), path.slice(cut + 1)];
}

function sourceOf(definition: ProcessDefinition, template: Leaf, within?: { step: string; path: string }): Source {
  const from = template.from;
  if ('form' in from) {
    const [parent, name] = splitPath(from.form);
    const schema = definition.form.schema;
    return { schema: schemaAtPath(schema, from.form), namePath: from.form, rank: [definition.steps.length, position(parent ? schemaAtPath(schema, parent) : schema, name)] };
  }
  const index = definition.steps.findIndex((s) => s.id === from.step);
  const step = definition.steps[index];
  // Inside `each`, a path is read from one element of the array the outer template maps.
  const path = within ? `${within.path}[0].${from.path}` : from.path;
  const [parent, name] = splitPath(path);
  const kind = step && Object.prototype.hasOwnProperty.call(STEP_KINDS, step.kind) ? STEP_KINDS[step.kind] : undefined;
  const namer: ValueNamer | undefined = kind?.valueName ? (p, value) => kind.valueName?.(`outputs.${p}`, value) : undefined;
  return {
    schema: step ? schemaAtPath(step.outputs, path) : undefined,
    namer,
    namePath: path.replace(/\[0\]/g, ''),
    rank: [index < 0 ? definition.steps.length : index, step ? position(parent ? schemaAtPath(step.outputs, parent) : step.outputs, name) : 0],
  };
}

function rankOf(definition: ProcessDefinition, template: OutcomeTemplate): [number, number] {
  if ('fields' in template) {
    const ranks = Object.values(template.fields).map((inner) => rankOf(definition, inner));
    return ranks.reduce((best, next) => (next[0] < best[0] || (next[0] === best[0] && next[1] < best[1]) ? next : best), [definition.steps.length, Number.MAX_SAFE_INTEGER]);
  }
  return sourceOf(definition, template).rank;
}

function ordered(definition: ProcessDefinition, fields: { [field: string]: OutcomeTemplate }, within?: { step: string; path: string }): [string, OutcomeTemplate][] {
  const rank = (template: OutcomeTemplate): [number, number] => ('from' in template ? sourceOf(definition, template, within).rank : rankOf(definition, template));
  return Object.entries(fields).sort(([, a], [, b]) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0] - y[0] || x[1] - y[1];
  });
}

/** A value as its schema says it: words where the schema or the step kind has them, else the issued code itself. */
function valueOf(source: Source, value: unknown): OutcomeValue {
  if (value === undefined || value === null || value === '') return { kind: 'none' };
  const named = source.namer?.(source.namePath, value);
  if (named) return { kind: 'words', words: named };
  const labels = source.schema?.['x-enum-labels'];
  const worded = isObject(labels) && typeof value === 'string' && isObject(labels[value]);
  const format = source.schema?.format;
  if (typeof value === 'string' && !worded && format !== 'money' && format !== 'date') return { kind: 'code', code: value };
  return { kind: 'words', words: displayValue(source.schema, value) };
}

function labelOf(definition: ProcessDefinition, field: string, template: OutcomeTemplate): LocalizedName {
  if ('fields' in template) {
    // A group is what one step issued: it takes the step's name.
    const first = ordered(definition, template.fields)[0]?.[1];
    const stepId = first && 'from' in first && 'step' in first.from ? first.from.step : undefined;
    return definition.steps.find((s) => s.id === stepId)?.name ?? same(field);
  }
  const from = template.from;
  if ('form' in from) return { zh: pathLabel(definition.form.schema, from.form, 'zh'), en: pathLabel(definition.form.schema, from.form, 'en') };
  return schemaLabel(sourceOf(definition, template).schema) ?? same(field);
}

const wordsOf = (value: OutcomeValue): string => (value.kind === 'words' ? `${value.words.zh}|${value.words.en}` : value.kind === 'code' ? value.code : '');

function rowsOf(definition: ProcessDefinition, fields: { [field: string]: OutcomeTemplate }, value: Record<string, unknown>): OutcomeRow[] {
  const rows: OutcomeRow[] = [];
  const said = new Set<string>();
  for (const [field, template] of ordered(definition, fields)) {
    const own = value[field];
    let shown: OutcomeValue;
    if ('fields' in template) shown = isObject(own) ? { kind: 'group', rows: rowsOf(definition, template.fields, own) } : { kind: 'none' };
    else if ('each' in template && template.each && 'step' in template.from) {
      const within = { step: template.from.step, path: template.from.path };
      const each = ordered(definition, template.each, within);
      const items = Array.isArray(own) ? own.filter(isObject) : [];
      shown = items.length === 0 ? { kind: 'none' } : { kind: 'list', items: items.map((item) => each.map(([name, inner]) => ('from' in inner ? valueOf(sourceOf(definition, inner, within), item[name]) : { kind: 'none' }))) };
    } else shown = valueOf(sourceOf(definition, template), own);
    // A value a sibling already said (a bank's code and its name, both named by the bank) is said once.
    const words = wordsOf(shown);
    if (words !== '' && said.has(words)) continue;
    if (words !== '') said.add(words);
    rows.push({ field, label: labelOf(definition, field, template), value: shown });
  }
  return rows;
}

/** The outcome's rows by the definition's outcome fields (the delivery is the page's own row). */
export function outcomeRows(definition: ProcessDefinition, outcome: Record<string, unknown>): OutcomeRow[] {
  const fields = Object.fromEntries(Object.entries(definition.outcome.fields).filter(([field]) => field !== 'delivery'));
  return rowsOf(definition, fields, outcome);
}
