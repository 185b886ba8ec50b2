import { useCallback, useState } from 'react';
import { api } from '../api';
import { doneCount, StatusBadge } from '../components/case-parts';
import { ErrorNotice, LiveStatus, Loading, PageTitle, useLiveUpdates } from '../components/ui';
import { ApplicationWizard } from '../form/application-wizard';
import { formatDateTime, shortId } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import type { Session } from '../session';
import type { CaseListPage, CaseView } from '../api';

// The cases an applicant filed, or a window clerk filed for applicants at the counter.

function CaseTable({ items, showApplicant = false }: { items: CaseView[]; showApplicant?: boolean }) {
  const { t, lang } = useI18n();
  return (
    <div className="table-wrap">
      <table className="cases">
        <thead>
          <tr>
            <th scope="col">{t('colEnterprise')}</th>
            {showApplicant && <th scope="col">{t('colApplicant')}</th>}
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
              {showApplicant && (
                <td>
                  {item.applicant ? (
                    <>
                      {item.applicant.name ?? '—'}
                      <div className="hint">{item.applicant.username}</div>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              )}
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
  const load = useCallback(async (): Promise<boolean> => {
    try {
      setPage(await api<CaseListPage>('GET', '/applications?limit=50'));
      setError(null);
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    }
  }, []);
  const live = useLiveUpdates(load, 5000, true);
  // Once the list is shown, a failed refresh is the live status's to say, not an error over the list.
  return { page, error: page ? null : error, live };
}

export function MyCasesPage() {
  const { t } = useI18n();
  const { page, error, live } = useCaseList();
  return (
    <>
      <PageTitle title={t('casesTitle')}>{t('casesTitle')}</PageTitle>
      <p>
        <LiveStatus live={live} active />
      </p>
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
  const { page, error, live } = useCaseList();
  return (
    <>
      <PageTitle title={t('windowTitle')}>{t('windowTitle')}</PageTitle>
      <p>
        <LiveStatus live={live} active />
      </p>
      <p className="lead">{t('windowIntro')}</p>
      <p>
        <Link className="button" href="/window/new">
          {t('navWindowNew')}
        </Link>
      </p>
      <ErrorNotice error={error} />
      {!page ? <Loading /> : page.items.length === 0 ? <p>{t('noFiled')}</p> : <CaseTable items={page.items} showApplicant />}
    </>
  );
}

export function WindowNewPage({ session }: { session: Session }) {
  return <ApplicationWizard session={session} mode="WINDOW" />;
}
