import { divisionsIn, evaluateCondition, type JsonSchema } from '@onetrip/domain';
import { CheckboxField, ChoiceGroup, FieldMessages, SelectField, TextField } from '../form/fields';
import type { Problems } from '../form/form-check';
import { hasMessage, useI18n } from '../i18n';
import { fieldWidget } from './field-widgets';
import { useState } from 'react';
import { formatWidget, normaliseMoney } from './format-widgets';
import { localName } from './process-api';
import { useApplicationRules } from '../form/application-rules';
import { elementFields, emptyValue, getAt, type ChoiceOption, type FieldNode } from './schema-form';

// The fields of a definition's form, rendered from its schema (schema-form.ts): one component per
// kind of node, the purpose-built inputs picked by format (format-widgets.ts). Labels come from the
// schema's x-label in the page's language; every input is the same labelled, described one the
// enterprise form uses (form/fields.tsx), so ids follow the path (`f-restaurant-name`).

export interface SchemaFieldsProps {
  root: JsonSchema;
  fields: FieldNode[];
  value: unknown;
  onChange: (path: string, value: unknown) => void;
  onBlur?: (path: string) => void;
  problems: Problems;
  /** Warnings that do not stop sending (a USCC whose check character is off), by path. */
  flags?: Problems;
  /** Read-only (an admin's preview of a version). */
  disabled?: boolean;
}

export function useNodeLabel(): (node: FieldNode) => string {
  const { lang } = useI18n();
  return (node) => localName(node.label, lang, node.name);
}

function useOptions(): (options: ChoiceOption[]) => { value: string; label: string }[] {
  const { lang } = useI18n();
  return (options) => options.map((option) => ({ value: option.value, label: localName(option.label, lang, option.value) }));
}

export function SchemaFields(props: SchemaFieldsProps) {
  return (
    <>
      {props.fields.map((node) => (
        <SchemaField key={node.path} node={node} {...props} />
      ))}
    </>
  );
}

function problemsUnder(problems: Problems, path: string) {
  return Object.entries(problems)
    .filter(([p]) => p === path || p.startsWith(`${path}[`))
    .flatMap(([, list]) => list);
}

function SchemaField(props: SchemaFieldsProps & { node: FieldNode }) {
  const { node, root, value, onChange, onBlur, problems, flags = {}, disabled } = props;
  const { t, lang } = useI18n();
  const label = useNodeLabel()(node);
  const optionsOf = useOptions();
  const current = getAt(value, node.path);
  if (node.when && !safeCondition(node.when, value)) return null;
  // A field shown only under a condition is asked for because that condition needs it: not marked optional.
  const optional = node.required || node.when ? '' : ` ${t('optional')}`;
  const help = node.help ? localName(node.help, lang) : undefined;
  const Widget = node.widget ? fieldWidget(node.widget) : undefined;
  if (Widget) return <Widget {...props} label={label} help={help} />;
  switch (node.kind) {
    case 'section':
      return (
        <fieldset className="schema-section" data-path={node.path}>
          <legend>{label}</legend>
          {(help ?? node.description) && <p className="hint">{help ?? node.description}</p>}
          <SchemaFields root={root} fields={node.fields} value={value} onChange={onChange} onBlur={onBlur} problems={problems} flags={flags} disabled={disabled} />
        </fieldset>
      );
    case 'list': {
      const list = Array.isArray(current) ? current : [];
      const canAdd = !disabled && (node.maxItems === undefined || list.length < node.maxItems);
      return (
        <div className="schema-list" data-path={node.path}>
          <h3 className="schema-list-title">{label}</h3>
          {list.length === 0 && <p className="hint">{t('listEmpty')}</p>}
          {list.map((_, i) => (
            <fieldset className="card" key={i}>
              <legend>{t('itemN', { label, n: i + 1 })}</legend>
              <SchemaFields root={root} fields={elementFields(node, root, i)} value={value} onChange={onChange} onBlur={onBlur} problems={problems} flags={flags} disabled={disabled} />
              {!disabled && list.length > node.minItems && (
                <button type="button" className="button button--quiet" onClick={() => onChange(node.path, list.filter((__, j) => j !== i))}>
                  {t('removeItemN', { label, n: i + 1 })}
                </button>
              )}
            </fieldset>
          ))}
          {canAdd && (
            <button type="button" className="button button--secondary" onClick={() => onChange(node.path, [...list, emptyValue(node.item, root)])}>
              {t('addItem', { label })}
            </button>
          )}
          <FieldMessages id={`f-${node.path.replace(/[^A-Za-z0-9]+/g, '-')}`} problems={problems[node.path]} />
        </div>
      );
    }
    case 'choice':
      return node.widget === 'radio' ? (
        <ChoiceGroup
          path={node.path}
          label={label + optional}
          hint={help}
          value={typeof current === 'string' && current !== '' ? [current] : []}
          options={optionsOf(node.options)}
          onChange={([next]) => onChange(node.path, next)}
          problems={problems[node.path]}
          disabled={disabled}
        />
      ) : (
        <SelectField
          path={node.path}
          label={label + optional}
          hint={help}
          value={typeof current === 'string' ? current : ''}
          placeholder={t('choose')}
          options={optionsOf(node.options)}
          onChange={(next) => onChange(node.path, next)}
          onBlur={onBlur}
          problems={problems[node.path]}
          disabled={disabled}
        />
      );
    case 'choices':
      return (
        <ChoiceGroup
          path={node.path}
          label={label + optional}
          hint={help}
          multiple
          value={Array.isArray(current) ? current.map(String) : []}
          options={optionsOf(node.options)}
          onChange={(next) => onChange(node.path, node.options.map((option) => option.value).filter((option) => next.includes(option)))}
          problems={problemsUnder(problems, node.path)}
          disabled={disabled}
        />
      );
    case 'checkbox':
      return <CheckboxField path={node.path} label={label} value={current === true} onChange={(next) => onChange(node.path, next)} disabled={disabled} />;
    case 'text':
      if (node.format === 'division-code') {
        return <DivisionNodeField node={node} value={current} label={label + optional} help={help} onChange={onChange} onBlur={onBlur} problems={problems} disabled={disabled} />;
      }
      return <TextNodeField node={node} value={current} label={label + optional} help={help} onChange={onChange} onBlur={onBlur} problems={problems} flags={flags} disabled={disabled} />;
  }
}

/** A shown-when condition that cannot be evaluated (a value of the wrong type mid-edit) shows the field. */
function safeCondition(condition: NonNullable<FieldNode['when']>, value: unknown): boolean {
  try {
    return evaluateCondition(condition, value);
  } catch {
    return true;
  }
}

/** A text input; a money field also takes "50万" or "500,000" and says what it made of them. */
function TextNodeField({ node, value, label, help, onChange, onBlur, problems, flags, disabled }: { node: Extract<FieldNode, { kind: 'text' }>; value: unknown; label: string; help?: string; onChange: SchemaFieldsProps['onChange']; onBlur?: SchemaFieldsProps['onBlur']; problems: Problems; flags: Problems; disabled?: boolean }) {
  const { t } = useI18n();
  const [normalised, setNormalised] = useState<string | null>(null);
  const widget = formatWidget(node.format);
  const numeric = node.valueType !== 'string';
  const text = value === undefined || value === null ? '' : String(value);
  const formatHint = widget?.hint && hasMessage(widget.hint) ? t(widget.hint) : node.description;
  const blur = (path: string) => {
    if (node.format === 'money') {
      const amount = normaliseMoney(text);
      if (amount !== null && amount !== text.trim()) {
        onChange(path, amount);
        setNormalised(amount);
      }
    }
    onBlur?.(path);
  };
  return (
    <TextField
      path={node.path}
      label={label}
      hint={normalised !== null && normalised === text ? t('amountNormalised', { value: normalised }) : (help ?? formatHint)}
      value={text}
      onChange={(next) => {
        setNormalised(null);
        onChange(node.path, numeric && next.trim() !== '' && String(Number(next)) === next.trim() ? Number(next) : next);
      }}
      onBlur={blur}
      problems={problems[node.path]}
      flags={flags[node.path]}
      disabled={disabled}
      type={widget?.type}
      inputMode={widget?.inputMode ?? (numeric ? 'decimal' : undefined)}
      autoComplete={widget?.autoComplete ?? (node.personalData ? 'off' : undefined)}
      maxLength={widget?.maxLength ?? node.maxLength}
      multiline={node.multiline}
    />
  );
}

const OTHER_DIVISION = 'other';

/**
 * A division picked by name from those the jurisdiction accepts (the served rules), or typed as a code
 * under "other" (a 9- or 12-digit township or street code): nobody has to know that 吉首市 is 433101.
 */
function DivisionNodeField({ node, value, label, help, onChange, onBlur, problems, disabled }: { node: Extract<FieldNode, { kind: 'text' }>; value: unknown; label: string; help?: string; onChange: SchemaFieldsProps['onChange']; onBlur?: SchemaFieldsProps['onBlur']; problems: Problems; disabled?: boolean }) {
  const { t, lang } = useI18n();
  const { rules } = useApplicationRules();
  const code = typeof value === 'string' ? value : '';
  const divisions = rules ? divisionsIn(rules.jurisdiction) : [];
  const listed = divisions.some((division) => division.code === code);
  // Chosen "other" in this field; a code the list lacks (typed earlier, a township's) also shows as typed.
  // Not decided on the first render: the served rules (and with them the list) may not be read yet.
  const [typing, setTyping] = useState(false);
  const other = typing || (code !== '' && !listed);
  if (divisions.length === 0) return <TextNodeField node={node} value={value} label={label} help={help} onChange={onChange} onBlur={onBlur} problems={problems} flags={{}} disabled={disabled} />;
  return (
    <>
      <SelectField
        path={node.path}
        label={label}
        hint={help}
        value={other ? OTHER_DIVISION : code}
        placeholder={t('chooseDivision')}
        options={[
          ...divisions.map((division) => ({ value: division.code, label: `${lang === 'zh' ? division.nameZh : division.nameEn}（${division.code}）` })),
          { value: OTHER_DIVISION, label: t('divisionOther') },
        ]}
        onChange={(next) => {
          setTyping(next === OTHER_DIVISION);
          onChange(node.path, next === OTHER_DIVISION ? '' : next);
        }}
        onBlur={onBlur}
        problems={other ? undefined : problems[node.path]}
        disabled={disabled}
      />
      {other && (
        <TextField
          path={`${node.path}-typed`}
          label={t('divisionOtherCode')}
          hint={t('h.company.address.divisionCode')}
          value={code}
          inputMode="numeric"
          maxLength={12}
          onChange={(next) => onChange(node.path, next)}
          onBlur={() => onBlur?.(node.path)}
          problems={problems[node.path]}
          disabled={disabled}
        />
      )}
    </>
  );
}
