import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { doneCount, StatusBadge } from '../components/case-parts';
import { ErrorNotice, Loading, PageTitle, usePolling } from '../components/ui';
import { ApplicationWizard } from '../form/application-wizard';
import { formatDateTime, shortId } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import type { Session } from '../session';
import type { CaseListPage, CaseView } from '../api';

// The cases an applicant filed, or a window clerk filed for applicants at the counter.

function CaseTable({ items }: { items: CaseView[] }) {
  const { t, lang } = useI18n();
  return (
    <div className="table-wrap">
      <table className="cases">
        <thead>
          <tr>
            <th scope="col">{t('colEnterprise')}</th>
            <th scope="col">{t('colSubmitted')}</th>
            <th scope="col">{t('colStatus')}</th>
            <th scope="col">{t('colProgress')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <Link href={`/cases/${item.id}`}>{item.form?.company?.name ?? t('caseTitle', { id: shortId(item.id) })}</Link>
                <div className="hint">{t('caseTitle', { id: shortId(item.id) })}</div>
              </td>
              <td>{formatDateTime(item.submittedAt, lang)}</td>
              <td>
                <StatusBadge status={item.status} />
              </td>
              <td>{item.steps.length === 5 ? t('doneOfFive', { done: doneCount(item.steps) }) : t('doneOfN', { done: doneCount(item.steps), total: item.steps.length })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function useCaseList() {
  const [page, setPage] = useState<CaseListPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      setPage(await api<CaseListPage>('GET', '/applications?limit=50'));
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  usePolling(() => void load(), 5000, true);
  return { page, error };
}

export function MyCasesPage() {
  const { t } = useI18n();
  const { page, error } = useCaseList();
  return (
    <>
      <PageTitle title={t('casesTitle')}>{t('casesTitle')}</PageTitle>
      <p>
        <Link className="button" href="/cases/new">
          {t('startNew')}
        </Link>
      </p>
      <ErrorNotice error={error} />
      {!page ? <Loading /> : page.items.length === 0 ? <p>{t('noCases')}</p> : <CaseTable items={page.items} />}
    </>
  );
}

export function NewCasePage({ session }: { session: Session }) {
  return <ApplicationWizard session={session} mode="APPLICANT" />;
}

export function WindowPage() {
  const { t } = useI18n();
  const { page, error } = useCaseList();
  return (
    <>
      <PageTitle title={t('windowTitle')}>{t('windowTitle')}</PageTitle>
      <p className="lead">{t('windowIntro')}</p>
      <p>
        <Link className="button" href="/window/new">
          {t('navWindowNew')}
        </Link>
      </p>
      <ErrorNotice error={error} />
      {!page ? <Loading /> : page.items.length === 0 ? <p>{t('noFiled')}</p> : <CaseTable items={page.items} />}
    </>
  );
}

export function WindowNewPage({ session }: { session: Session }) {
  return <ApplicationWizard session={session} mode="WINDOW" />;
}
