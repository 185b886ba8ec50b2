import {
  AMOUNT_PATTERN,
  APPLICATION_FORM_LIMITS,
  checkApplication,
  DEFAULT_ORGANISATIONAL_FORMS,
  DELIVERY_METHODS,
  EMPLOYEE_MIN_AGE,
  ENTITY_TYPES,
  LEGAL_REPRESENTATIVE_MIN_AGE,
  Money,
  normaliseEnterpriseName,
  parseFieldPath,
  SEAL_KINDS,
  shanghaiDate,
  SHAREHOLDER_KINDS,
  TAXPAYER_TYPES,
  type ApplicationForm,
  type ApplicationRuleSettings,
} from '@onetrip/domain';

// The page's check of the combined form, as a pure function of the form and the rules the API serves
// (GET /api/application-rules): the API's request validation (the sizes of libs/domain, as its DTO
// has them) and then the domain's business rules, checkApplication, the same function the API runs.
// No React and no DOM here, so a test can run it beside the real API.

export interface Problem {
  code: string;
  params?: Record<string, string | number>;
  /** The server's own words, for a 400 the pages have no translation of. */
  detail?: string;
}
export type Problems = Record<string, Problem[]>;

export function addProblem(problems: Problems, path: string, problem: Problem): void {
  (problems[path] ??= []).push(problem);
}

const trim = (text: string | undefined): string => (text ?? '').trim();

/** What is sent: trimmed text, no blank scope lines, only the identifier a shareholder's kind needs, no empty optionals. */
export function cleanForm(form: ApplicationForm): ApplicationForm {
  const branch = trim(form.bank.branch);
  const postal = trim(form.delivery.address);
  return {
    company: {
      name: trim(form.company.name),
      entityType: form.company.entityType,
      registeredCapital: trim(form.company.registeredCapital),
      businessScope: form.company.businessScope.map(trim).filter((item) => item.length > 0),
      address: { divisionCode: trim(form.company.address.divisionCode), detail: trim(form.company.address.detail) },
    },
    legalRepresentative: {
      name: trim(form.legalRepresentative.name),
      idNumber: trim(form.legalRepresentative.idNumber).toUpperCase(),
      mobile: trim(form.legalRepresentative.mobile),
    },
    shareholders: form.shareholders.map((s) =>
      s.kind === 'PERSON'
        ? { name: trim(s.name), kind: s.kind, idNumber: trim(s.idNumber).toUpperCase(), subscribedCapital: trim(s.subscribedCapital) }
        : { name: trim(s.name), kind: s.kind, uscc: trim(s.uscc).toUpperCase(), subscribedCapital: trim(s.subscribedCapital) },
    ),
    seals: { kinds: [...form.seals.kinds] },
    tax: { ...form.tax },
    socialInsurance: {
      employees: form.socialInsurance.employees.map((e) => ({ name: trim(e.name), idNumber: trim(e.idNumber).toUpperCase(), startDate: trim(e.startDate) })),
    },
    bank: { bankCode: form.bank.bankCode, ...(branch ? { branch } : {}) },
    delivery: { method: form.delivery.method, ...(form.delivery.method === 'FREE_MAIL' || postal ? { address: postal } : {}) },
  };
}

const L = APPLICATION_FORM_LIMITS;
// Characters as the API's length validators count them (code points, not UTF-16 units).
const length = (text: string): number => [...text].length;

/** The API's request validation (its DTO): what it refuses before any business rule runs. */
function checkShape(form: ApplicationForm): Problems {
  const problems: Problems = {};
  const text = (path: string, value: string | undefined, max: number, required: boolean, emptyCode = 'REQUIRED') => {
    const size = length(value ?? '');
    if (required && size === 0) addProblem(problems, path, { code: emptyCode });
    else if (size > max) addProblem(problems, path, { code: 'TOO_LONG', params: { max } });
  };
  const oneOf = (path: string, value: string, allowed: readonly string[]) => {
    if (!allowed.includes(value)) addProblem(problems, path, { code: 'INVALID_CHOICE' });
  };
  const amount = (path: string, value: string) => {
    if (!AMOUNT_PATTERN.test(value)) addProblem(problems, path, { code: 'CAPITAL_FORMAT' });
  };
  const count = (path: string, size: number, min: number, max: number, emptyCode: string) => {
    if (size < min) addProblem(problems, path, { code: emptyCode });
    else if (size > max) addProblem(problems, path, { code: 'TOO_MANY', params: { max } });
  };

  const { company, legalRepresentative, socialInsurance, bank, delivery } = form;
  text('company.name', company.name, L.nameMax, true, 'NAME_EMPTY');
  oneOf('company.entityType', company.entityType, ENTITY_TYPES);
  amount('company.registeredCapital', company.registeredCapital);
  count('company.businessScope', company.businessScope.length, 1, L.scopeItemsMax, 'BUSINESS_SCOPE_EMPTY');
  if (company.businessScope.some((item) => length(item) > L.scopeItemMax)) addProblem(problems, 'company.businessScope', { code: 'TOO_LONG', params: { max: L.scopeItemMax } });
  text('company.address.divisionCode', company.address.divisionCode, L.divisionCodeMax, false);
  text('company.address.detail', company.address.detail, L.detailMax, true);
  text('legalRepresentative.name', legalRepresentative.name, L.nameMax, true);
  text('legalRepresentative.idNumber', legalRepresentative.idNumber, L.identifierMax, false);
  text('legalRepresentative.mobile', legalRepresentative.mobile, L.identifierMax, false);
  count('shareholders', form.shareholders.length, 1, L.shareholdersMax, 'SHAREHOLDERS_EMPTY');
  form.shareholders.forEach((s, i) => {
    text(`shareholders[${i}].name`, s.name, L.nameMax, true);
    oneOf(`shareholders[${i}].kind`, s.kind, SHAREHOLDER_KINDS);
    text(`shareholders[${i}].idNumber`, s.idNumber, L.identifierMax, false);
    text(`shareholders[${i}].uscc`, s.uscc, L.identifierMax, false);
    amount(`shareholders[${i}].subscribedCapital`, s.subscribedCapital);
  });
  count('seals.kinds', form.seals.kinds.length, 1, SEAL_KINDS.length, 'SEALS_EMPTY');
  if (form.seals.kinds.some((kind) => !SEAL_KINDS.includes(kind))) addProblem(problems, 'seals.kinds', { code: 'INVALID_CHOICE' });
  oneOf('tax.taxpayerType', form.tax.taxpayerType, TAXPAYER_TYPES);
  count('socialInsurance.employees', socialInsurance.employees.length, 0, L.employeesMax, 'REQUIRED');
  socialInsurance.employees.forEach((e, i) => {
    text(`socialInsurance.employees[${i}].name`, e.name, L.nameMax, true);
    text(`socialInsurance.employees[${i}].idNumber`, e.idNumber, L.identifierMax, false);
    text(`socialInsurance.employees[${i}].startDate`, e.startDate, L.dateMax, false);
  });
  text('bank.bankCode', bank.bankCode, L.bankCodeMax, true);
  text('bank.branch', bank.branch, L.nameMax, false);
  oneOf('delivery.method', delivery.method, DELIVERY_METHODS);
  text('delivery.address', delivery.address, L.detailMax, false);
  return problems;
}

/** Numbers a message needs, worked out from the form and the rules (the domain's own messages are English only). */
function paramsFor(code: string, form: ApplicationForm, path: string, rules: ApplicationRuleSettings): Problem['params'] {
  switch (code) {
    case 'CAPITAL_MISMATCH': {
      const amounts = form.shareholders.map((s) => s.subscribedCapital).filter((a) => Money.isValid(a));
      return {
        total: Money.sum(amounts.map((a) => Money.parse(a))).toDisplayString(),
        registered: Money.isValid(form.company.registeredCapital) ? Money.parse(form.company.registeredCapital).toDisplayString() : form.company.registeredCapital,
      };
    }
    case 'NAME_FORBIDDEN_WORD': {
      const name = normaliseEnterpriseName(form.company.name);
      return { words: rules.forbiddenWords.filter((word) => name.includes(normaliseEnterpriseName(word))).join('、') };
    }
    case 'NAME_ORGANISATIONAL_FORM_MISMATCH':
      return { forms: DEFAULT_ORGANISATIONAL_FORMS[form.company.entityType].join(' / ') };
    case 'ADDRESS_OUTSIDE_JURISDICTION':
      return { name: rules.jurisdiction.name, code: rules.jurisdiction.divisionCode };
    case 'LEGAL_REPRESENTATIVE_UNDERAGE':
      return { age: LEGAL_REPRESENTATIVE_MIN_AGE };
    case 'EMPLOYEE_UNDERAGE':
      return { age: EMPLOYEE_MIN_AGE };
    case 'BUSINESS_SCOPE_ITEM_DUPLICATE': {
      const index = parseFieldPath(path)?.[2];
      return { item: typeof index === 'number' ? (form.company.businessScope[index] ?? '') : '' };
    }
    default:
      return undefined;
  }
}

export interface FormCheck {
  /** Every problem at once, keyed by field path: what the page shows. */
  problems: Problems;
  /** What the API's request validation refuses; when there is any, its 400 names only these paths. */
  shape: Problems;
  /** What the business rules refuse; the API's 400 names these paths once the shape is right. */
  rules: Problems;
  /** Not reasons to refuse: things a clerk will look at. */
  flags: Problems;
}

/** Every problem of the (cleaned) form, keyed by field path, with the rules the API serves. */
export function checkForm(raw: ApplicationForm, rules: ApplicationRuleSettings, now = new Date()): FormCheck {
  const form = cleanForm(raw);
  const shape = checkShape(form);
  const result = checkApplication(form, { today: shanghaiDate(now), jurisdiction: rules.jurisdiction, forbiddenWords: rules.forbiddenWords, nameTaken: false });
  const ruleProblems: Problems = {};
  for (const violation of result.violations) addProblem(ruleProblems, violation.path, { code: violation.code, params: paramsFor(violation.code, form, violation.path, rules) });
  // One message per field at a time: a field the API refuses by its shape does not also show a rule's.
  const problems: Problems = { ...shape };
  for (const [path, list] of Object.entries(ruleProblems)) if (!shape[path]) problems[path] = list;
  const flags: Problems = {};
  for (const flag of result.flags) addProblem(flags, flag.path, { code: flag.code });
  return { problems, shape, rules: ruleProblems, flags };
}

/** The field paths the API's 400 names for this form: the shape's if any, else the rules'. */
export function pathsTheApiRefuses(check: FormCheck): string[] {
  const tier = Object.keys(check.shape).length > 0 ? check.shape : check.rules;
  return Object.keys(tier).sort();
}
