import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, newIdempotencyKey, type CaseView } from '../api';
import { ErrorNotice, Loading, Notice, PageTitle, setFlash, useAnnounce } from '../components/ui';
import { ValueTree } from '../components/value-tree';
import { ENTERPRISE_OPENING, localName, type ProcessCatalog, type ProcessDefinitionView } from '../engine/process-api';
import { ProcessGraph } from '../engine/process-graph-view';
import { SchemaFields } from '../engine/schema-fields';
import { checkSchemaValue, cleanValue, emptyValue, formParts, partKeyOf, pathLabel, setAt } from '../engine/schema-form';
import { TextField } from '../form/fields';
import { covers, fieldId, mergeProblems, problemText, serverProblems, type Problems } from '../form/form-model';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import type { Session } from '../session';

// Any active process, filed from its definition: the catalog (GET /api/processes) and a wizard whose
// parts, fields, labels and widgets come from the definition's form schema. The enterprise opening
// keeps its purpose-built wizard (/cases/new, /window/new: the same labels and ids its tests and
// users know); every other process uses this one, with no code of its own.

function useCatalog() {
  const [catalog, setCatalog] = useState<ProcessCatalog | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api<ProcessCatalog>('GET', '/processes').then(
      (found) => live && setCatalog(found),
      (caught: unknown) => live && setError(caught),
    );
    return () => {
      live = false;
    };
  }, []);
  return { catalog, error };
}

export function applyHref(key: string, mode: 'APPLICANT' | 'WINDOW'): string {
  if (key === ENTERPRISE_OPENING) return mode === 'WINDOW' ? '/window/new' : '/cases/new';
  return `${mode === 'WINDOW' ? '/window/apply' : '/apply'}/${encodeURIComponent(key)}`;
}

export function ProcessCatalogPage({ mode }: { mode: 'APPLICANT' | 'WINDOW' }) {
  const { t, lang } = useI18n();
  const { catalog, error } = useCatalog();
  return (
    <>
      <PageTitle title={t('processPickTitle')}>{t('processPickTitle')}</PageTitle>
      <p className="lead">{t('processPickIntro')}</p>
      <ErrorNotice error={error} />
      {!catalog ? (
        error ? null : <Loading />
      ) : catalog.items.length === 0 ? (
        <p>{t('processPickEmpty')}</p>
      ) : (
        <ul className="process-catalog plain" data-testid="process-catalog">
          {catalog.items.map((item) => (
            <li key={item.key} className="panel" data-process={item.key}>
              <h2>{localName(item.definition.name, lang, item.key)}</h2>
              <p className="hint">
                {t('processVersion', { version: item.version })} · {t('processStepsN', { n: item.definition.steps.length })}
              </p>
              <Link className="button" href={applyHref(item.key, mode)} aria-label={`${t('processStart')}：${localName(item.definition.name, lang, item.key)}`}>
                {t('processStart')}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ProcessApplyPage({ processKey, session, mode }: { processKey: string; session: Session; mode: 'APPLICANT' | 'WINDOW' }) {
  const { t } = useI18n();
  const { catalog, error } = useCatalog();
  const view = catalog?.items.find((item) => item.key === processKey);
  if (view) return <GenericWizard key={`${view.key}@${view.version}`} view={view} session={session} mode={mode} />;
  return (
    <>
      <PageTitle title={t('processPickTitle')}>{t('processPickTitle')}</PageTitle>
      <ErrorNotice error={error} />
      {catalog ? <Notice kind="error">{t('processNotFound')}</Notice> : !error && <Loading />}
    </>
  );
}

/** A 400 names fields under the body's `form`: the page's paths start at the form. */
function formProblems(fields: ApiError['fields']): Problems {
  return serverProblems(fields.map((field) => ({ ...field, path: field.path.replace(/^form\./, '') })));
}

function GenericWizard({ view, mode }: { view: ProcessDefinitionView; session: Session; mode: 'APPLICANT' | 'WINDOW' }) {
  const { t, lang } = useI18n();
  const announce = useAnnounce();
  const schema = view.definition.form.schema;
  const parts = useMemo(() => formParts(schema), [schema]);
  const review = parts.length;
  // A link may fill fields in: `?form.enterprise.uscc=…` (the enterprise page's "file a change").
  const [form, setForm] = useState<unknown>(() =>
    [...new URLSearchParams(window.location.search)].filter(([name]) => name.startsWith('form.')).reduce((value: unknown, [name, given]) => setAt(value, name.slice(5), given), emptyValue(schema, schema)),
  );
  const [step, setStep] = useState(0);
  const [onBehalfOf, setOnBehalfOf] = useState('');
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState<ReadonlySet<string>>(new Set());
  const [server, setServer] = useState<Problems>({});
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const lastSubmit = useRef<{ key: string; body: string } | null>(null);
  const partHeading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const name = localName(view.definition.name, lang, view.key);
  const title = t('processNewTitle', { name });

  const check = useMemo(() => checkSchemaValue(schema, form), [schema, form]);
  const behalf: Problems = mode === 'WINDOW' && onBehalfOf.trim() === '' ? { onBehalfOf: [{ code: 'REQUIRED' }] } : {};
  const all = mergeProblems(check, behalf, server);
  const visible: Problems = Object.fromEntries(
    Object.entries(all).filter(([path]) => attempted.has(partKeyOf(parts, path)) || attempted.has('review') || [...touched].some((done) => covers(done, path)) || server[path] !== undefined),
  );

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    partHeading.current?.focus();
  }, [step]);

  const change = (path: string, value: unknown) => {
    setForm((current: unknown) => setAt(current, path, value));
    setServer((current) => Object.fromEntries(Object.entries(current).filter(([p]) => !(covers(path, p) || covers(p, path)))));
  };
  const blur = (path: string) => setTouched((current) => (current.has(path) ? current : new Set([...current, path])));
  const focusField = (path: string) => {
    const target = path === 'onBehalfOf' ? step : Math.max(0, parts.findIndex((part) => part.key === partKeyOf(parts, path)));
    const focus = () => (document.getElementById(fieldId(path)) ?? document.getElementById(`${fieldId(path)}-err`))?.focus();
    if (target !== step) {
      setStep(target);
      window.setTimeout(focus, 30);
    } else focus();
  };

  const next = () => {
    const part = parts[step];
    setAttempted((current) => new Set([...current, part.key]));
    const own = Object.keys(check).filter((path) => partKeyOf(parts, path) === part.key);
    if (own.length > 0) {
      announce(t('partHasProblems', { count: own.reduce((sum, path) => sum + check[path].length, 0) }));
      window.setTimeout(() => focusField(own[0]), 30);
      return;
    }
    if (step + 1 === review) setAttempted((current) => new Set([...current, 'review']));
    setStep(step + 1);
  };

  const submit = async () => {
    setAttempted(new Set([...parts.map((part) => part.key), 'review']));
    setError(null);
    const count = Object.values(all).reduce((sum, list) => sum + list.length, 0);
    if (count > 0) {
      announce(t('formHasProblems', { count }));
      document.getElementById('problem-summary')?.focus();
      return;
    }
    const body = JSON.stringify({ form: cleanValue(schema, schema, form), ...(mode === 'WINDOW' ? { onBehalfOf: onBehalfOf.trim() } : {}) });
    const key = lastSubmit.current?.body === body ? lastSubmit.current.key : newIdempotencyKey();
    lastSubmit.current = { key, body };
    setSubmitting(true);
    announce(t('submitting'));
    try {
      const created = await api<CaseView>('POST', `/processes/${encodeURIComponent(view.key)}/applications`, { body: JSON.parse(body) as unknown, headers: { 'Idempotency-Key': key } });
      setFlash(t('submittedCase', { id: created.id.slice(0, 8) }));
      navigate(`/cases/${created.id}`);
    } catch (caught) {
      setSubmitting(false);
      if (caught instanceof ApiError && caught.status === 400 && caught.fields.length > 0) {
        setServer(formProblems(caught.fields));
        announce(t('formHasProblems', { count: caught.fields.length }));
        window.setTimeout(() => document.getElementById('problem-summary')?.focus(), 30);
      } else setError(caught);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (step < review) next();
    else void submit();
  };

  const partLabel = (i: number): string => (i >= review ? t('part.review') : localName(parts[i].label, lang, parts[i].key || t('partGeneral')));
  const summary = Object.entries(visible).flatMap(([path, list]) => list.map((problem) => ({ path, problem })));

  return (
    <form className="wizard" noValidate onSubmit={onSubmit} aria-describedby="wizard-intro" data-process={view.key}>
      <PageTitle title={title}>{title}</PageTitle>
      <p id="wizard-intro" className="lead">
        {t('processNewIntro')}
      </p>
      {mode === 'WINDOW' && (
        <div className="panel">
          <TextField
            path="onBehalfOf"
            label={t('f.onBehalfOf')}
            hint={t('h.onBehalfOf')}
            value={onBehalfOf}
            onChange={(value) => {
              setOnBehalfOf(value);
              setServer((current) => Object.fromEntries(Object.entries(current).filter(([p]) => p !== 'onBehalfOf')));
            }}
            onBlur={blur}
            problems={visible.onBehalfOf}
            autoComplete="off"
            maxLength={32}
          />
        </div>
      )}
      <nav aria-label={t('formParts')}>
        <ol className="stepper">
          {[...parts.map((part) => part.key), 'review'].map((key, i) => {
            const count = i >= review ? 0 : Object.entries(visible).filter(([path]) => partKeyOf(parts, path) === key).reduce((sum, [, list]) => sum + list.length, 0);
            return (
              <li key={`${i}-${key}`}>
                <button
                  type="button"
                  className={i === step ? 'stepper-item current' : 'stepper-item'}
                  aria-current={i === step ? 'step' : undefined}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => {
                    if (i === review) setAttempted((current) => new Set([...current, 'review']));
                    setStep(i);
                  }}
                >
                  <span className="stepper-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span className="stepper-label">{partLabel(i)}</span>
                  {count > 0 && <span className="stepper-problems">{t('partProblems', { count })}</span>}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      <section className="panel part" aria-labelledby="part-title">
        <h2 id="part-title" ref={partHeading} tabIndex={-1}>
          <span className="part-count">{t('partOf', { n: step + 1, total: review + 1 })}</span> {partLabel(step)}
        </h2>
        {step < review ? (
          <SchemaFields root={schema} fields={parts[step].fields} value={form} onChange={change} onBlur={blur} problems={visible} />
        ) : (
          <>
            {summary.length > 0 ? (
              <div className="problem-summary" id="problem-summary" tabIndex={-1} role="alert">
                <p>{t('formHasProblems', { count: summary.length })}</p>
                <ul>
                  {summary.map(({ path, problem }, i) => (
                    <li key={i} data-path={path}>
                      <button type="button" className="link-button" onClick={() => focusField(path)}>
                        {path === 'onBehalfOf' ? t('f.onBehalfOf') : pathLabel(schema, path, lang)}
                      </button>
                      ：{problemText(problem, t)}
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <Notice kind="success">{t('formReady')}</Notice>
            )}
            <ProcessGraph definition={view.definition} idPrefix="apply-graph" />
            <p>{t('reviewIntro')}</p>
            <ValueTree value={cleanValue(schema, schema, form)} />
          </>
        )}
      </section>

      <ErrorNotice error={error} />
      <div className="actions">
        {step > 0 && (
          <button type="button" className="button button--secondary" onClick={() => setStep(step - 1)}>
            {t('back')}
          </button>
        )}
        {step < review ? (
          <button type="submit" className="button">
            {t('next')}
          </button>
        ) : (
          <button type="submit" className="button" disabled={submitting} data-testid="submit-application">
            {submitting ? t('submitting') : t('submit')}
          </button>
        )}
      </div>
      <p>
        <Link href={mode === 'WINDOW' ? '/window/apply' : '/apply'}>{t('processPickTitle')}</Link>
      </p>
    </form>
  );
}
