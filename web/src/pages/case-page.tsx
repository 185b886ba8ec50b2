import { isTerminalCaseStatus, findBank } from '@onetrip/domain';
import { useCallback, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../api';
import { DefinitionOutcomeView, doneCount, FeeLedgerView, StatusBadge, StepProgress, useDepartmentName, type EngineCaseView } from '../components/case-parts';
import { ENTERPRISE_OPENING, usePinnedDefinition } from '../engine/process-api';
import { GenericCorrectionPanel } from './generic-correction';
import { DocumentLinks } from './document-pages';
import { ErrorNotice, LiveStatus, Loading, Notice, PageTitle, takeFlash, useAnnounce, useLiveUpdates } from '../components/ui';
import { TextField } from '../form/fields';
import { formatDateTime, shortId } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { Link } from '../router';
import type { Session } from '../session';
import type { Complaint } from '../api';

// The applicant's (or the window's) case: live progress of its steps, the one correction notice with only
// its fields editable, the combined outcome, the fee ledger, 办不好件 and withdrawal. The notice and the
// outcome are laid out from the case's pinned definition, the enterprise opening's as any other's.

const POLL_MS = 2000;

function hasOpenComplaint(complaints: readonly Complaint[]): boolean {
  return complaints.some((c) => c.status === 'OPEN');
}

/** Completed, mailed free, and the postal system's item number not in yet: the shipment follows the outcome. */
function awaitingTrackingNumber(view: EngineCaseView): boolean {
  const outcome = view.outcome;
  return view.status === 'COMPLETED' && outcome?.delivery?.method === 'FREE_MAIL' && Boolean(outcome.licenseNumber) && !outcome.mailTrackingNumber;
}

export function CasePage({ id, session }: { id: string; session: Session }) {
  const { t, lang } = useI18n();
  const announce = useAnnounce();
  const [view, setView] = useState<EngineCaseView | null>(null);
  const [complaints, setComplaints] = useState<Complaint[]>([]);
  const canComplain = session.user.role === 'APPLICANT' || session.user.role === 'WINDOW';
  const [loadError, setLoadError] = useState<unknown>(null);
  const [flash] = useState(() => takeFlash());
  // Kept as a key with the status it was said in: translated when shown, gone once the case moves on.
  const [message, setMessage] = useState<{ key: MessageKey; status: string } | null>(null);
  const last = useRef<string>('');

  const load = useCallback(async (): Promise<boolean> => {
    try {
      const [next, raised] = await Promise.all([
        api<EngineCaseView>('GET', `/applications/${encodeURIComponent(id)}`),
        canComplain ? api<Complaint[]>('GET', `/applications/${encodeURIComponent(id)}/complaints`) : Promise.resolve([]),
      ]);
      setView(next);
      setComplaints(raised);
      setLoadError(null);
      const signature = `${next.status}:${doneCount(next.steps)}`;
      if (last.current && last.current !== signature) {
        announce(t('statusAnnounce', { status: t(`status.${next.status}`), done: doneCount(next.steps) }));
      }
      last.current = signature;
      return true;
    } catch (error) {
      setLoadError(error);
      return false;
    }
  }, [id, announce, t, canComplain]);

  // Still polled once ended while a complaint is open or the mail's tracking number is still to come.
  const live = view !== null && (!isTerminalCaseStatus(view.status) || hasOpenComplaint(complaints) || awaitingTrackingNumber(view));
  const updates = useLiveUpdates(load, POLL_MS, live);
  const { view: pinned } = usePinnedDefinition(view?.process);
  const definition = pinned?.definition;
  const generic = view?.process !== undefined && view.process.key !== ENTERPRISE_OPENING;

  if (!view) return loadError ? <ErrorNotice error={loadError} /> : <Loading />;
  const title = t('caseTitle', { id: shortId(view.id) });
  // Only the enterprise opening's form has a company name; other processes show the case's number.
  const companyName = generic ? undefined : view.form?.company?.name;

  return (
    <div className="case-page" data-case-id={view.id} data-status={view.status}>
      <PageTitle title={title}>
        {companyName ?? title}
        {companyName && <span className="subtitle">{title}</span>}
      </PageTitle>
      {flash && !isTerminalCaseStatus(view.status) && <Notice kind="success">{flash}</Notice>}
      {message && message.status === view.status && <Notice kind="success">{t(message.key)}</Notice>}
      <div className="case-summary">
        <StatusBadge status={view.status} />
        <span>{t('caseSubmittedAt', { time: formatDateTime(view.submittedAt, lang) })}</span>
        {view.completedAt && <span>{t('caseCompletedAt', { time: formatDateTime(view.completedAt, lang) })}</span>}
        <LiveStatus live={updates} active={live} />
      </div>
      {view.applicant && (
        <p className="case-applicant" data-testid="case-applicant">
          {t('caseFor', { name: `${view.applicant.name ?? '—'}（${view.applicant.username}）` })}
        </p>
      )}
      <ReturnPending view={view} definition={definition} />
      {view.endReason && <Notice kind={view.status === 'REJECTED' ? 'error' : 'info'}>{t('endReason', { reason: view.endReason })}</Notice>}

      {definition && view.status === 'AWAITING_CORRECTION' && view.correction && view.form && (
        <GenericCorrectionPanel
          view={view}
          definition={definition}
          onDone={(next) => {
            setView(next);
            setMessage({ key: 'correctionSent', status: next.status });
            announce(t('correctionSent'));
          }}
        />
      )}

      {view.outcome && definition && <DefinitionOutcomeView definition={definition} outcome={view.outcome as Record<string, unknown>} />}
      <DocumentLinks caseId={view.id} refreshKey={`${view.status}:${view.correction?.round ?? 0}`} />
      <NextSteps view={view} generic={generic} />
      <StepProgress steps={view.steps} definition={definition} ended={isTerminalCaseStatus(view.status)} />
      {/* A withdrawn case charges nothing and issues nothing: no fee table to read. */}
      {view.status !== 'CANCELLED' && <FeeLedgerView fees={view.fees} />}
      <ComplaintPanel view={view} complaints={complaints} onChanged={async () => void (await load())} canComplain={canComplain} />
      {!isTerminalCaseStatus(view.status) && (
        <CancelPanel
          id={view.id}
          onDone={(next) => {
            setView(next);
            setMessage({ key: 'cancelledDone', status: next.status });
            announce(t('cancelledDone'));
          }}
        />
      )}
      <p>
        <Link href={session.user.role === 'WINDOW' ? '/window' : '/cases'}>{session.user.role === 'WINDOW' ? t('navWindow') : t('navMyCases')}</Link>
      </p>
    </div>
  );
}

/** A step was returned while others still review: say so now, and when the one notice will come. */
function ReturnPending({ view, definition }: { view: EngineCaseView; definition?: Parameters<typeof useDepartmentName>[0] }) {
  const { t, lang } = useI18n();
  const departmentName = useDepartmentName(definition);
  const returned = view.steps.filter((step) => String(step.status) === 'RETURNED');
  if (view.status !== 'IN_PROGRESS' || returned.length === 0) return null;
  // The notice goes out when the last step under review decides: at the latest by its time limit.
  const dues = view.steps.filter((step) => (step.status === 'OPEN' || step.status === 'CLAIMED') && step.dueAt).map((step) => step.dueAt as string);
  const by = dues.length > 0 ? dues.reduce((a, b) => (new Date(a) > new Date(b) ? a : b)) : null;
  const departments = [...new Set(returned.map((step) => departmentName(step.department)))].join(lang === 'zh' ? '、' : ', ');
  return (
    <section className="panel panel--warning" aria-labelledby="return-pending-title" data-testid="return-pending">
      <h2 id="return-pending-title">{t('returnPendingTitle')}</h2>
      <p>{t('returnPending', { departments })}</p>
      {by && <p>{t('returnPendingBy', { time: formatDateTime(by, lang) })}</p>}
    </section>
  );
}

/** What to do once the case has ended: collect or track the results, activate them; after a refusal, how to go on. */
function NextSteps({ view, generic }: { view: EngineCaseView; generic: boolean }) {
  const { t, lang } = useI18n();
  const items: { key: string; text: ReactNode }[] = [];
  if (view.status === 'COMPLETED' && !generic && view.outcome) {
    const outcome = view.outcome;
    const form = view.form;
    if (outcome.delivery?.method === 'FREE_MAIL') {
      items.push({ key: 'mail', text: t('nextMail', { address: form?.delivery.address ?? '—' }) });
      // The item number the postal system issued (the worker's shipment); until it has, say it is coming.
      if (outcome.licenseNumber) {
        items.push({
          key: 'tracking',
          text: outcome.mailTrackingNumber ? (
            <span data-testid="tracking-number">{t('nextMailTracking', { number: outcome.mailTrackingNumber })}</span>
          ) : (
            <span data-testid="tracking-pending">{t('nextMailTrackingPending')}</span>
          ),
        });
      }
    } else items.push({ key: 'pickup', text: t('nextPickup') });
    if (outcome.tax?.ukeyNumber) items.push({ key: 'ukey', text: t('nextUkey') });
    if (outcome.bankAccount?.accountNumber) {
      const bank = outcome.bankAccount.bankCode ? findBank(outcome.bankAccount.bankCode) : undefined;
      const branch = form?.bank.branch ? (lang === 'zh' ? form.bank.branch : ` (${form.bank.branch})`) : '';
      items.push({ key: 'bank', text: t('nextBank', { bank: bank ? (lang === 'zh' ? bank.nameZh : bank.nameEn) : (outcome.bankAccount.bankCode ?? ''), branch, account: outcome.bankAccount.accountNumber }) });
    }
    if (outcome.socialInsurance?.registrationNumber) items.push({ key: 'si', text: t('nextSocialInsurance') });
  } else if (view.status === 'REJECTED') {
    items.push({ key: 'again', text: t('nextRefused') }, { key: 'appeal', text: t('nextAppeal') });
  } else if (view.status === 'CANCELLED') {
    items.push({ key: 'withdrawn', text: t('nextWithdrawn') });
  }
  if (items.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="next-steps-title" data-testid="next-steps">
      <h2 id="next-steps-title">{t('nextStepsTitle')}</h2>
      <ol className="next-steps">
        {items.map((item) => (
          <li key={item.key}>{item.text}</li>
        ))}
      </ol>
    </section>
  );
}

function ComplaintPanel({ view, complaints, onChanged, canComplain }: { view: EngineCaseView; complaints: Complaint[]; onChanged: () => Promise<void>; canComplain: boolean }) {
  const { t, lang } = useI18n();
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setProblem(true);
      return;
    }
    setError(null);
    try {
      await api('POST', `/applications/${encodeURIComponent(view.id)}/complaints`, { body: { text: text.trim() } });
      setText('');
      setOpen(false);
      setSent(true);
      announce(t('complaintSent'));
      await onChanged();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section className="panel" aria-labelledby="complaint-title">
      <h2 id="complaint-title">{t('complaintTitle')}</h2>
      {complaints.length > 0 && (
        <ul className="complaints" data-testid="complaints">
          {complaints.map((complaint) => (
            <li key={complaint.id}>
              <p>
                <span className={complaint.status === 'RESOLVED' ? 'badge badge--done' : 'badge badge--open'}>{complaint.status === 'RESOLVED' ? t('complaintResolved') : t('complaintOpen')}</span>{' '}
                <span className="hint">{formatDateTime(complaint.openedAt, lang)}</span>
              </p>
              <p>{complaint.text}</p>
              {complaint.resolution && <p className="resolution">{t('complaintResolution', { text: complaint.resolution })}</p>}
            </li>
          ))}
        </ul>
      )}
      {sent && <Notice kind="success">{t('complaintSent')}</Notice>}
      {canComplain &&
        (open ? (
          <form noValidate onSubmit={send}>
            <TextField
              path="complaint"
              label={t('complaintText')}
              multiline
              value={text}
              onChange={(value) => {
                setText(value);
                setProblem(false);
              }}
              problems={problem ? [{ code: 'REQUIRED' }] : undefined}
              maxLength={1000}
            />
            <ErrorNotice error={error} />
            <div className="actions">
              <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
                {t('close')}
              </button>
              <button type="submit" className="button">
                {t('complaintSend')}
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="button button--secondary" aria-expanded={false} onClick={() => setOpen(true)}>
            {t('complaintButton')}
          </button>
        ))}
    </section>
  );
}

function CancelPanel({ id, onDone }: { id: string; onDone: (next: EngineCaseView) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setProblem(true);
      return;
    }
    try {
      onDone(await api<EngineCaseView>('POST', `/applications/${encodeURIComponent(id)}/cancel`, { body: { reason: reason.trim() } }));
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section className="panel panel--quiet" aria-labelledby="cancel-title">
      <h2 id="cancel-title">{t('cancelButton')}</h2>
      {open ? (
        <form noValidate onSubmit={send}>
          <p>{t('cancelIntro')}</p>
          <TextField
            path="cancelReason"
            label={t('cancelReason')}
            value={reason}
            onChange={(value) => {
              setReason(value);
              setProblem(false);
            }}
            problems={problem ? [{ code: 'REQUIRED' }] : undefined}
            maxLength={500}
          />
          <ErrorNotice error={error} />
          <div className="actions">
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
              {t('cancelKeep')}
            </button>
            <button type="submit" className="button button--danger">
              {t('cancelConfirm')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button button--quiet" aria-expanded={false} onClick={() => setOpen(true)}>
          {t('cancelButton')}
        </button>
      )}
    </section>
  );
}
