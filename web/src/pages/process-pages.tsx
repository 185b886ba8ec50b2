import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api, type ApiError } from '../api';
import { ErrorNotice, Loading, Notice, PageTitle, useAnnounce } from '../components/ui';
import { ValueTree } from '../components/value-tree';
import { ENTERPRISE_OPENING, localName, type ProcessCatalog, type ProcessDefinitionView } from '../engine/process-api';
import { ProcessGraph } from '../engine/process-graph-view';
import { SchemaFields } from '../engine/schema-fields';
import { checkSchemaValue, cleanValue, emptyValue, formParts, partKeyOf, pathLabel, setAt } from '../engine/schema-form';
import { covers, fieldId, mergeProblems, serverProblems, type Problems } from '../form/form-model';
import { OnBehalfOfPanel, ProblemSummary, useFiling, useStepHeading, WizardActions, WizardStepper } from '../engine/wizard-parts';
import { useI18n } from '../i18n';
import { Link } from '../router';
import type { Session } from '../session';

// Any active process, filed from its definition: the catalog (GET /api/processes) and a wizard whose
// parts, fields, labels and widgets come from the definition's form schema. The enterprise opening
// keeps its own wizard (/cases/new, /window/new: drafts on the device, the served rules); every other
// process uses this one, with no code of its own. Both file, lay out steps and list problems with the
// same parts (engine/wizard-parts.tsx).

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
  const partHeading = useStepHeading(step);
  const [onBehalfOf, setOnBehalfOf] = useState('');
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState<ReadonlySet<string>>(new Set());
  const { submitting, error, server, forget, file } = useFiling(`/processes/${encodeURIComponent(view.key)}/applications`, formProblems);
  const name = localName(view.definition.name, lang, view.key);
  const title = t('processNewTitle', { name });

  const check = useMemo(() => checkSchemaValue(schema, form), [schema, form]);
  const behalf: Problems = mode === 'WINDOW' && onBehalfOf.trim() === '' ? { onBehalfOf: [{ code: 'REQUIRED' }] } : {};
  const all = mergeProblems(check, behalf, server);
  const visible: Problems = Object.fromEntries(
    Object.entries(all).filter(([path]) => attempted.has(partKeyOf(parts, path)) || attempted.has('review') || [...touched].some((done) => covers(done, path)) || server[path] !== undefined),
  );

  const change = (path: string, value: unknown) => {
    setForm((current: unknown) => setAt(current, path, value));
    forget(path);
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
    await file({ form: cleanValue(schema, schema, form), ...(mode === 'WINDOW' ? { onBehalfOf: onBehalfOf.trim() } : {}) }, all);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (step < review) next();
    else void submit();
  };

  const partLabel = (i: number): string => (i >= review ? t('part.review') : localName(parts[i].label, lang, parts[i].key || t('partGeneral')));

  return (
    <form className="wizard" noValidate onSubmit={onSubmit} aria-describedby="wizard-intro" data-process={view.key}>
      <PageTitle title={title}>{title}</PageTitle>
      <p id="wizard-intro" className="lead">
        {t('processNewIntro')}
      </p>
      <OnBehalfOfPanel mode={mode} value={onBehalfOf} onChange={setOnBehalfOf} forget={forget} onBlur={blur} problems={visible.onBehalfOf} />
      <WizardStepper
        labels={[...parts.map((_, i) => partLabel(i)), partLabel(review)]}
        current={step}
        counts={parts.map((part) => Object.entries(visible).filter(([path]) => partKeyOf(parts, path) === part.key).reduce((sum, [, list]) => sum + list.length, 0))}
        onPick={(i) => {
          if (i === review) setAttempted((current) => new Set([...current, 'review']));
          setStep(i);
        }}
      />

      <section className="panel part" aria-labelledby="part-title">
        <h2 id="part-title" ref={partHeading} tabIndex={-1}>
          <span className="part-count">{t('partOf', { n: step + 1, total: review + 1 })}</span> {partLabel(step)}
        </h2>
        {step < review ? (
          <SchemaFields root={schema} fields={parts[step].fields} value={form} onChange={change} onBlur={blur} problems={visible} />
        ) : (
          <>
            <ProblemSummary problems={visible} labelOf={(path) => pathLabel(schema, path, lang)} onPick={focusField} />
            <ProcessGraph definition={view.definition} idPrefix="apply-graph" />
            <p>{t('reviewIntro')}</p>
            <ValueTree value={cleanValue(schema, schema, form)} />
          </>
        )}
      </section>

      <ErrorNotice error={error} />
      <WizardActions step={step} review={review} submitting={submitting} onBack={() => setStep(step - 1)} />
      <p>
        <Link href={mode === 'WINDOW' ? '/window/apply' : '/apply'}>{t('processPickTitle')}</Link>
      </p>
    </form>
  );
}
