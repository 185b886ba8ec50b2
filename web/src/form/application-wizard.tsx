import { DEFAULT_DIVISION_NAMES, nameCheck, sampleApplicationForm, type ApplicationForm, type JsonSchema } from '@onetrip/domain';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ErrorNotice, Loading, Notice, PageTitle, useAnnounce } from '../components/ui';
import { WalkInPanel } from './walk-in-panel';
import { ValueTree } from '../components/value-tree';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import type { Session } from '../session';
import { useApplicationRules, type ServedRules } from './application-rules';
import { ENTERPRISE_OPENING, localName, useActiveDefinition } from '../engine/process-api';
import { SchemaFields } from '../engine/schema-fields';
import { formParts, partKeyOf, pathLabel, type FormPart } from '../engine/schema-form';
import { OnBehalfOfPanel, ProblemSummary, useFiling, useStepHeading, WizardActions, WizardStepper } from '../engine/wizard-parts';
import { checkForm, cleanForm, covers, emptyForm, fieldId, mergeProblems, setField, type Problems } from './form-model';
import { withoutPersonalData } from './form-draft';

// 一次表单 as a guided page: the steps, fields, labels, help texts and widgets of the opening's active
// definition (its form schema's x-steps, x-order, x-label, x-help, x-widget; GET /api/processes), then a
// review. Errors come from the domain rules as the applicant goes (with the rules the API serves), and
// from the server's 400 after sending. A draft stays on this device until sent, without the personal
// data (withoutPersonalData). It files through POST /api/applications, the opening's own contract.

interface Draft {
  version: 2;
  form: ApplicationForm;
  step: number;
  onBehalfOf?: string;
  savedAt: string;
}

const draftKey = (username: string): string => `onetrip.draft.${username}`;

/** The step the address names (?step=1 is the first), or null. */
function stepInUrl(review: number): number | null {
  const n = Number(new URLSearchParams(window.location.search).get('step'));
  return Number.isInteger(n) && n >= 1 && n <= review + 1 ? n - 1 : null;
}
// The first step keeps the plain address (links and bookmarks to the form open there).
const stepUrl = (step: number): string => (step === 0 ? window.location.pathname : `${window.location.pathname}?step=${step + 1}`);

function loadDraft(username: string): Draft | null {
  try {
    const raw = localStorage.getItem(draftKey(username));
    const draft = raw ? (JSON.parse(raw) as Draft) : null;
    if (draft && draft.version === 2 && draft.form) return { ...draft, form: withoutPersonalData(draft.form) };
    // An older draft held ID numbers and mobiles: it goes.
    if (raw) localStorage.removeItem(draftKey(username));
    return null;
  } catch {
    return null;
  }
}

export function ApplicationWizard({ session, mode }: { session: Session; mode: 'APPLICANT' | 'WINDOW' }) {
  const { t } = useI18n();
  const { rules, error: rulesError, retry: retryRules } = useApplicationRules();
  const active = useActiveDefinition(ENTERPRISE_OPENING);
  const schema = active.view?.definition.form.schema;
  if (rules && schema) return <Wizard key={`${active.view?.version}`} session={session} mode={mode} rules={rules} schema={schema} />;
  const error = rulesError ?? active.error;
  const retry = () => {
    if (rulesError) retryRules();
    if (active.error) active.retry();
  };
  const title = mode === 'WINDOW' ? t('windowNewTitle') : t('newCaseTitle');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      {active.missing && <Notice kind="error">{t('processNotFound')}</Notice>}
      {error ? (
        <>
          <ErrorNotice error={error} />
          <button type="button" className="button" onClick={retry}>
            {t('refresh')}
          </button>
        </>
      ) : (
        <Loading />
      )}
    </>
  );
}

function Wizard({ session, mode, rules, schema }: { session: Session; mode: 'APPLICANT' | 'WINDOW'; rules: ServedRules; schema: JsonSchema }) {
  const { t, lang } = useI18n();
  const parts: FormPart[] = useMemo(() => formParts(schema), [schema]);
  const REVIEW = parts.length;
  const partOf = (path: string): string | null => {
    const key = partKeyOf(parts, path);
    return parts.some((part) => part.key === key && part.paths.length > 0) ? key : null;
  };
  const countProblems = (problems: Problems, part: string): number =>
    Object.entries(problems)
      .filter(([path]) => partOf(path) === part)
      .reduce((sum, [, list]) => sum + list.length, 0);
  const announce = useAnnounce();
  const username = session.user.username;
  const [initial] = useState(() => loadDraft(username));
  const [form, setForm] = useState<ApplicationForm>(initial?.form ?? emptyForm(rules.jurisdiction.divisionCode));
  const [step, setShownStep] = useState(() => stepInUrl(REVIEW) ?? Math.min(initial?.step ?? 0, REVIEW));
  const partHeading = useStepHeading(step);
  // Each step is a history entry (?step=N): the browser's Back goes to the previous step, not off the form.
  const setStep = (target: number) => {
    setShownStep(target);
    if ((stepInUrl(REVIEW) ?? 0) !== target) window.history.pushState(null, '', stepUrl(target));
  };
  useEffect(() => {
    if (step !== (stepInUrl(REVIEW) ?? 0)) window.history.replaceState(null, '', stepUrl(step));
    const onPop = () => setShownStep(stepInUrl(REVIEW) ?? 0);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
    // Once: the entry the page opened on carries its step; later steps push their own.
  }, []);
  const [discarded, setDiscarded] = useState<{ form: ApplicationForm; step: number; onBehalfOf: string } | null>(null);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const [onBehalfOf, setOnBehalfOf] = useState(initial?.onBehalfOf ?? '');
  const [savedAt, setSavedAt] = useState<string | null>(initial?.savedAt ?? null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState<ReadonlySet<string>>(new Set());
  const { submitting, error, server, setServer, forget, file } = useFiling('/applications');
  const [info, setInfo] = useState<string | null>(initial ? t('draftRestored') : null);

  const check = useMemo(() => checkForm(form, rules), [form, rules]);
  const onBehalfOfProblems: Problems = mode === 'WINDOW' && onBehalfOf.trim() === '' ? { onBehalfOf: [{ code: 'REQUIRED' }] } : {};
  const allProblems = mergeProblems(check.problems, onBehalfOfProblems, server);
  const visible: Problems = Object.fromEntries(
    Object.entries(allProblems).filter(([path]) => {
      const part = partOf(path) ?? 'review';
      return attempted.has(part) || attempted.has('review') || [...touched].some((done) => covers(done, path)) || server[path] !== undefined;
    }),
  );

  useEffect(() => {
    const draft: Draft = { version: 2, form: withoutPersonalData(form), step, onBehalfOf, savedAt: new Date().toISOString() };
    try {
      localStorage.setItem(draftKey(username), JSON.stringify(draft));
      setSavedAt(draft.savedAt);
    } catch {
      // storage full or blocked: the form still works, without a draft
    }
  }, [form, step, onBehalfOf, username]);

  const change = (path: string, value: unknown) => {
    setForm((current) => setField(current, path, value));
    forget(path);
  };
  const blur = (path: string) => setTouched((current) => (current.has(path) ? current : new Set([...current, path])));

  const focusField = (path: string) => {
    const part = partOf(path);
    const target = part !== null ? parts.findIndex((p) => p.key === part) : REVIEW;
    const focus = () => {
      const id = fieldId(path);
      const element = document.getElementById(id) ?? document.getElementById(`${id}-err`) ?? document.getElementById(fieldId(path.replace(/\[\d+\].*$/, '')));
      element?.focus();
    };
    if (target !== step) {
      setStep(target);
      window.setTimeout(focus, 30);
    } else focus();
  };

  // The review lists every problem, also of parts not visited yet: it never says "ready" when it is not.
  const goTo = (target: number) => {
    if (target === REVIEW) setAttempted((current) => new Set([...current, 'review']));
    setStep(target);
  };

  const next = () => {
    if (step >= REVIEW) return;
    const part = parts[step].key;
    setAttempted((current) => new Set([...current, part]));
    // The capital sum is checked on the company's field, but it is the shareholders' part that fixes it.
    const mismatch = partOf('shareholders') === part && (check.problems['company.registeredCapital'] ?? []).some((p) => p.code === 'CAPITAL_MISMATCH');
    const count = countProblems(check.problems, part) + (mismatch ? 1 : 0);
    if (count > 0) {
      if (mismatch) setAttempted((current) => new Set([...current, part, partOf('company.registeredCapital') ?? 'review']));
      announce(t('partHasProblems', { count }));
      const first = Object.keys(check.problems).find((path) => partOf(path) === part) ?? 'shareholders[0].subscribedCapital';
      window.setTimeout(() => focusField(first), 30);
      return;
    }
    goTo(step + 1);
  };

  const submit = async () => {
    setAttempted(new Set([...parts.map((part) => part.key), 'review']));
    await file({ ...cleanForm(form), ...(mode === 'WINDOW' ? { onBehalfOf: onBehalfOf.trim() } : {}) }, allProblems, () => localStorage.removeItem(draftKey(username)));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (step < REVIEW) next();
    else void submit();
  };

  const fillExample = () => {
    setForm(sampleApplicationForm());
    setServer({});
    setInfo(t('exampleFilled'));
    announce(t('exampleFilled'));
  };
  const discard = () => {
    setDiscarded({ form, step, onBehalfOf });
    setConfirmingDiscard(false);
    setForm(emptyForm(rules.jurisdiction.divisionCode));
    setStep(0);
    setTouched(new Set());
    setAttempted(new Set());
    setServer({});
    setOnBehalfOf('');
    setInfo(null);
    announce(t('draftDiscarded'));
  };
  const undoDiscard = () => {
    if (!discarded) return;
    setForm(discarded.form);
    setOnBehalfOf(discarded.onBehalfOf);
    setStep(discarded.step);
    setDiscarded(null);
    announce(t('draftRestoredUndo'));
  };

  const stepLabel = (i: number): string => (i < REVIEW ? localName(parts[i].label, lang, parts[i].key || t('partGeneral')) : t('part.review'));
  const title = mode === 'WINDOW' ? t('windowNewTitle') : t('newCaseTitle');

  return (
    <form className="wizard" noValidate onSubmit={onSubmit} aria-describedby="wizard-intro">
      <PageTitle title={title}>{title}</PageTitle>
      <p id="wizard-intro" className="lead">
        {mode === 'WINDOW' ? t('windowIntro') : t('newCaseIntro')}
      </p>
      {info && <Notice>{info}</Notice>}
      {discarded && (
        <div className="notice" role="status" data-testid="draft-discarded">
          {t('draftDiscarded')}{' '}
          <button type="button" className="link-button" onClick={undoDiscard}>
            {t('undo')}
          </button>
        </div>
      )}
      {mode === 'WINDOW' && (
        <WalkInPanel
          chosen={onBehalfOf}
          onPick={(username) => {
            setOnBehalfOf(username);
            forget('onBehalfOf');
          }}
        />
      )}
      <OnBehalfOfPanel mode={mode} value={onBehalfOf} onChange={setOnBehalfOf} forget={forget} onBlur={blur} problems={visible.onBehalfOf} />
      <WizardStepper labels={[...parts.map((_, i) => stepLabel(i)), stepLabel(REVIEW)]} current={step} counts={parts.map((part) => countProblems(visible, part.key))} onPick={goTo} />

      <section className="panel part" aria-labelledby="part-title">
        <h2 id="part-title" ref={partHeading} tabIndex={-1}>
          <span className="part-count">{t('partOf', { n: step + 1, total: REVIEW + 1 })}</span> {stepLabel(step)}
        </h2>
        {step < REVIEW ? (
          <>
            {mode === 'APPLICANT' && session.user.name && parts[step].paths.some((p) => covers(p, 'legalRepresentative.name')) && (
              <LegalRepresentativeIsMe name={session.user.name} current={form.legalRepresentative.name} onFill={(name) => change('legalRepresentative.name', name)} />
            )}
            <SchemaFields root={schema} fields={parts[step].fields} value={form} onChange={change} onBlur={blur} problems={visible} flags={check.flags} />
            {parts[step].paths.some((p) => covers(p, 'company.name')) && <NameParts form={form} rules={rules} />}
          </>
        ) : (
          <>
            <ProblemSummary problems={visible} labelOf={(path) => pathLabel(schema, path, lang)} onPick={focusField} />
            <p>{t('reviewIntro')}</p>
            <ValueTree value={cleanForm(form)} />
          </>
        )}
      </section>

      <ErrorNotice error={error} />
      <WizardActions step={step} review={REVIEW} submitting={submitting} onBack={() => setStep(step - 1)} />
      <div className="draft-tools">
        {/* Example data would overwrite a real draft: offered only on a demo API. */}
        {rules.demoMode && (
          <button type="button" className="button button--quiet" onClick={fillExample} data-testid="fill-example">
            {t('fillExample')}
          </button>
        )}
        {confirmingDiscard ? (
          <span role="group" aria-label={t('discardDraft')} className="confirm-inline">
            <span id="discard-warning">{t('discardDraftConfirm')}</span>{' '}
            <button type="button" className="button button--danger" aria-describedby="discard-warning" onClick={discard}>
              {t('discardDraftYes')}
            </button>{' '}
            <button type="button" className="button button--quiet" onClick={() => setConfirmingDiscard(false)}>
              {t('cancelAction')}
            </button>
          </span>
        ) : (
          <button type="button" className="button button--quiet" onClick={() => setConfirmingDiscard(true)}>
            {t('discardDraft')}
          </button>
        )}
        {savedAt && <span className="hint">{t('draftSaved', { time: formatDateTime(savedAt, lang) })}</span>}
      </div>
    </form>
  );
}

/** How the name check reads the name (行政区划 + 字号 + 行业 + 组织形式), with the rules the API serves. */
function NameParts({ form, rules }: { form: ApplicationForm; rules: ServedRules }) {
  const { t } = useI18n();
  const name = form.company.name.trim();
  if (name === '') return null;
  const result = nameCheck(name, form.company.entityType, { divisionNames: [...DEFAULT_DIVISION_NAMES, rules.jurisdiction.name], forbiddenWords: rules.forbiddenWords });
  if (!result.parts) return null;
  const { division, tradeName, industry, organisationalForm } = result.parts;
  return (
    <p className="hint name-parts" data-testid="name-parts">
      {t('nameParts', { parts: [division, tradeName, industry, organisationalForm].join(' + ') })}（{t('namePartsLegend')}）
    </p>
  );
}

/** The applicant filing for their own enterprise fills the representative's name from their account. */
function LegalRepresentativeIsMe({ name, current, onFill }: { name: string; current: string; onFill: (name: string) => void }) {
  const { t } = useI18n();
  const filled = current.trim() === name;
  return (
    <div className="actions actions--start">
      <button type="button" className="button button--secondary" disabled={filled} onClick={() => onFill(name)}>
        {t('iAmLegalRepresentative')}
      </button>
      {filled && <span className="hint">{t('legalRepresentativeFilled')}</span>}
    </div>
  );
}
