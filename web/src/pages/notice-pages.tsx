import { useEffect, useState, type FormEvent } from 'react';
import { api, newIdempotencyKey } from '../api';
import type { components } from '../api-types';
import { ErrorNotice, Loading, Notice, PageTitle } from '../components/ui';
import { useI18n } from '../i18n';
import type { Session } from '../session';

// 公示: the enterprises in their notice period, for anyone (GET /api/notices: name, code and dates only),
// and, for someone signed in with an applicant account or at the window, an objection to one of them.

type PublicNotice = components['schemas']['PublicNoticeDto'];

function ObjectionForm({ notice }: { notice: PublicNotice }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  // One key per objection typed: a resubmitted form (a retry) is the same objection.
  const [clientKey] = useState(() => newIdempotencyKey().replace(/[^A-Za-z0-9_-]/g, ''));
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    api('POST', `/notices/${notice.caseId}/objections`, { body: { reason, clientKey } }).then(
      () => setSent(true),
      (caught: unknown) => setError(caught),
    );
  };
  if (sent) return <Notice kind="success">{t('objectionSent')}</Notice>;
  const id = `objection-${notice.caseId}`;
  return (
    <form onSubmit={submit} noValidate>
      <label htmlFor={id}>{t('objectionReason')}</label>
      <textarea id={id} value={reason} maxLength={2000} rows={3} onChange={(event) => setReason(event.target.value)} />
      <ErrorNotice error={error} />
      <button type="submit">{t('objectionSubmit')}</button>
    </form>
  );
}

export function NoticesPage({ session }: { session: Session | null }) {
  const { t } = useI18n();
  const [notices, setNotices] = useState<PublicNotice[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      api<{ items: PublicNotice[] }>('GET', '/notices').then(
        (found) => live && setNotices(found.items),
        (caught: unknown) => live && setError(caught),
      );
    void load();
    // The list changes as periods begin and end: poll like the other live pages.
    const timer = window.setInterval(() => void load(), 3000);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, []);
  const mayObject = session !== null && (session.user.role === 'APPLICANT' || session.user.role === 'WINDOW');
  return (
    <>
      <PageTitle title={t('noticesTitle')}>{t('noticesTitle')}</PageTitle>
      <p>{t('noticesIntro')}</p>
      <ErrorNotice error={error} />
      {notices === null ? (
        <Loading />
      ) : notices.length === 0 ? (
        <p>{t('noticesEmpty')}</p>
      ) : (
        <ul className="notice-list">
          {notices.map((notice) => (
            <li key={`${notice.caseId}.${notice.stepId}`}>
              <h2>{notice.enterpriseName}</h2>
              <p>
                {t('noticeUscc')}: <span className="mono">{notice.uscc}</span>
              </p>
              <p>
                {t('noticeKind')}: {notice.stepId === 'CREDITOR_NOTICE' ? t('noticeCreditors') : t('noticePublic')} · {t('noticeEnds')}: {new Date(notice.endsAt).toLocaleString()}
              </p>
              {mayObject ? <ObjectionForm notice={notice} /> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
