import type { DefinitionProblem } from '@onetrip/domain';
import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { ErrorNotice, Loading, Notice, PageTitle, setFlash, takeFlash, useAnnounce, useLoaded } from '../components/ui';
import { localName, versionPath, type AdminProcessSummary, type ProcessDefinitionView } from '../engine/process-api';
import { ProcessGraph } from '../engine/process-graph-view';
import { SchemaFields } from '../engine/schema-fields';
import { emptyValue, fieldsOf } from '../engine/schema-form';
import { formatDateTime, formatMinutes } from '../format';
import { hasMessage, useI18n, type MessageKey } from '../i18n';
import { Link, navigate } from '../router';

// An administrator's pages for process definitions: the list of every version, the upload of a new
// one (its validation problems listed by JSON path next to the document), and a version's page
// (its steps as the graph and a table, its form as the applicant will see it, activate / retire).

function DefinitionStatus({ status }: { status: string }) {
  const { t } = useI18n();
  const key = `defStatus.${status}`;
  const badge = status === 'ACTIVE' ? 'done' : status === 'DRAFT' ? 'open' : 'cancelled';
  return <span className={`badge badge--${badge}`}>{hasMessage(key) ? t(key as MessageKey) : status}</span>;
}

export function ProcessListPage() {
  const { t, lang } = useI18n();
  const { data, error } = useLoaded<{ items: AdminProcessSummary[] }>('/admin/processes');
  const items = data?.items;
  const [flash] = useState(() => takeFlash());

  return (
    <>
      <PageTitle title={t('processesTitle')}>{t('processesTitle')}</PageTitle>
      <p className="lead">{t('processesIntro')}</p>
      {flash && <Notice kind="success">{flash}</Notice>}
      <ErrorNotice error={error} />
      {!items ? (
        !error && <Loading />
      ) : (
        <div className="table-wrap">
          <table data-testid="process-definitions">
            <caption className="visually-hidden">{t('processesTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colName')}</th>
                <th scope="col">{t('colKey')}</th>
                <th scope="col">{t('colVersion')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colCreated')}</th>
                <th scope="col">{t('colActivated')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.key}@${item.version}`} data-process={item.key} data-version={item.version} data-status={item.status}>
                  <td>
                    <Link href={`/admin/processes/${encodeURIComponent(item.key)}/versions/${item.version}`}>
                      {localName(item.name, lang, item.key)}
                    </Link>
                  </td>
                  <td>
                    <code>{item.key}</code>
                  </td>
                  <td className="num">{item.version}</td>
                  <td>
                    <DefinitionStatus status={item.status} />
                  </td>
                  <td>{formatDateTime(item.createdAt, lang)}</td>
                  <td>{item.activatedAt ? formatDateTime(item.activatedAt, lang) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <UploadPanel />
    </>
  );
}

function isProblemList(value: unknown): value is DefinitionProblem[] {
  return Array.isArray(value) && value.every((p) => typeof p === 'object' && p !== null && typeof (p as DefinitionProblem).path === 'string');
}

function UploadPanel() {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<DefinitionProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setText(await file.text());
    setProblems([]);
    setError(null);
  };

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setProblems([]);
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (caught) {
      const found = [{ path: '$', code: 'NOT_JSON', message: t('notJson', { detail: caught instanceof Error ? caught.message : String(caught) }) }];
      setProblems(found);
      announce(t('problemsTitle', { count: 1 }));
      window.setTimeout(() => window.document.getElementById('definition-problems')?.focus(), 30);
      return;
    }
    setBusy(true);
    try {
      const view = await api<ProcessDefinitionView>('POST', '/admin/processes', { body: document });
      setFlash(t('uploadedDraft', { key: view.key, version: view.version }));
      navigate(`/admin/processes/${encodeURIComponent(view.key)}/versions/${view.version}`);
    } catch (caught) {
      const body = caught instanceof ApiError && typeof caught.body === 'object' && caught.body !== null ? (caught.body as { problems?: unknown }) : {};
      if (caught instanceof ApiError && caught.status === 400 && isProblemList(body.problems)) {
        setProblems(body.problems);
        announce(t('problemsTitle', { count: body.problems.length }));
        window.setTimeout(() => window.document.getElementById('definition-problems')?.focus(), 30);
      } else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="upload-title">
      <h2 id="upload-title">{t('uploadTitle')}</h2>
      <p className="hint">{t('uploadIntro')}</p>
      <form noValidate onSubmit={upload} className={problems.length > 0 ? 'definition-upload definition-upload--with-problems' : 'definition-upload'}>
        <div>
          <div className={`field${problems.length > 0 ? ' field--invalid' : ''}`}>
            <label htmlFor="f-definition">{t('documentLabel')}</label>
            <textarea
              id="f-definition"
              name="definition"
              className="definition-doc"
              rows={problems.length > 0 ? 24 : 12}
              spellCheck={false}
              value={text}
              aria-invalid={problems.length > 0 || undefined}
              aria-describedby={problems.length > 0 ? 'definition-problems' : undefined}
              onChange={(event) => {
                setText(event.target.value);
                setProblems([]);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="f-definition-file">{t('fileLabel')}</label>
            <input id="f-definition-file" type="file" accept="application/json,.json" onChange={(event) => void readFile(event)} />
          </div>
          <ErrorNotice error={error} />
          <button type="submit" className="button" disabled={busy || text.trim() === ''} data-testid="upload-definition">
            {busy ? t('uploading') : t('uploadButton')}
          </button>
        </div>
        {problems.length > 0 && (
          <div className="problem-summary definition-problems" id="definition-problems" tabIndex={-1} role="alert" data-testid="definition-problems">
            <p>{t('problemsTitle', { count: problems.length })}</p>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('colPath')}</th>
                    <th scope="col">{t('colCode')}</th>
                    <th scope="col">{t('colMessage')}</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.map((problem, i) => (
                    <tr key={i} data-path={problem.path} data-code={problem.code}>
                      <td>
                        <code>{problem.path}</code>
                      </td>
                      <td>
                        <code>{problem.code}</code>
                      </td>
                      <td>{problem.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
      </form>
    </section>
  );
}

export function ProcessVersionPage({ processKey, version }: { processKey: string; version: number }) {
  const { t, lang } = useI18n();
  const announce = useAnnounce();
  const [view, setView] = useState<ProcessDefinitionView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(() => takeFlash());
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    // The admin route: a draft is not published on the public one.
    api<ProcessDefinitionView>('GET', `/admin${versionPath(processKey, version)}`).then(
      (found) => live && setView(found),
      (caught: unknown) => live && setError(caught),
    );
    return () => {
      live = false;
    };
  }, [processKey, version]);

  const act = async (action: 'activate' | 'retire') => {
    setBusy(true);
    setActionError(null);
    setMessage(null);
    try {
      const next = await api<ProcessDefinitionView>('POST', `/admin/processes/${encodeURIComponent(processKey)}/versions/${version}/${action}`);
      setView(next);
      const done = action === 'activate' ? t('activatedOk') : t('retiredOk');
      setMessage(done);
      announce(done);
    } catch (caught) {
      setActionError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (!view) return error ? <ErrorNotice error={error} /> : <Loading />;
  const { definition } = view;
  const title = t('versionTitle', { name: localName(definition.name, lang, definition.key), version: view.version });
  const stepName = (id: string) => localName(definition.steps.find((s) => s.id === id)?.name, lang, id);
  const department = (code: string) => localName(definition.departments.find((d) => d.code === code)?.name, lang, code);
  const schema = definition.form.schema;

  return (
    <div className="process-version" data-process={view.key} data-version={view.version} data-status={view.status}>
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link href="/admin/processes">{t('backToProcesses')}</Link>
      </p>
      <div className="case-summary">
        <DefinitionStatus status={view.status} />
        <code>{view.key}</code>
        <span className="hint">{t('checksumIs', { checksum: view.checksum.slice(0, 16) })}</span>
      </div>
      {message && <Notice kind="success">{message}</Notice>}
      <ErrorNotice error={actionError} />
      <div className="actions">
        {view.status !== 'ACTIVE' && (
          <button type="button" className="button" disabled={busy} onClick={() => void act('activate')} data-testid="activate-definition">
            {t('activateButton')}
          </button>
        )}
        {view.status !== 'RETIRED' && (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void act('retire')} data-testid="retire-definition">
            {t('retireButton')}
          </button>
        )}
      </div>

      <section className="panel" aria-labelledby="def-steps-title">
        <h2 id="def-steps-title">{t('definitionStepsTitle')}</h2>
        <ProcessGraph definition={definition} idPrefix="def-graph" />
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('colStep')}</th>
                <th scope="col">{t('colDepartment')}</th>
                <th scope="col">{t('colDependsOn')}</th>
                <th scope="col">{t('colKind')}</th>
                <th scope="col">{t('colMode')}</th>
                <th scope="col">{t('colLimit')}</th>
              </tr>
            </thead>
            <tbody>
              {definition.steps.map((step) => (
                <tr key={step.id} data-step={step.id}>
                  <td>
                    {stepName(step.id)} <code>{step.id}</code>
                    {step.when !== undefined && <span className="hint"> {t('conditional')}</span>}
                  </td>
                  <td>{department(step.department)}</td>
                  <td>{step.dependsOn.length > 0 ? step.dependsOn.map(stepName).join(lang === 'zh' ? '、' : ', ') : '—'}</td>
                  <td>
                    <code>{step.kind}</code>
                  </td>
                  <td>{step.mode === 'AUTO' ? t('modeAuto') : step.mode === 'SYSTEM' ? t('modeSystem') : step.mode}</td>
                  <td>{formatMinutes(step.timeLimitMinutes, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel" aria-labelledby="def-form-title">
        <h2 id="def-form-title">{t('formPreviewTitle')}</h2>
        <div className="form-preview" data-testid="form-preview">
          <SchemaFields root={schema} fields={fieldsOf(schema, schema, 'preview')} value={{ preview: emptyValue(schema, schema) }} onChange={() => undefined} problems={{}} disabled />
        </div>
      </section>
    </div>
  );
}
