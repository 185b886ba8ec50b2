import { Money } from '../money/money';
import { schemaAt } from './json-schema/schema-validator';
import type { JsonSchema, LocalizedName } from './process-definition';

// How people read a form (or a step's outputs) of any definition: each field by the label its schema gives
// (`x-label`, else `title`), each value in words (enum labels, yes/no, money, dates), in both languages, so
// a page never shows a form path or a machine code. Pure: the API builds task views with it.

/** A field shown to a person: where it is, what it is called, and its value in words. */
export interface LabelledField {
  /** The form path (`shareholders[0].name`), for the page to key on; never shown. */
  path: string;
  /** The top-level part it belongs to (`企业信息`), when it lies inside one. */
  section?: LocalizedName;
  /** Its label within that part (`住所 · 详细地址`, `股东 1 · 名称或姓名`). */
  label: LocalizedName;
  value: LocalizedName;
}

/** A value's words for a code the schema cannot label (a bank code whose names are configuration). */
export type ValueNamer = (path: string, value: unknown) => LocalizedName | undefined;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const same = (text: string): LocalizedName => ({ zh: text, en: text });

/** The schema's own words for a field: `x-label`, else `title` (both languages alike), else none. */
export function schemaLabel(schema: JsonSchema | undefined): LocalizedName | undefined {
  const label = schema?.['x-label'];
  if (isObject(label) && typeof label.zh === 'string' && typeof label.en === 'string') return { zh: label.zh, en: label.en };
  return typeof schema?.title === 'string' ? same(schema.title) : undefined;
}

/** 'restaurantSeats' → 'Restaurant seats': the last resort for a field its author left unlabelled. */
function humanised(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type Segment = string | number;

function segmentsOf(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const match of path.matchAll(/([A-Za-z][A-Za-z0-9]*)|\[(\d+)\]/g)) segments.push(match[1] ?? Number(match[2]));
  return segments;
}

const pathOf = (segments: readonly Segment[]): string =>
  segments.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');

/** The schema at a concrete path (indexes read as any element). */
function schemaAtSegments(root: JsonSchema, segments: readonly Segment[]): JsonSchema | undefined {
  return schemaAt(root, segments.map((segment, i) => (typeof segment === 'number' ? '[]' : i === 0 ? segment : `.${segment}`)).join(''));
}

/** The words of a path: each labelled segment, an element's number after its list (`股东 1`). */
function labelWords(root: JsonSchema, segments: readonly Segment[]): LocalizedName[] {
  const words: LocalizedName[] = [];
  segments.forEach((segment, i) => {
    const upTo = segments.slice(0, i + 1);
    if (typeof segment === 'number') {
      // The element's own label (`股东`) where the schema gives one, else the list's; then its number.
      const element = schemaLabel(schemaAtSegments(root, upTo));
      const list = words.pop() ?? same('');
      const base = element ?? list;
      words.push({ zh: `${base.zh} ${segment + 1}`.trim(), en: `${base.en} ${segment + 1}`.trim() });
      return;
    }
    const own = schemaLabel(schemaAtSegments(root, upTo));
    // An unlabelled object on the way adds nothing; an unlabelled leaf (or list) still needs words.
    const last = i === segments.length - 1 || typeof segments[i + 1] === 'number';
    if (own) words.push(own);
    else if (last) words.push(same(humanised(segment)));
  });
  return words;
}

const joined = (words: readonly LocalizedName[]): LocalizedName => ({ zh: words.map((w) => w.zh).join(' · '), en: words.map((w) => w.en).join(' · ') });

/** A form path as people read it, from the schema's labels: `shareholders[1].idNumber` → `股东 2 · 身份证号码（自然人）`. */
export function pathLabel(root: JsonSchema, path: string): LocalizedName {
  const segments = segmentsOf(path);
  return segments.length === 0 ? same(path) : joined(labelWords(root, segments));
}

/** `2026-12-01` → 2026年12月1日 / 1 Dec 2026. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function dateWords(text: string): LocalizedName | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return undefined;
  return { zh: `${year}年${month}月${day}日`, en: `${day} ${MONTHS[month - 1]} ${year}` };
}

const NONE: LocalizedName = { zh: '—', en: '—' };

/** One value in words, as its schema describes it. */
export function displayValue(schema: JsonSchema | undefined, value: unknown, namer?: ValueNamer, path = ''): LocalizedName {
  if (value === null || value === undefined || value === '') return NONE;
  const named = namer?.(path, value);
  if (named) return named;
  if (typeof value === 'boolean') return value ? { zh: '是', en: 'Yes' } : { zh: '否', en: 'No' };
  if (Array.isArray(value)) {
    if (value.length === 0) return { zh: '无', en: 'None' };
    const items = value.map((item, i) => displayValue(isObject(schema?.items) ? (schema.items as JsonSchema) : undefined, item, namer, `${path}[${i}]`));
    return { zh: items.map((w) => w.zh).join('、'), en: items.map((w) => w.en).join(', ') };
  }
  if (isObject(value)) {
    // An object inside a value (a list of seals): its fields in words, `label: value`, one after another.
    const properties = isObject(schema?.properties) ? schema.properties : {};
    const parts = Object.entries(value).map(([key, item]) => {
      const child = isObject(properties[key]) ? (properties[key] as JsonSchema) : undefined;
      const label = schemaLabel(child) ?? same(humanised(key));
      const shown = displayValue(child, item, namer, path === '' ? key : `${path}.${key}`);
      return { zh: `${label.zh}：${shown.zh}`, en: `${label.en}: ${shown.en}` };
    });
    return { zh: parts.map((w) => w.zh).join('，'), en: parts.map((w) => w.en).join('; ') };
  }
  const text = String(value);
  const enumLabels = schema?.['x-enum-labels'];
  if (isObject(enumLabels) && isObject(enumLabels[text])) {
    const label = enumLabels[text] as Record<string, unknown>;
    if (typeof label.zh === 'string' && typeof label.en === 'string') return { zh: label.zh, en: label.en };
  }
  if (typeof value === 'string' && schema?.format === 'money' && Money.isValid(value)) return same(Money.parse(value).toDisplayString());
  if (typeof value === 'string' && schema?.format === 'date') return dateWords(value) ?? same(text);
  return same(text);
}

/**
 * Every field of `value` (a part of a form, or a step's outputs) labelled and in words, in schema order:
 * objects are walked, a list of objects element by element, a list of plain values is one field.
 */
export function labelledFields(root: JsonSchema, value: unknown, namer?: ValueNamer): LabelledField[] {
  const fields: LabelledField[] = [];
  const visit = (item: unknown, segments: Segment[]): void => {
    const schema = schemaAtSegments(root, segments);
    if (isObject(item)) {
      const properties = isObject(schema?.properties) ? Object.keys(schema.properties) : [];
      // The schema's order first, then anything it does not name.
      const keys = [...properties.filter((key) => key in item), ...Object.keys(item).filter((key) => !properties.includes(key))];
      for (const key of keys) visit(item[key], [...segments, key]);
      return;
    }
    if (Array.isArray(item) && item.some((element) => isObject(element) || Array.isArray(element))) {
      item.forEach((element, i) => visit(element, [...segments, i]));
      return;
    }
    if (segments.length === 0) return;
    const words = labelWords(root, segments);
    const inSection = segments.length > 1 && typeof segments[1] !== 'number' && words.length > 1;
    const field: LabelledField = {
      path: pathOf(segments),
      label: joined(inSection ? words.slice(1) : words),
      value: displayValue(schema, item, namer, pathOf(segments)),
    };
    if (inSection) field.section = words[0];
    fields.push(field);
  };
  visit(value, []);
  return fields;
}

/**
 * What a clerk may send back for correction in a part of the form, finest first: each plain field (a list of
 * plain values as one), then each element of a list of objects (`shareholders[0]`).
 */
export function returnablePaths(root: JsonSchema, part: unknown): string[] {
  const leaves: string[] = [];
  const elements: string[] = [];
  const visit = (item: unknown, segments: Segment[]): void => {
    if (isObject(item)) {
      for (const [key, child] of Object.entries(item)) visit(child, [...segments, key]);
      return;
    }
    if (Array.isArray(item) && item.some((element) => isObject(element))) {
      item.forEach((element, i) => {
        elements.push(pathOf([...segments, i]));
        visit(element, [...segments, i]);
      });
      return;
    }
    if (segments.length > 0 && schemaAtSegments(root, segments) !== undefined) leaves.push(pathOf(segments));
  };
  visit(part, []);
  return [...leaves, ...elements];
}
