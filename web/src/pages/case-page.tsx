import { isTerminalCaseStatus } from '@onetrip/domain';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api';
import { DefinitionOutcomeView, doneCount, FeeLedgerView, StatusBadge, StepProgress, type EngineCaseView } from '../components/case-parts';
import { ENTERPRISE_OPENING, usePinnedDefinition } from '../engine/process-api';
import { GenericCorrectionPanel } from './generic-correction';
import { DocumentLinks } from './document-pages';
import { ErrorNotice, Loading, Notice, PageTitle, takeFlash, useAnnounce, usePolling } from '../components/ui';
import { TextField } from '../form/fields';
import { formatDateTime, shortId } from '../format';
import { useI18n } from '../i18n';
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

export function CasePage({ id, session }: { id: string; session: Session }) {
  const { t, lang } = useI18n();
  const announce = useAnnounce();
  const [view, setView] = useState<EngineCaseView | null>(null);
  const [complaints, setComplaints] = useState<Complaint[]>([]);
  const canComplain = session.user.role === 'APPLICANT' || session.user.role === 'WINDOW';
  const [loadError, setLoadError] = useState<unknown>(null);
  const [flash] = useState(() => takeFlash());
  const [message, setMessage] = useState<string | null>(null);
  const last = useRef<string>('');

  const load = useCallback(async () => {
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
    } catch (error) {
      setLoadError(error);
    }
  }, [id, announce, t, canComplain]);

  useEffect(() => {
    void load();
  }, [load]);
  const live = view !== null && (!isTerminalCaseStatus(view.status) || hasOpenComplaint(complaints));
  usePolling(() => void load(), POLL_MS, live);
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
      {flash && <Notice kind="success">{flash}</Notice>}
      {message && <Notice kind="success">{message}</Notice>}
      <div className="case-summary">
        <StatusBadge status={view.status} />
        <span>{t('caseSubmittedAt', { time: formatDateTime(view.submittedAt, lang) })}</span>
        {view.completedAt && <span>{t('caseCompletedAt', { time: formatDateTime(view.completedAt, lang) })}</span>}
        {live && <span className="hint">{t('liveNote')}</span>}
      </div>
      {view.endReason && <Notice kind={view.status === 'REJECTED' ? 'error' : 'info'}>{t('endReason', { reason: view.endReason })}</Notice>}

      {definition && view.status === 'AWAITING_CORRECTION' && view.correction && view.form && (
        <GenericCorrectionPanel
          view={view}
          definition={definition}
          onDone={(next) => {
            setView(next);
            setMessage(t('correctionSent'));
            announce(t('correctionSent'));
          }}
        />
      )}

      {view.outcome && definition && <DefinitionOutcomeView definition={definition} outcome={view.outcome as Record<string, unknown>} />}
      <DocumentLinks caseId={view.id} refreshKey={`${view.status}:${view.correction?.round ?? 0}`} />
      <StepProgress steps={view.steps} definition={definition} />
      <FeeLedgerView fees={view.fees} />
      <ComplaintPanel view={view} complaints={complaints} onChanged={load} canComplain={canComplain} />
      {!isTerminalCaseStatus(view.status) && (
        <CancelPanel
          id={view.id}
          onDone={(next) => {
            setView(next);
            setMessage(t('cancelledDone'));
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
