import { BANKS, findBank, Money } from '@onetrip/domain';
import type { ComponentType } from 'react';
import { FieldMessages, SelectField, TextField } from '../form/fields';
import type { Problems } from '../form/form-check';
import { useI18n } from '../i18n';
import { localName } from './process-api';
import type { SchemaFieldsProps } from './schema-fields';
import { SchemaFields } from './schema-fields';
import { elementFields, emptyValue, getAt, type FieldNode, type ListNode } from './schema-form';

// Purpose-built widgets a definition names by `x-widget` (format-widgets.ts picks inputs by `format`).
// The definition keeps the structure (which step, which order, which label); a widget only draws its one
// field better than the generic input would. Any definition may name any of them; an unknown name falls
// back to the generic rendering.

export type FieldWidgetProps = SchemaFieldsProps & {
  node: FieldNode;
  /** The node's label in the page's language. */
  label: string;
  /** The node's x-help in the page's language. */
  help?: string;
};

function problemsUnder(problems: Problems, path: string) {
  return Object.entries(problems)
    .filter(([p]) => p === path || p.startsWith(`${path}[`))
    .flatMap(([, list]) => list);
}

/** A list of short texts typed one per line (a business scope). */
function LinesWidget({ node, value, onChange, onBlur, problems, disabled, label, help }: FieldWidgetProps) {
  const { t } = useI18n();
  const current = getAt(value, node.path);
  return (
    <TextField
      path={node.path}
      label={label}
      hint={help ?? t('h.company.businessScope')}
      multiline
      value={Array.isArray(current) ? current.join('\n') : ''}
      onChange={(next) => onChange(node.path, next.split('\n'))}
      onBlur={onBlur}
      problems={problemsUnder(problems, node.path)}
      disabled={disabled}
    />
  );
}

/** A bank picked from the banks the joint window works with. */
function BankWidget({ node, value, onChange, onBlur, problems, disabled, label, help }: FieldWidgetProps) {
  const { t, lang } = useI18n();
  const current = getAt(value, node.path);
  return (
    <SelectField
      path={node.path}
      label={label}
      hint={help}
      value={typeof current === 'string' ? current : ''}
      placeholder={t('chooseBank')}
      options={BANKS.map((b) => ({ value: b.code, label: lang === 'zh' ? b.nameZh : b.nameEn }))}
      onChange={(next) => onChange(node.path, next)}
      onBlur={onBlur}
      problems={problems[node.path]}
      disabled={disabled}
    />
  );
}

/** A branch of the bank chosen beside it (the sibling `bankCode`): optional, its default branch suggested. */
function BankBranchWidget({ node, value, onChange, onBlur, problems, flags = {}, disabled, label, help }: FieldWidgetProps) {
  const { t } = useI18n();
  const current = getAt(value, node.path);
  const sibling = node.path.includes('.') ? `${node.path.slice(0, node.path.lastIndexOf('.'))}.bankCode` : 'bankCode';
  const bankCode = getAt(value, sibling);
  const bank = typeof bankCode === 'string' ? findBank(bankCode) : undefined;
  return (
    <TextField
      path={node.path}
      label={label}
      hint={`${help ?? t('optional')}${bank ? ` ${bank.nameZh}${bank.defaultBranch}` : ''}`}
      value={typeof current === 'string' ? current : ''}
      onChange={(next) => onChange(node.path, next)}
      onBlur={onBlur}
      problems={problems[node.path]}
      flags={flags[node.path]}
      disabled={disabled}
      maxLength={100}
    />
  );
}

/**
 * Shareholders as cards: each shows the identifier its kind needs (a person's resident ID, an entity's
 * USCC), and under the list the subscribed total beside the registered capital (the rule
 * shareholders-sum-to-capital reads the same two fields).
 */
function ShareholdersWidget({ node, root, value, onChange, onBlur, problems, flags, disabled, label }: FieldWidgetProps) {
  const { t, lang } = useI18n();
  const list = node as ListNode;
  const current = getAt(value, node.path);
  const items = Array.isArray(current) ? (current as Record<string, unknown>[]) : [];
  const itemLabel = localName(elementLabel(list), lang, label);
  const registered = getAt(value, 'company.registeredCapital');
  const amounts = items.map((item) => (typeof item.subscribedCapital === 'string' ? item.subscribedCapital.trim() : ''));
  const summary =
    typeof registered === 'string' && amounts.every((a) => Money.isValid(a)) && Money.isValid(registered.trim())
      ? t('capitalTotal', { total: Money.sum(amounts.map((a) => Money.parse(a))).toDisplayString(), registered: Money.parse(registered.trim()).toDisplayString() })
      : null;
  const mismatch = problems['company.registeredCapital']?.filter((p) => p.code === 'CAPITAL_MISMATCH') ?? [];
  return (
    <>
      <FieldMessages id={`f-${node.path}`} problems={problems[node.path]} />
      {items.map((item, i) => {
        // The identifier the kind needs; the other is not asked for.
        const fields = elementFields(list, root, i).filter((field) => !(field.name === (item.kind === 'PERSON' ? 'uscc' : 'idNumber')));
        return (
          <fieldset className="card" key={i}>
            <legend>{t('itemN', { label: itemLabel, n: i + 1 })}</legend>
            <SchemaFields root={root} fields={fields} value={value} onChange={onChange} onBlur={onBlur} problems={problems} flags={flags} disabled={disabled} />
            {!disabled && items.length > list.minItems && (
              <button type="button" className="button button--quiet" onClick={() => onChange(node.path, items.filter((_, j) => j !== i))}>
                {t('removeItemN', { label: itemLabel, n: i + 1 })}
              </button>
            )}
          </fieldset>
        );
      })}
      {!disabled && (list.maxItems === undefined || items.length < list.maxItems) && (
        <button type="button" className="button button--secondary" onClick={() => onChange(node.path, [...items, emptyValue(list.item, root)])}>
          {t('addItem', { label: itemLabel })}
        </button>
      )}
      {summary && <p className={mismatch.length > 0 ? 'capital capital--mismatch' : 'capital'}>{summary}</p>}
      <FieldMessages id={`f-${node.path}-capital`} problems={mismatch} />
    </>
  );
}

function elementLabel(node: ListNode) {
  const label = node.item['x-label'];
  return typeof label === 'object' && label !== null && 'zh' in label && 'en' in label ? (label as { zh: string; en: string }) : undefined;
}

export const FIELD_WIDGETS: Readonly<Record<string, ComponentType<FieldWidgetProps>>> = {
  lines: LinesWidget,
  bank: BankWidget,
  'bank-branch': BankBranchWidget,
  shareholders: ShareholdersWidget,
};

/** The widget registered under `name`, if any. `select` and `radio` are not components: they pick how an enum shows. */
export function fieldWidget(name: string): ComponentType<FieldWidgetProps> | undefined {
  return Object.prototype.hasOwnProperty.call(FIELD_WIDGETS, name) ? FIELD_WIDGETS[name] : undefined;
}

