import { CORRECTABLE_FIELD_PATHS, departmentReads, MAX_ACCOUNT_LENGTH, MIN_ACCOUNT_LENGTH, type Department } from '@onetrip/domain';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { StatusBadge, useDepartmentName, useStepName } from '../components/case-parts';
import { ErrorNotice, Loading, Notice, PageTitle, useAnnounce, useNow, usePolling } from '../components/ui';
import { ValueTree } from '../components/value-tree';
import { FieldMessages, TextField } from '../form/fields';
import { covers, fieldId, fieldLabel, type Problem } from '../form/form-model';
import { formatDateTime, formatMinutes, shortId } from '../format';
import { hasMessage, useI18n, type MessageKey } from '../i18n';
import { Link, queryParams, usePath } from '../router';
import type { Session } from '../session';
import type { TaskDecision, TaskDetail, TaskListPage, TaskSummary } from '../api';

// A department clerk's inbox and task page: claim, complete (with the department's outputs), return
// with field-level reasons (merged into the applicant's one notice), refuse.

const INBOX_STATUSES = ['OPEN', 'CLAIMED', 'DONE'] as const;
type InboxStatus = (typeof INBOX_STATUSES)[number];

export function TimeLeft({ dueAt, overdue, now }: { dueAt: string; overdue: boolean; now: Date }) {
  const { t } = useI18n();
  const minutes = (new Date(dueAt).getTime() - now.getTime()) / 60_000;
  if (overdue || minutes < 0) {
    return <strong className="overdue">{t('overdueBy', { time: formatMinutes(-minutes, t) })}</strong>;
  }
  return <span>{t('timeLeft', { time: formatMinutes(minutes, t) })}</span>;
}

export function InboxPage({ session }: { session: Session }) {
  const { t, lang } = useI18n();
  const path = usePath();
  const requested = queryParams(path).get('status');
  const status: InboxStatus = (INBOX_STATUSES as readonly string[]).includes(requested ?? '') ? (requested as InboxStatus) : 'OPEN';
  const departmentName = useDepartmentName();
  const now = useNow(5_000);
  const [page, setPage] = useState<TaskListPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      setPage(await api<TaskListPage>('GET', `/tasks?status=${status}&limit=100`));
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, [status]);
  useEffect(() => {
    setPage(null);
    void load();
  }, [load]);
  usePolling(() => void load(), 3000, true);
  const department = session.user.department;
  const title = t('inboxTitle', { department: department ? departmentName(department) : '' });

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <nav aria-label={t('inboxTabs')}>
        <ul className="tabs">
          {INBOX_STATUSES.map((s) => (
            <li key={s}>
              <Link href={`/inbox?status=${s}`} aria-current={s === status ? 'page' : undefined} className={s === status ? 'tab current' : 'tab'}>
                {t(`tab.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ErrorNotice error={error} />
      {!page ? (
        <Loading />
      ) : page.items.length === 0 ? (
        <p>{t('emptyInbox')}</p>
      ) : (
        <>
          <p className="hint">{t('totalN', { n: page.total })}</p>
          <div className="table-wrap">
            <table className="inbox" data-testid="inbox">
              <thead>
                <tr>
                  <th scope="col">{t('colTask')}</th>
                  <th scope="col">{t('colDue')}</th>
                  <th scope="col">{t('colStatus')}</th>
                  <th scope="col">{t('colClaimedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((task) => (
                  <tr key={task.id} className={task.overdue ? 'row--overdue' : undefined} data-case-id={task.caseId}>
                    <td>
                      <Link href={`/tasks/${encodeURIComponent(task.id)}`}>
                        {t('caseTitle', { id: shortId(task.caseId) })}
                        {task.round && task.round > 1 ? ` · ${t('roundN', { n: task.round })}` : ''}
                      </Link>
                    </td>
                    <td>
                      <div>{formatDateTime(task.dueAt, lang)}</div>
                      {task.status !== 'DONE' && <TimeLeft dueAt={task.dueAt} overdue={task.overdue} now={now} />}
                    </td>
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
  const [task, setTask] = useState<TaskDetail | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setTask(await api<TaskDetail>('GET', `/tasks/${encodeURIComponent(id)}`));
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
  const title = t('taskTitle', { department: departmentName(task.department), step: stepName(task.department) });
  const mine = task.claimedBy === undefined || task.claimedBy === session.user.username;

  return (
    <div className="task-page" data-task-status={task.status}>
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link href="/inbox">{t('backToInbox')}</Link>
      </p>
      <div className="case-summary">
        <span>{t('caseTitle', { id: shortId(task.caseId) })}</span>
        {task.round && task.round > 1 && <span>{t('roundN', { n: task.round })}</span>}
        <StatusBadge status={task.status} kind="step" />
        {task.caseStatus && <span>{t('caseStatusIs', { status: hasMessage(`status.${task.caseStatus}`) ? t(`status.${task.caseStatus}` as MessageKey) : task.caseStatus })}</span>}
        {task.claimedBy && <span>{t('claimedByWho', { who: task.claimedBy })}</span>}
        {task.mode === 'AUTO' && <span>{t('modeAuto')}</span>}
      </div>
      <p className={task.overdue ? 'overdue' : undefined}>
        {t('dueAt', { time: formatDateTime(task.dueAt, lang) })} · {open ? <TimeLeft dueAt={task.dueAt} overdue={task.overdue} now={now} /> : task.decidedAt ? t('decidedAt', { time: formatDateTime(task.decidedAt, lang) }) : null}
      </p>
      {message && <Notice kind="success">{message}</Notice>}
      <ErrorNotice error={actionError} />

      {open && mine && (
        <div className="task-actions">
          {task.status === 'OPEN' && (
            <div className="panel">
              <button type="button" className="button" disabled={busy} onClick={() => void act('claim', undefined, t('claimedOk'))} data-testid="claim">
                {t('claim')}
              </button>
            </div>
          )}
          <CompletePanel department={task.department} busy={busy} onComplete={(outputs) => act('complete', outputs ? { outputs } : {}, t('completedOk'))} />
          <ReturnPanel candidates={returnCandidates(task.department, task.form)} busy={busy} onReturn={(items) => act('return', { items }, t('returnedOk'))} />
          <RefusePanel busy={busy} onRefuse={(reason) => act('reject', { reason }, t('refusedOk'))} />
        </div>
      )}
      {!open && <Notice>{t('notYourTurn')}</Notice>}

      {task.outputs && Object.keys(task.outputs).length > 0 && (
        <section className="panel" aria-labelledby="outputs-title">
          <h2 id="outputs-title">{t('outputsTitle')}</h2>
          <dl className="readonly">
            {Object.entries(task.outputs).map(([key, value]) => (
              <div key={key}>
                <dt>{hasMessage(`output.${key}`) ? t(`output.${key}` as MessageKey) : key}</dt>
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
                <strong>{fieldLabel(item.field, t)}</strong>: {item.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {task.rejectReason && <Notice kind="error">{t('endReason', { reason: task.rejectReason })}</Notice>}
      {task.flags && task.flags.length > 0 && (
        <section className="panel panel--warning" aria-labelledby="flags-title">
          <h2 id="flags-title">{t('flagsTitle')}</h2>
          <ul>
            {task.flags.map((flag, i) => (
              <li key={i}>
                <strong>{fieldLabel(flag.path, t)}</strong>: {hasMessage(flag.code) ? t(flag.code as MessageKey) : flag.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="panel" aria-labelledby="form-part-title">
        <h2 id="form-part-title">{t('formPartTitle')}</h2>
        <ValueTree value={task.form} />
      </section>
    </div>
  );
}

function CompletePanel({ department, busy, onComplete }: { department: Department; busy: boolean; onComplete: (outputs?: Record<string, string>) => Promise<boolean> }) {
  const { t } = useI18n();
  const [account, setAccount] = useState('');
  const [problems, setProblems] = useState<Problem[] | undefined>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (department === 'BANK') {
      const digits = account.trim();
      if (!new RegExp(`^\\d{${MIN_ACCOUNT_LENGTH},${MAX_ACCOUNT_LENGTH}}$`).test(digits)) {
        setProblems([{ code: 'errAccountNumber', params: { min: MIN_ACCOUNT_LENGTH, max: MAX_ACCOUNT_LENGTH } }]);
        document.getElementById(fieldId('accountNumber'))?.focus();
        return;
      }
      await onComplete({ accountNumber: digits });
    } else {
      await onComplete();
    }
  };
  return (
    <form className="panel" noValidate onSubmit={submit} aria-labelledby="complete-title">
      <h2 id="complete-title">{t('completeTitle')}</h2>
      {department === 'BANK' ? (
        <TextField
          path="accountNumber"
          label={t('accountNumber')}
          hint={t('accountNumberHint')}
          inputMode="numeric"
          value={account}
          onChange={(value) => {
            setAccount(value);
            setProblems(undefined);
          }}
          problems={problems}
          maxLength={MAX_ACCOUNT_LENGTH}
          autoComplete="off"
        />
      ) : (
        <p className="hint">{t('outputsGenerated')}</p>
      )}
      <button type="submit" className="button" disabled={busy} data-testid="complete">
        {t('complete')}
      </button>
    </form>
  );
}

function ReturnPanel({ candidates, busy, onReturn }: { candidates: string[]; busy: boolean; onReturn: (items: { field: string; reason: string }[]) => Promise<boolean> }) {
  const { t } = useI18n();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [attempted, setAttempted] = useState(false);
  const picked = Object.keys(reasons);
  const pickProblem: Problem[] | undefined = attempted && picked.length === 0 ? [{ code: 'errPickField' }] : undefined;
  const submit = async (event: FormEvent) => {
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
    if (await onReturn(picked.map((field) => ({ field, reason: reasons[field].trim() })))) {
      setReasons({});
      setAttempted(false);
    }
  };
  return (
    <form className="panel" noValidate onSubmit={submit} aria-labelledby="return-title">
      <h2 id="return-title">{t('returnTitle')}</h2>
      <p className="hint">{t('returnIntro')}</p>
      <fieldset className={`field choice${pickProblem ? ' field--invalid' : ''}`} id="f-return-fields" tabIndex={-1} aria-describedby={pickProblem ? 'f-return-fields-err' : undefined}>
        <legend>{t('returnFieldsLegend')}</legend>
        {candidates.map((field) => {
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
                <label htmlFor={id}>{fieldLabel(field, t)}</label>
              </div>
              {checked && (
                <TextField
                  path={`reason-${field}`}
                  label={t('reasonFor', { field: fieldLabel(field, t) })}
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
      <button type="submit" className="button button--secondary" disabled={busy} data-testid="return">
        {t('returnButton')}
      </button>
    </form>
  );
}

function RefusePanel({ busy, onRefuse }: { busy: boolean; onRefuse: (reason: string) => Promise<boolean> }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setProblem(true);
      document.getElementById(fieldId('refuseReason'))?.focus();
      return;
    }
    if (await onRefuse(reason.trim())) setReason('');
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
      <button type="submit" className="button button--danger" disabled={busy}>
        {t('refuseButton')}
      </button>
    </form>
  );
}
