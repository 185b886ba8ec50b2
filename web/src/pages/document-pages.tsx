import { useEffect, useState } from 'react';
import { api, apiBlob, ApiError } from '../api';
import type { components } from '../api-types';
import { ErrorNotice, Loading, Notice, PageTitle, type NoticeKind } from '../components/ui';
import { formatDateTime } from '../format';
import { useI18n, type MessageKey } from '../i18n';

// Documents that verify: the case's signed PDFs (downloaded through the session, as the API wants a
// bearer token), and the public page a document's QR code opens.

type CaseDocument = components['schemas']['CaseDocumentDto'];
type Verified = components['schemas']['DocumentVerifyResponseDto'];

export function DocumentLinks({ caseId, refreshKey }: { caseId: string; refreshKey: string }) {
  const { t } = useI18n();
  const [documents, setDocuments] = useState<CaseDocument[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    api<CaseDocument[]>('GET', `/cases/${encodeURIComponent(caseId)}/documents`)
      .then((list) => live && setDocuments(list))
      .catch((failure: unknown) => live && setError(failure));
    return () => {
      live = false;
    };
  }, [caseId, refreshKey]);

  const open = async (document: CaseDocument) => {
    setError(null);
    try {
      const blob = await apiBlob(document.path, 'application/pdf');
      const url = URL.createObjectURL(blob);
      window.open(url, '_blank', 'noopener');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (failure) {
      setError(failure);
    }
  };

  if (documents.length === 0 && !error) return null;
  return (
    <section className="panel" aria-labelledby="documents-title" data-testid="documents">
      <h2 id="documents-title">{t('documentsTitle')}</h2>
      <p>{t('documentsIntro')}</p>
      <ErrorNotice error={error} />
      <ul>
        {documents.map((document) => (
          <li key={`${document.kind}-${document.version}`}>
            <button type="button" className="button button--secondary" onClick={() => void open(document)} data-testid={`document-${document.kind}-${document.version}`}>
              {document.kind === 'OUTCOME' ? t('documentOutcome') : t('documentCorrection', { round: document.version })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

const STATUS_NOTICE: Record<string, NoticeKind> = { VALID: 'success', SUPERSEDED: 'info', REVOKED: 'error', INVALID: 'error' };

export function VerifyPage({ code }: { code: string }) {
  const { t, lang } = useI18n();
  const [verified, setVerified] = useState<Verified | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api<Verified>('GET', `/verify/${encodeURIComponent(code)}`)
      .then(setVerified)
      .catch(setError);
  }, [code]);

  const name = (value: { zh: string; en: string } | undefined) => (value ? (lang === 'zh' ? value.zh : value.en) : '—');
  return (
    <div className="page">
      <PageTitle title={t('verifyTitle')}>{t('verifyTitle')}</PageTitle>
      <p>
        {t('verifyCode')}: <strong data-testid="verify-code">{code}</strong>
      </p>
      {error instanceof ApiError && (error.status === 404 || error.status === 400) ? <Notice kind="error">{t('verifyNotFound')}</Notice> : <ErrorNotice error={error} />}
      {!verified && !error && <Loading />}
      {verified && (
        <section className="panel" data-testid="verify-result" data-status={verified.status}>
          <Notice kind={STATUS_NOTICE[verified.status] ?? 'error'}>{t(`verifyStatus_${verified.status}` as MessageKey)}</Notice>
          {verified.status !== 'INVALID' && (
            <dl className="readonly">
              <dt>{t('verifyEnterprise')}</dt>
              <dd>{verified.enterpriseName ?? '—'}</dd>
              <dt>{t('verifyProcess')}</dt>
              <dd>
                {name(verified.process)} · {name(verified.title)}
              </dd>
              <dt>{t('verifyDepartments')}</dt>
              <dd>{(verified.departments ?? []).map(name).join('、') || '—'}</dd>
              <dt>{t('verifyIssuedAt')}</dt>
              <dd>{formatDateTime(verified.issuedAt, lang)}</dd>
              <dt>{t('verifyKey')}</dt>
              <dd>{verified.keyId}</dd>
              {verified.statusReason && (
                <>
                  <dt>{t('verifyReason')}</dt>
                  <dd>{verified.statusReason}</dd>
                </>
              )}
              {verified.supersededBy && (
                <>
                  <dt>{t('verifyReplacedBy')}</dt>
                  <dd>{verified.supersededBy}</dd>
                </>
              )}
            </dl>
          )}
        </section>
      )}
    </div>
  );
}
