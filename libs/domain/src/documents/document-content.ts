import type { FeePayer } from '../money/fee-ledger';
import type { JsonSchema, LocalizedName, ProcessDefinition } from '../engine/process-definition';

// Documents that verify: the content of an issued document (the completion notice of the one combined
// outcome, 办结通知书, or a correction notice, 补正通知书), built from the pinned definition's names and
// labels, so any process gets its own. Pure: the API reads the rows and calls these; the content is what
// is signed (its canonical JSON) and what the PDF shows.

export const DOCUMENT_FORMAT = 'onetrip.document.v1';
export const DOCUMENT_KINDS = ['OUTCOME', 'CORRECTION_NOTICE'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_STATUSES = ['VALID', 'SUPERSEDED', 'REVOKED'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export interface DocumentLine {
  label: LocalizedName;
  value: string;
}

/** One department's step and what it issued. */
export interface DocumentSection {
  stepId: string;
  department: { code: string; name: LocalizedName };
  step: LocalizedName;
  lines: DocumentLine[];
}

export interface DocumentCorrectionItem {
  department: { code: string; name: LocalizedName };
  field: string;
  fieldLabel: LocalizedName;
  reason: string;
}

export interface DocumentFeeLine {
  code: string;
  name: LocalizedName;
  amount: string;
  payer: FeePayer;
  payerName: LocalizedName;
}

/** What is signed. Every value is a string, a number, a boolean, null, an array or an object: canonical JSON covers it. */
export interface DocumentContent {
  format: typeof DOCUMENT_FORMAT;
  code: string;
  kind: DocumentKind;
  caseId: string;
  /** OUTCOME: 1; CORRECTION_NOTICE: the correction round. */
  version: number;
  issuedAt: string;
  /** The id of the signing key: it travels with the document (and in the PDF). */
  keyId: string;
  title: LocalizedName;
  process: { key: string; version: number; name: LocalizedName };
  enterprise: { name: string | null; uscc: string | null };
  /** OUTCOME: every department's results; CORRECTION_NOTICE: empty. */
  sections: DocumentSection[];
  /** CORRECTION_NOTICE: everything asked for, in one notice (一次告知); OUTCOME: empty. */
  items: DocumentCorrectionItem[];
  /** OUTCOME: every cost line and who bore it; the applicant's total is 0.00. */
  fees: { lines: DocumentFeeLine[]; applicantTotal: string; borneByOthers: string } | null;
  delivery: { method: string | null; name: LocalizedName | null; tripsRequired: number | null } | null;
}

export const DOCUMENT_TITLES: Readonly<Record<DocumentKind, LocalizedName>> = {
  OUTCOME: { zh: '办结通知书', en: 'Completion notice' },
  CORRECTION_NOTICE: { zh: '补正通知书', en: 'Correction notice' },
};

export const FEE_PAYER_NAMES: Readonly<Record<FeePayer, LocalizedName>> = {
  GOVERNMENT: { zh: '政府购买服务', en: 'Government purchase of services' },
  STATUTORY_FREE: { zh: '依法免费', en: 'Free by statute' },
  BANK_WAIVED: { zh: '银行减免', en: 'Waived by the bank' },
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function labelOf(schema: unknown, fallback: string): LocalizedName {
  const label = isRecord(schema) ? schema['x-label'] : undefined;
  if (isRecord(label) && typeof label.zh === 'string' && typeof label.en === 'string') return { zh: label.zh, en: label.en };
  const title = isRecord(schema) && typeof schema.title === 'string' ? schema.title : fallback;
  return { zh: title, en: title };
}

/** Follows `$ref: "#/$defs/x"` one level, as the definition's schemas use it. */
function resolve(schema: unknown, root: JsonSchema): unknown {
  if (isRecord(schema) && typeof schema.$ref === 'string' && schema.$ref.startsWith('#/$defs/')) {
    const defs = isRecord(root.$defs) ? root.$defs : {};
    return defs[schema.$ref.slice('#/$defs/'.length)];
  }
  return schema;
}

/** The schema at a field path ('shareholders[1].idNumber'), or undefined. */
export function schemaAtPath(root: JsonSchema, path: string): unknown {
  let current: unknown = root;
  for (const part of path.split('.')) {
    const name = part.replace(/\[\d*\]$/, '');
    const properties = isRecord(resolve(current, root)) ? (resolve(current, root) as Record<string, unknown>).properties : undefined;
    current = isRecord(properties) ? resolve(properties[name], root) : undefined;
    if (part.endsWith(']')) current = isRecord(current) ? resolve(current.items, root) : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

const isPersonal = (schema: unknown): boolean => isRecord(schema) && schema['x-personal-data'] === true;

function scalarText(value: unknown, schema: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '是 Yes' : '否 No';
  const enumLabels = isRecord(schema) && isRecord(schema['x-enum-labels']) ? schema['x-enum-labels'] : undefined;
  const label = enumLabels && typeof value === 'string' ? enumLabels[value] : undefined;
  if (isRecord(label) && typeof label.zh === 'string') return label.zh;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** A step's outputs as labelled lines, in the order of its outputs schema; personal data never printed. */
export function outputLines(outputsSchema: JsonSchema, outputs: Readonly<Record<string, unknown>>): DocumentLine[] {
  const properties = isRecord(outputsSchema.properties) ? outputsSchema.properties : {};
  const names = [...Object.keys(properties), ...Object.keys(outputs).filter((name) => !(name in properties)).sort()];
  const lines: DocumentLine[] = [];
  for (const name of names) {
    if (!(name in outputs)) continue;
    const schema = resolve(properties[name], outputsSchema);
    if (isPersonal(schema)) continue;
    const value = outputs[name];
    if (Array.isArray(value)) {
      const itemSchema = isRecord(schema) ? resolve(schema.items, outputsSchema) : undefined;
      const itemProperties = isRecord(itemSchema) && isRecord(itemSchema.properties) ? itemSchema.properties : {};
      value.forEach((element, index) => {
        const text = isRecord(element)
          ? Object.entries(element)
              .filter(([key]) => !isPersonal(itemProperties[key]))
              .map(([key, part]) => scalarText(part, resolve(itemProperties[key], outputsSchema)))
              .join(' · ')
          : scalarText(element, itemSchema);
        lines.push({ label: { ...labelOf(schema, name), zh: `${labelOf(schema, name).zh} ${index + 1}`, en: `${labelOf(schema, name).en} ${index + 1}` }, value: text });
      });
      continue;
    }
    lines.push({ label: labelOf(schema, name), value: scalarText(value, schema) });
  }
  return lines;
}

function departmentOf(definition: ProcessDefinition, code: string): { code: string; name: LocalizedName } {
  const department = definition.departments.find((candidate) => candidate.code === code);
  return { code, name: department ? { ...department.name } : { zh: code, en: code } };
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

export interface DocumentHeader {
  code: string;
  caseId: string;
  issuedAt: string;
  keyId: string;
}

export interface OutcomeDocumentSource {
  definition: ProcessDefinition;
  outcome: Readonly<Record<string, unknown>>;
  /** The latest DONE task's outputs of each step, by step id (skipped steps absent). */
  outputsByStep: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  fees: { items: readonly { code: string; description: string; descriptionZh?: string; amount: string; payer: FeePayer }[]; applicantTotal: string; borneByOthers: string };
}

/**
 * The completion notice: the enterprise (the outcome's `enterpriseName` and `uscc` fields, when the
 * definition has them), each done step's results labelled by its outputs schema, the fee lines with
 * their payers (the applicant's total is what the ledger says: 0.00), and the delivery.
 */
export function outcomeDocumentContent(header: DocumentHeader, source: OutcomeDocumentSource): DocumentContent {
  const { definition, outcome } = source;
  const sections = definition.steps
    .filter((step) => source.outputsByStep[step.id] !== undefined)
    .map((step): DocumentSection => ({
      stepId: step.id,
      department: departmentOf(definition, step.department),
      step: { ...step.name },
      lines: outputLines(step.outputs, source.outputsByStep[step.id]),
    }));
  const delivery = isRecord(outcome.delivery) ? outcome.delivery : {};
  const method = stringOrNull(delivery.method);
  const option = definition.outcome.delivery.options.find((candidate) => candidate.method === method);
  return {
    format: DOCUMENT_FORMAT,
    ...header,
    kind: 'OUTCOME',
    version: 1,
    title: DOCUMENT_TITLES.OUTCOME,
    process: { key: definition.key, version: definition.version, name: { ...definition.name } },
    enterprise: { name: stringOrNull(outcome.enterpriseName), uscc: stringOrNull(outcome.uscc) },
    sections,
    items: [],
    fees: {
      lines: source.fees.items.map((item) => ({
        code: item.code,
        name: { zh: item.descriptionZh ?? item.description, en: item.description },
        amount: item.amount,
        payer: item.payer,
        payerName: FEE_PAYER_NAMES[item.payer],
      })),
      applicantTotal: source.fees.applicantTotal,
      borneByOthers: source.fees.borneByOthers,
    },
    delivery: { method, name: option ? { ...option.name } : null, tripsRequired: typeof delivery.tripsRequired === 'number' ? delivery.tripsRequired : null },
  };
}

export interface CorrectionDocumentSource {
  definition: ProcessDefinition;
  round: number;
  items: readonly { department: string; field: string; reason: string }[];
  /** The enterprise's name as known when the notice was sent (a done step's `enterpriseName`, else the form's). */
  enterpriseName: string | null;
}

/** A correction notice (一次告知): every item of the round, each field labelled by the form's schema. */
export function correctionDocumentContent(header: DocumentHeader, source: CorrectionDocumentSource): DocumentContent {
  const { definition } = source;
  return {
    format: DOCUMENT_FORMAT,
    ...header,
    kind: 'CORRECTION_NOTICE',
    version: source.round,
    title: DOCUMENT_TITLES.CORRECTION_NOTICE,
    process: { key: definition.key, version: definition.version, name: { ...definition.name } },
    enterprise: { name: source.enterpriseName, uscc: null },
    sections: [],
    items: source.items.map((item) => ({
      department: departmentOf(definition, item.department),
      field: item.field,
      fieldLabel: labelOf(schemaAtPath(definition.form.schema, item.field), item.field),
      reason: item.reason,
    })),
    fees: null,
    delivery: null,
  };
}

/** What the public verify page may show: names of the enterprise, the process and the departments; no personal data. */
export interface DocumentPublicSummary {
  kind: DocumentKind;
  title: LocalizedName;
  process: LocalizedName;
  enterpriseName: string | null;
  departments: LocalizedName[];
  issuedAt: string;
  keyId: string;
}

export function publicSummary(content: DocumentContent): DocumentPublicSummary {
  const departments = new Map<string, LocalizedName>();
  for (const entry of [...content.sections, ...content.items]) departments.set(entry.department.code, entry.department.name);
  return {
    kind: content.kind,
    title: content.title,
    process: content.process.name,
    enterpriseName: content.enterprise.name,
    departments: [...departments.values()],
    issuedAt: content.issuedAt,
    keyId: content.keyId,
  };
}
