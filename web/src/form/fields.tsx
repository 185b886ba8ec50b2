import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { fieldId, problemText, type Problem } from './form-model';

// Labelled inputs: each label is tied to its input, hints and errors are read out with it
// (aria-describedby), and an invalid input says so (aria-invalid).

interface Common {
  path: string;
  label: string;
  hint?: string;
  problems?: Problem[];
  flags?: Problem[];
  disabled?: boolean;
  onBlur?: (path: string) => void;
}

function describedBy(id: string, hint: boolean, problems: boolean, flags: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : '', problems ? `${id}-err` : '', flags ? `${id}-flag` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldMessages({ id, problems, flags }: { id: string; problems?: Problem[]; flags?: Problem[] }) {
  const { t } = useI18n();
  return (
    <>
      {problems && problems.length > 0 && (
        <ul className="field-errors" id={`${id}-err`}>
          {problems.map((problem, i) => (
            <li key={i}>{problemText(problem, t)}</li>
          ))}
        </ul>
      )}
      {flags && flags.length > 0 && (
        <ul className="field-flags" id={`${id}-flag`}>
          {flags.map((flag, i) => (
            <li key={i}>{t('flagWarning', { text: problemText(flag, t) })}</li>
          ))}
        </ul>
      )}
    </>
  );
}

export function TextField({
  path,
  label,
  hint,
  problems,
  flags,
  disabled,
  onBlur,
  value,
  onChange,
  type = 'text',
  inputMode,
  autoComplete,
  multiline,
  maxLength,
}: Common & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date' | 'password' | 'tel';
  inputMode?: 'text' | 'numeric' | 'decimal' | 'tel';
  autoComplete?: string;
  multiline?: boolean;
  maxLength?: number;
}) {
  const id = fieldId(path);
  const invalid = (problems?.length ?? 0) > 0;
  const props = {
    id,
    name: path,
    value,
    disabled,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy(id, Boolean(hint), invalid, (flags?.length ?? 0) > 0),
    onBlur: () => onBlur?.(path),
    maxLength,
  };
  return (
    <div className={`field${invalid ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...props} rows={4} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...props} type={type} inputMode={inputMode} autoComplete={autoComplete} spellCheck={false} onChange={(event) => onChange(event.target.value)} />
      )}
      <FieldMessages id={id} problems={problems} flags={flags} />
    </div>
  );
}

export function SelectField({
  path,
  label,
  hint,
  problems,
  disabled,
  onBlur,
  value,
  onChange,
  options,
  placeholder,
}: Common & { value: string; onChange: (value: string) => void; options: { value: string; label: string }[]; placeholder?: string }) {
  const id = fieldId(path);
  const invalid = (problems?.length ?? 0) > 0;
  return (
    <div className={`field${invalid ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <select
        id={id}
        name={path}
        value={value}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, Boolean(hint), invalid, false)}
        onBlur={() => onBlur?.(path)}
        onChange={(event) => onChange(event.target.value)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} problems={problems} />
    </div>
  );
}

/** Radio buttons or check boxes in a fieldset whose legend is the question. */
export function ChoiceGroup({
  path,
  label,
  hint,
  problems,
  disabled,
  multiple,
  value,
  onChange,
  options,
}: Common & { multiple?: boolean; value: string[]; onChange: (value: string[]) => void; options: { value: string; label: string }[] }) {
  const id = fieldId(path);
  const invalid = (problems?.length ?? 0) > 0;
  return (
    <fieldset className={`field choice${invalid ? ' field--invalid' : ''}`} id={id} aria-describedby={describedBy(id, Boolean(hint), invalid, false)} tabIndex={-1}>
      <legend>{label}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {options.map((option) => {
        const optionId = `${id}-${option.value}`;
        const checked = value.includes(option.value);
        return (
          <div className="choice-option" key={option.value}>
            <input
              id={optionId}
              type={multiple ? 'checkbox' : 'radio'}
              name={path}
              value={option.value}
              checked={checked}
              disabled={disabled}
              onChange={(event) => {
                if (!multiple) onChange([option.value]);
                else onChange(event.target.checked ? [...value, option.value] : value.filter((v) => v !== option.value));
              }}
            />
            <label htmlFor={optionId}>{option.label}</label>
          </div>
        );
      })}
      <FieldMessages id={id} problems={problems} />
    </fieldset>
  );
}

export function CheckboxField({ path, label, disabled, value, onChange }: Common & { value: boolean; onChange: (value: boolean) => void }) {
  const id = fieldId(path);
  return (
    <div className="field choice-option">
      <input id={id} name={path} type="checkbox" checked={value} disabled={disabled} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function ReadOnlyList({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="readonly">
      {items.map((item, i) => (
        <div key={i}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
