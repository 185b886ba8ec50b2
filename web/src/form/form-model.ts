import { applyCorrections, parseFieldPath, type ApplicationForm, type PathSegment } from '@onetrip/domain';
import { hasMessage, type MessageKey, type Translate } from '../i18n';
import { addProblem as add, type Problem, type Problems } from './form-check';

export { checkForm, cleanForm, type FormCheck, type Problem, type Problems } from './form-check';

// The combined form in the browser: its parts, paths and labels. The check itself is form-check.ts.

/** A blank form; the address starts in the jurisdiction the API serves. */
export function emptyForm(divisionCode: string): ApplicationForm {
  return {
    company: {
      name: '',
      entityType: 'LIMITED_LIABILITY',
      registeredCapital: '',
      businessScope: [],
      address: { divisionCode, detail: '' },
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

/** A new form with one field changed (the domain's own path-based update). */
export function setField(form: ApplicationForm, path: string, value: unknown): ApplicationForm {
  return applyCorrections(form, { [path]: value });
}

export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
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
