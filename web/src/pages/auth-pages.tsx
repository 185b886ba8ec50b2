import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { ErrorNotice, Notice, PageTitle } from '../components/ui';
import { TextField } from '../form/fields';
import type { Problem } from '../form/form-model';
import { isValidMobile } from '@onetrip/domain';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import { setSession, type Session } from '../session';
import { homeFor } from '../home';

// Sign in (everyone) and register (entrepreneurs). The tokens are kept in sessionStorage.

interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  user: Session['user'];
}

async function signIn(username: string, password: string): Promise<Session> {
  const response = await api<TokenResponse>('POST', '/auth/token', { body: { username, password } });
  const session: Session = { accessToken: response.accessToken, refreshToken: response.refreshToken, user: response.user };
  setSession(session);
  return session;
}

export function SignInPage({ message }: { message?: string | null }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Record<string, Problem[]>>({});
  const [failed, setFailed] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, Problem[]> = {};
    if (!username.trim()) found.username = [{ code: 'REQUIRED' }];
    if (!password) found.password = [{ code: 'REQUIRED' }];
    setProblems(found);
    setFailed(false);
    setError(null);
    if (Object.keys(found).length > 0) {
      document.getElementById(found.username ? 'f-username' : 'f-password')?.focus();
      return;
    }
    setBusy(true);
    try {
      const session = await signIn(username.trim(), password);
      // Signed in from a deep link (e.g. a task's address): that page now shows; else the person's start page.
      if (window.location.pathname === '/sign-in') navigate(homeFor(session), { replace: true });
    } catch (caught) {
      if (caught instanceof ApiError && (caught.status === 401 || caught.status === 400)) setFailed(true);
      else setError(caught);
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <PageTitle title={t('signInTitle')}>{t('signInTitle')}</PageTitle>
      <p className="lead">{t('signInIntro')}</p>
      {message && <Notice>{message}</Notice>}
      <form className="panel" noValidate onSubmit={submit}>
        <TextField path="username" label={t('username')} value={username} onChange={setUsername} problems={problems.username} autoComplete="username" maxLength={64} />
        <TextField path="password" label={t('password')} type="password" value={password} onChange={setPassword} problems={problems.password} autoComplete="current-password" maxLength={200} />
        {failed && <Notice kind="error">{t('signInFailed')}</Notice>}
        <ErrorNotice error={error} />
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('signingIn') : t('signInButton')}
          </button>
        </div>
      </form>
      <p>
        {t('noAccount')} <Link href="/register">{t('registerLink')}</Link>
      </p>
    </div>
  );
}

const USERNAME = /^[a-z0-9_.-]{3,32}$/;

export function RegisterPage() {
  const { t } = useI18n();
  const [values, setValues] = useState({ username: '', password: '', name: '', mobile: '' });
  const [problems, setProblems] = useState<Record<string, Problem[]>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, Problem[]> = {};
    if (!USERNAME.test(values.username.trim())) found.username = [{ code: values.username.trim() ? 'errUsername' : 'REQUIRED' }];
    if (values.password.length < 8) found.password = [{ code: values.password ? 'errPasswordShort' : 'REQUIRED' }];
    if (!values.name.trim()) found.name = [{ code: 'REQUIRED' }];
    if (!isValidMobile(values.mobile.trim())) found.mobile = [{ code: values.mobile.trim() ? 'MOBILE_INVALID' : 'REQUIRED' }];
    setProblems(found);
    setError(null);
    const first = ['username', 'password', 'name', 'mobile'].find((key) => found[key]);
    if (first) {
      document.getElementById(`f-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      // 202 whether or not the username was free (the API does not say who has an account): signing in tells.
      await api('POST', '/auth/register', { body: { username: values.username.trim(), password: values.password, name: values.name.trim(), mobile: values.mobile.trim() } });
      const session = await signIn(values.username.trim(), values.password);
      navigate(homeFor(session), { replace: true });
    } catch (caught) {
      setBusy(false);
      if (caught instanceof ApiError && caught.status === 401) setProblems({ username: [{ code: 'usernameTaken' }] });
      else if (caught instanceof ApiError && (caught.code === 'PASSWORD_TOO_COMMON' || caught.code === 'PASSWORD_CONTAINS_USERNAME')) setProblems({ password: [{ code: caught.code }] });
      else if (caught instanceof ApiError && caught.status === 400 && caught.fields.length > 0) {
        setProblems(Object.fromEntries(caught.fields.map((field) => [field.path, field.messages.map((detail) => ({ code: 'SERVER', detail }))])));
      } else setError(caught);
    }
  };

  return (
    <div className="narrow">
      <PageTitle title={t('registerTitle')}>{t('registerTitle')}</PageTitle>
      <form className="panel" noValidate onSubmit={submit}>
        <TextField path="username" label={t('username')} hint={t('usernameHint')} value={values.username} onChange={set('username')} problems={problems.username} autoComplete="username" maxLength={32} />
        <TextField path="password" label={t('password')} hint={t('passwordHint')} type="password" value={values.password} onChange={set('password')} problems={problems.password} autoComplete="new-password" maxLength={200} />
        <TextField path="name" label={t('fullName')} value={values.name} onChange={set('name')} problems={problems.name} autoComplete="name" maxLength={100} />
        <TextField path="mobile" label={t('mobile')} hint={t('h.mobile')} type="tel" inputMode="tel" value={values.mobile} onChange={set('mobile')} problems={problems.mobile} autoComplete="tel" maxLength={11} />
        <ErrorNotice error={error} />
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('registering') : t('registerButton')}
          </button>
        </div>
      </form>
      <p>
        {t('haveAccount')} <Link href="/sign-in">{t('signInLink')}</Link>
      </p>
    </div>
  );
}
