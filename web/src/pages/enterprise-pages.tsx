import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../api';
import { ErrorNotice, Loading, PageTitle } from '../components/ui';
import { formatDateTime } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { Link, navigate, queryParams, usePath } from '../router';
import type { Session } from '../session';

// The register of enterprises: an applicant's own ("my enterprises"), a window clerk's search by USCC, and
// one enterprise's facts with its history of cases and the change it may file (企业信息变更).

interface EnterpriseSummary {
  id: string;
  uscc: string;
  name: string;
  status: string;
  legalRepresentativeName: string;
  licenceEdition: number;
}

interface EnterpriseView extends Omit<EnterpriseSummary, 'legalRepresentativeName'> {
  entityType: string;
  address: { divisionCode: string; detail: string };
  legalRepresentative: { name: string; idNumber: string; mobile: string };
  registeredCapital: string;
  businessScope: string[];
  seals: { kind: string; code: string }[];
  taxpayerId: string | null;
  socialInsuranceNumber: string | null;
  bankAccount?: { bankName: string; branch: string; accountNumber: string };
  licenceNumber: string | null;
  lifecycleCaseId: string | null;
  history: { caseId: string; role: string; processKey: string; status: string; submittedAt: string; appliedAt: string | null; changed: string[] }[];
}

const USCC = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

function EnterpriseTable({ items }: { items: EnterpriseSummary[] }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="cases" data-testid="enterprise-list">
        <thead>
          <tr>
            <th scope="col">{t('colEnterprise')}</th>
            <th scope="col">{t('entUscc')}</th>
            <th scope="col">{t('entRepresentative')}</th>
            <th scope="col">{t('colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <Link href={`/enterprises/${item.id}`}>{item.name}</Link>
              </td>
              <td>{item.uscc}</td>
              <td>{item.legalRepresentativeName}</td>
              <td>{t(`entStatus.${item.status}` as MessageKey)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** APPLICANT: the enterprises they represent. WINDOW (and others): find one by its USCC. */
export function EnterpriseListPage({ session }: { session: Session }) {
  const { t } = useI18n();
  const path = usePath();
  const applicant = session.user.role === 'APPLICANT';
  const searched = queryParams(path).get('uscc') ?? '';
  const [query, setQuery] = useState(searched);
  const [items, setItems] = useState<EnterpriseSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState(false);
  const load = useCallback(async () => {
    if (!applicant && searched === '') return setItems(null);
    try {
      const found = await api<{ items: EnterpriseSummary[] }>('GET', `/enterprises${searched ? `?uscc=${encodeURIComponent(searched)}` : ''}`);
      setItems(found.items);
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, [applicant, searched]);
  useEffect(() => {
    void load();
  }, [load]);
  const search = (event: FormEvent) => {
    event.preventDefault();
    const uscc = query.trim().toUpperCase();
    setInvalid(!USCC.test(uscc));
    if (USCC.test(uscc)) navigate(`/enterprises?uscc=${encodeURIComponent(uscc)}`);
  };
  const title = applicant ? t('entMineTitle') : t('entFindTitle');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="lead">{applicant ? t('entMineIntro') : t('entFindIntro')}</p>
      {!applicant && (
        <form className="panel" onSubmit={search} noValidate role="search">
          <div className="field">
            <label htmlFor="f-uscc">{t('entUscc')}</label>
            <input id="f-uscc" value={query} onChange={(event) => setQuery(event.target.value)} maxLength={18} autoComplete="off" aria-invalid={invalid} aria-describedby={invalid ? 'f-uscc-err' : undefined} />
            {invalid && (
              <p className="error" id="f-uscc-err">
                {t('entUsccInvalid')}
              </p>
            )}
          </div>
          <button type="submit" className="button">
            {t('entSearch')}
          </button>
        </form>
      )}
      <ErrorNotice error={error} />
      {items === null ? applicant && !error ? <Loading /> : null : items.length === 0 ? <p>{t('entNone')}</p> : <EnterpriseTable items={items} />}
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function EnterprisePage({ id, session }: { id: string; session: Session }) {
  const { t, lang } = useI18n();
  const [view, setView] = useState<EnterpriseView | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api<EnterpriseView>('GET', `/enterprises/${encodeURIComponent(id)}`).then(
      (found) => live && setView(found),
      (caught: unknown) => live && setError(caught),
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (!view) return error ? <ErrorNotice error={error} /> : <Loading />;
  const window = session.user.role === 'WINDOW';
  const applyBase = window ? '/window/apply' : '/apply';
  const changeHref = `${applyBase}/enterprise-change?form.enterprise.uscc=${encodeURIComponent(view.uscc)}`;
  const canFile = (window || session.user.role === 'APPLICANT') && view.status === 'ACTIVE';
  return (
    <>
      <PageTitle title={view.name}>{view.name}</PageTitle>
      <p className="lead">
        {t('entUscc')}：<strong data-testid="enterprise-uscc">{view.uscc}</strong> · <span data-testid="enterprise-status">{t(`entStatus.${view.status}` as MessageKey)}</span>
      </p>
      {canFile && (
        <p>
          <Link className="button" href={changeHref} data-testid="file-change">
            {t('entFileChange')}
          </Link>
        </p>
      )}
      <section className="panel" aria-labelledby="facts-title">
        <h2 id="facts-title">{t('entFacts')}</h2>
        <dl className="facts">
          <Fact label={t('entName')}>{view.name}</Fact>
          <Fact label={t('entLicence')}>{`${view.licenceNumber ?? '—'}（${t('entEdition', { n: view.licenceEdition })}）`}</Fact>
          <Fact label={t('entAddress')}>{`${view.address.detail}（${view.address.divisionCode}）`}</Fact>
          <Fact label={t('entRepresentative')}>{`${view.legalRepresentative.name}（${view.legalRepresentative.idNumber}）`}</Fact>
          <Fact label={t('entCapital')}>{`¥${view.registeredCapital}`}</Fact>
          <Fact label={t('entScope')}>{view.businessScope.join('、')}</Fact>
          <Fact label={t('entSeals')}>
            <span data-testid="enterprise-seals">{view.seals.map((seal) => `${seal.kind} ${seal.code}`).join('；') || '—'}</span>
          </Fact>
          <Fact label={t('entTaxpayer')}>{view.taxpayerId ?? '—'}</Fact>
          <Fact label={t('entSocial')}>{view.socialInsuranceNumber ?? '—'}</Fact>
          <Fact label={t('entBank')}>{view.bankAccount ? `${view.bankAccount.bankName} ${view.bankAccount.branch} ${view.bankAccount.accountNumber}` : '—'}</Fact>
        </dl>
      </section>
      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">{t('entHistory')}</h2>
        <ol data-testid="enterprise-history">
          {view.history.map((item) => (
            <li key={item.caseId}>
              <Link href={`/cases/${item.caseId}`}>{t(`entRole.${item.role}` as MessageKey)}</Link> · {formatDateTime(item.submittedAt, lang)} · {item.status}
              {item.changed.length > 0 && ` · ${t('entChanged')}：${item.changed.map((fact) => t(`entFact.${fact}` as MessageKey)).join('、')}`}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
