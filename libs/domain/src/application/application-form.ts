import { DomainError } from '../errors/domain-error';

// 一次表单 (one form): the single combined application every department reads its part of.
// This is the HTTP API contract; the API validates field types, libs/domain the business rules.

export const ENTITY_TYPES = ['LIMITED_LIABILITY', 'JOINT_STOCK', 'SOLE_PROPRIETORSHIP', 'PARTNERSHIP'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const SHAREHOLDER_KINDS = ['PERSON', 'ENTITY'] as const;
export type ShareholderKind = (typeof SHAREHOLDER_KINDS)[number];

// 公章, 财务专用章, 发票专用章, 法定代表人名章
export const SEAL_KINDS = ['OFFICIAL', 'FINANCE', 'INVOICE', 'LEGAL_REPRESENTATIVE'] as const;
export type SealKind = (typeof SEAL_KINDS)[number];

// 小规模纳税人 / 一般纳税人
export const TAXPAYER_TYPES = ['SMALL_SCALE', 'GENERAL'] as const;
export type TaxpayerType = (typeof TAXPAYER_TYPES)[number];

export const DELIVERY_METHODS = ['WINDOW_PICKUP', 'FREE_MAIL'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export interface CompanyAddress {
  /** Administrative division code of the registered address (6, 9 or 12 digits). */
  divisionCode: string;
  detail: string;
}

export interface CompanySection {
  name: string;
  entityType: EntityType;
  /** Money string, yuan with at most 2 decimals. */
  registeredCapital: string;
  businessScope: string[];
  address: CompanyAddress;
}

export interface LegalRepresentative {
  name: string;
  idNumber: string;
  mobile: string;
}

export interface Shareholder {
  name: string;
  kind: ShareholderKind;
  /** Resident ID, required for PERSON. */
  idNumber?: string;
  /** USCC, required for ENTITY. */
  uscc?: string;
  /** Money string. */
  subscribedCapital: string;
}

export interface Employee {
  name: string;
  idNumber: string;
  startDate: string;
}

export interface ApplicationForm {
  company: CompanySection;
  legalRepresentative: LegalRepresentative;
  shareholders: Shareholder[];
  seals: { kinds: SealKind[] };
  tax: { taxpayerType: TaxpayerType; invoices: boolean; ukey: boolean };
  socialInsurance: { employees: Employee[] };
  bank: { bankCode: string; branch?: string };
  delivery: { method: DeliveryMethod; address?: string };
}

/**
 * Field paths in dot notation that a correction may replace, in form order. Together they cover
 * every leaf of the form. Array elements are addressed with an index: `shareholders[1].idNumber`.
 */
export const CORRECTABLE_FIELD_PATHS = [
  'company.name',
  'company.entityType',
  'company.registeredCapital',
  'company.businessScope',
  'company.address',
  'company.address.divisionCode',
  'company.address.detail',
  'legalRepresentative.name',
  'legalRepresentative.idNumber',
  'legalRepresentative.mobile',
  'shareholders',
  'seals.kinds',
  'tax.taxpayerType',
  'tax.invoices',
  'tax.ukey',
  'socialInsurance.employees',
  'bank.bankCode',
  'bank.branch',
  'delivery.method',
  'delivery.address',
] as const;
export type CorrectableFieldPath = (typeof CORRECTABLE_FIELD_PATHS)[number];

// Array fields, with the properties of their elements that may be addressed one by one.
const ARRAY_ELEMENT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'company.businessScope': [],
  shareholders: ['name', 'kind', 'idNumber', 'uscc', 'subscribedCapital'],
  'seals.kinds': [],
  'socialInsurance.employees': ['name', 'idNumber', 'startDate'],
};

// Sibling order of property names as they appear in the form, for sorting paths in form order.
const PROPERTY_ORDER = [
  'name', 'kind', 'entityType', 'registeredCapital', 'businessScope', 'address', 'divisionCode', 'detail',
  'idNumber', 'uscc', 'mobile', 'subscribedCapital', 'startDate',
];

export type PathSegment = string | number;

const SEGMENT_PATTERN = /^(?:\.?([A-Za-z][A-Za-z0-9]*)|\[(\d+)\])/;

/** 'shareholders[1].idNumber' → ['shareholders', 1, 'idNumber']; null if the syntax is wrong. */
export function parseFieldPath(path: string): PathSegment[] | null {
  const segments: PathSegment[] = [];
  let rest = path;
  while (rest.length > 0) {
    const match = SEGMENT_PATTERN.exec(rest);
    if (!match) return null;
    const [token, name, index] = match;
    // A name needs a dot unless it starts the path; an index may not start it.
    if (name !== undefined && (segments.length === 0) === token.startsWith('.')) return null;
    if (index !== undefined && segments.length === 0) return null;
    segments.push(name ?? Number(index));
    rest = rest.slice(token.length);
  }
  return segments.length > 0 ? segments : null;
}

export function formatFieldPath(segments: readonly PathSegment[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** Splits a path into its named prefix ('shareholders') and what follows (an index, maybe a property). */
function splitAtFirstIndex(segments: readonly PathSegment[]): { head: string; tail: readonly PathSegment[] } {
  const firstIndex = segments.findIndex((s) => typeof s === 'number');
  const names = firstIndex < 0 ? segments : segments.slice(0, firstIndex);
  return { head: names.join('.'), tail: firstIndex < 0 ? [] : segments.slice(firstIndex) };
}

export function isCorrectablePath(path: string): boolean {
  const segments = parseFieldPath(path);
  if (!segments) return false;
  const { head, tail } = splitAtFirstIndex(segments);
  if (tail.length === 0) return (CORRECTABLE_FIELD_PATHS as readonly string[]).includes(head);
  const elementFields = ARRAY_ELEMENT_FIELDS[head];
  if (!elementFields) return false;
  if (tail.length === 1) return true;
  return tail.length === 2 && typeof tail[1] === 'string' && elementFields.includes(tail[1]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a value by path; undefined if the path is malformed or leads nowhere. */
export function getField(form: ApplicationForm, path: string): unknown {
  const segments = parseFieldPath(path);
  if (!segments) return undefined;
  let current: unknown = form;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (!isRecord(current) || !Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = current[segment];
    }
  }
  return current;
}

export class CorrectionPathError extends DomainError {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super('CORRECTION_PATH', `Cannot correct "${path.slice(0, 80)}": ${detail}`);
  }
}

// Forms are JSON-shaped data; a structural copy keeps the result independent of both inputs.
function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => cloneJson(item)) as T;
  if (isRecord(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) copy[key] = cloneJson(item);
    return copy as T;
  }
  return value;
}

/** Structural equality of JSON-shaped values; a missing property equals an undefined one. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!deepEqual(a[key], b[key])) return false;
  return true;
}

/**
 * Returns a new form with the changes applied; neither input is modified. Parents are applied before
 * children, so { 'company.address': {...}, 'company.address.detail': '…' } keeps the finer change.
 * null or undefined removes an optional property (JSON has no undefined); the API validates the result.
 */
export function applyCorrections(form: ApplicationForm, changes: Readonly<Record<string, unknown>>): ApplicationForm {
  const planned = Object.entries(changes).map(([path, value]) => {
    const segments = parseFieldPath(path);
    // The opening's sections keep their correctable paths; a section another process adds (e.g. `restaurant`)
    // is the definition's: the API has checked the change against its schema and the notice.
    if (!segments || (isOpeningSection(segments[0]) && !isCorrectablePath(path))) throw new CorrectionPathError(path, 'not a correctable field');
    return { path, segments, value };
  });
  planned.sort((a, b) => a.segments.length - b.segments.length);

  const result = cloneJson(form);
  for (const { path, segments, value } of planned) {
    let container: unknown = result;
    for (const segment of segments.slice(0, -1)) {
      if (typeof segment === 'number') {
        if (!Array.isArray(container) || segment >= container.length) throw new CorrectionPathError(path, 'no such element');
        container = container[segment];
      } else {
        container = isRecord(container) ? container[segment] : undefined;
      }
    }
    const last = segments[segments.length - 1];
    if (typeof last === 'number') {
      if (!Array.isArray(container) || last >= container.length) throw new CorrectionPathError(path, 'no such element');
      if (value === null || value === undefined) throw new CorrectionPathError(path, 'replace the whole list to remove an element');
      container[last] = cloneJson(value);
    } else {
      if (!isRecord(container)) throw new CorrectionPathError(path, 'its parent is missing');
      if (value === null || value === undefined) delete container[last];
      else container[last] = cloneJson(value);
    }
  }
  return result;
}

/** The correctable paths whose values differ, in form order (a changed child also marks its listed parent). */
export function changedPaths(before: ApplicationForm, after: ApplicationForm): string[] {
  const opening = CORRECTABLE_FIELD_PATHS.filter((path) => !deepEqual(getField(before, path), getField(after, path)));
  // Sections another process adds: the finest paths that differ (an array counts as one value, as `shareholders` does).
  const added: string[] = [];
  const diff = (a: unknown, b: unknown, path: string): void => {
    if (deepEqual(a, b)) return;
    if (!isRecord(a) || !isRecord(b)) {
      added.push(path);
      return;
    }
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) diff(a[key], b[key], `${path}.${key}`);
  };
  const sections = new Set([...Object.keys(before), ...Object.keys(after)].filter((key) => !isOpeningSection(key)));
  for (const key of sections) diff((before as unknown as Record<string, unknown>)[key], (after as unknown as Record<string, unknown>)[key], key);
  return [...opening, ...added];
}

/** The top-level sections of the enterprise opening's form (their correctable paths are listed above). */
const OPENING_SECTIONS: ReadonlySet<string> = new Set(['company', 'legalRepresentative', 'shareholders', 'seals', 'tax', 'socialInsurance', 'bank', 'delivery']);

function isOpeningSection(segment: PathSegment | undefined): boolean {
  return typeof segment !== 'string' || OPENING_SECTIONS.has(segment);
}

/** True if one path is the other or an ancestor of it, segment by segment ('company' ⊃ 'company.name', not 'companyX'). */
export function pathsOverlap(a: string, b: string): boolean {
  const x = parseFieldPath(a);
  const y = parseFieldPath(b);
  if (!x || !y) return false;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return false;
  return true;
}

function formRank(path: string): number {
  const listed = CORRECTABLE_FIELD_PATHS as readonly string[];
  const depth = (parseFieldPath(path) ?? []).length;
  let ancestor = -1;
  let descendant = -1;
  for (let i = 0; i < listed.length; i++) {
    if (!pathsOverlap(listed[i], path)) continue;
    const listedDepth = listed[i].split('.').length;
    // The deepest listed ancestor (or the path itself) places it; a parent such as 'company' goes where its first child is.
    if (listedDepth <= depth) {
      if (ancestor < 0 || listedDepth > listed[ancestor].split('.').length) ancestor = i;
    } else if (descendant < 0) {
      descendant = i;
    }
  }
  if (ancestor >= 0) return ancestor;
  return descendant >= 0 ? descendant : listed.length;
}

function compareSegments(a: PathSegment, b: PathSegment): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  const ra = PROPERTY_ORDER.indexOf(a);
  const rb = PROPERTY_ORDER.indexOf(b);
  if (ra !== rb) return (ra < 0 ? Infinity : ra) - (rb < 0 ? Infinity : rb) || (a < b ? -1 : 1);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders field paths as the form shows them: 'company.name' < 'company.address' < 'shareholders[2]' < 'shareholders[10]'. */
export function compareFieldPaths(a: string, b: string): number {
  const byRank = formRank(a) - formRank(b);
  if (byRank !== 0) return byRank;
  const x = parseFieldPath(a) ?? [a];
  const y = parseFieldPath(b) ?? [b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = compareSegments(x[i], y[i]);
    if (c !== 0) return c;
  }
  return x.length - y.length || (a < b ? -1 : a > b ? 1 : 0);
}
