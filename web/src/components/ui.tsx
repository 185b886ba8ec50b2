import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api';
import { hasMessage, useI18n, type Translate } from '../i18n';

// Small shared pieces: page titles that take focus, one polite live region, notices, errors.

export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('appName')}`;
  }, [title, t]);
  useEffect(() => {
    // After a page change, screen readers and keyboards start at the page's title.
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

const AnnounceContext = createContext<(message: string) => void>(() => undefined);

/** One aria-live region for status updates that happen without a page change. */
export function Announcer({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const announce = useCallback((next: string) => {
    // Clearing first makes a repeated message be read again.
    setMessage('');
    window.setTimeout(() => setMessage(next), 50);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {message}
      </div>
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): (message: string) => void {
  return useContext(AnnounceContext);
}

export type NoticeKind = 'info' | 'success' | 'error';

export function Notice({ kind = 'info', children, id }: { kind?: NoticeKind; children: ReactNode; id?: string }) {
  return (
    <div id={id} className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** An API failure in the reader's language (the server's own text only as a detail). */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    const byCode = `code.${error.code}`;
    if (hasMessage(byCode)) return t(byCode);
    switch (error.status) {
      case 0:
        return t('errNetwork');
      case 400:
        return t('errValidation');
      case 401:
        return t('errSession');
      case 403:
        return t('errForbidden');
      case 404:
        return t('errNotFound');
      case 409:
        return `${t('errConflict')} ${t('serverSaid', { detail: error.message })}`;
      case 503:
        return t('errUnavailable');
      default:
        return t('errServer');
    }
  }
  return t('errServer');
}

export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  return <Notice kind="error">{errorText(error, t)}</Notice>;
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );
}

/** Calls `tick` now and every `ms` while `active`; stops when the page goes away. */
export function usePolling(tick: () => void, ms: number, active: boolean): void {
  const saved = useRef(tick);
  saved.current = tick;
  useEffect(() => {
    if (!active) return;
    const id = window.setInterval(() => saved.current(), ms);
    return () => window.clearInterval(id);
  }, [ms, active]);
}

/** A clock that re-renders every `ms` (for "time left"). */
export function useNow(ms = 15_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), ms);
    return () => window.clearInterval(id);
  }, [ms]);
  return now;
}

// A message for the next page (e.g. "Submitted" after the form sends you to the case page).
let flash: string | null = null;

export function setFlash(message: string): void {
  flash = message;
}

export function takeFlash(): string | null {
  const message = flash;
  flash = null;
  return message;
}
