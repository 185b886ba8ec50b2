import { DEPARTMENT_INFO, findBank, type Department } from '@onetrip/domain';
import type { ReactNode } from 'react';
import { hasMessage, useI18n, type MessageKey } from '../i18n';
import { formatDateTime, formatMinutes, formatMoney } from '../format';
import type { CaseOutcome, CaseStep, CaseView } from '../api';
import { useNow } from './ui';

// The pieces of a case page: the five departments' progress, the combined outcome, the fee ledger.

export function useDepartmentName(): (department: Department) => string {
  const { lang } = useI18n();
  return (department) => (lang === 'zh' ? DEPARTMENT_INFO[department].nameZh : DEPARTMENT_INFO[department].nameEn);
}

export function useStepName(): (department: Department) => string {
  const { lang } = useI18n();
  return (department) => (lang === 'zh' ? DEPARTMENT_INFO[department].stepZh : DEPARTMENT_INFO[department].stepEn);
}

export function StatusBadge({ status, kind = 'status' }: { status: string; kind?: 'status' | 'step' }) {
  const { t } = useI18n();
  const key = `${kind}.${status}`;
  return <span className={`badge badge--${status.toLowerCase()}`}>{hasMessage(key) ? t(key as MessageKey) : status}</span>;
}

export function doneCount(steps: readonly CaseStep[]): number {
  return steps.filter((step) => step.status === 'DONE').length;
}

export function StepProgress({ steps }: { steps: CaseStep[] }) {
  const { t, lang } = useI18n();
  const name = useDepartmentName();
  const stepName = useStepName();
  const now = useNow(10_000);
  const done = doneCount(steps);
  return (
    <section aria-labelledby="progress-title" className="panel">
      <h2 id="progress-title">{t('progressTitle')}</h2>
      <div className="meter" role="progressbar" aria-labelledby="progress-title" aria-valuemin={0} aria-valuemax={5} aria-valuenow={done} aria-valuetext={t('doneOfFive', { done })}>
        <div className="meter-fill" style={{ width: `${(done / 5) * 100}%` }} />
      </div>
      <p className="meter-label">{t('doneOfFive', { done })}</p>
      <ol className="steps">
        {steps.map((step) => {
          const pendingKey: MessageKey = step.department === 'SAMR' ? 'step.PENDING_FIRST' : 'step.PENDING';
          const statusText = step.status === 'PENDING' ? t(pendingKey) : hasMessage(`step.${step.status}`) ? t(`step.${step.status}` as MessageKey) : step.status;
          const late = step.overdue && step.dueAt ? (now.getTime() - new Date(step.dueAt).getTime()) / 60_000 : 0;
          return (
            <li key={step.department} className={`step step--${step.status.toLowerCase()}${step.overdue ? ' step--overdue' : ''}`} data-department={step.department} data-status={step.status}>
              <div className="step-head">
                <span className="step-marker" aria-hidden="true">
                  {step.status === 'DONE' ? '✓' : step.status === 'RETURNED' ? '!' : step.status === 'REJECTED' ? '×' : '•'}
                </span>
                <span className="step-name">{name(step.department)}</span>
                <span className={`badge badge--${step.status.toLowerCase()}`}>{statusText}</span>
              </div>
              <p className="step-detail">{stepName(step.department)}</p>
              {(step.status === 'OPEN' || step.status === 'CLAIMED') && step.dueAt && (
                <p className={step.overdue ? 'step-due overdue' : 'step-due'}>
                  {t('whoHasIt', { who: name(step.department) })} · {t('dueAt', { time: formatDateTime(step.dueAt, lang) })}
                  {step.overdue && <strong> · {late > 0 ? t('overdueBy', { time: formatMinutes(late, t) }) : t('overdue')}</strong>}
                </p>
              )}
              {step.status === 'DONE' && step.completedAt && <p className="step-due">{t('doneAt', { time: formatDateTime(step.completedAt, lang) })}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function OutcomeView({ outcome }: { outcome: CaseOutcome }) {
  const { t, lang } = useI18n();
  const bank = outcome.bankAccount?.bankCode ? findBank(outcome.bankAccount.bankCode) : undefined;
  const method = outcome.delivery?.method;
  const rows: Array<[string, ReactNode]> = [
    [t('uscc'), <code key="u">{outcome.uscc ?? '—'}</code>],
    [t('licenseNumber'), <code key="l">{outcome.licenseNumber ?? '—'}</code>],
    [
      t('sealsIssued'),
      <ul key="s" className="plain">
        {(outcome.seals ?? []).map((seal) => (
          <li key={seal.kind}>
            {hasMessage(`seal.${seal.kind}`) ? t(`seal.${seal.kind}` as MessageKey) : seal.kind}: <code>{seal.code}</code>
          </li>
        ))}
      </ul>,
    ],
    [t('taxpayerId'), <code key="ti">{outcome.tax?.taxpayerId ?? '—'}</code>],
    [t('ukeyNumber'), <code key="uk">{outcome.tax?.ukeyNumber ?? '—'}</code>],
    [t('siNumber'), <code key="si">{outcome.socialInsurance?.registrationNumber ?? '—'}</code>],
    [
      t('bankAccount'),
      <span key="b">
        {bank ? (lang === 'zh' ? bank.nameZh : bank.nameEn) : (outcome.bankAccount?.bankCode ?? '')} <code>{outcome.bankAccount?.accountNumber ?? '—'}</code>
      </span>,
    ],
    [t('deliveryMethod'), method && hasMessage(`delivery.${method}`) ? t(`delivery.${method}` as MessageKey) : (method ?? '—')],
    [t('tripsRequired'), <strong key="tr" data-testid="trips">{t('tripsN', { n: outcome.delivery?.tripsRequired ?? '—' })}</strong>],
  ];
  return (
    <section aria-labelledby="outcome-title" className="panel panel--success" data-testid="outcome">
      <h2 id="outcome-title">{t('outcomeTitle')}</h2>
      <dl className="readonly">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function FeeLedgerView({ fees }: { fees: CaseView['fees'] }) {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="fees-title" className="panel" data-testid="fees">
      <h2 id="fees-title">{t('feesTitle')}</h2>
      <div className="fee-totals">
        <div className="fee-total fee-total--you">
          <span>{t('youPay')}</span>
          <strong data-testid="applicant-total">{formatMoney(fees.applicantTotal)}</strong>
        </div>
        <div className="fee-total">
          <span>{t('borneByOthers')}</span>
          <strong data-testid="borne-by-others">{formatMoney(fees.borneByOthers)}</strong>
        </div>
      </div>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('feesTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('feeItem')}</th>
              <th scope="col" className="num">
                {t('feeAmount')}
              </th>
              <th scope="col">{t('feePaidBy')}</th>
            </tr>
          </thead>
          <tbody>
            {fees.items.map((item) => (
              <tr key={item.code}>
                <td>{lang === 'zh' ? (item.descriptionZh ?? item.description) : item.description}</td>
                <td className="num">{formatMoney(item.amount)}</td>
                <td>{hasMessage(`payer.${item.payer}`) ? t(`payer.${item.payer}` as MessageKey) : item.payer}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
