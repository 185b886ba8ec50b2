// A "one thing" (一件事) as data: the document an administrator uploads and versions. The engine
// (validator, generic workflow, step-kind registry, web renderer) reads only this; no process, department
// or step is named in engine code. Published as JSON Schema in engine/process-definition.schema.json.

/** A name in both languages of the window. */
export interface LocalizedName {
  zh: string;
  en: string;
}

/** Departments are data: a code (e.g. SAMR) and its names, declared by each definition that uses them. */
export interface DepartmentDefinition {
  code: string;
  name: LocalizedName;
}

/**
 * Who decides a step: a clerk (MANUAL), the step kind's rules on arrival (AUTO, 即来即办), or the department's
 * own system, called by the worker over HTTP (SYSTEM; docs/connectors.md).
 */
export type StepMode = 'MANUAL' | 'AUTO' | 'SYSTEM';

/**
 * The subset of JSON Schema 2020-12 the engine validates (no remote $ref, no eval):
 * type, properties, required, additionalProperties, items, minItems, maxItems, uniqueItems, enum, const,
 * minLength, maxLength, pattern, minimum, maximum, format, $ref to "#/$defs/…", $defs, title, description,
 * $comment, $schema, plus the annotations "x-personal-data" (the value identifies a person), "x-label" ({zh, en})
 * and "x-enum-labels" ({VALUE: {zh, en}}), and the web's layout annotations x-steps, x-order, x-widget, x-help,
 * x-when (json-schema/layout-keywords.ts, checked against the form by form-layout.ts). Validated by
 * engine/json-schema/schema-validator.ts.
 * Custom formats: resident-id (GB 11643), uscc (GB 32100), mobile, division-code, money, date.
 */
export type JsonSchema = { [keyword: string]: unknown };

/**
 * A condition over the form, in a JSON Logic subset: {"var": "a.b"}, ==, !=, <, <=, >, >=, and, or, !,
 * in, some/all/none over an array, if. Deterministic, no functions of its own, reads only form paths.
 */
export type Condition = boolean | { [operator: string]: unknown };

export interface StepDefinition {
  /** Unique within the definition; part of task ids (`<case>.<stepId>.<round>`). */
  id: string;
  /** A code in `departments`: the clerks of that department decide the step. */
  department: string;
  name: LocalizedName;
  /** A key in the step-kind registry ('review' needs no code of its own). */
  kind: string;
  /** Steps that must be DONE (or not needed) before this one opens: a DAG. */
  dependsOn: string[];
  /** Absent: always needed. False: the step shows as not needed (SKIPPED). */
  when?: Condition;
  /** Form paths the department sees; a path covers its descendants. A changed path reopens a finished step. */
  reads: string[];
  /** The personal-data paths among `reads` the department may see unmasked (the rest are masked). */
  unmasked?: string[];
  mode: StepMode;
  /** Working minutes from opening to the limit. */
  timeLimitMinutes: number;
  /** The clerk is reminded this many working minutes before the limit. */
  reminderLeadMinutes: number;
  /** JSON Schema (type object) of what the step issues. */
  outputs: JsonSchema;
  /** A notice period (kind `public-notice`): how long it lasts and who rules on objections. */
  notice?: NoticeOptions;
}

/**
 * A public notice period (公示期): the step lasts `days` calendar days on a durable timer; anyone signed in may
 * object meanwhile. An objection opens a task of `objectionStep` (a step with `"when": false`, so it is not
 * needed until someone objects), whose clerk dismisses it (the notice runs on), upholds it (the case goes on
 * through `onUpheld`, a step not needed until then) or refuses the case.
 */
export interface NoticeOptions {
  /** Calendar days from the step's opening (a deployment may shorten every notice: NOTICE_PERIOD_SECONDS). */
  days: number;
  /** The step whose task an objection opens (its outputs say `ruling`: DISMISSED or UPHELD). */
  objectionStep: string;
  /** Absent: an objection can be dismissed, or upheld by refusing the case. */
  onUpheld?: string;
  /** What the public list shows of the case: the form paths of the subject's name and code (no personal data). */
  publish: { name: string; code: string };
}

/** The workflow's view of a notice: its length as this case runs it, in seconds, and the steps it hands on to. */
export interface PlannedNotice {
  seconds: number;
  objectionStep: string;
  onUpheld?: string;
}

/**
 * A value of the combined outcome: taken from a step's output (`step` + `path`), from the form (`form`),
 * mapped over an array (`each`), or an object of such values.
 */
export type OutcomeTemplate =
  | { from: { step: string; path: string }; each?: { [field: string]: OutcomeTemplate } }
  | { from: { form: string } }
  | { fields: { [field: string]: OutcomeTemplate } };

export interface DeliveryOption {
  method: string;
  name: LocalizedName;
  /** Trips to the hall the applicant makes to collect the outcome (0 or 1: 最多跑一次). */
  tripsRequired: number;
}

export interface OutcomeDefinition {
  /** The one combined outcome (一次办好), built from the steps' outputs when every needed step is done. */
  fields: { [field: string]: OutcomeTemplate };
  /** The form path of the chosen delivery method, and the options the form may choose. */
  delivery: { methodPath: string; options: DeliveryOption[] };
}

export interface FeeDefinition {
  code: string;
  name: LocalizedName;
  /** Money string, yuan with at most 2 decimals. */
  amount: string;
  /** Who bears the cost. Never the applicant (零成本): APPLICANT, or no payer, is refused. */
  payer: string;
  /** Only charged (to the payer) when the condition holds, e.g. the seal the form asks for. */
  when?: Condition;
}

/** Named cross-field rules implemented in libs/domain (e.g. 'shareholders-sum-to-capital'). */
export interface FormDefinition {
  schema: JsonSchema;
  rules: string[];
}

export interface ProcessDefinition {
  /** Stable across versions, e.g. 'enterprise-opening'. */
  key: string;
  /** 1, 2, …: a new version is a new document; running cases finish on theirs. */
  version: number;
  name: LocalizedName;
  departments: DepartmentDefinition[];
  form: FormDefinition;
  steps: StepDefinition[];
  outcome: OutcomeDefinition;
  fees: FeeDefinition[];
  /** A lifecycle process (change, deregistration) acts on one enterprise of the register (see enterprise/enterprise-register.ts). */
  enterprise?: EnterpriseBinding;
}

/**
 * Which enterprise a lifecycle case acts on and what its completion does: filing checks the filer (the ID
 * number at `representativeIdPath` must be the legal representative's) and takes the enterprise (ACTIVE →
 * CHANGING/DEREGISTERING) in the case's transaction; completion applies `effect` with the outcome.
 */
export interface EnterpriseBinding {
  /** Form path of the enterprise's USCC (format uscc). */
  usccPath: string;
  /** Form path of the legal representative's ID number the filer gives (format resident-id). */
  representativeIdPath: string;
  effect: 'CHANGE' | 'DEREGISTER';
}

export const PROCESS_DEFINITION_STATUSES = ['DRAFT', 'ACTIVE', 'RETIRED'] as const;
export type ProcessDefinitionStatus = (typeof PROCESS_DEFINITION_STATUSES)[number];

/** One problem found in an uploaded definition, at its JSON path (e.g. `$.steps[2].dependsOn[0]`). */
export interface DefinitionProblem {
  path: string;
  code: string;
  message: string;
}

/** The workflow's view of one step: what it needs to run it, without schemas (no definition in every call). */
export interface PlannedStep {
  id: string;
  department: string;
  kind: string;
  dependsOn: string[];
  mode: StepMode;
  timeLimitMinutes: number;
  reminderLeadMinutes: number;
  reads: string[];
  /** Kind `public-notice` only. */
  notice?: PlannedNotice;
}
