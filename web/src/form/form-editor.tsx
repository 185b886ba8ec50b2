import {
  BANKS,
  ENTITY_TYPES,
  findBank,
  Money,
  SEAL_KINDS,
  SHAREHOLDER_KINDS,
  TAXPAYER_TYPES,
  DELIVERY_METHODS,
  type ApplicationForm,
  type Employee,
  type Shareholder,
} from '@onetrip/domain';
import type { ReactNode } from 'react';
import { widgetInputProps } from '../engine/format-widgets';
import { hasMessage, useI18n, type Translate } from '../i18n';
import { ChoiceGroup, CheckboxField, FieldMessages, SelectField, TextField } from './fields';
import { fieldLabel, type PartKey, type Problem, type Problems } from './form-model';

// The fields of each part of the combined form. The same editor serves a new application (everything
// editable) and a correction (only the fields the notice names are shown and editable).

export interface EditorProps {
  form: ApplicationForm;
  onChange: (path: string, value: unknown) => void;
  onBlur: (path: string) => void;
  /** Problems to show now, by path. */
  problems: Problems;
  flags?: Problems;
  editable?: (path: string) => boolean;
  /** Correction mode: hide what may not be changed. */
  onlyEditable?: boolean;
}

const always = (): boolean => true;

function problemsUnder(problems: Problems, prefix: string): Problem[] {
  return Object.entries(problems)
    .filter(([path]) => path === prefix || path.startsWith(`${prefix}[`))
    .flatMap(([, list]) => list);
}

export function PartFields({ part, ...props }: EditorProps & { part: PartKey }) {
  const { t, lang } = useI18n();
  const byFormat = (format: string) => widgetInputProps(format, (key) => (hasMessage(key) ? t(key) : key));
  const { form, onChange, onBlur, problems, flags = {}, onlyEditable } = props;
  const editable = props.editable ?? always;
  const show = (path: string): boolean => !onlyEditable || editable(path);
  const text = (path: string, value: string | undefined, extra: Partial<Parameters<typeof TextField>[0]> = {}): ReactNode =>
    show(path) ? (
      <TextField
        key={path}
        path={path}
        label={fieldLabel(path, t)}
        value={value ?? ''}
        onChange={(next) => onChange(path, next)}
        onBlur={onBlur}
        problems={problems[path]}
        flags={flags[path]}
        disabled={!editable(path)}
        {...extra}
      />
    ) : null;

  switch (part) {
    case 'company': {
      const { company } = form;
      return (
        <>
          {text('company.name', company.name, { hint: t('h.company.name'), maxLength: 100 })}
          {show('company.entityType') && (
            <SelectField
              path="company.entityType"
              label={t('f.company.entityType')}
              value={company.entityType}
              options={ENTITY_TYPES.map((value) => ({ value, label: t(`entityType.${value}`) }))}
              onChange={(value) => onChange('company.entityType', value)}
              onBlur={onBlur}
              problems={problems['company.entityType']}
              disabled={!editable('company.entityType')}
            />
          )}
          {text('company.registeredCapital', company.registeredCapital, byFormat('money'))}
          {show('company.businessScope') && (
            <TextField
              path="company.businessScope"
              label={t('f.company.businessScope')}
              hint={t('h.company.businessScope')}
              multiline
              value={company.businessScope.join('\n')}
              onChange={(value) => onChange('company.businessScope', value.split('\n'))}
              onBlur={onBlur}
              problems={problemsUnder(problems, 'company.businessScope')}
              disabled={!editable('company.businessScope')}
            />
          )}
          {text('company.address.divisionCode', company.address.divisionCode, byFormat('division-code'))}
          {text('company.address.detail', company.address.detail, { maxLength: 200 })}
        </>
      );
    }
    case 'legalRepresentative': {
      const person = form.legalRepresentative;
      return (
        <>
          {text('legalRepresentative.name', person.name, { autoComplete: 'name', maxLength: 100 })}
          {text('legalRepresentative.idNumber', person.idNumber, byFormat('resident-id'))}
          {text('legalRepresentative.mobile', person.mobile, byFormat('mobile'))}
        </>
      );
    }
    case 'shareholders':
      return <ShareholderList {...props} editable={editable} show={show} text={text} />;
    case 'seals':
      return show('seals.kinds') ? (
        <ChoiceGroup
          path="seals.kinds"
          label={t('f.seals.kinds')}
          multiple
          value={form.seals.kinds}
          options={SEAL_KINDS.map((value) => ({ value, label: t(`seal.${value}`) }))}
          onChange={(kinds) => onChange('seals.kinds', SEAL_KINDS.filter((kind) => kinds.includes(kind)))}
          problems={problems['seals.kinds']}
          disabled={!editable('seals.kinds')}
        />
      ) : null;
    case 'tax':
      return (
        <>
          {show('tax.taxpayerType') && (
            <ChoiceGroup
              path="tax.taxpayerType"
              label={t('f.tax.taxpayerType')}
              value={[form.tax.taxpayerType]}
              options={TAXPAYER_TYPES.map((value) => ({ value, label: t(`taxpayer.${value}`) }))}
              onChange={([value]) => onChange('tax.taxpayerType', value)}
              problems={problems['tax.taxpayerType']}
              disabled={!editable('tax.taxpayerType')}
            />
          )}
          {show('tax.invoices') && (
            <CheckboxField path="tax.invoices" label={t('f.tax.invoices')} value={form.tax.invoices} onChange={(value) => onChange('tax.invoices', value)} disabled={!editable('tax.invoices')} />
          )}
          {show('tax.ukey') && <CheckboxField path="tax.ukey" label={t('f.tax.ukey')} value={form.tax.ukey} onChange={(value) => onChange('tax.ukey', value)} disabled={!editable('tax.ukey')} />}
        </>
      );
    case 'socialInsurance':
      return <EmployeeList {...props} editable={editable} show={show} text={text} />;
    case 'bank': {
      const bank = findBank(form.bank.bankCode);
      return (
        <>
          {show('bank.bankCode') && (
            <SelectField
              path="bank.bankCode"
              label={t('f.bank.bankCode')}
              value={form.bank.bankCode}
              placeholder={t('chooseBank')}
              options={BANKS.map((b) => ({ value: b.code, label: lang === 'zh' ? b.nameZh : b.nameEn }))}
              onChange={(value) => onChange('bank.bankCode', value)}
              onBlur={onBlur}
              problems={problems['bank.bankCode']}
              disabled={!editable('bank.bankCode')}
            />
          )}
          {text('bank.branch', form.bank.branch, { hint: `${t('optional')}${bank ? ` ${bank.nameZh}${bank.defaultBranch}` : ''}`, maxLength: 100 })}
        </>
      );
    }
    case 'delivery':
      return (
        <>
          {show('delivery.method') && (
            <ChoiceGroup
              path="delivery.method"
              label={t('f.delivery.method')}
              value={[form.delivery.method]}
              options={DELIVERY_METHODS.map((value) => ({ value, label: t(`delivery.${value}`) }))}
              onChange={([value]) => onChange('delivery.method', value)}
              problems={problems['delivery.method']}
              disabled={!editable('delivery.method')}
            />
          )}
          {(form.delivery.method === 'FREE_MAIL' || onlyEditable) && text('delivery.address', form.delivery.address, { autoComplete: 'street-address', maxLength: 200 })}
        </>
      );
  }
}

type ListProps = EditorProps & {
  editable: (path: string) => boolean;
  show: (path: string) => boolean;
  text: (path: string, value: string | undefined, extra?: Partial<Parameters<typeof TextField>[0]>) => ReactNode;
};

function capitalSummary(form: ApplicationForm, t: Translate): string | null {
  const amounts = form.shareholders.map((s) => s.subscribedCapital.trim());
  if (!amounts.every((a) => Money.isValid(a)) || !Money.isValid(form.company.registeredCapital.trim())) return null;
  return t('capitalTotal', {
    total: Money.sum(amounts.map((a) => Money.parse(a))).toDisplayString(),
    registered: Money.parse(form.company.registeredCapital.trim()).toDisplayString(),
  });
}

function ShareholderList({ form, onChange, onBlur, problems, editable, show, text, onlyEditable }: ListProps) {
  const { t } = useI18n();
  const byFormat = (format: string) => widgetInputProps(format, (key) => (hasMessage(key) ? t(key) : key));
  const listEditable = editable('shareholders');
  const listProblems = problems['shareholders'];
  const mismatch = problems['company.registeredCapital']?.filter((p) => p.code === 'CAPITAL_MISMATCH') ?? [];
  const summary = capitalSummary(form, t);
  const fields = (s: Shareholder, i: number): string[] => [`shareholders[${i}].name`, `shareholders[${i}].kind`, s.kind === 'PERSON' ? `shareholders[${i}].idNumber` : `shareholders[${i}].uscc`, `shareholders[${i}].subscribedCapital`];
  return (
    <>
      <FieldMessages id="f-shareholders" problems={listProblems} />
      {form.shareholders.map((s, i) =>
        fields(s, i).some(show) ? (
          <fieldset className="card" key={i}>
            <legend>{t('shareholderN', { n: i + 1 })}</legend>
            {text(`shareholders[${i}].name`, s.name, { maxLength: 100 })}
            {show(`shareholders[${i}].kind`) && (
              <SelectField
                path={`shareholders[${i}].kind`}
                label={t('f.shareholder.kind')}
                value={s.kind}
                options={SHAREHOLDER_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))}
                onChange={(value) => onChange(`shareholders[${i}].kind`, value)}
                onBlur={onBlur}
                problems={problems[`shareholders[${i}].kind`]}
                disabled={!editable(`shareholders[${i}].kind`)}
              />
            )}
            {s.kind === 'PERSON'
              ? text(`shareholders[${i}].idNumber`, s.idNumber, byFormat('resident-id'))
              : text(`shareholders[${i}].uscc`, s.uscc, byFormat('uscc'))}
            {text(`shareholders[${i}].subscribedCapital`, s.subscribedCapital, byFormat('money'))}
            {listEditable && form.shareholders.length > 1 && (
              <button type="button" className="button button--quiet" onClick={() => onChange('shareholders', form.shareholders.filter((_, j) => j !== i))}>
                {t('removeShareholder', { n: i + 1 })}
              </button>
            )}
          </fieldset>
        ) : null,
      )}
      {listEditable && (!onlyEditable || show('shareholders')) && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange('shareholders', [...form.shareholders, { name: '', kind: 'PERSON', idNumber: '', subscribedCapital: '' } satisfies Shareholder])}
        >
          {t('addShareholder')}
        </button>
      )}
      {!onlyEditable && summary && <p className={mismatch.length > 0 ? 'capital capital--mismatch' : 'capital'}>{summary}</p>}
      {!onlyEditable && <FieldMessages id="f-shareholders-capital" problems={mismatch} />}
    </>
  );
}

function EmployeeList({ form, onChange, problems, editable, show, text, onlyEditable }: ListProps) {
  const { t } = useI18n();
  const byFormat = (format: string) => widgetInputProps(format, (key) => (hasMessage(key) ? t(key) : key));
  const listEditable = editable('socialInsurance.employees');
  const employees = form.socialInsurance.employees;
  return (
    <>
      {employees.length === 0 && <p className="hint">{t('noEmployees')}</p>}
      {employees.map((e, i) => {
        const base = `socialInsurance.employees[${i}]`;
        if (![`${base}.name`, `${base}.idNumber`, `${base}.startDate`].some(show)) return null;
        return (
          <fieldset className="card" key={i}>
            <legend>{t('employeeN', { n: i + 1 })}</legend>
            {text(`${base}.name`, e.name, { maxLength: 100 })}
            {text(`${base}.idNumber`, e.idNumber, byFormat('resident-id'))}
            {text(`${base}.startDate`, e.startDate, byFormat('date'))}
            {listEditable && (
              <button type="button" className="button button--quiet" onClick={() => onChange('socialInsurance.employees', employees.filter((_, j) => j !== i))}>
                {t('removeEmployee', { n: i + 1 })}
              </button>
            )}
          </fieldset>
        );
      })}
      {listEditable && (!onlyEditable || show('socialInsurance.employees')) && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange('socialInsurance.employees', [...employees, { name: '', idNumber: '', startDate: '' } satisfies Employee])}
        >
          {t('addEmployee')}
        </button>
      )}
      <FieldMessages id="f-socialInsurance-employees" problems={problems['socialInsurance.employees']} />
    </>
  );
}
