import { parseFieldPath, validateValue, type JsonSchema, type LocalizedName } from '@onetrip/domain';
import { addProblem, type Problem, type Problems } from '../form/form-check';
import { formatWidget } from './format-widgets';

// A definition's form (its JSON Schema, the subset of libs/domain's ProcessDefinition) as the fields
// a page shows: objects are sections, arrays repeatable groups (or check boxes for a list of choices),
// enums selects or radios, booleans check boxes, strings text inputs whose widget the `format` picks.
// Also the page's quick check of a value against the schema, by the same paths the API's 400 names
// (`company.name`, `shareholders[1].idNumber`): libs/domain's validateValue, the API's own check.
// Pure: no React, no DOM.

export type FieldNode = SectionNode | ListNode | ChoiceNode | ChoicesNode | CheckboxNode | TextNode;

interface NodeBase {
  /** The field's path in the form (`a.b`, `list[2].c`); '' for the form itself. */
  path: string;
  /** The property's name (the last segment), when there is no label. */
  name: string;
  label?: LocalizedName;
  description?: string;
  required: boolean;
  personalData: boolean;
}
export interface SectionNode extends NodeBase {
  kind: 'section';
  fields: FieldNode[];
}
export interface ListNode extends NodeBase {
  kind: 'list';
  /** The schema of one element: `fieldsOf(item, \`${path}[i]\`)` gives its fields. */
  item: JsonSchema;
  minItems: number;
  maxItems?: number;
}
/** A value of an enum, with its words from the schema's x-enum-labels when it has them. */
export interface ChoiceOption {
  value: string;
  label?: LocalizedName;
}
export interface ChoiceNode extends NodeBase {
  kind: 'choice';
  options: ChoiceOption[];
  widget: 'radio' | 'select';
}
export interface ChoicesNode extends NodeBase {
  kind: 'choices';
  options: ChoiceOption[];
}
export interface CheckboxNode extends NodeBase {
  kind: 'checkbox';
}
export interface TextNode extends NodeBase {
  kind: 'text';
  valueType: 'string' | 'number' | 'integer';
  format?: string;
  maxLength?: number;
  multiline: boolean;
}

/** Up to this many options show as radio buttons (all visible at once); more as a select. */
export const RADIO_MAX_OPTIONS = 4;
/** A text longer than this may be written on several lines. */
const MULTILINE_FROM = 200;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `#/$defs/x` against the root; anything else as it is (the definition validator refuses other refs). */
export function resolveSchema(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; hops < 16 && typeof current.$ref === 'string'; hops++) {
    const match = /^#\/\$defs\/([^/]+)$/.exec(current.$ref);
    const defs = root.$defs;
    const target = match && isObject(defs) ? defs[match[1]] : undefined;
    if (!isObject(target)) return current;
    const { $ref: _ref, ...rest } = current;
    current = { ...target, ...rest };
  }
  return current;
}

function typeOf(schema: JsonSchema): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.find((t): t is string => typeof t === 'string' && t !== 'null');
  if (isObject(schema.properties)) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

function labelOf(schema: JsonSchema): LocalizedName | undefined {
  const label = schema['x-label'];
  if (isObject(label) && typeof label.zh === 'string' && typeof label.en === 'string') return { zh: label.zh, en: label.en };
  if (typeof schema.title === 'string') return { zh: schema.title, en: schema.title };
  return undefined;
}

function enumOf(schema: JsonSchema): ChoiceOption[] | undefined {
  if (!Array.isArray(schema.enum)) return undefined;
  const labels = isObject(schema['x-enum-labels']) ? schema['x-enum-labels'] : {};
  return schema.enum.map((v) => {
    const value = String(v);
    const label = labels[value];
    return isObject(label) && typeof label.zh === 'string' && typeof label.en === 'string' ? { value, label: { zh: label.zh, en: label.en } } : { value };
  });
}

export function childPath(parent: string, name: string): string {
  return parent === '' ? name : `${parent}.${name}`;
}

/** The field node of `schema` at `path` (its property name is the last segment). */
export function fieldOf(raw: JsonSchema, root: JsonSchema, path: string, required: boolean): FieldNode {
  const schema = resolveSchema(raw, root);
  const name = path.replace(/^.*[.\]]/, '') || path;
  const base: NodeBase = {
    path,
    name,
    label: labelOf(schema),
    description: typeof schema.description === 'string' ? schema.description : undefined,
    required,
    personalData: schema['x-personal-data'] === true,
  };
  const type = typeOf(schema);
  const options = enumOf(schema);
  if (type === 'object') return { ...base, kind: 'section', fields: fieldsOf(schema, root, path) };
  if (type === 'array') {
    const item = resolveSchema(isObject(schema.items) ? schema.items : {}, root);
    const itemOptions = enumOf(item);
    if (itemOptions) return { ...base, kind: 'choices', options: itemOptions };
    return {
      ...base,
      kind: 'list',
      item,
      minItems: typeof schema.minItems === 'number' ? schema.minItems : 0,
      maxItems: typeof schema.maxItems === 'number' ? schema.maxItems : undefined,
    };
  }
  if (options) return { ...base, kind: 'choice', options, widget: options.length <= RADIO_MAX_OPTIONS ? 'radio' : 'select' };
  if (type === 'boolean') return { ...base, kind: 'checkbox' };
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
  return {
    ...base,
    kind: 'text',
    valueType: type === 'number' || type === 'integer' ? type : 'string',
    format: typeof schema.format === 'string' ? schema.format : undefined,
    maxLength,
    multiline: type === 'string' && schema.format === undefined && (maxLength ?? 0) > MULTILINE_FROM,
  };
}

/** The fields of an object schema, in the order of its properties. */
export function fieldsOf(raw: JsonSchema, root: JsonSchema, path = ''): FieldNode[] {
  const schema = resolveSchema(raw, root);
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
  // The required list's order first: arrays keep their order in storage (jsonb sorts object keys).
  const names = [...[...required].filter((name) => name in properties), ...Object.keys(properties).filter((name) => !required.has(name))];
  return names
    .map((name): [string, unknown] => [name, properties[name]])
    .filter((entry): entry is [string, JsonSchema] => isObject(entry[1]))
    .map(([name, child]) => fieldOf(child, root, childPath(path, name), required.has(name)));
}

/** An element's fields: an object's properties, or the element itself when it is a single value (a list of lines). */
export function elementFields(node: ListNode, root: JsonSchema, index: number): FieldNode[] {
  const path = `${node.path}[${index}]`;
  const element = fieldOf(node.item, root, path, true);
  return element.kind === 'section' ? element.fields : [element];
}

/** A blank value for a new form: objects with every property, lists with their minimum of blank elements. */
export function emptyValue(raw: JsonSchema, root: JsonSchema): unknown {
  const schema = resolveSchema(raw, root);
  if ('const' in schema) return schema.const;
  if ('default' in schema) return schema.default;
  const type = typeOf(schema);
  if (type === 'object') {
    const properties = isObject(schema.properties) ? schema.properties : {};
    return Object.fromEntries(Object.entries(properties).filter(([, child]) => isObject(child)).map(([name, child]) => [name, emptyValue(child as JsonSchema, root)]));
  }
  if (type === 'array') {
    const item = isObject(schema.items) ? schema.items : {};
    const count = typeof schema.minItems === 'number' && !enumOf(resolveSchema(item, root)) ? schema.minItems : 0;
    return Array.from({ length: count }, () => emptyValue(item, root));
  }
  if (type === 'boolean') return false;
  if (type === 'number' || type === 'integer') return undefined;
  return '';
}

/** Nothing typed: an object with no field left, or a list of such (after cleaning). */
function isBlankValue(value: unknown): boolean {
  if (value === '' || value === undefined) return true;
  if (Array.isArray(value)) return value.every(isBlankValue);
  return isObject(value) && Object.values(value).every(isBlankValue);
}

/** What is sent: text trimmed (upper case where its format says so), blank fields left out (a required one is then REQUIRED). */
export function cleanValue(raw: JsonSchema, root: JsonSchema, value: unknown): unknown {
  const schema = resolveSchema(raw, root);
  const type = typeOf(schema);
  if (type === 'object' && isObject(value)) {
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required) ? schema.required : [];
    const out: Record<string, unknown> = {};
    for (const [name, child] of Object.entries(value)) {
      const childSchema = properties[name];
      const cleaned = isObject(childSchema) ? cleanValue(childSchema, root, child) : child;
      if (cleaned === '' || cleaned === undefined) continue;
      // An optional section left blank is left out (a change form's parts the applicant does not change).
      if (!required.includes(name) && isBlankValue(cleaned)) continue;
      out[name] = cleaned;
    }
    return out;
  }
  if (type === 'array' && Array.isArray(value)) {
    const item = isObject(schema.items) ? schema.items : {};
    return value.map((element) => cleanValue(item, root, element));
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (type === 'number' || type === 'integer') return trimmed === '' ? undefined : Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
    return formatWidget(schema.format)?.upperCase ? trimmed.toUpperCase() : trimmed;
  }
  return value;
}

/** The schema's limit a problem is about, as the words' parameters ("at most {max} characters"). */
function paramsFor(code: string, schema: JsonSchema | undefined): Problem['params'] {
  const n = (keyword: string): number | undefined => (schema && typeof schema[keyword] === 'number' ? (schema[keyword] as number) : undefined);
  const pick: Record<string, [string, string]> = {
    TOO_SHORT: ['min', 'minLength'],
    TOO_LONG: ['max', 'maxLength'],
    BELOW_MINIMUM: ['min', 'minimum'],
    ABOVE_MAXIMUM: ['max', 'maximum'],
    TOO_FEW_ITEMS: ['min', 'minItems'],
    TOO_MANY_ITEMS: ['max', 'maxItems'],
  };
  const found = pick[code];
  const value = found ? n(found[1]) : undefined;
  return found && value !== undefined ? { [found[0]]: value } : undefined;
}

/**
 * The page's check of a form value against the definition's schema: libs/domain's validateValue (the
 * check the API runs) on what would be sent, problems by field path with the limits as parameters.
 */
export function checkSchemaValue(schema: JsonSchema, value: unknown): Problems {
  const problems: Problems = {};
  for (const problem of validateValue(schema, cleanValue(schema, schema, value))) {
    const own = schemaAtPath(schema, problem.path);
    let code = problem.code;
    // A number field holding text (or a fraction where a whole number is asked) says so in words.
    if (code === 'TYPE_MISMATCH' && (own?.type === 'integer' || own?.type === 'number')) code = own.type === 'integer' ? 'NOT_INTEGER' : 'NOT_NUMBER';
    const params = paramsFor(code, own);
    addProblem(problems, problem.path, params ? { code, params } : { code });
  }
  return problems;
}

/** The sections of the wizard: each top-level object is a part; loose top-level fields make one part of their own. */
export interface FormPart {
  key: string;
  label?: LocalizedName;
  fields: FieldNode[];
}
export function formParts(schema: JsonSchema): FormPart[] {
  const parts: FormPart[] = [];
  const loose: FieldNode[] = [];
  for (const node of fieldsOf(schema, schema)) {
    if (node.kind === 'section') parts.push({ key: node.path, label: node.label, fields: node.fields });
    else if (node.kind === 'list') parts.push({ key: node.path, label: node.label, fields: [node] });
    else loose.push(node);
  }
  return loose.length > 0 ? [{ key: '', fields: loose }, ...parts] : parts;
}

/** The part a field path belongs to: its first segment, or '' (the loose fields). */
export function partKeyOf(parts: readonly FormPart[], path: string): string {
  const first = /^[^.[]+/.exec(path)?.[0] ?? '';
  return parts.some((part) => part.key === first) ? first : '';
}

/** The value at a field path, or undefined. */
export function getAt(value: unknown, path: string): unknown {
  if (path === '') return value;
  let current: unknown = value;
  for (const segment of parseFieldPath(path) ?? []) {
    if (typeof segment === 'number') current = Array.isArray(current) ? current[segment] : undefined;
    else current = isObject(current) ? current[segment] : undefined;
  }
  return current;
}

/** A copy of `value` with the field at `path` replaced (containers on the way are copied, missing ones made). */
export function setAt(value: unknown, path: string, next: unknown): unknown {
  const segments = parseFieldPath(path);
  if (!segments || segments.length === 0) return next;
  const put = (current: unknown, i: number): unknown => {
    if (i === segments.length) return next;
    const segment = segments[i];
    if (typeof segment === 'number') {
      const list = Array.isArray(current) ? [...current] : [];
      list[segment] = put(list[segment], i + 1);
      return list;
    }
    const object = isObject(current) ? { ...current } : {};
    object[segment] = put(object[segment], i + 1);
    return object;
  };
  return put(value, 0);
}

/** The schema of the field at `path` (through properties, list items and $refs), or undefined. */
export function schemaAtPath(root: JsonSchema, path: string): JsonSchema | undefined {
  let current: JsonSchema | undefined = resolveSchema(root, root);
  for (const segment of parseFieldPath(path) ?? []) {
    if (!current) return undefined;
    if (typeof segment === 'number') current = isObject(current.items) ? resolveSchema(current.items, root) : undefined;
    else {
      const properties: unknown = current.properties;
      const child = isObject(properties) ? properties[segment] : undefined;
      current = isObject(child) ? resolveSchema(child, root) : undefined;
    }
  }
  return current;
}

/** A field path as people read it, from the schema's labels: 'staff[1].idNumber' → '员工 2 · 身份证号码'. */
export function pathLabel(root: JsonSchema, path: string, lang: 'zh' | 'en'): string {
  const segments = parseFieldPath(path);
  if (!segments) return path;
  const words: string[] = [];
  let current: JsonSchema | undefined = resolveSchema(root, root);
  let prefix = '';
  segments.forEach((segment, i) => {
    prefix = typeof segment === 'number' ? `${prefix}[${segment}]` : childPath(prefix, segment);
    current = schemaAtPath(root, prefix);
    const label = current ? labelOf(current) : undefined;
    const own = label ? (lang === 'zh' ? label.zh : label.en) : typeof segment === 'string' ? segment : '';
    if (typeof segment === 'number') words[words.length - 1] = `${words[words.length - 1] ?? ''} ${segment + 1}`;
    else if (i === segments.length - 1 || typeof segments[i + 1] === 'number' || label) words.push(own);
  });
  return words.filter(Boolean).join(' · ') || path;
}
