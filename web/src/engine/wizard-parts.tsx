import { useEffect, useRef, useState } from 'react';
import { api, ApiError, newIdempotencyKey, type CaseView } from '../api';
import { Notice, setFlash, useAnnounce } from '../components/ui';
import { TextField } from '../form/fields';
import { covers, problemText, serverProblems, type Problem, type Problems } from '../form/form-model';
import { useI18n } from '../i18n';
import { navigate } from '../router';

// What every wizard that files a case shares (the enterprise opening's at /cases/new and any other
// process's at /apply/<key>): filing with an idempotency key, the window's "on behalf of" field, the
// stepper, the review's problem list and the buttons. The wizards differ only in their form and checks.

/** The server's 400 `fields` as problems by form path. */
export type ServerProblemsOf = (fields: ApiError['fields']) => Problems;

/**
 * Files a case once the page finds no problem left (else it says how many, at the review's list): the same
 * body sent again (a retry after a lost answer) keeps its idempotency key, so the API gives back the case it
 * made instead of a second one. A 400 naming fields puts its problems on them until they are changed.
 */
export function useFiling(path: string, toProblems: ServerProblemsOf = serverProblems) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [server, setServer] = useState<Problems>({});
  const last = useRef<{ key: string; body: string } | null>(null);

  const file = async (payload: unknown, problems: Problems, onFiled?: () => void): Promise<void> => {
    setError(null);
    const count = Object.values(problems).reduce((sum, list) => sum + list.length, 0);
    if (count > 0) {
      announce(t('formHasProblems', { count }));
      document.getElementById('problem-summary')?.focus();
      return;
    }
    const body = JSON.stringify(payload);
    const key = last.current?.body === body ? last.current.key : newIdempotencyKey();
    last.current = { key, body };
    setSubmitting(true);
    announce(t('submitting'));
    try {
      const created = await api<CaseView>('POST', path, { body: JSON.parse(body) as unknown, headers: { 'Idempotency-Key': key } });
      onFiled?.();
      setFlash(t('submittedCase', { id: created.id.slice(0, 8) }));
      navigate(`/cases/${created.id}`);
    } catch (caught) {
      setSubmitting(false);
      if (caught instanceof ApiError && caught.status === 400 && caught.fields.length > 0) {
        setServer(toProblems(caught.fields));
        announce(t('formHasProblems', { count: caught.fields.length }));
        window.setTimeout(() => document.getElementById('problem-summary')?.focus(), 30);
      } else setError(caught);
    }
  };
  /** A field changed: the server's problems on it, or inside it, no longer hold, nor does its refusal (the button works again). */
  const forget = (path: string) => {
    setError(null);
    setServer((current) => {
      const kept = Object.entries(current).filter(([p]) => !(covers(path, p) || covers(p, path)));
      return kept.length === Object.keys(current).length ? current : Object.fromEntries(kept);
    });
  };
  return { submitting, error, server, setServer, forget, file };
}

/** The heading of the step shown: focused when the step changes (not on the page's first render), so a screen reader says where it is. */
export function useStepHeading(step: number) {
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);
  return heading;
}

/** The window clerk files for an applicant: whose case it is (a username), asked above the form; an applicant is not asked. */
export function OnBehalfOfPanel(props: { mode: 'APPLICANT' | 'WINDOW'; value: string; onChange: (value: string) => void; forget: (path: string) => void; onBlur: (path: string) => void; problems?: Problem[] }) {
  const { mode, value, onBlur, problems } = props;
  const { t } = useI18n();
  const onChange = (next: string) => {
    props.onChange(next);
    props.forget('onBehalfOf');
  };
  if (mode !== 'WINDOW') return null;
  return (
    <div className="panel">
      <TextField path="onBehalfOf" label={t('f.onBehalfOf')} hint={t('h.onBehalfOf')} value={value} onChange={onChange} onBlur={onBlur} problems={problems} autoComplete="off" maxLength={32} />
    </div>
  );
}

/** The wizard's steps (the last is the review), each with the number of problems shown in it. */
export function WizardStepper({ labels, current, counts, onPick }: { labels: string[]; current: number; counts: number[]; onPick: (step: number) => void }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('formParts')}>
      <ol className="stepper">
        {labels.map((label, i) => (
          <li key={`${i}-${label}`}>
            {/* A press keeps the field focused: leaving it would show its messages and reflow this list under the pointer, losing the click. */}
            <button
              type="button"
              className={i === current ? 'stepper-item current' : 'stepper-item'}
              aria-current={i === current ? 'step' : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onPick(i)}
            >
              <span className="stepper-number" aria-hidden="true">
                {i + 1}
              </span>
              <span className="stepper-label">{label}</span>
              {(counts[i] ?? 0) > 0 && <span className="stepper-problems">{t('partProblems', { count: counts[i] })}</span>}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The review's list of every problem (each a link to its field), or that the form is ready. */
export function ProblemSummary({ problems, labelOf, onPick }: { problems: Problems; labelOf: (path: string) => string; onPick: (path: string) => void }) {
  const { t } = useI18n();
  const entries = Object.entries(problems).flatMap(([path, list]) => list.map((problem) => ({ path, problem })));
  if (entries.length === 0) return <Notice kind="success">{t('formReady')}</Notice>;
  return (
    <div className="problem-summary" id="problem-summary" tabIndex={-1} role="alert">
      <p>{t('formHasProblems', { count: entries.length })}</p>
      <ul>
        {entries.map(({ path, problem }, i) => (
          <li key={i} data-path={path}>
            <button type="button" className="link-button" onClick={() => onPick(path)}>
              {path === 'onBehalfOf' ? t('f.onBehalfOf') : labelOf(path)}
            </button>
            ：{problemText(problem, t)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Back, next, and on the review the submit button. */
export function WizardActions({ step, review, submitting, onBack }: { step: number; review: number; submitting: boolean; onBack: () => void }) {
  const { t } = useI18n();
  return (
    <div className="actions">
      {step > 0 && (
        <button type="button" className="button button--secondary" onClick={onBack}>
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
  );
}
