import { Money } from '../money/money';
import { FEE_PAYERS } from '../money/fee-ledger';
import { conditionProblems } from './conditions';
import { parsePathPattern, pathCovers, pathsIntersect, toJsonPath } from './form-paths';
import { formLayoutProblems } from './form-layout';
import { FORM_RULES, isFormRule } from './form-rules';
import { personalDataPaths, schemaAt, schemaKeywordProblems, validateValue } from './json-schema/schema-validator';
import definitionSchemaJson from './process-definition.schema.json';
import type { DefinitionProblem, JsonSchema, OutcomeTemplate, ProcessDefinition, StepDefinition } from './process-definition';
import { PUBLIC_NOTICE_KIND } from '../step-kinds/public-notice.kind';

// The static check of an uploaded definition (before it is stored as a DRAFT): first its shape against the
// published JSON Schema (validated by our own validator), then every rule the engine relies on at run
// time, so a stored definition cannot fail a running case. Problems are listed by JSON path, each with a code.

/** The published JSON Schema of a definition document (served by the API, used by the admin page). */
export const PROCESS_DEFINITION_SCHEMA: JsonSchema = definitionSchemaJson as JsonSchema;

export interface StepKindLookup {
  has(key: string): boolean;
}

export interface DefinitionValidation {
  /** Present only when there is no problem. */
  definition?: ProcessDefinition;
  problems: DefinitionProblem[];
}

/** Outcome fields buildOutcome adds itself. */
const RESERVED_OUTCOME_FIELDS = ['delivery'];
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const key = (name: string): string => (IDENTIFIER.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`);

class Problems {
  readonly list: DefinitionProblem[] = [];
  add(path: string, code: string, message: string): void {
    this.list.push({ path, code, message });
  }
}

/** Form property names must be identifiers, so every field has a path in the project's notation. */
function checkFormPropertyNames(schema: unknown, path: string, out: Problems, depth = 0): void {
  if (!isObject(schema) || depth > 64) return;
  if (isObject(schema.properties)) {
    for (const [name, child] of Object.entries(schema.properties)) {
      const here = `${path}.properties${key(name)}`;
      if (!IDENTIFIER.test(name)) out.add(here, 'FORM_PROPERTY_NAME', `Field names are letters and digits starting with a letter ("${name}" cannot be written as a form path)`);
      checkFormPropertyNames(child, here, out, depth + 1);
    }
  }
  if (isObject(schema.items)) checkFormPropertyNames(schema.items, `${path}.items`, out, depth + 1);
  if (isObject(schema.$defs)) for (const [name, child] of Object.entries(schema.$defs)) checkFormPropertyNames(child, `${path}.$defs${key(name)}`, out, depth + 1);
}

function checkSchema(schema: JsonSchema, path: string, out: Problems, what: string): boolean {
  const problems = schemaKeywordProblems(schema, path);
  for (const problem of problems) out.add(problem.path, problem.code, problem.message);
  const root = schemaAt(schema, '');
  if (!root || root.type !== 'object') out.add(path, 'SCHEMA_ROOT_NOT_OBJECT', `The ${what} schema must have "type": "object" at its root`);
  return problems.length === 0;
}

/** The steps in a cycle, reported once each at the dependsOn entry that closes it. */
function checkAcyclic(steps: readonly StepDefinition[], out: Problems): void {
  const index = new Map(steps.map((step, i) => [step.id, i]));
  const state = new Map<string, 'visiting' | 'done'>();
  const trail: string[] = [];
  const visit = (i: number): void => {
    const step = steps[i];
    state.set(step.id, 'visiting');
    trail.push(step.id);
    step.dependsOn.forEach((dependency, j) => {
      const target = index.get(dependency);
      if (target === undefined) return;
      const seen = state.get(dependency);
      if (seen === 'visiting') {
        const cycle = [...trail.slice(trail.indexOf(dependency)), dependency];
        out.add(`$.steps[${i}].dependsOn[${j}]`, 'STEPS_CYCLE', `The steps depend on each other in a cycle: ${cycle.join(' → ')}`);
      } else if (seen === undefined) {
        visit(target);
      }
    });
    trail.pop();
    state.set(step.id, 'done');
  };
  steps.forEach((step, i) => {
    if (!state.has(step.id)) visit(i);
  });
}

function checkSteps(definition: ProcessDefinition, kinds: StepKindLookup, formOk: boolean, out: Problems): void {
  const departments = new Set(definition.departments.map((d) => d.code));
  const ids = new Set<string>();
  const form = definition.form.schema;
  const personal = formOk ? personalDataPaths(form) : [];
  definition.steps.forEach((step, i) => {
    const at = `$.steps[${i}]`;
    if (ids.has(step.id)) out.add(`${at}.id`, 'STEP_ID_DUPLICATE', `Another step already has the id "${step.id}"`);
    ids.add(step.id);
    if (!departments.has(step.department)) out.add(`${at}.department`, 'STEP_DEPARTMENT_UNKNOWN', `"${step.department}" is not one of the definition's departments`);
    if (!kinds.has(step.kind)) out.add(`${at}.kind`, 'STEP_KIND_UNKNOWN', `No step kind is registered as "${step.kind}"`);
    step.dependsOn.forEach((dependency, j) => {
      if (!definition.steps.some((other) => other.id === dependency)) {
        out.add(`${at}.dependsOn[${j}]`, 'DEPENDS_ON_UNKNOWN', `"${dependency}" is not a step of this definition`);
      } else if (step.dependsOn.indexOf(dependency) !== j) {
        out.add(`${at}.dependsOn[${j}]`, 'DEPENDS_ON_DUPLICATE', `"${dependency}" is listed twice`);
      }
    });
    if (step.reminderLeadMinutes >= step.timeLimitMinutes) {
      out.add(`${at}.reminderLeadMinutes`, 'REMINDER_AFTER_LIMIT', 'The reminder must come before the time limit (lead shorter than the limit)');
    }
    checkNotice(definition, step, at, formOk, out);
    if (formOk) {
      step.reads.forEach((read, j) => {
        if (!parsePathPattern(read) || !schemaAt(form, read)) out.add(`${at}.reads[${j}]`, 'READS_UNKNOWN_PATH', `"${read}" is not a field of the form`);
      });
      (step.unmasked ?? []).forEach((path, j) => {
        const here = `${at}.unmasked[${j}]`;
        if (!parsePathPattern(path) || !schemaAt(form, path)) out.add(here, 'UNMASKED_UNKNOWN_PATH', `"${path}" is not a field of the form`);
        else if (!step.reads.some((read) => pathCovers(read, path))) out.add(here, 'UNMASKED_NOT_READ', `"${path}" is not among the paths the step reads`);
        else if (!personal.some((p) => pathsIntersect(p, path))) out.add(here, 'UNMASKED_NOT_PERSONAL', `"${path}" holds no field marked x-personal-data: there is nothing to unmask`);
      });
      if (step.when !== undefined) {
        for (const problem of conditionProblems(step.when, { schema: form, base: `${at}.when` })) out.add(problem.path, problem.code, problem.message);
      }
    }
    checkSchema(step.outputs, `${at}.outputs`, out, 'outputs');
  });
  checkAcyclic(definition.steps, out);
}

/** A notice step names its objection step (a step of another kind, issuing a `ruling`) and, if any, the notice an upheld objection opens. */
function checkNotice(definition: ProcessDefinition, step: StepDefinition, at: string, formOk: boolean, out: Problems): void {
  const notice = step.notice;
  if (step.kind === PUBLIC_NOTICE_KIND && !notice) out.add(`${at}.notice`, 'NOTICE_OPTIONS_MISSING', 'A public-notice step needs its "notice" options (days, objectionStep, publish)');
  if (!notice) return;
  if (step.kind !== PUBLIC_NOTICE_KIND) {
    out.add(`${at}.notice`, 'NOTICE_OPTIONS_UNEXPECTED', `Only a step of kind "${PUBLIC_NOTICE_KIND}" takes "notice" options`);
    return;
  }
  const byId = (id: string) => definition.steps.find((other) => other.id === id);
  const objection = byId(notice.objectionStep);
  if (!objection) out.add(`${at}.notice.objectionStep`, 'NOTICE_STEP_UNKNOWN', `"${notice.objectionStep}" is not a step of this definition`);
  else if (objection.kind === PUBLIC_NOTICE_KIND || objection.when !== false || !schemaAt(objection.outputs, 'ruling')) {
    out.add(`${at}.notice.objectionStep`, 'NOTICE_OBJECTION_STEP', 'The objection step is a step a clerk decides, with "when": false (needed only once someone objects) and a "ruling" output');
  }
  if (notice.onUpheld !== undefined) {
    const next = byId(notice.onUpheld);
    if (!next) out.add(`${at}.notice.onUpheld`, 'NOTICE_STEP_UNKNOWN', `"${notice.onUpheld}" is not a step of this definition`);
    else if (next.kind !== PUBLIC_NOTICE_KIND || next.id === step.id) out.add(`${at}.notice.onUpheld`, 'NOTICE_UPHELD_NOT_NOTICE', 'An upheld objection hands the case on to another notice step');
  }
  if (formOk) {
    for (const field of ['name', 'code'] as const) {
      const path = notice.publish[field];
      if (!parsePathPattern(path) || !schemaAt(definition.form.schema, path)) out.add(`${at}.notice.publish.${field}`, 'NOTICE_PUBLISH_PATH_UNKNOWN', `"${path}" is not a field of the form`);
    }
  }
}

function checkTemplate(template: OutcomeTemplate, path: string, definition: ProcessDefinition, formOk: boolean, out: Problems, element?: { step: string; schema: JsonSchema }): void {
  const t = template as Record<string, unknown>;
  const hasFrom = isObject(t.from);
  const hasFields = isObject(t.fields);
  if (hasFrom === hasFields || (hasFields && t.each !== undefined)) {
    out.add(path, 'OUTCOME_TEMPLATE_SHAPE', 'An outcome value is either {"from": …} (optionally with "each") or {"fields": …}');
    return;
  }
  if (hasFields) {
    for (const [name, child] of Object.entries(t.fields as Record<string, OutcomeTemplate>)) checkTemplate(child, `${path}.fields${key(name)}`, definition, formOk, out, element);
    return;
  }
  const from = t.from as { step?: string; path?: string; form?: string };
  if (from.form !== undefined) {
    if (from.step !== undefined || from.path !== undefined || t.each !== undefined) {
      out.add(`${path}.from`, 'OUTCOME_TEMPLATE_SHAPE', '{"from": {"form": …}} takes no "step", "path" or "each"');
    } else if (formOk && (!parsePathPattern(from.form) || !schemaAt(definition.form.schema, from.form))) {
      out.add(`${path}.from.form`, 'OUTCOME_FORM_PATH_UNKNOWN', `"${from.form}" is not a field of the form`);
    }
    return;
  }
  if (from.step === undefined || from.path === undefined) {
    out.add(`${path}.from`, 'OUTCOME_TEMPLATE_SHAPE', '{"from": …} names a "step" and a "path" of its outputs, or a "form" path');
    return;
  }
  let source: JsonSchema | undefined;
  if (element) {
    if (from.step !== element.step) out.add(`${path}.from.step`, 'OUTCOME_EACH_STEP', `Inside "each", values come from the element of step "${element.step}"`);
    source = element.schema;
  } else {
    const step = definition.steps.find((s) => s.id === from.step);
    if (!step) {
      out.add(`${path}.from.step`, 'OUTCOME_STEP_UNKNOWN', `"${from.step}" is not a step of this definition`);
      return;
    }
    source = step.outputs;
  }
  const valueSchema = parsePathPattern(from.path) ? schemaAt(source, from.path) : undefined;
  if (!valueSchema) {
    out.add(`${path}.from.path`, 'OUTCOME_OUTPUT_UNKNOWN', `Step "${from.step}" does not output "${from.path}"`);
    return;
  }
  if (isObject(t.each)) {
    const items = schemaAt(source, `${from.path}[]`);
    if (!items) {
      out.add(`${path}.each`, 'OUTCOME_EACH_NOT_LIST', `"${from.path}" of step "${from.step}" is not a list`);
      return;
    }
    const root = element ? element.schema : source;
    const elementSchema: JsonSchema = { ...items, $defs: root.$defs };
    for (const [name, child] of Object.entries(t.each as Record<string, OutcomeTemplate>)) {
      checkTemplate(child, `${path}.each${key(name)}`, definition, formOk, out, { step: from.step, schema: elementSchema });
    }
  }
}

function checkOutcome(definition: ProcessDefinition, formOk: boolean, out: Problems): void {
  for (const [name, template] of Object.entries(definition.outcome.fields)) {
    const at = `$.outcome.fields${key(name)}`;
    if (RESERVED_OUTCOME_FIELDS.includes(name)) out.add(at, 'OUTCOME_FIELD_RESERVED', `"${name}" is added by the engine from outcome.delivery`);
    else checkTemplate(template, at, definition, formOk, out);
  }
  const { methodPath, options } = definition.outcome.delivery;
  const methods = options.map((option) => option.method);
  options.forEach((option, i) => {
    if (methods.indexOf(option.method) !== i) out.add(`$.outcome.delivery.options[${i}].method`, 'DELIVERY_OPTION_DUPLICATE', `"${option.method}" is offered twice`);
  });
  if (!formOk) return;
  const methodSchema = parsePathPattern(methodPath) ? schemaAt(definition.form.schema, methodPath) : undefined;
  if (!methodSchema) {
    out.add('$.outcome.delivery.methodPath', 'DELIVERY_METHOD_PATH_UNKNOWN', `"${methodPath}" is not a field of the form`);
    return;
  }
  // The form may only choose a method the outcome knows the trips of, and every option must be choosable.
  if (!Array.isArray(methodSchema.enum)) {
    out.add('$.outcome.delivery.methodPath', 'DELIVERY_METHOD_NOT_ENUM', `The form field "${methodPath}" must be an "enum" of the delivery methods`);
    return;
  }
  const choices = methodSchema.enum;
  for (const choice of choices) {
    if (!methods.includes(choice as string)) out.add('$.outcome.delivery.options', 'DELIVERY_OPTION_MISSING', `The form offers ${JSON.stringify(choice)} but no delivery option describes it`);
  }
  options.forEach((option, i) => {
    if (!choices.includes(option.method)) out.add(`$.outcome.delivery.options[${i}].method`, 'DELIVERY_OPTION_NOT_IN_FORM', `The form field "${methodPath}" cannot choose "${option.method}"`);
  });
}

function checkFees(definition: ProcessDefinition, formOk: boolean, out: Problems): void {
  const codes = new Set<string>();
  definition.fees.forEach((fee, i) => {
    const at = `$.fees[${i}]`;
    if (codes.has(fee.code)) out.add(`${at}.code`, 'FEE_CODE_DUPLICATE', `Another fee line already has the code "${fee.code}"`);
    codes.add(fee.code);
    // 零成本: someone other than the applicant bears every cost, and the definition must say who.
    if (fee.payer === undefined || fee.payer === '') out.add(`${at}.payer`, 'FEE_PAYER_MISSING', 'Every fee names who pays it; the applicant never does');
    else if (fee.payer.toUpperCase() === 'APPLICANT') out.add(`${at}.payer`, 'FEE_PAYER_APPLICANT', 'The applicant never pays (零成本): name the government, the law (STATUTORY_FREE) or the bank');
    else if (!(FEE_PAYERS as readonly string[]).includes(fee.payer)) out.add(`${at}.payer`, 'FEE_PAYER_UNKNOWN', `The payer must be one of ${FEE_PAYERS.join(', ')}`);
    if (Money.isValid(fee.amount) && Money.parse(fee.amount).isNegative()) out.add(`${at}.amount`, 'FEE_AMOUNT_NEGATIVE', 'A fee is never negative');
    if (formOk && fee.when !== undefined) {
      for (const problem of conditionProblems(fee.when, { schema: definition.form.schema, base: `${at}.when` })) out.add(problem.path, problem.code, problem.message);
    }
  });
}

function checkForm(definition: ProcessDefinition, out: Problems): boolean {
  const before = out.list.length;
  checkSchema(definition.form.schema, '$.form.schema', out, 'form');
  checkFormPropertyNames(definition.form.schema, '$.form.schema', out);
  const formOk = out.list.length === before;
  if (formOk) for (const problem of formLayoutProblems(definition.form.schema, '$.form.schema')) out.add(problem.path, problem.code, problem.message);
  definition.form.rules.forEach((name, i) => {
    if (!isFormRule(name)) {
      out.add(`$.form.rules[${i}]`, 'FORM_RULE_UNKNOWN', `No form rule is registered as "${name}"`);
    } else if (formOk) {
      const missing = FORM_RULES[name].requires.filter((path) => !schemaAt(definition.form.schema, path));
      if (missing.length > 0) out.add(`$.form.rules[${i}]`, 'FORM_RULE_FIELDS_MISSING', `The rule "${name}" needs the form fields ${missing.join(', ')}`);
    }
  });
  return formOk;
}

function checkDepartments(definition: ProcessDefinition, out: Problems): void {
  const seen = new Set<string>();
  definition.departments.forEach((department, i) => {
    if (seen.has(department.code)) out.add(`$.departments[${i}].code`, 'DEPARTMENT_DUPLICATE', `The department "${department.code}" is declared twice`);
    seen.add(department.code);
  });
}

/** A lifecycle binding names a USCC field and a resident-id field of the form, both required on the way down. */
function checkEnterpriseBinding(definition: ProcessDefinition, out: Problems): void {
  if (!definition.enterprise) return;
  const fields: [string, string, string][] = [
    ['usccPath', definition.enterprise.usccPath, 'uscc'],
    ['representativeIdPath', definition.enterprise.representativeIdPath, 'resident-id'],
  ];
  for (const [name, path, format] of fields) {
    const schema = parsePathPattern(path) ? schemaAt(definition.form.schema, path) : undefined;
    if (!schema) out.add(`$.enterprise.${name}`, 'ENTERPRISE_PATH_UNKNOWN', `"${path}" is not a field of the form`);
    else if (schema.format !== format) out.add(`$.enterprise.${name}`, 'ENTERPRISE_PATH_FORMAT', `The form field "${path}" must have the format "${format}"`);
  }
}

/**
 * Validates an uploaded definition document. Returns the definition when it has no problem, else every
 * problem at once (one upload, one list). `kinds` is the step-kind registry (STEP_KIND_KEYS).
 */
export function validateDefinition(document: unknown, kinds: StepKindLookup): DefinitionValidation {
  const shape = validateValue(PROCESS_DEFINITION_SCHEMA, document);
  if (shape.length > 0) {
    return { problems: shape.map((problem) => ({ path: toJsonPath(problem.path), code: problem.code, message: problem.message })) };
  }
  const definition = document as ProcessDefinition;
  const out = new Problems();
  checkDepartments(definition, out);
  const formOk = checkForm(definition, out);
  checkSteps(definition, kinds, formOk, out);
  checkOutcome(definition, formOk, out);
  checkFees(definition, formOk, out);
  if (formOk) checkEnterpriseBinding(definition, out);
  return out.list.length === 0 ? { definition, problems: [] } : { problems: out.list };
}
