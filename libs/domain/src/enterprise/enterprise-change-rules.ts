import { ENTITY_TYPES } from '../application/application-form';
import type { RuleCheckResult, RuleContext, RuleViolation, RuleViolationCode } from '../application/application-rules';
import { DEFAULT_DIVISION_NAMES, nameCheck } from '../application/enterprise-name';
import { Money } from '../money/money';
import { changedFacts, type EnterpriseChanges } from './enterprise-register';

// The change form's cross-field rules (企业信息变更): something must change, and what changes obeys the
// opening's rules for it. Paths are the change form's (`changes.…`).

const isBlank = (text: string): boolean => text.trim().length === 0;

/** The violations of a change form (its `changes` section); no flags. */
export function checkEnterpriseChange(form: { changes?: EnterpriseChanges }, ctx: RuleContext): RuleCheckResult {
  const violations: RuleViolation[] = [];
  const add = (path: string, code: RuleViolationCode, message: string) => violations.push({ path, code, message });
  const changes = form.changes ?? {};
  if (changedFacts(changes).length === 0) add('changes', 'CHANGE_NOTHING', 'Choose at least one thing to change');

  if (changes.name !== undefined) {
    const divisionNames = ctx.nameRules?.divisionNames ?? [...DEFAULT_DIVISION_NAMES, ctx.jurisdiction.name];
    const rules = { ...ctx.nameRules, divisionNames, ...(ctx.forbiddenWords ? { forbiddenWords: ctx.forbiddenWords } : {}) };
    // The form of organisation is the register's (SAMR's clerk checks it): a problem counts only when every entity type has it.
    const results = ENTITY_TYPES.map((type) => nameCheck(changes.name as string, type, rules).problems);
    for (const problem of results[0]) {
      if (results.every((problems) => problems.some((other) => other.code === problem.code))) add('changes.name', problem.code, problem.message);
    }
    if (ctx.nameTaken) add('changes.name', 'NAME_TAKEN', 'The enterprise name is already registered');
  }

  if (changes.address !== undefined) {
    const { divisionCode, detail } = changes.address;
    const prefixes = ctx.jurisdiction.acceptedDivisionPrefixes ?? [ctx.jurisdiction.divisionCode];
    if (!/^\d{6}(\d{3}){0,2}$/.test(divisionCode)) add('changes.address.divisionCode', 'ADDRESS_DIVISION_INVALID', 'The address division code must have 6, 9 or 12 digits');
    else if (!prefixes.some((prefix) => divisionCode.startsWith(prefix))) {
      add('changes.address.divisionCode', 'ADDRESS_OUTSIDE_JURISDICTION', `The registered address must be inside the jurisdiction of ${ctx.jurisdiction.name} (${ctx.jurisdiction.divisionCode})`);
    }
    if (isBlank(detail)) add('changes.address.detail', 'ADDRESS_DETAIL_BLANK', 'The street address is blank');
  }

  if (changes.capital !== undefined) {
    const { registeredCapital, shareholders } = changes.capital;
    const registered = Money.isValid(registeredCapital) ? Money.parse(registeredCapital) : null;
    if (!registered) add('changes.capital.registeredCapital', 'CAPITAL_FORMAT', 'Registered capital must be an amount in yuan with at most 2 decimals');
    const subscribed = shareholders.map((holder) => (Money.isValid(holder.subscribedCapital) ? Money.parse(holder.subscribedCapital) : null));
    subscribed.forEach((amount, i) => {
      if (!amount) add(`changes.capital.shareholders[${i}].subscribedCapital`, 'CAPITAL_FORMAT', 'Subscribed capital must be an amount in yuan with at most 2 decimals');
    });
    if (registered && subscribed.every((amount) => amount !== null) && !Money.sum(subscribed as Money[]).equals(registered)) {
      add('changes.capital.shareholders', 'CAPITAL_MISMATCH', 'The subscribed capital of the shareholders must add up to the registered capital');
    }
  }

  if (changes.businessScope !== undefined) {
    const seen = new Set<string>();
    changes.businessScope.forEach((item, i) => {
      if (isBlank(item)) add(`changes.businessScope[${i}]`, 'BUSINESS_SCOPE_ITEM_BLANK', 'A business scope item is blank');
      else if (seen.has(item.trim())) add(`changes.businessScope[${i}]`, 'BUSINESS_SCOPE_ITEM_DUPLICATE', 'A business scope item is listed twice');
      seen.add(item.trim());
    });
  }
  return { violations, flags: [] };
}
