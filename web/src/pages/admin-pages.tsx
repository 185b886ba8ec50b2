import { DEPARTMENTS, shanghaiDate, addDays, type Department } from '@onetrip/domain';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, apiText } from '../api';
import { StatusBadge, StepProgress, useDepartmentName, type EngineCaseView } from '../components/case-parts';
import { ENTERPRISE_OPENING, localName, usePinnedDefinition } from '../engine/process-api';
import type { LocalizedName, ProcessDefinition } from '@onetrip/domain';
import { BarList, ColumnChart } from '../components/charts';
import { ErrorNotice, Loading, Notice, PageTitle, useAnnounce, usePolling } from '../components/ui';
import { LabelledFields, formFields } from '../components/labelled-fields';
import { ValueTree } from '../components/value-tree';
import { SelectField, TextField } from '../form/fields';
import { fieldLabel, type Problem } from '../form/form-model';
import { formatDateTime, formatMinutes, formatMoney, shortId } from '../format';
import { hasMessage, useI18n, type MessageKey, type Translate } from '../i18n';
import { Link, navigate, queryParams, usePath } from '../router';
import type { components } from '../api-types';

// The supervisor's pages (督查): stuck cases and why, a case's timeline and actions, complaints, figures.

const STUCK_REASONS = ['OVERDUE', 'AWAITING_APPLICANT', 'STEP_FAILING', 'NO_PROGRESS', 'COMPLAINT'] as const;
const ACTIONS = ['REASSIGN', 'ESCALATE', 'RETRY', 'REOPEN', 'CANCEL', 'REMIND_APPLICANT'] as const;
// Personal-data views are audited on every read: shown in the timeline only on request, they would bury the rest.
const NOISY_TIMELINE_EVENTS = new Set(['VIEW_PERSONAL_DATA']);
type AdminAction = (typeof ACTIONS)[number];
const PAGE_SIZE = 20;

// The admin API's answers as the OpenAPI document types them (web/src/api-types.ts, generated), not copies.
type Schemas = components['schemas'];
export type StuckReason = Schemas['StuckReasonDto'];
type StuckCase = Schemas['StuckCaseDto'];
type StuckCaseList = Schemas['StuckCaseListDto'];
type AdminComplaint = Schemas['ComplaintDto'];
type TimelineEntry = Schemas['TimelineEntryDto'];
type AdminCaseDetail = Schemas['AdminCaseDetailDto'];
type AvailableAction = Schemas['AvailableActionDto'];

/** A stuck reason in the reader's language, from its facts (the server's English summary as a fallback). */
export function reasonText(reason: StuckReason, t: Translate, lang: 'zh' | 'en', departmentName: (d: string) => string): string {
  // The case's definition names its departments; the page's own names are for answers from before it did.
  const department = reason.departmentName ? localName(reason.departmentName, lang, reason.department) : reason.department ? departmentName(reason.department) : '';
  switch (reason.reason) {
    case 'OVERDUE':
      return t('reasonOverdue', { department, time: formatMinutes(reason.workingMinutesLate ?? reason.minutes, t) });
    case 'AWAITING_APPLICANT':
      return t('reasonAwaiting', { time: formatDateTime(reason.since, lang) });
    case 'STEP_FAILING':
      return t('reasonFailing', { department, time: formatDateTime(reason.since, lang), attempts: reason.attempts ?? '?', error: reason.lastError ?? '' });
    case 'NO_PROGRESS':
      return t('reasonNoProgress', { time: formatDateTime(reason.since, lang) });
    case 'COMPLAINT':
      return t('reasonComplaintOpen', { time: formatMinutes(reason.minutes, t) });
    default:
      return reason.summary;
  }
}

export function StuckCasesPage() {
  const { t, lang } = useI18n();
  const path = usePath();
  const params = queryParams(path);
  const departmentName = useDepartmentName();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const reason = params.get('reason') ?? '';
  const department = params.get('department') ?? '';
  const minAge = params.get('minAgeMinutes') ?? '';
  const q = params.get('q') ?? '';
  const [filters, setFilters] = useState({ reason, department, minAge, q });
  const [data, setData] = useState<StuckCaseList | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    // A search finds any case (stuck or not), each with its reasons; without one, the stuck cases.
    const query = new URLSearchParams({ page: String(page), limit: String(PAGE_SIZE) });
    if (q) query.set('q', q);
    else query.set('stuck', 'true');
    if (reason) query.set('reason', reason);
    if (department) query.set('department', department);
    if (minAge) query.set('minAgeMinutes', minAge);
    try {
      setData(await api<StuckCaseList>('GET', `/admin/cases?${query.toString()}`));
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, [page, reason, department, minAge, q]);
  useEffect(() => {
    void load();
  }, [load]);
  usePolling(() => void load(), 5000, true);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const query = new URLSearchParams();
    if (filters.reason) query.set('reason', filters.reason);
    if (filters.department) query.set('department', filters.department);
    if (/^\d+$/.test(filters.minAge)) query.set('minAgeMinutes', filters.minAge);
    if (filters.q.trim()) query.set('q', filters.q.trim());
    navigate(`/admin${query.toString() ? `?${query.toString()}` : ''}`);
  };
  const goTo = (target: number) => {
    const query = new URLSearchParams(params);
    query.set('page', String(target));
    navigate(`/admin?${query.toString()}`);
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  // Past the API's count (1,000) there are more pages than it says: "of 50+", and Next stays on.
  const pagesLabel = data?.totalCapped ? `${pages}+` : pages;
  const lastPage = !data?.totalCapped && page >= pages;

  return (
    <>
      <PageTitle title={t('stuckTitle')}>{t('stuckTitle')}</PageTitle>
      <p className="lead">{t('stuckIntro')}</p>
      <form className="panel filters" noValidate onSubmit={apply} aria-label={t('filters')}>
        <TextField path="filter-q" label={t('adminSearch')} value={filters.q} onChange={(value) => setFilters((current) => ({ ...current, q: value }))} maxLength={100} autoComplete="off" />
        <SelectField
          path="filter-reason"
          label={t('filterReason')}
          value={filters.reason}
          placeholder={t('anyOption')}
          options={STUCK_REASONS.map((value) => ({ value, label: t(`reason.${value}`) }))}
          onChange={(value) => setFilters((current) => ({ ...current, reason: value }))}
        />
        <SelectField
          path="filter-department"
          label={t('filterDepartment')}
          value={filters.department}
          placeholder={t('anyOption')}
          options={DEPARTMENTS.map((value) => ({ value, label: departmentName(value) }))}
          onChange={(value) => setFilters((current) => ({ ...current, department: value }))}
        />
        <TextField path="filter-age" label={t('filterAge')} inputMode="numeric" value={filters.minAge} onChange={(value) => setFilters((current) => ({ ...current, minAge: value }))} maxLength={6} />
        <button type="submit" className="button">
          {t('applyFilters')}
        </button>
      </form>
      <ErrorNotice error={error} />
      {q && <p className="hint">{t('searchResultsIntro')}</p>}
      {!data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        q ? <p>{t('emptyInbox')}</p> : <Notice kind="success">{t('noStuck')}</Notice>
      ) : (
        <>
          <p className="hint">{t('totalN', { n: data.totalCapped ? `${data.total}+` : data.total })}</p>
          <ol className="stuck-list" data-testid="stuck-list">
            {data.items.map((item) => (
              <li key={item.caseId} className="panel stuck" data-case-id={item.caseId}>
                <div className="stuck-head">
                  <Link href={`/admin/cases/${item.caseId}`}>{item.enterpriseName || t('caseTitle', { id: shortId(item.caseId) })}</Link>
                  <StatusBadge status={item.status} />
                  <StuckFor item={item} />
                </div>
                <p className="hint">
                  {t('caseTitle', { id: shortId(item.caseId) })} · {t('caseSubmittedAt', { time: formatDateTime(item.submittedAt, lang) })}
                </p>
                <ul className="reasons">
                  {item.reasons.map((r, i) => (
                    <li key={i} data-reason={r.reason}>
                      <span className={`badge badge--reason-${r.reason.toLowerCase()}`}>{hasMessage(`reason.${r.reason}`) ? t(`reason.${r.reason}` as MessageKey) : r.reason}</span> {reasonText(r, t, lang, departmentName)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          <nav className="pagination" aria-label={t('pageOf', { page, pages: pagesLabel })}>
            <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => goTo(page - 1)}>
              {t('prevPage')}
            </button>
            <span>{t('pageOf', { page, pages: pagesLabel })}</span>
            <button type="button" className="button button--secondary" disabled={lastPage} onClick={() => goTo(page + 1)}>
              {t('nextPage')}
            </button>
          </nav>
        </>
      )}
    </>
  );
}

/**
 * How long a case has been stuck: in red as "late" only when a step is past its limit; a case waiting on the
 * applicant or without progress is not overdue, so it says how long it has waited, plainly.
 */
function StuckFor({ item }: { item: StuckCase }) {
  const { t } = useI18n();
  if (item.reasons.length === 0) return null;
  if (item.reasons.some((r) => r.reason === 'OVERDUE')) return <strong className="overdue">{t('lateBy', { time: formatMinutes(item.lateMinutes, t) })}</strong>;
  return <span className="hint">{t('waitingFor', { time: formatMinutes(item.lateMinutes, t) })}</span>;
}

const TIMELINE_EVENTS: Record<string, [string, string]> = {
  CASE_STARTED: ['办件开始', 'Case started'],
  STEP_OPENED: ['环节开始', 'Step opened'],
  STEP_DECIDED_AUTOMATICALLY: ['自动办理', 'Decided automatically'],
  DECISION_RECORDED: ['办理结果已记录', 'Decision recorded'],
  DECISION: ['作出办理决定', 'Decision made'],
  REMINDER_SENT: ['到期提醒', 'Reminder sent'],
  ESCALATED_OVERDUE: ['超时督办', 'Overdue: escalated'],
  CORRECTION_NOTICE_SENT: ['发出一次性补正告知', 'Correction notice sent'],
  CORRECTION_SUBMITTED: ['申请人提交补正', 'Correction submitted'],
  CORRECTION_APPLIED: ['补正已应用', 'Correction applied'],
  OUTCOME_DELIVERED: ['办结结果送达', 'Outcome delivered'],
  CASE_ENDED: ['办件终止', 'Case ended'],
  CASE_CLOSED: ['办件关闭', 'Case closed'],
  CASE_WORKFLOW_FAILED: ['流程失败', 'Workflow failed'],
  CASE_WORKFLOW_TERMINATED: ['流程被终止', 'Workflow terminated'],
  STEP_FAILED: ['环节出错', 'Step failed'],
  WAITING: ['等待办理', 'Waiting'],
  DECISION_REFUSED: ['决定被拒绝', 'Decision refused'],
  CANCEL_REQUESTED: ['请求撤销', 'Cancellation requested'],
  STEP_REOPENED: ['环节重新打开', 'Step reopened'],
  FILE_ON_BEHALF: ['窗口代为申报', 'Filed by the window'],
  SUBMIT_CORRECTION: ['提交补正', 'Correction submitted'],
  CANCEL: ['撤销', 'Cancelled'],
  CLAIM: ['认领', 'Claimed'],
  COMPLETE: ['办结', 'Completed'],
  RETURN: ['退回补正', 'Returned'],
  REJECT: ['不予办理', 'Refused'],
  VIEW_PERSONAL_DATA: ['查看个人信息', 'Viewed personal data'],
  REOPEN: ['督查：重新打开', 'Supervisor: reopened'],
  REASSIGN: ['督查：改派', 'Supervisor: reassigned'],
  ESCALATE: ['督查：督办升级', 'Supervisor: escalated'],
  ESCALATED: ['超时自动督办', 'Escalated for being overdue'],
  RETRY: ['督查：重试', 'Supervisor: retried'],
  REMIND_APPLICANT: ['督查：提醒申请人补正', 'Supervisor: reminded the applicant'],
  COMPLAINT_RAISED: ['办不好件反映', 'Complaint raised'],
  COMPLAINT_RESOLVED: ['反映已处理', 'Complaint resolved'],
};

/** Who a timeline entry concerns: the step by its definition's name, else its department's. */
function timelineWho(entry: TimelineEntry, lang: 'zh' | 'en', departmentName: (d: string) => string): string {
  if (entry.stepName) return localName(entry.stepName, lang, entry.stepId);
  if (entry.departmentName) return localName(entry.departmentName, lang, entry.department);
  return departmentName(entry.department ?? '');
}

/** An entry's facts in the page's language: round, time limit, wait, decision, fields sent back, outcome, reason. */
function timelineDetail(entry: TimelineEntry, t: Translate, lang: 'zh' | 'en'): string[] {
  const parts: string[] = [];
  if (entry.round) parts.push(t('roundN', { n: entry.round }));
  if (entry.dueAt) parts.push(t('dueAt', { time: formatDateTime(entry.dueAt, lang) }));
  if (entry.waitUntil) parts.push(lang === 'zh' ? `等待办理决定，最迟至 ${formatDateTime(entry.waitUntil, lang)}` : `waiting for a decision until ${formatDateTime(entry.waitUntil, lang)}`);
  if (entry.decision) parts.push(TIMELINE_EVENTS[entry.decision]?.[lang === 'zh' ? 0 : 1] ?? entry.decision);
  if (entry.fields && entry.fields.length > 0) {
    const label = (field: { path: string; label?: LocalizedName }): string => {
      const own = fieldLabel(field.path, t);
      return own !== field.path || !field.label ? own : localName(field.label, lang, field.path);
    };
    parts.push(entry.fields.map(label).join(lang === 'zh' ? '、' : ', '));
  }
  if (entry.caseStatus) parts.push(hasMessage(`status.${entry.caseStatus}`) ? t(`status.${entry.caseStatus}` as MessageKey) : entry.caseStatus);
  if (entry.detail) parts.push(entry.detail);
  return parts;
}

export function AdminCasePage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const announce = useAnnounce();
  const departmentName = useDepartmentName();
  const [detail, setDetail] = useState<AdminCaseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [showNoisy, setShowNoisy] = useState(false);

  const load = useCallback(async () => {
    try {
      setDetail(await api<AdminCaseDetail>('GET', `/admin/cases/${encodeURIComponent(id)}`));
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  usePolling(() => void load(), 4000, true);
  const { view: pinned } = usePinnedDefinition((detail?.case as EngineCaseView | undefined)?.process);

  if (!detail) return error ? <ErrorNotice error={error} /> : <Loading />;
  const view = detail.case;
  const title = t('adminCaseTitle', { id: shortId(view.id) });
  const hidden = showNoisy ? 0 : detail.timeline.filter((entry) => NOISY_TIMELINE_EVENTS.has(entry.event)).length;
  const timeline = showNoisy ? detail.timeline : detail.timeline.filter((entry) => !NOISY_TIMELINE_EVENTS.has(entry.event));
  const done = (text: string) => {
    setMessage(text);
    announce(text);
    void load();
  };

  return (
    <div className="admin-case" data-case-id={view.id}>
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link href="/admin">{t('backToStuck')}</Link>
      </p>
      <div className="case-summary">
        <StatusBadge status={view.status} />
        <span>{t('caseSubmittedAt', { time: formatDateTime(view.submittedAt, lang) })}</span>
      </div>
      {message && <Notice kind="success">{message}</Notice>}
      <ErrorNotice error={error} />

      <section className={detail.stuckReasons.length ? 'panel panel--warning' : 'panel'} aria-labelledby="why-title" data-testid="stuck-reasons">
        <h2 id="why-title">{t('stuckTitle')}</h2>
        {detail.stuckReasons.length === 0 ? (
          <p>{t('noStuck')}</p>
        ) : (
          <ul className="reasons">
            {detail.stuckReasons.map((r, i) => (
              <li key={i} data-reason={r.reason}>
                <span className="badge">{hasMessage(`reason.${r.reason}`) ? t(`reason.${r.reason}` as MessageKey) : r.reason}</span> {reasonText(r, t, lang, departmentName)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <ActionPanel caseId={view.id} available={detail.availableActions ?? []} definition={pinned?.definition} onDone={done} />
      <ComplaintsPanel complaints={detail.complaints} total={detail.complaintsTotal} onDone={done} />
      <StepProgress steps={view.steps} definition={pinned?.definition} />

      <section className="panel" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('timelineTitle')}</h2>
        <div className="choice-option">
          <input id="f-timeline-noisy" type="checkbox" checked={showNoisy} onChange={(event) => setShowNoisy(event.target.checked)} />
          <label htmlFor="f-timeline-noisy">{t('showPersonalDataViews')}</label>
        </div>
        {hidden > 0 && <p className="hint">{t('hiddenEntriesN', { n: hidden })}</p>}
        <ol className="timeline" data-testid="timeline">
          {timeline.map((entry, i) => {
            const label = TIMELINE_EVENTS[entry.event];
            return (
              <li key={i} className={`timeline-entry timeline-entry--${entry.source.toLowerCase()}`}>
                <time dateTime={entry.at}>{formatDateTime(entry.at, lang)}</time>
                <span className="timeline-event">{label ? label[lang === 'zh' ? 0 : 1] : entry.event}</span>
                {(entry.stepName || entry.departmentName || entry.department) && <span className="badge">{timelineWho(entry, lang, departmentName)}</span>}
                {entry.actor && <span className="timeline-actor">{entry.actor}</span>}
                {timelineDetail(entry, t, lang).map((part, j) => (
                  <span key={j} className="timeline-detail">
                    {part}
                  </span>
                ))}
              </li>
            );
          })}
        </ol>
      </section>

      <section className="panel" aria-labelledby="admin-form-title">
        <h2 id="admin-form-title">{t('formMasked')}</h2>
        {pinned?.definition && pinned.definition.key !== ENTERPRISE_OPENING ? <LabelledFields fields={formFields(pinned.definition, detail.form)} /> : <ValueTree value={detail.form} />}
      </section>
    </div>
  );
}

/** A step id of the case's definition → its department code (the opening's step ids are department codes). */
function departmentOfStep(definition: ProcessDefinition | undefined, stepId: string): string {
  return definition?.steps.find((step) => step.id === stepId)?.department ?? stepId;
}

function ActionPanel({ caseId, available, definition, onDone }: { caseId: string; available: AvailableAction[]; definition?: ProcessDefinition; onDone: (message: string) => void }) {
  const { t, lang } = useI18n();
  const departmentName = useDepartmentName();
  // Only the actions that fit the case now, each with the steps it may name.
  const offered = available.filter((item) => (ACTIONS as readonly string[]).includes(item.action));
  const [chosen, setChosen] = useState<AdminAction | ''>('');
  const action: AdminAction | undefined = offered.find((item) => item.action === chosen)?.action ?? offered[0]?.action;
  const steps = offered.find((item) => item.action === action)?.stepIds ?? [];
  const [stepChoice, setStepChoice] = useState('');
  const stepId = steps.includes(stepChoice) ? stepChoice : steps[0];
  const department = stepId ? departmentOfStep(definition, stepId) : undefined;
  const [clerk, setClerk] = useState('');
  const [clerks, setClerks] = useState<{ username: string; name: string }[] | null>(null);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Record<string, Problem[]>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // REASSIGN picks from the department's clerks, not a typed username.
  useEffect(() => {
    if (action !== 'REASSIGN' || !department) return;
    let stale = false;
    setClerks(null);
    api<{ items: { username: string; name: string }[] }>('GET', `/admin/clerks?department=${encodeURIComponent(department)}`)
      .then((list) => !stale && setClerks(list.items))
      .catch((caught: unknown) => !stale && setError(caught));
    return () => {
      stale = true;
    };
  }, [action, department]);

  if (!action) {
    return (
      <section className="panel" aria-labelledby="actions-title" data-testid="admin-actions">
        <h2 id="actions-title">{t('actionsTitle')}</h2>
        <p>{t('noActions')}</p>
      </section>
    );
  }
  const stepLabel = (id: string): string => {
    const step = definition?.steps.find((candidate) => candidate.id === id);
    const code = departmentOfStep(definition, id);
    const named = definition?.departments.find((d) => d.code === code);
    const name = named ? localName(named.name, lang, code) : departmentName(code);
    return step && step.id !== code ? `${name} · ${localName(step.name, lang, id)}` : name;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, Problem[]> = {};
    if (action === 'REASSIGN' && !clerk) found.clerk = [{ code: 'REQUIRED' }];
    if (!reason.trim()) found.reason = [{ code: 'errReason' }];
    setProblems(found);
    setError(null);
    if (Object.keys(found).length > 0) {
      document.getElementById(found.clerk ? 'f-action-clerk' : 'f-action-reason')?.focus();
      return;
    }
    setBusy(true);
    try {
      await api('POST', `/admin/cases/${encodeURIComponent(caseId)}/actions`, {
        body: { action, reason: reason.trim(), ...(steps.length > 0 && stepId ? { stepId } : {}), ...(action === 'REASSIGN' ? { clerk } : {}) },
      });
      setReason('');
      setClerk('');
      onDone(t('actionDone', { action: t(`action.${action}`) }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel" noValidate onSubmit={submit} aria-labelledby="actions-title" data-testid="admin-actions">
      <h2 id="actions-title">{t('actionsTitle')}</h2>
      <SelectField path="action-kind" label={t('action')} value={action} options={offered.map((item) => ({ value: item.action, label: t(`action.${item.action}`) }))} onChange={(value) => setChosen(value as AdminAction)} />
      {steps.length > 0 && stepId && (
        <SelectField path="action-department" label={t('filterDepartment')} value={stepId} options={steps.map((id) => ({ value: id, label: stepLabel(id) }))} onChange={setStepChoice} />
      )}
      {action === 'REASSIGN' && (
        <SelectField
          path="action-clerk"
          label={t('clerkUsername')}
          value={clerk}
          placeholder={clerks === null ? t('loading') : '—'}
          options={(clerks ?? []).map((c) => ({ value: c.username, label: c.name && c.name !== c.username ? `${c.name}（${c.username}）` : c.username }))}
          onChange={setClerk}
          problems={problems.clerk}
        />
      )}
      <TextField path="action-reason" label={t('actionReason')} value={reason} onChange={setReason} problems={problems.reason} maxLength={500} />
      <ErrorNotice error={error} />
      <button type="submit" className="button" disabled={busy} data-testid="do-action">
        {t('doAction')}
      </button>
    </form>
  );
}

function ComplaintsPanel({ complaints, total, onDone }: { complaints: AdminComplaint[]; total: number; onDone: (message: string) => void }) {
  const { t, lang } = useI18n();
  if (complaints.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="admin-complaints-title" data-testid="admin-complaints">
      <h2 id="admin-complaints-title">{t('complaintsTitle')}</h2>
      {total > complaints.length && <p className="hint">{t('complaintsLatest', { shown: String(complaints.length), total: String(total) })}</p>}
      <ul className="complaints">
        {complaints.map((complaint) => (
          <li key={complaint.id}>
            <p>
              <span className={complaint.status === 'RESOLVED' ? 'badge badge--done' : 'badge badge--open'}>{complaint.status === 'RESOLVED' ? t('complaintResolved') : t('complaintOpen')}</span>{' '}
              <span className="hint">
                {formatDateTime(complaint.openedAt, lang)}
                {complaint.raisedBy ? ` · ${complaint.raisedBy}` : ''}
              </span>
            </p>
            <p>{complaint.text}</p>
            {complaint.resolution ? <p className="resolution">{t('complaintResolution', { text: complaint.resolution })}</p> : <ResolveForm id={complaint.id} onDone={onDone} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ResolveForm({ id, onDone }: { id: string; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setProblem(true);
      return;
    }
    try {
      await api('POST', `/admin/complaints/${encodeURIComponent(id)}/resolve`, { body: { resolution: text.trim() } });
      onDone(t('resolvedOk'));
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form noValidate onSubmit={submit}>
      <TextField path={`resolution-${id}`} label={t('resolution')} multiline value={text} onChange={setText} problems={problem ? [{ code: 'REQUIRED' }] : undefined} maxLength={2000} />
      <ErrorNotice error={error} />
      <button type="submit" className="button" data-testid="resolve-complaint">
        {t('resolve')}
      </button>
    </form>
  );
}

interface MetricsReport {
  from: string;
  to: string;
  cases: { submitted: number; byStatus: Record<string, number> };
  enterprisesOpened: number;
  endToEndWorkingHours: { count: number; median: number | null; p90: number | null };
  departments: Record<Department, { decided: number; withinLimit: number; shareWithinLimit: number | null }>;
  corrections: { total: number; perCase: number | null };
  trips: { total: number; perCase: number | null; byTrips: Record<string, number> };
  costs: { applicantPaid: string; borneByOthers: string; byPayer: Record<string, string> };
  complaints: { opened: number; resolved: number };
  perDay: { date: string; submitted: number; completed: number }[];
}

export function MetricsPage() {
  const { t, lang } = useI18n();
  const departmentName = useDepartmentName();
  const today = shanghaiDate(new Date());
  const [range, setRange] = useState({ from: addDays(today, -29), to: today });
  const [shown, setShown] = useState(range);
  const [report, setReport] = useState<MetricsReport | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let stale = false;
    api<MetricsReport>('GET', `/admin/metrics?from=${shown.from}&to=${shown.to}`)
      .then((next) => {
        if (!stale) {
          setReport(next);
          setError(null);
        }
      })
      .catch((caught: unknown) => !stale && setError(caught));
    return () => {
      stale = true;
    };
  }, [shown]);

  const download = async () => {
    try {
      // The monthly report in the page's language (zh: Chinese headers and words, the machine keys beside them).
      const { text } = await apiText(`/admin/metrics?from=${shown.from}&to=${shown.to}&format=csv&lang=${lang}`, 'text/csv');
      // Reading the response as text drops the byte-order mark; spreadsheets need it to read UTF-8.
      const url = URL.createObjectURL(new Blob([text.startsWith('\uFEFF') ? text : `\uFEFF${text}`], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `onetrip-metrics-${shown.from}-${shown.to}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <>
      <PageTitle title={t('metricsTitle')}>{t('metricsTitle')}</PageTitle>
      <form
        className="panel filters"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setShown(range);
        }}
      >
        <TextField path="metrics-from" label={t('from')} type="date" value={range.from} onChange={(from) => setRange((current) => ({ ...current, from }))} />
        <TextField path="metrics-to" label={t('to')} type="date" value={range.to} onChange={(to) => setRange((current) => ({ ...current, to }))} />
        <button type="submit" className="button">
          {t('show')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void download()} data-testid="download-csv">
          {t('downloadCsv')}
        </button>
      </form>
      <ErrorNotice error={error} />
      {!report ? (
        <Loading />
      ) : (
        <div className="metrics" data-testid="metrics">
          <div className="figures">
            <Figure label={t('enterprisesOpened')} value={String(report.enterprisesOpened)} />
            <Figure label={t('moneySpared')} value={formatMoney(report.costs.borneByOthers)} />
            <Figure label={t('applicantsPaid')} value={formatMoney(report.costs.applicantPaid)} />
            <Figure label={t('correctionsPerCase')} value={report.corrections.perCase === null ? '—' : String(report.corrections.perCase)} />
            <Figure label={t('tripsTotal')} value={String(report.trips.total)} />
            <Figure label={t('complaintsOpened')} value={`${report.complaints.opened} (${t('complaintsResolvedN', { n: report.complaints.resolved })})`} />
          </div>
          <section className="panel" aria-labelledby="m-per-day">
            <h2 id="m-per-day">{t('casesPerDay')}</h2>
            <ColumnChart
              title={t('casesPerDay')}
              description={t('chartCasesPerDay')}
              bars={report.perDay.map((day) => ({ label: day.date.slice(5), value: day.submitted, second: day.completed }))}
              legend={[t('status.SUBMITTED'), t('status.COMPLETED')]}
            />
          </section>
          <section className="panel" aria-labelledby="m-time">
            <h2 id="m-time">{t('timeToComplete')}</h2>
            {/* Hours of working time said as a duration: a median of 0.004 h reads "under a minute", not "0 h". */}
            <dl className="readonly" data-testid="time-figures">
              {(['median', 'p90'] as const).map((key) => (
                <div key={key}>
                  <dt>{t(key)}</dt>
                  <dd data-figure={key}>{report.endToEndWorkingHours[key] === null ? t('noData') : formatMinutes((report.endToEndWorkingHours[key] ?? 0) * 60, t)}</dd>
                </div>
              ))}
            </dl>
            <BarList
              title={t('chartTime')}
              max={Math.max(1, report.endToEndWorkingHours.p90 ?? 0, report.endToEndWorkingHours.median ?? 0)}
              format={(value) => formatMinutes(value * 60, t)}
              rows={[
                { label: t('median'), value: report.endToEndWorkingHours.median },
                { label: t('p90'), value: report.endToEndWorkingHours.p90 },
              ]}
            />
          </section>
          <section className="panel" aria-labelledby="m-within">
            <h2 id="m-within">{t('withinLimit')}</h2>
            <BarList
              title={t('chartWithinLimit')}
              max={1}
              warnBelow={0.8}
              format={(value) => `${Math.round(value * 100)}%`}
              rows={DEPARTMENTS.map((department) => ({ label: departmentName(department), value: report.departments[department]?.shareWithinLimit ?? null }))}
            />
          </section>
          <section className="panel" aria-labelledby="m-money">
            <h2 id="m-money">{t('moneySpared')}</h2>
            <BarList
              title={t('chartMoney')}
              max={Math.max(1, ...Object.values(report.costs.byPayer).map(Number))}
              format={(value) => String(value)}
              rows={Object.entries(report.costs.byPayer).map(([payer, amount]) => ({
                label: hasMessage(`payer.${payer}`) ? t(`payer.${payer}` as MessageKey) : payer,
                // The bar's length only; the figure itself is the exact amount.
                value: Number(amount),
                display: formatMoney(amount),
              }))}
            />
          </section>
          <section className="panel" aria-labelledby="m-status">
            <h2 id="m-status">{t('byStatus')}</h2>
            <dl className="readonly">
              {Object.entries(report.cases.byStatus).map(([status, count]) => (
                <div key={status}>
                  <dt>{hasMessage(`status.${status}`) ? t(`status.${status}` as MessageKey) : status}</dt>
                  <dd>{count}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
      )}
    </>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="figure">
      <span className="figure-label">{label}</span>
      <strong className="figure-value">{value}</strong>
    </div>
  );
}
