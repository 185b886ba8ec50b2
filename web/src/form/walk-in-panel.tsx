import { isValidMobile } from '@onetrip/domain';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import type { components } from '../api-types';
import { ErrorNotice, Notice, useAnnounce } from '../components/ui';
import { useI18n } from '../i18n';
import { TextField } from './fields';
import { serverProblems, type Problems } from './form-model';

// 帮代办 for a walk-in (issue 17, item 10): the window looks the applicant up first, by name and the last
// four digits of the mobile, and opens an account for someone who has none, instead of finding out at
// submit that the username does not exist. Inside the wizard's form, so its buttons are plain buttons.
// An account opened here is PENDING until the clerk types the 6-digit code the applicant reads from the
// text message on their phone; only then is it chosen for the case (the server refuses to file for it before).

type Applicant = components['schemas']['ApplicantResponseDto'];
type ApplicantCreated = components['schemas']['ApplicantCreatedResponseDto'];

export function WalkInPanel({ chosen, onPick }: { chosen: string; onPick: (username: string) => void }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [name, setName] = useState('');
  const [last4, setLast4] = useState('');
  const [mobile, setMobile] = useState('');
  const [found, setFound] = useState<Applicant[] | null>(null);
  const [picked, setPicked] = useState<Applicant | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApplicantCreated | null>(null);
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The PENDING account waiting for its code, and the code typed.
  const [pending, setPending] = useState<Applicant | null>(null);
  const [code, setCode] = useState('');
  const [now, setNow] = useState(() => Date.now());

  // The resend button's countdown.
  useEffect(() => {
    if (!pending?.resendAt) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [pending?.resendAt]);
  const resendIn = pending?.resendAt ? Math.max(0, Math.ceil((Date.parse(pending.resendAt) - now) / 1000)) : 0;

  // Any edit makes an earlier answer (or refusal) stale.
  const edited = () => {
    setError(null);
    setProblems({});
  };

  const pick = (applicant: Applicant) => {
    if (applicant.status === 'PENDING') {
      // Not yet: the code first, and nobody chosen meanwhile (an earlier choice would be filed for otherwise).
      setPicked(null);
      onPick('');
      setPending(applicant);
      setCode('');
      announce(t('confirmCodeSent', { mobile: applicant.maskedMobile }));
      return;
    }
    setPending(null);
    setPicked(applicant);
    onPick(applicant.username);
    announce(t('lookupChosen', { name: applicant.name, username: applicant.username, mobile: applicant.maskedMobile }));
  };

  const lookup = async () => {
    const local: Problems = {};
    if (name.trim() === '') local.lookupName = [{ code: 'REQUIRED' }];
    if (!/^\d{4}$/.test(last4)) local.lookupLast4 = [{ code: 'errMobileLast4' }];
    setProblems(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    setCreated(null);
    setPending(null);
    try {
      const answer = await api<Applicant[]>('POST', '/window/applicants/lookup', { body: { name: name.trim(), mobileLast4: last4 } });
      setFound(answer);
      setCreating(false);
      announce(answer.length === 0 ? t('lookupNone') : t('lookupFound', { n: answer.length }));
      if (answer.length === 1) pick(answer[0]);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const create = async () => {
    if (!isValidMobile(mobile.trim()) || !mobile.trim().endsWith(last4)) {
      setProblems({ lookupMobile: [{ code: isValidMobile(mobile.trim()) ? 'errMobileNotLast4' : 'MOBILE_INVALID' }] });
      return;
    }
    setBusy(true);
    try {
      const answer = await api<ApplicantCreated>('POST', '/window/applicants', { body: { name: name.trim(), mobile: mobile.trim() } });
      setCreated(answer);
      setCreating(false);
      setFound([answer]);
      announce(t('lookupCreated', { name: answer.name, username: answer.username }));
      pick(answer);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 400 && caught.fields.length > 0) {
        const server = serverProblems(caught.fields);
        setProblems({ lookupMobile: server.mobile ?? [], lookupName: server.name ?? [] });
      } else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!pending) return;
    if (!/^\d{6}$/.test(code)) {
      setProblems({ confirmCode: [{ code: 'errConfirmCodeFormat' }] });
      return;
    }
    setBusy(true);
    try {
      const answer = await api<Applicant>('POST', '/window/applicants/confirmations', { body: { username: pending.username, code } });
      announce(t('confirmDone', { name: answer.name }));
      pick(answer);
    } catch (caught) {
      if (caught instanceof ApiError && caught.fields.some((field) => field.path === 'code')) setProblems({ confirmCode: serverProblems(caught.fields).code ?? [] });
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const resend = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const answer = await api<Applicant>('POST', '/window/applicants/codes', { body: { username: pending.username } });
      setPending(answer);
      setCode('');
      setProblems({});
      announce(t('confirmCodeSent', { mobile: answer.maskedMobile }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="lookup-title" data-testid="walk-in">
      <h2 id="lookup-title">{t('lookupTitle')}</h2>
      <p className="hint">{t('lookupIntro')}</p>
      <div className="field-row">
        <TextField
          path="lookupName"
          label={t('lookupName')}
          value={name}
          onChange={(value) => {
            setName(value);
            edited();
          }}
          problems={problems.lookupName}
          autoComplete="off"
          maxLength={100}
        />
        <TextField
          path="lookupLast4"
          label={t('lookupMobileLast4')}
          value={last4}
          inputMode="numeric"
          onChange={(value) => {
            setLast4(value.trim());
            edited();
          }}
          problems={problems.lookupLast4}
          autoComplete="off"
          maxLength={4}
        />
      </div>
      <div className="actions actions--start">
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void lookup()}>
          {t('lookupButton')}
        </button>
      </div>
      <ErrorNotice error={error} />
      {found && found.length === 0 && !creating && (
        <div className="notice" role="status">
          {t('lookupNone')}{' '}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setCreating(true);
              setMobile('');
            }}
          >
            {t('lookupCreateOpen')}
          </button>
        </div>
      )}
      {found && found.length > 1 && (
        <ul className="plain">
          {found.map((applicant) => (
            <li key={applicant.username}>
              {applicant.name}（{applicant.username}，{applicant.maskedMobile}）{' '}
              <button type="button" className="link-button" onClick={() => pick(applicant)}>
                {t('lookupPick')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {creating && (
        <div className="sub-panel">
          <TextField
            path="lookupMobile"
            label={t('lookupMobile')}
            type="tel"
            inputMode="tel"
            value={mobile}
            onChange={(value) => {
              setMobile(value);
              edited();
            }}
            problems={problems.lookupMobile}
            autoComplete="off"
            maxLength={11}
          />
          <div className="actions actions--start">
            <button type="button" className="button" disabled={busy} onClick={() => void create()}>
              {t('lookupCreate')}
            </button>
          </div>
        </div>
      )}
      {pending && (
        <div className="sub-panel" data-testid="confirm-code">
          <p className="hint">{t('confirmCodeSent', { mobile: pending.maskedMobile })}</p>
          <TextField
            path="confirmCode"
            label={t('confirmCode')}
            value={code}
            inputMode="numeric"
            onChange={(value) => {
              setCode(value.trim());
              edited();
            }}
            problems={problems.confirmCode}
            autoComplete="one-time-code"
            maxLength={6}
          />
          <div className="actions actions--start">
            <button type="button" className="button" disabled={busy} onClick={() => void confirm()}>
              {t('confirmButton')}
            </button>
            <button type="button" className="button button--secondary" disabled={busy || resendIn > 0} onClick={() => void resend()}>
              {resendIn > 0 ? t('confirmResendIn', { s: resendIn }) : t('confirmResend')}
            </button>
          </div>
        </div>
      )}
      {picked && picked.username === chosen && (
        <Notice kind="success">
          <span data-testid="applicant-found">{t('lookupChosen', { name: picked.name, username: picked.username, mobile: picked.maskedMobile })}</span>
          {created && <span className="hint"> {t('lookupConfirmLater')}</span>}
        </Notice>
      )}
    </section>
  );
}
