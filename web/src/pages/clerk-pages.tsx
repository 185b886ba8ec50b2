import { CORRECTABLE_FIELD_PATHS, DEPARTMENT_INFO, departmentReads, MAX_ACCOUNT_LENGTH, MIN_ACCOUNT_LENGTH, type Department } from '@onetrip/domain';
import type { JsonSchema, LocalizedName } from '@onetrip/domain';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { StatusBadge, useDepartmentName, useStepName } from '../components/case-parts';
import { ErrorNotice, Loading, Notice, PageTitle, useAnnounce, useNow, usePolling } from '../components/ui';
import { LabelledFields } from '../components/labelled-fields';
import { ValueTree } from '../components/value-tree';
import { localName } from '../engine/process-api';
import { SchemaFields } from '../engine/schema-fields';
import { checkSchemaValue, cleanValue, emptyValue, fieldsOf, schemaAtPath, setAt } from '../engine/schema-form';
import { FieldMessages, SelectField, TextField } from '../form/fields';
import { covers, fieldId, fieldLabel, type Problem, type Problems } from '../form/form-model';
import { formatDateTime, formatMinutes, normaliseAccountNumber, shortId } from '../format';
import { hasMessage, useI18n, type MessageKey } from '../i18n';
import { Link, navigate, queryParams, usePath } from '../router';
import type { Session } from '../session';
import type { Objection, TaskDecision, TaskDetail, TaskListPage, TaskSummary } from '../api';

// A department clerk's inbox and task page: claim, complete (with the department's outputs), return
// with field-level reasons (merged into the applicant's one notice), refuse.

const INBOX_STATUSES = ['OPEN', 'CLAIMED', 'RETURNED', 'DONE'] as const;
type InboxStatus = (typeof INBOX_STATUSES)[number];
const INBOX_SORTS = ['due', 'arrived', 'enterprise'] as const;
type InboxSort = (typeof INBOX_SORTS)[number];

export function TimeLeft({ dueAt, overdue, now }: { dueAt: string; overdue: boolean; now: Date }) {
  const { t } = useI18n();
  const minutes = (new Date(dueAt).getTime() - now.getTime()) / 60_000;
  if (overdue || minutes < 0) {
    return <strong className="overdue">{t('overdueBy', { time: formatMinutes(-minutes, t) })}</strong>;
  }
  return <span>{t('timeLeft', { time: formatMinutes(minutes, t) })}</span>;
}

/** Time left in working time, as the server counts it by the case's calendar (limits are working time). */
function WorkingTimeLeft({ minutes, overdue }: { minutes: number; overdue: boolean }) {
  const { t } = useI18n();
  if (overdue || minutes < 0) return <strong className="overdue">{t('workingOverdueBy', { time: formatMinutes(-minutes, t) })}</strong>;
  return <span>{t('workingTimeLeft', { time: formatMinutes(minutes, t) })}</span>;
}

export function InboxPage({ session }: { session: Session }) {
  const { t, lang } = useI18n();
  const path = usePath();
  const params = queryParams(path);
  const requested = params.get('status');
  const status: InboxStatus = (INBOX_STATUSES as readonly string[]).includes(requested ?? '') ? (requested as InboxStatus) : 'OPEN';
  const sort: InboxSort = (INBOX_SORTS as readonly string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as InboxSort) : 'due';
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const departmentName = useDepartmentName();
  const [page, setPage] = useState<TaskListPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    const query = new URLSearchParams({ status, sort, limit: '100' });
    if (q) query.set('q', q);
    try {
      setPage(await api<TaskListPage>('GET', `/tasks?${query.toString()}`));
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, [status, sort, q]);
  useEffect(() => {
    setPage(null);
    void load();
  }, [load]);
  useEffect(() => setSearch(q), [q]);
  usePolling(() => void load(), 3000, true);
  const department = session.user.department;
  const title = t('inboxTitle', { department: department ? departmentName(department) : '' });
  // Tabs, search and order live in the address: Back returns to the same list.
  const href = (next: { status?: InboxStatus; sort?: InboxSort; q?: string }): string => {
    const query = new URLSearchParams({ status: next.status ?? status });
    const nextSort = next.sort ?? sort;
    const nextQ = next.q ?? q;
    if (nextSort !== 'due') query.set('sort', nextSort);
    if (nextQ) query.set('q', nextQ);
    return `/inbox?${query.toString()}`;
  };

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <nav aria-label={t('inboxTabs')}>
        <ul className="tabs">
          {INBOX_STATUSES.map((s) => (
            <li key={s}>
              <Link href={href({ status: s })} aria-current={s === status ? 'page' : undefined} className={s === status ? 'tab current' : 'tab'}>
                {t(`tab.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form
        className="panel filters"
        role="search"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          navigate(href({ q: search.trim() }));
        }}
      >
        <TextField path="inbox-search" label={t('inboxSearch')} value={search} onChange={setSearch} maxLength={100} autoComplete="off" />
        <button type="submit" className="button">
          {t('search')}
        </button>
        <SelectField path="inbox-sort" label={t('sortBy')} value={sort} options={INBOX_SORTS.map((value) => ({ value, label: t(`sort.${value}`) }))} onChange={(value) => navigate(href({ sort: value as InboxSort }))} />
      </form>
      {status === 'RETURNED' && <p className="hint">{t('returnedWaiting')}</p>}
      <ErrorNotice error={error} />
      {!page ? (
        <Loading />
      ) : page.items.length === 0 ? (
        <p>{t('emptyInbox')}</p>
      ) : (
        <>
          <p className="hint">{t('totalN', { n: page.totalCapped ? `${page.total}+` : page.total })}</p>
          <div className="table-wrap">
            <table className="inbox" data-testid="inbox">
              <thead>
                <tr>
                  <th scope="col">{t('colEnterprise')}</th>
                  <th scope="col">{t('colApplicant')}</th>
                  <th scope="col">{t('colArrived')}</th>
                  <th scope="col">{t('colTimeLeft')}</th>
                  <th scope="col">{t('colRound')}</th>
                  <th scope="col">{t('colStatus')}</th>
                  <th scope="col">{t('colClaimedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((task) => (
                  <tr key={task.id} className={task.overdue ? 'row--overdue' : undefined} data-case-id={task.caseId}>
                    <td>
                      <Link href={`/tasks/${encodeURIComponent(task.id)}`}>{task.enterpriseName || t('caseTitle', { id: shortId(task.caseId) })}</Link>
                      <div className="hint">{t('caseTitle', { id: shortId(task.caseId) })}</div>
                    </td>
                    <td>{task.applicantName ?? '—'}</td>
                    <td>{formatDateTime(task.openedAt, lang)}</td>
                    <td>
                      {task.status === 'OPEN' || task.status === 'CLAIMED' ? <WorkingTimeLeft minutes={task.workingMinutesLeft} overdue={task.overdue} /> : '—'}
                      <div className="hint">{t('dueAt', { time: formatDateTime(task.dueAt, lang) })}</div>
                    </td>
                    <td>{t('roundN', { n: task.round })}</td>
                    <td>
                      <StatusBadge status={task.status} kind="step" />
                    </td>
                    <td>{task.claimedBy ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

/** A task view; the labelled parts are optional so that a view from before them still renders. */
type EngineTask = Omit<TaskDetail, 'stepName' | 'outputSchema' | 'fields' | 'returnFields' | 'departmentName'> & {
  stepName?: LocalizedName | string;
  outputSchema?: JsonSchema;
  fields?: TaskDetail['fields'];
  returnFields?: TaskDetail['returnFields'];
  departmentName?: LocalizedName;
};

/** A return candidate: the form path (sent) and the words shown for it. */
type ReturnCandidate = { field: string; label: string };

const isEnterpriseDepartment = (department: string): department is Department => Object.prototype.hasOwnProperty.call(DEPARTMENT_INFO, department);

/** The enterprise opening's steps (and tasks from before the engine, which have no kind) keep their department's reads. */
function enterpriseTask(task: EngineTask): boolean {
  return isEnterpriseDepartment(task.department) && (task.kind === undefined || task.kind.startsWith('enterprise.'));
}

/** The leaves of the form part a step sees, and each element of its lists: what a clerk may send back. */
function formLeaves(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((element, i) => [`${path}[${i}]`, ...(typeof element === 'object' && element !== null ? formLeaves(element, `${path}[${i}]`) : [])]);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, child]) => formLeaves(child, path === '' ? key : `${path}.${key}`));
  return path === '' ? [] : [path];
}

/** An output's words from the step's output schema (x-label), when it has them. */
function outputLabel(task: EngineTask, key: string, lang: 'zh' | 'en'): string | undefined {
  const own = task.outputSchema ? schemaAtPath(task.outputSchema, key) : undefined;
  const label = own?.['x-label'] as LocalizedName | undefined;
  return label && typeof label.zh === 'string' ? localName(label, lang, key) : undefined;
}

/**
 * The fields the clerk may send back, in words: the view's own list with the definition's labels (the
 * opening's fields keep the page's wording for them); a view without it falls back to the form's leaves.
 */
function taskReturnCandidates(task: EngineTask, label: (path: string) => string): ReturnCandidate[] {
  const paths = task.returnFields ? task.returnFields.map((field) => field.path) : enterpriseTask(task) ? returnCandidates(task.department as Department, task.form) : formLeaves(task.form);
  return paths.map((field) => ({ field, label: label(field) }));
}

/** Words for a form path of this task: the page's own wording for the opening's fields, else the definition's label. */
function taskFieldLabel(task: EngineTask, t: Parameters<typeof fieldLabel>[1], lang: 'zh' | 'en'): (path: string) => string {
  const labels = new Map<string, LocalizedName>();
  for (const field of task.returnFields ?? []) labels.set(field.path, field.label);
  for (const item of task.returnItems ?? []) if (item.label) labels.set(item.field, item.label);
  return (path) => {
    const own = fieldLabel(path, t);
    if (own !== path) return own;
    const label = labels.get(path);
    return label ? localName(label, lang, path) : path;
  };
}

/** The fields a department may send back: what it reads, finest first, and each listed person. */
function returnCandidates(department: Department, form: Record<string, unknown>): string[] {
  const read = CORRECTABLE_FIELD_PATHS.filter((path) => departmentReads(department, path));
  const leaves = read.filter((path) => !read.some((other) => other !== path && covers(path, other)));
  const elements: string[] = [];
  for (const [list, key] of [
    ['shareholders', 'shareholders'],
    ['socialInsurance.employees', 'employees'],
  ] as const) {
    if (!leaves.includes(list)) continue;
    const container = list === 'shareholders' ? form : (form.socialInsurance as Record<string, unknown> | undefined);
    const items = container?.[key];
    if (Array.isArray(items)) items.forEach((_, i) => elements.push(`${list}[${i}]`));
  }
  return [...leaves, ...elements];
}

export function TaskPage({ id, session }: { id: string; session: Session }) {
  const { t, lang } = useI18n();
  const announce = useAnnounce();
  const departmentName = useDepartmentName();
  const stepName = useStepName();
  const now = useNow(5_000);
  const [task, setTask] = useState<EngineTask | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The objections a ruling task decides on (empty for every other task): the clerk reads them before ruling.
  const [objections, setObjections] = useState<Objection[]>([]);

  const load = useCallback(async () => {
    try {
      setTask(await api<EngineTask>('GET', `/tasks/${encodeURIComponent(id)}`));
      setObjections((await api<{ items: Objection[] }>('GET', `/tasks/${encodeURIComponent(id)}/objections`)).items);
      setLoadError(null);
    } catch (caught) {
      setLoadError(caught);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  const open = task?.status === 'OPEN' || task?.status === 'CLAIMED';
  usePolling(() => void load(), 3000, open);

  const act = async (path: string, body: unknown, done: string) => {
    setBusy(true);
    setActionError(null);
    setMessage(null);
    try {
      await api<TaskDecision | TaskSummary>('POST', `/tasks/${encodeURIComponent(id)}/${path}`, { body });
      setMessage(done);
      announce(done);
      await load();
      return true;
    } catch (caught) {
      setActionError(caught);
      if (caught instanceof ApiError && caught.status === 409) await load();
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (!task) return loadError ? <ErrorNotice error={loadError} /> : <Loading />;
  const ownStep = typeof task.stepName === 'string' ? task.stepName : task.stepName ? localName(task.stepName, lang) : undefined;
  const department = task.departmentName ? localName(task.departmentName, lang, task.department) : departmentName(task.department);
  const title = t('taskTitle', { department, step: ownStep ?? stepName(task.department) });
  const labelOf = taskFieldLabel(task, t, lang);
  const mine = task.claimedBy === session.user.username;
  // What the step's kind lets a clerk decide (issue 12): the page offers nothing the workflow would refuse.
  const allows = (decision: TaskDetail['decisions'][number]): boolean => task.decisions.includes(decision);

  return (
    <div className="task-page" data-task-status={task.status}>
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link href="/inbox">{t('backToInbox')}</Link>
      </p>
      <div className="case-summary">
        {task.enterpriseName && <strong>{task.enterpriseName}</strong>}
        <span>{t('caseTitle', { id: shortId(task.caseId) })}</span>
        <span>{t('roundN', { n: task.round })}</span>
        <StatusBadge status={task.status} kind="step" />
        {task.caseStatus && <span>{t('caseStatusIs', { status: hasMessage(`status.${task.caseStatus}`) ? t(`status.${task.caseStatus}` as MessageKey) : task.caseStatus })}</span>}
        {task.claimedBy && <span>{t('claimedByWho', { who: task.claimedBy })}</span>}
        {task.mode === 'AUTO' && <span>{t('modeAuto')}</span>}
        {task.mode === 'SYSTEM' && <span>{t('modeSystem')}</span>}
      </div>
      <p className={task.overdue ? 'overdue' : undefined}>
        {t('dueAt', { time: formatDateTime(task.dueAt, lang) })} ·{' '}
        {open ? (
          // The limit counts working time (the server's count by the case's calendar); a view from before it, the clock.
          typeof task.workingMinutesLeft === 'number' ? <WorkingTimeLeft minutes={task.workingMinutesLeft} overdue={task.overdue} /> : <TimeLeft dueAt={task.dueAt} overdue={task.overdue} now={now} />
        ) : task.decidedAt ? (
          t('decidedAt', { time: formatDateTime(task.decidedAt, lang) })
        ) : null}
      </p>
      {message && <Notice kind="success">{message}</Notice>}
      <ErrorNotice error={actionError} />

      {/* The data the clerk decides on comes first (beside the decisions on a wide screen). */}
      <div className="task-layout">
        <div className="task-data">
          {task.previousRound && <PreviousRound round={task.previousRound} labelOf={labelOf} />}
          {task.earlierResults && task.earlierResults.length > 0 && (
            <section className="panel" aria-labelledby="earlier-title" data-testid="earlier-results">
              <h2 id="earlier-title">{t('earlierTitle')}</h2>
              {task.earlierResults.map((result) => (
                <div key={result.stepId} className="earlier-result">
                  <h3>
                    {localName(result.departmentName, lang, result.stepId)} · {localName(result.stepName, lang, result.stepId)}
                  </h3>
                  <LabelledFields fields={result.fields} />
                </div>
              ))}
            </section>
          )}
          {objections.length > 0 && (
            <section className="panel" aria-labelledby="objections-title" data-testid="objections">
              <h2 id="objections-title">{t('objectionsTitle')}</h2>
              <ul className="plain">
                {objections.map((objection) => (
                  <li key={objection.id}>
                    <p>{objection.reason}</p>
                    <small>{t('objectionRaisedAt', { time: formatDateTime(objection.raisedAt, lang) })}</small>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {task.flags && task.flags.length > 0 && (
            <section className="panel panel--warning" aria-labelledby="flags-title">
              <h2 id="flags-title">{t('flagsTitle')}</h2>
              <ul>
                {task.flags.map((flag, i) => (
                  <li key={i}>
                    <strong>{labelOf(flag.path)}</strong>: {hasMessage(flag.code) ? t(flag.code as MessageKey) : flag.message}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="panel" aria-labelledby="form-part-title">
            <h2 id="form-part-title">{t('formPartTitle')}</h2>
            {task.fields ? <LabelledFields fields={task.fields} testId="task-form" /> : <ValueTree value={task.form} />}
          </section>
          {task.outputFields && task.outputFields.length > 0 ? (
            <section className="panel" aria-labelledby="outputs-title">
              <h2 id="outputs-title">{t('outputsTitle')}</h2>
              <LabelledFields fields={task.outputFields} testId="task-outputs" />
            </section>
          ) : task.outputs && Object.keys(task.outputs).length > 0 && (
            <section className="panel" aria-labelledby="outputs-title">
              <h2 id="outputs-title">{t('outputsTitle')}</h2>
              <dl className="readonly">
                {Object.entries(task.outputs).map(([key, value]) => (
                  <div key={key}>
                    <dt>{outputLabel(task, key, lang) ?? (hasMessage(`output.${key}`) ? t(`output.${key}` as MessageKey) : key)}</dt>
                    <dd>
                      <code>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</code>
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          )}
          {task.returnItems && task.returnItems.length > 0 && (
            <section className="panel" aria-labelledby="returned-title">
              <h2 id="returned-title">{t('returnItemsTitle')}</h2>
              <ul>
                {task.returnItems.map((item, i) => (
                  <li key={i}>
                    <strong>{labelOf(item.field)}</strong>: {item.reason}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {task.rejectReason && <Notice kind="error">{t('endReason', { reason: task.rejectReason })}</Notice>}
        </div>

        <div className="task-decide">
          {open && task.status === 'OPEN' && (
            // No decision before the claim: the clerk takes the task first, so two never decide it at once.
            <div className="panel" aria-labelledby="decide-title">
              <h2 id="decide-title">{t('decideTitle')}</h2>
              <p className="hint">{t('claimFirst')}</p>
              <button type="button" className="button" disabled={busy} onClick={() => void act('claim', undefined, t('claimedOk'))} data-testid="claim">
                {t('claim')}
              </button>
            </div>
          )}
          {open && task.status === 'CLAIMED' && !mine && <Notice>{t('claimedByOther', { who: task.claimedBy ?? '' })}</Notice>}
          {open && task.status === 'CLAIMED' && mine && (
            <div className="task-actions">
              {/* Only what the step's kind allows: an objection's ruling is never returned for correction. */}
              {allows('COMPLETE') && <CompletePanel task={task} busy={busy} onComplete={(outputs) => act('complete', outputs ? { outputs } : {}, t('completedOk'))} />}
              {allows('RETURN') && <ReturnPanel round={task.round} candidates={taskReturnCandidates(task, labelOf)} busy={busy} onReturn={(items) => act('return', { items }, t('returnedOk'))} />}
              {allows('REJECT') && <RefusePanel busy={busy} onRefuse={(reason) => act('reject', { reason }, t('refusedOk'))} />}
            </div>
          )}
          {!open && <Notice>{t('notYourTurn')}</Notice>}
        </div>
      </div>
    </div>
  );
}

/** Round 2 and later: why the case went back, and what the applicant changed that this step reads. */
function PreviousRound({ round, labelOf }: { round: NonNullable<TaskDetail['previousRound']>; labelOf: (path: string) => string }) {
  const { t, lang } = useI18n();
  return (
    <section className="panel panel--warning" aria-labelledby="previous-round-title" data-testid="previous-round">
      <h2 id="previous-round-title">{t('previousRoundTitle')}</h2>
      <p className="hint">{t('correctedAt', { time: formatDateTime(round.correctedAt, lang) })}</p>
      {round.returns.length > 0 && (
        <>
          <h3>{t('previousReturns')}</h3>
          <ul>
            {round.returns.map((item, i) => (
              <li key={i}>
                <span className="badge">{localName(item.departmentName, lang)}</span> <strong>{item.label ? localName(item.label, lang, labelOf(item.field)) : labelOf(item.field)}</strong>: {item.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('correctedTitle')}</h3>
      {round.corrected.length === 0 ? (
        <p>{t('noCorrectedFields')}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="corrected-fields">
            <thead>
              <tr>
                <th scope="col">{t('colField')}</th>
                <th scope="col">{t('colBefore')}</th>
                <th scope="col">{t('colAfter')}</th>
              </tr>
            </thead>
            <tbody>
              {round.corrected.map((field) => (
                <tr key={field.path}>
                  <th scope="row">{field.section ? `${localName(field.section, lang)} · ${localName(field.label, lang)}` : localName(field.label, lang)}</th>
                  <td>
                    <del>{localName(field.before, lang)}</del>
                  </td>
                  <td>
                    <ins>{localName(field.after, lang)}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * Asks before an irreversible decision, saying what will happen; the safe choice has the focus, and
 * Escape takes it. An alertdialog in the page (not window.confirm) so it reads in the page's language.
 */
function ConfirmDecision({ title, text, confirm, onConfirm, onCancel, busy }: { title: string; text: string; confirm: string; onConfirm: () => void; onCancel: () => void; busy: boolean }) {
  const { t } = useI18n();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div
      className="confirm-decision panel panel--warning"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h3 id="confirm-title">{title}</h3>
      <p id="confirm-text">{text}</p>
      <div className="button-row">
        <button type="button" ref={cancelRef} className="button button--secondary" onClick={onCancel}>
          {t('confirmCancel')}
        </button>
        <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </div>
  );
}

/**
 * The clerk's COMPLETE form, looked up by the step's kind: the enterprise kinds whose outputs the
 * system issues need no field, the bank's account number keeps its purpose-built field, and every
 * other kind (the generic review) is rendered from the step's output schema.
 */
type CompleteProps = { task: EngineTask; busy: boolean; onComplete: (outputs?: Record<string, unknown>) => Promise<boolean> };

function kindOf(task: EngineTask): string {
  if (task.kind) return task.kind;
  return task.department === 'BANK' ? 'enterprise.bank-account' : 'enterprise.generated';
}

/** The clerk-fillable part of the outputs schema: `clerkFields` when the view names them, else every property. */
function clerkSchema(task: EngineTask): JsonSchema | undefined {
  const schema = task.outputSchema;
  const properties = schema?.properties;
  if (!schema || typeof properties !== 'object' || properties === null) return undefined;
  const names = task.clerkFields ?? Object.keys(properties);
  if (names.length === 0) return undefined;
  const kept = Object.fromEntries(Object.entries(properties).filter(([name]) => names.includes(name)));
  const required = Array.isArray(schema.required) ? schema.required.filter((name) => typeof name === 'string' && names.includes(name)) : [];
  return { ...schema, properties: kept, required };
}

function CompletePanel(props: CompleteProps) {
  const kind = kindOf(props.task);
  if (kind === 'enterprise.bank-account') return <AccountNumberPanel {...props} />;
  const schema = kind.startsWith('enterprise.') ? undefined : clerkSchema(props.task);
  return schema ? <OutputsPanel {...props} schema={schema} /> : <GeneratedPanel {...props} />;
}

function GeneratedPanel({ busy, onComplete }: CompleteProps) {
  const { t } = useI18n();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await onComplete();
  };
  return (
    <form className="panel" noValidate onSubmit={submit} aria-labelledby="complete-title">
      <h2 id="complete-title">{t('completeTitle')}</h2>
      <p className="hint">{t('outputsGenerated')}</p>
      <button type="submit" className="button" disabled={busy} data-testid="complete">
        {t('complete')}
      </button>
    </form>
  );
}

function OutputsPanel({ schema, busy, onComplete }: CompleteProps & { schema: JsonSchema }) {
  const { t } = useI18n();
  const [value, setValue] = useState<unknown>(() => emptyValue(schema, schema));
  const [attempted, setAttempted] = useState(false);
  const problems: Problems = checkSchemaValue(schema, value);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    const first = Object.keys(problems)[0];
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    await onComplete(cleanValue(schema, schema, value) as Record<string, unknown>);
  };
  return (
    <form className="panel" noValidate onSubmit={submit} aria-labelledby="complete-title" data-testid="outputs-form">
      <h2 id="complete-title">{t('completeTitle')}</h2>
      <p className="hint">{t('outputsFormIntro')}</p>
      <SchemaFields
        root={schema}
        fields={fieldsOf(schema, schema)}
        value={value}
        onChange={(path, next) => setValue((current: unknown) => setAt(current, path, next))}
        problems={attempted ? problems : {}}
      />
      <button type="submit" className="button" disabled={busy} data-testid="complete">
        {t('complete')}
      </button>
    </form>
  );
}

function AccountNumberPanel({ busy, onComplete }: CompleteProps) {
  const { t } = useI18n();
  const [account, setAccount] = useState('');
  const [problems, setProblems] = useState<Problem[] | undefined>();
  const shownAccount = normaliseAccountNumber(account);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Typed as printed on the bank's slip, in groups: spaces and dashes are not part of the number.
    const digits = normaliseAccountNumber(account) ?? account.trim();
    if (!new RegExp(`^\\d{${MIN_ACCOUNT_LENGTH},${MAX_ACCOUNT_LENGTH}}$`).test(digits)) {
      setProblems([{ code: 'errAccountNumber', params: { min: MIN_ACCOUNT_LENGTH, max: MAX_ACCOUNT_LENGTH } }]);
      document.getElementById(fieldId('accountNumber'))?.focus();
      return;
    }
    await onComplete({ accountNumber: digits });
  };
  return (
    <form className="panel" noValidate onSubmit={submit} aria-labelledby="complete-title">
      <h2 id="complete-title">{t('completeTitle')}</h2>
      <TextField
        path="accountNumber"
        label={t('accountNumber')}
        hint={shownAccount !== null && shownAccount !== account.trim() ? t('accountNumberNormalised', { value: shownAccount }) : t('accountNumberHint')}
        inputMode="numeric"
        value={account}
        onChange={(value) => {
          setAccount(value);
          setProblems(undefined);
        }}
        problems={problems}
        // Room for the spaces or dashes of a number typed in groups of four.
        maxLength={MAX_ACCOUNT_LENGTH * 2}
        autoComplete="off"
      />
      <button type="submit" className="button" disabled={busy} data-testid="complete">
        {t('complete')}
      </button>
    </form>
  );
}

function ReturnPanel({ round, candidates, busy, onReturn }: { round: number; candidates: ReturnCandidate[]; busy: boolean; onReturn: (items: { field: string; reason: string }[]) => Promise<boolean> }) {
  const { t, lang } = useI18n();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [attempted, setAttempted] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const picked = Object.keys(reasons);
  const pickProblem: Problem[] | undefined = attempted && picked.length === 0 ? [{ code: 'errPickField' }] : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (picked.length === 0) {
      document.getElementById('f-return-fields')?.focus();
      return;
    }
    const missing = picked.find((field) => reasons[field].trim() === '');
    if (missing) {
      document.getElementById(fieldId(`reason-${missing}`))?.focus();
      return;
    }
    setConfirming(true);
  };
  const confirm = async () => {
    if (await onReturn(picked.map((field) => ({ field, reason: reasons[field].trim() })))) {
      setReasons({});
      setAttempted(false);
    }
    setConfirming(false);
  };
  const labels = picked.map((field) => candidates.find((candidate) => candidate.field === field)?.label ?? field);
  return (
    <form className="panel" noValidate onSubmit={submit} aria-labelledby="return-title">
      <h2 id="return-title">{t('returnTitle')}</h2>
      <p className="hint">{t('returnIntro')}</p>
      <fieldset className={`field choice${pickProblem ? ' field--invalid' : ''}`} id="f-return-fields" tabIndex={-1} aria-describedby={pickProblem ? 'f-return-fields-err' : undefined} data-testid="return-fields">
        <legend>{t('returnFieldsLegend')}</legend>
        {candidates.map(({ field, label }) => {
          const id = fieldId(`pick-${field}`);
          const checked = field in reasons;
          return (
            <div key={field} className="return-field">
              <div className="choice-option">
                <input
                  id={id}
                  type="checkbox"
                  checked={checked}
                  onChange={(event) =>
                    setReasons((current) => {
                      const next = { ...current };
                      if (event.target.checked) next[field] = '';
                      else delete next[field];
                      return next;
                    })
                  }
                  data-field={field}
                />
                <label htmlFor={id}>{label}</label>
              </div>
              {checked && (
                <TextField
                  path={`reason-${field}`}
                  label={t('reasonFor', { field: label })}
                  value={reasons[field]}
                  onChange={(value) => setReasons((current) => ({ ...current, [field]: value }))}
                  problems={attempted && reasons[field].trim() === '' ? [{ code: 'errReason' }] : undefined}
                  maxLength={500}
                />
              )}
            </div>
          );
        })}
        <FieldMessages id="f-return-fields" problems={pickProblem} />
      </fieldset>
      {confirming ? (
        <ConfirmDecision
          title={t('confirmReturnTitle')}
          text={t('confirmReturnText', { fields: labels.join(lang === 'zh' ? '、' : ', '), next: round + 1 })}
          confirm={t('confirmReturnButton')}
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button type="submit" className="button button--secondary" disabled={busy} data-testid="return">
          {t('returnButton')}
        </button>
      )}
    </form>
  );
}

function RefusePanel({ busy, onRefuse }: { busy: boolean; onRefuse: (reason: string) => Promise<boolean> }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setProblem(true);
      document.getElementById(fieldId('refuseReason'))?.focus();
      return;
    }
    setConfirming(true);
  };
  const confirm = async () => {
    if (await onRefuse(reason.trim())) setReason('');
    setConfirming(false);
  };
  return (
    <form className="panel panel--quiet" noValidate onSubmit={submit} aria-labelledby="refuse-title">
      <h2 id="refuse-title">{t('refuseTitle')}</h2>
      <p className="hint">{t('refuseIntro')}</p>
      <TextField
        path="refuseReason"
        label={t('reason')}
        value={reason}
        onChange={(value) => {
          setReason(value);
          setProblem(false);
        }}
        problems={problem ? [{ code: 'errReason' }] : undefined}
        maxLength={500}
      />
      {confirming ? (
        <ConfirmDecision title={t('confirmRefuseTitle')} text={t('confirmRefuseText')} confirm={t('confirmRefuseButton')} busy={busy} onConfirm={() => void confirm()} onCancel={() => setConfirming(false)} />
      ) : (
        <button type="submit" className="button button--danger" disabled={busy} data-testid="refuse">
          {t('refuseButton')}
        </button>
      )}
    </form>
  );
}
