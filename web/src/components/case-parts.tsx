import { DEPARTMENT_INFO, type Department } from '@onetrip/domain';
import type { LocalizedName, ProcessDefinition } from '@onetrip/domain';
import { Fragment, type ReactNode } from 'react';
import { outcomeRows, type OutcomeRow, type OutcomeValue } from '../engine/outcome-layout';
import { localName, type CaseProcessRef } from '../engine/process-api';
import { ProcessGraph, type StepStatusOf } from '../engine/process-graph-view';
import { hasMessage, useI18n, type MessageKey } from '../i18n';
import { formatDateTime, formatMinutes, formatMoney, formatWorkingMinutes } from '../format';
import type { CaseStep, CaseView } from '../api';
import { useNow } from './ui';

// The pieces of a case page: the steps' progress (a list, and the definition's graph), the combined
// outcome, the fee ledger. Departments and steps are the definition's; the enterprise opening's
// five departments keep their built-in names when no definition is at hand.

/** What the engine adds to a case view (issue 12): local until api-types.ts is generated with it. */
export type EngineCaseStep = CaseStep & { stepId?: string; name?: LocalizedName; dependsOn?: string[] };
export type EngineCaseView = Omit<CaseView, 'steps'> & { process?: CaseProcessRef; steps: EngineCaseStep[] };

const known = (department: string): department is Department => Object.prototype.hasOwnProperty.call(DEPARTMENT_INFO, department);

export function useDepartmentName(definition?: ProcessDefinition): (department: string) => string {
  const { lang } = useI18n();
  return (department) => {
    const declared = definition?.departments.find((d) => d.code === department);
    if (declared) return localName(declared.name, lang, department);
    if (!known(department)) return department;
    return lang === 'zh' ? DEPARTMENT_INFO[department].nameZh : DEPARTMENT_INFO[department].nameEn;
  };
}

export function useStepName(): (department: string) => string {
  const { lang } = useI18n();
  return (department) => (!known(department) ? department : lang === 'zh' ? DEPARTMENT_INFO[department].stepZh : DEPARTMENT_INFO[department].stepEn);
}

/** A step's id in the definition: the view's `stepId`, else (cases from before the engine) its department. */
export function stepIdOf(step: EngineCaseStep): string {
  return step.stepId ?? step.department;
}

export function stepStatuses(steps: readonly EngineCaseStep[]): Map<string, StepStatusOf> {
  return new Map(steps.map((step) => [stepIdOf(step), { status: String(step.status), overdue: step.overdue }]));
}

/** The case's progress as its definition's graph (SVG), when the definition is at hand. */
export function ProgressGraph({ definition, steps, idPrefix }: { definition?: ProcessDefinition; steps: EngineCaseStep[]; idPrefix?: string }) {
  if (!definition) return null;
  return <ProcessGraph definition={definition} statuses={stepStatuses(steps)} idPrefix={idPrefix} />;
}

export function StatusBadge({ status, kind = 'status' }: { status: string; kind?: 'status' | 'step' }) {
  const { t } = useI18n();
  const key = `${kind}.${status}`;
  return <span className={`badge badge--${status.toLowerCase()}`}>{hasMessage(key) ? t(key as MessageKey) : status}</span>;
}

export function doneCount(steps: readonly CaseStep[]): number {
  return steps.filter((step) => step.status === 'DONE').length;
}

export function StepProgress({ steps, definition, ended = false }: { steps: EngineCaseStep[]; definition?: ProcessDefinition; ended?: boolean }) {
  const { t, lang } = useI18n();
  const name = useDepartmentName(definition);
  const stepName = useStepName();
  const now = useNow(10_000);
  const done = doneCount(steps);
  // The enterprise opening without its definition at hand keeps its five-department wording.
  const generic = definition !== undefined && definition.key !== 'enterprise-opening';
  // A step not needed (SKIPPED) is no part of the work left.
  const total = steps.filter((step) => String(step.status) !== 'SKIPPED').length;
  const doneText = generic ? t('doneOfN', { done, total }) : t('doneOfFive', { done });
  const first = new Set(definition ? definition.steps.filter((s) => s.dependsOn.length === 0).map((s) => s.id) : ['SAMR']);
  return (
    <section aria-labelledby="progress-title" className="panel">
      <h2 id="progress-title">{generic ? t('stepsProgressTitle') : t('progressTitle')}</h2>
      <div className="meter" role="progressbar" aria-labelledby="progress-title" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-valuetext={doneText}>
        <div className="meter-fill" style={{ width: `${total === 0 ? 0 : (done / total) * 100}%` }} />
      </div>
      <p className="meter-label">{doneText}</p>
      <ProgressGraph definition={definition} steps={steps} idPrefix="progress-graph" />
      <ol className="steps">
        {steps.map((step) => {
          const id = stepIdOf(step);
          const status = String(step.status);
          const declared = definition?.steps.find((s) => s.id === id);
          const pendingKey: MessageKey = first.has(id) ? 'step.PENDING_FIRST' : generic ? 'graph.PENDING' : 'step.PENDING';
          // On an ended case a step that never opened is not waiting for anything (a withdrawn case shows no 等待营业执照).
          const statusText = status === 'PENDING' ? t(ended ? 'step.NOT_REACHED' : pendingKey) : hasMessage(`step.${status}`) ? t(`step.${status}` as MessageKey) : status;
          const late = step.overdue && step.dueAt ? (now.getTime() - new Date(step.dueAt).getTime()) / 60_000 : 0;
          const title = declared && generic ? localName(declared.name, lang, id) : name(step.department);
          const detail = declared && generic ? name(step.department) : declared ? localName(declared.name, lang, id) : stepName(step.department);
          return (
            <li key={id} className={`step step--${status.toLowerCase()}${step.overdue ? ' step--overdue' : ''}`} data-department={step.department} data-step={id} data-status={status}>
              <div className="step-head">
                <span className="step-marker" aria-hidden="true">
                  {status === 'DONE' ? '✓' : status === 'RETURNED' ? '!' : status === 'REJECTED' ? '×' : status === 'SKIPPED' ? '–' : '•'}
                </span>
                <span className="step-name">{title}</span>
                <span className={`badge badge--${status.toLowerCase()}`}>{statusText}</span>
              </div>
              <p className="step-detail">{detail}</p>
              {(status === 'OPEN' || status === 'CLAIMED') && step.dueAt && (
                <p className={step.overdue ? 'step-due overdue' : 'step-due'}>
                  {t('whoHasIt', { who: name(step.department) })} · {t('dueAt', { time: formatDateTime(step.dueAt, lang) })}
                  {step.overdue && <strong> · {late > 0 ? t('overdueBy', { time: formatMinutes(late, t) }) : t('overdue')}</strong>}
                  {!step.overdue && step.workingMinutesLeft !== undefined && <> · {t('workingHoursLeft', { time: formatWorkingMinutes(step.workingMinutesLeft, t) })}</>}
                </p>
              )}
              {status === 'DONE' && step.completedAt && <p className="step-due">{t('doneAt', { time: formatDateTime(step.completedAt, lang) })}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function OutcomeValueView({ value }: { value: OutcomeValue }): ReactNode {
  const { t, lang } = useI18n();
  switch (value.kind) {
    case 'none':
      return t('outcomeNone');
    case 'words':
      return localName(value.words, lang);
    case 'code':
      return <code>{value.code}</code>;
    case 'list':
      // One line per element: its values in order, the first (a seal's kind) before the rest (its filing code).
      return (
        <ul className="plain">
          {value.items.map((parts, i) => (
            <li key={i}>
              {parts.map((part, j) => (
                <Fragment key={j}>
                  {j === 1 ? ': ' : j > 1 ? ' · ' : null}
                  <OutcomeValueView value={part} />
                </Fragment>
              ))}
            </li>
          ))}
        </ul>
      );
    case 'group':
      return <OutcomeRows rows={value.rows} />;
  }
}

function OutcomeRows({ rows }: { rows: OutcomeRow[] }) {
  const { lang } = useI18n();
  return (
    <dl className="readonly">
      {rows.map((row) => (
        <div key={row.field} data-field={row.field} className={row.value.kind === 'group' ? 'readonly-group' : undefined}>
          <dt>{localName(row.label, lang, row.field)}</dt>
          <dd>
            <OutcomeValueView value={row.value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The one combined outcome, laid out by the definition's outcome fields (each labelled, in words, from where it comes). */
export function DefinitionOutcomeView({ definition, outcome }: { definition: ProcessDefinition; outcome: Record<string, unknown> }) {
  const { t, lang } = useI18n();
  const delivery = outcome.delivery as { method?: string; tripsRequired?: number } | undefined;
  const option = definition.outcome.delivery.options.find((o) => o.method === delivery?.method);
  return (
    <section aria-labelledby="outcome-title" className="panel panel--success" data-testid="outcome">
      <h2 id="outcome-title">{t('outcomeTitle')}</h2>
      <OutcomeRows rows={outcomeRows(definition, outcome)} />
      <dl className="readonly">
        <div>
          <dt>{t('deliveryMethod')}</dt>
          <dd>{option ? localName(option.name, lang, option.method) : (delivery?.method ?? '—')}</dd>
        </div>
        <div>
          <dt>{t('tripsRequired')}</dt>
          <dd>
            <strong data-testid="trips">{t('tripsN', { n: delivery?.tripsRequired ?? option?.tripsRequired ?? '—' })}</strong>
          </dd>
        </div>
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
