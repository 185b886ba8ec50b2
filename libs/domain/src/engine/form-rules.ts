import type { ApplicationForm } from '../application/application-form';
import { checkApplication, type RuleCheckResult, type RuleContext, type RuleFlag, type RuleViolation } from '../application/application-rules';
import { DomainError } from '../errors/domain-error';
import { checkEnterpriseChange } from '../enterprise/enterprise-change-rules';

// Named cross-field rules (what a JSON Schema cannot say: sums, ages, check characters against a clock,
// the jurisdiction). A definition lists the names its form needs; the code lives here, in the domain.
// The enterprise rules are today's checkApplication, split by what each group checks: it runs once and
// each named rule keeps its own findings, so the opening on the engine refuses exactly what it refused before.

export interface FormRule {
  name: string;
  description: string;
  /** Form paths the rule reads: a definition naming the rule must have them (checkApplication reads the whole enterprise form). */
  requires: readonly string[];
  /** True for a finding (violation or flag) this rule owns. */
  owns(finding: { path: string; code: string }): boolean;
  /** A rule of its own form (not the opening's checkApplication): its findings come from here. */
  check?(form: unknown, ctx: RuleContext): RuleCheckResult;
}

/** The sections every enterprise rule needs, because they are computed together by checkApplication. */
export const ENTERPRISE_FORM_SECTIONS = ['company', 'legalRepresentative', 'shareholders', 'seals', 'tax', 'socialInsurance', 'bank', 'delivery'] as const;

const under = (path: string, root: string) => path === root || path.startsWith(`${root}.`) || path.startsWith(`${root}[`);
const shareholderIdentity = /^shareholders\[\d+\]\.(idNumber|uscc)$/;

function rule(name: string, description: string, owns: FormRule['owns']): FormRule {
  return { name, description, requires: ENTERPRISE_FORM_SECTIONS, owns };
}

const RULE_LIST: readonly FormRule[] = [
  rule('enterprise-name', 'The enterprise name follows the naming rules and is not registered (名称自主申报)', (f) => f.code.startsWith('NAME_')),
  rule('shareholders-sum-to-capital', 'Capital amounts are positive and the subscribed capital adds up to the registered capital', (f) => f.code.startsWith('CAPITAL_')),
  rule('business-scope', 'The business scope has at least one item, none blank or listed twice', (f) => f.code.startsWith('BUSINESS_SCOPE_')),
  rule('address-in-jurisdiction', "The registered address is a real division code inside the authority's jurisdiction, with a street address", (f) => f.code.startsWith('ADDRESS_')),
  rule('legal-representative', 'The legal representative has a valid resident ID, is at least 18 and has a valid mobile', (f) => under(f.path, 'legalRepresentative')),
  rule('shareholders-for-entity-type', 'The number and kind of shareholders fit the entity type (Company Law)', (f) =>
    ['SHAREHOLDERS_EMPTY', 'SHAREHOLDERS_TOO_FEW', 'SHAREHOLDERS_TOO_MANY', 'SOLE_PROPRIETOR_NOT_ONE_PERSON'].includes(f.code)),
  rule('shareholder-identities', 'Each person shareholder has a valid resident ID, each entity a USCC, nobody listed twice', (f) => shareholderIdentity.test(f.path)),
  rule('seal-kinds-unique', 'A seal kind is requested at most once', (f) => f.code === 'SEAL_KIND_DUPLICATE'),
  rule('employees', 'Each employee has a valid resident ID, a real start date, is of working age and listed once', (f) => under(f.path, 'socialInsurance')),
  rule('bank-known', 'The bank is one the joint window can open an account with', (f) => f.code === 'BANK_CODE_UNKNOWN'),
  rule('mail-delivery-address', 'Free mail delivery has a postal address', (f) => f.code === 'DELIVERY_ADDRESS_MISSING'),
  {
    name: 'enterprise-change',
    description: 'A change changes something; a new name, address, capital or scope follows the opening rules for it (企业信息变更)',
    requires: ['enterprise', 'changes'],
    owns: (f) => under(f.path, 'changes'),
    check: (form, ctx) => checkEnterpriseChange(form as Parameters<typeof checkEnterpriseChange>[0], ctx),
  },
];

const field = (form: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, part) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined), form);

/**
 * 简易注销: only an enterprise with no debts and no unfinished business (as all its investors declare, in
 * `declaration`) may take the simplified route (`route`: SIMPLIFIED); the ordinary route needs no declaration.
 */
const simplifiedDeregistration: FormRule = {
  name: 'simplified-deregistration',
  description: 'The simplified route (简易注销) is declared free of debts and of unfinished business',
  requires: ['route', 'declaration.noDebts', 'declaration.noUnfinishedBusiness'],
  owns: (f) => f.code.startsWith('SIMPLIFIED_DEREGISTRATION_'),
  check(form) {
    if (field(form, 'route') !== 'SIMPLIFIED') return { violations: [], flags: [] };
    const problems: RuleViolation[] = [];
    if (field(form, 'declaration.noDebts') !== true) {
      problems.push({ path: 'declaration.noDebts', code: 'SIMPLIFIED_DEREGISTRATION_DEBTS', message: 'The simplified route is only for an enterprise with no debts (declare it, or take the ordinary route)' });
    }
    if (field(form, 'declaration.noUnfinishedBusiness') !== true) {
      problems.push({ path: 'declaration.noUnfinishedBusiness', code: 'SIMPLIFIED_DEREGISTRATION_UNFINISHED_BUSINESS', message: 'The simplified route is only for an enterprise with no unfinished business (declare it, or take the ordinary route)' });
    }
    return { violations: problems, flags: [] };
  },
};

const STANDALONE_RULES: readonly FormRule[] = [simplifiedDeregistration];

export const FORM_RULES: Readonly<Record<string, FormRule>> = Object.freeze(Object.fromEntries([...RULE_LIST, ...STANDALONE_RULES].map((r) => [r.name, r])));

export const FORM_RULE_NAMES: readonly string[] = [...RULE_LIST, ...STANDALONE_RULES].map((r) => r.name);

export function isFormRule(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(FORM_RULES, name);
}

export class UnknownFormRuleError extends DomainError {
  constructor(name: string) {
    super('UNKNOWN_FORM_RULE', `No form rule is registered as "${name}"`);
  }
}

/**
 * The violations and flags of the named rules, in form order (一次告知). The form must already match the
 * definition's schema (the rules assume its shape). Pure: the clock and the name register come in ctx.
 */
export function checkFormRules(names: readonly string[], form: unknown, ctx: RuleContext): RuleCheckResult {
  const rules = names.map((name) => {
    if (!isFormRule(name)) throw new UnknownFormRuleError(name);
    return FORM_RULES[name];
  });
  if (rules.length === 0) return { violations: [], flags: [] };
  const own = rules.filter((r) => r.check);
  const enterprise = rules.filter((r) => !r.check);
  const all = enterprise.length > 0 ? checkApplication(form as ApplicationForm, ctx) : { violations: [], flags: [] };
  const kept = <T extends RuleViolation | RuleFlag>(findings: T[]) => findings.filter((finding) => enterprise.some((r) => r.owns(finding)));
  const results = own.map((r) => r.check!(form, ctx));
  return {
    violations: [...kept(all.violations), ...results.flatMap((result) => result.violations)],
    flags: [...kept(all.flags), ...results.flatMap((result) => result.flags)],
  };
}
