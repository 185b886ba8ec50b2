import {
  applyCorrections,
  checkApplication,
  DEFAULT_FORBIDDEN_WORDS,
  DEFAULT_ORGANISATIONAL_FORMS,
  EMPLOYEE_MIN_AGE,
  JISHOU_JURISDICTION,
  LEGAL_REPRESENTATIVE_MIN_AGE,
  Money,
  normaliseEnterpriseName,
  parseFieldPath,
  shanghaiDate,
  type ApplicationForm,
  type PathSegment,
} from '@onetrip/domain';
import { hasMessage, type MessageKey, type Params, type Translate } from '../i18n';

// The combined form in the browser. Business rules come from libs/domain (checkApplication), the same
// function the API runs; here only what the API's field types add (required text, lengths, one seal).

export const PARTS = ['company', 'legalRepresentative', 'shareholders', 'seals', 'tax', 'socialInsurance', 'bank', 'delivery'] as const;
export type PartKey = (typeof PARTS)[number];

export interface Problem {
  code: string;
  params?: Params;
  /** The server's own words, for a 400 the pages have no translation of. */
  detail?: string;
}
export type Problems = Record<string, Problem[]>;

export function emptyForm(): ApplicationForm {
  return {
    company: {
      name: '',
      entityType: 'LIMITED_LIABILITY',
      registeredCapital: '',
      businessScope: [],
      address: { divisionCode: JISHOU_JURISDICTION.divisionCode, detail: '' },
    },
    legalRepresentative: { name: '', idNumber: '', mobile: '' },
    shareholders: [{ name: '', kind: 'PERSON', idNumber: '', subscribedCapital: '' }],
    seals: { kinds: ['OFFICIAL', 'FINANCE', 'INVOICE', 'LEGAL_REPRESENTATIVE'] },
    tax: { taxpayerType: 'SMALL_SCALE', invoices: true, ukey: true },
    socialInsurance: { employees: [] },
    bank: { bankCode: '', branch: '' },
    delivery: { method: 'FREE_MAIL', address: '' },
  };
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

/** A new form with one field changed (the domain's own path-based update). */
export function setField(form: ApplicationForm, path: string, value: unknown): ApplicationForm {
  return applyCorrections(form, { [path]: value });
}

export function partOf(path: string): PartKey | null {
  const first = parseFieldPath(path)?.[0];
  return typeof first === 'string' && (PARTS as readonly string[]).includes(first) ? (first as PartKey) : null;
}

export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

const NAME_MAX = 100;
const DETAIL_MAX = 200;

function add(problems: Problems, path: string, problem: Problem): void {
  (problems[path] ??= []).push(problem);
}

function requireText(problems: Problems, path: string, value: string | undefined, max = NAME_MAX): void {
  const text = trim(value);
  if (text.length === 0) add(problems, path, { code: 'REQUIRED' });
  else if (text.length > max) add(problems, path, { code: 'TOO_LONG', params: { max } });
}

/** Numbers a message needs, worked out from the form (the domain's own messages are English only). */
function paramsFor(code: string, form: ApplicationForm, path: string): Params | undefined {
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
      return { words: DEFAULT_FORBIDDEN_WORDS.filter((word) => name.includes(word)).join('、') };
    }
    case 'NAME_ORGANISATIONAL_FORM_MISMATCH':
      return { forms: DEFAULT_ORGANISATIONAL_FORMS[form.company.entityType].join(' / ') };
    case 'ADDRESS_OUTSIDE_JURISDICTION':
      return { name: JISHOU_JURISDICTION.name, code: JISHOU_JURISDICTION.divisionCode };
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
  problems: Problems;
  /** Not reasons to refuse: things a clerk will look at. */
  flags: Problems;
}

/** Every problem of the (cleaned) form at once, keyed by field path, as the API would report them. */
export function checkForm(raw: ApplicationForm, now = new Date()): FormCheck {
  const form = cleanForm(raw);
  const problems: Problems = {};
  requireText(problems, 'legalRepresentative.name', form.legalRepresentative.name);
  form.shareholders.forEach((s, i) => requireText(problems, `shareholders[${i}].name`, s.name));
  form.socialInsurance.employees.forEach((e, i) => requireText(problems, `socialInsurance.employees[${i}].name`, e.name));
  if (form.company.address.detail.length > DETAIL_MAX) add(problems, 'company.address.detail', { code: 'TOO_LONG', params: { max: DETAIL_MAX } });
  if (form.seals.kinds.length === 0) add(problems, 'seals.kinds', { code: 'SEALS_EMPTY' });

  const result = checkApplication(form, { today: shanghaiDate(now), jurisdiction: JISHOU_JURISDICTION, nameTaken: false });
  for (const violation of result.violations) add(problems, violation.path, { code: violation.code, params: paramsFor(violation.code, form, violation.path) });
  const flags: Problems = {};
  for (const flag of result.flags) add(flags, flag.path, { code: flag.code });
  return { problems, flags };
}

/** The server's 400 `fields` as problems at the same paths: by code, in the reader's language where the page has words for it. */
export function serverProblems(fields: readonly { path: string; messages: string[]; codes?: string[] }[]): Problems {
  const problems: Problems = {};
  for (const field of fields) {
    field.messages.forEach((message, index) => {
      const code = field.codes?.[index];
      add(problems, field.path, code && hasMessage(code) ? { code } : { code: 'SERVER', detail: message });
    });
  }
  return problems;
}

export function mergeProblems(...sets: Problems[]): Problems {
  const merged: Problems = {};
  for (const set of sets) for (const [path, list] of Object.entries(set)) merged[path] = [...(merged[path] ?? []), ...list];
  return merged;
}

export function problemText(problem: Problem, t: Translate): string {
  if (problem.code === 'SERVER' || !hasMessage(problem.code)) return t('serverFieldError', { detail: problem.detail ?? problem.code });
  return t(problem.code as MessageKey, problem.params);
}

export function countProblems(problems: Problems, part?: PartKey): number {
  return Object.entries(problems)
    .filter(([path]) => part === undefined || partOf(path) === part)
    .reduce((sum, [, list]) => sum + list.length, 0);
}

/** True if `ancestor` is `path` or contains it, segment by segment. */
export function covers(ancestor: string, path: string): boolean {
  const a = parseFieldPath(ancestor);
  const p = parseFieldPath(path);
  if (!a || !p || a.length > p.length) return false;
  return a.every((segment, i) => segment === p[i]);
}

const ELEMENT_LABELS: Record<string, { element: MessageKey; fieldPrefix: string }> = {
  shareholders: { element: 'shareholderN', fieldPrefix: 'f.shareholder.' },
  'socialInsurance.employees': { element: 'employeeN', fieldPrefix: 'f.employee.' },
};

/** A field path as people read it: 'shareholders[1].idNumber' → '股东 2 · 身份证号码'. */
export function fieldLabel(path: string, t: Translate): string {
  const direct = `f.${path}`;
  if (hasMessage(direct)) return t(direct);
  const segments = parseFieldPath(path);
  if (!segments) return path;
  const firstIndex = segments.findIndex((s) => typeof s === 'number');
  if (firstIndex > 0) {
    const head = segments.slice(0, firstIndex).join('.');
    const known = ELEMENT_LABELS[head];
    const index = segments[firstIndex] as number;
    const rest: PathSegment[] = segments.slice(firstIndex + 1);
    if (known) {
      const element = t(known.element, { n: index + 1 });
      if (rest.length === 0) return element;
      const key = `${known.fieldPrefix}${rest.join('.')}`;
      return `${element} · ${hasMessage(key) ? t(key) : rest.join('.')}`;
    }
    if (head === 'company.businessScope') return `${t('f.company.businessScope')} ${index + 1}`;
  }
  return path;
}
