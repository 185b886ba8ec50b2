import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { api, ApiError } from '../api';
import { formatTimeOfDay } from '../format';
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

export interface Loaded<T> {
  /** The last answer (kept while a reload runs or fails); null until the first one. */
  data: T | null;
  /** Why the last load or action failed; null once one succeeds. */
  error: unknown;
  reload(): Promise<void>;
  /** Runs an action (a POST), then loads again; its failure is shown like a load's. */
  run(action: () => Promise<unknown>): Promise<void>;
}

/** GETs `path` when the page opens (and again when `path` changes), for pages that show one answer and act on it. */
export function useLoaded<T>(path: string): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      setData(await api<T>('GET', path));
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, [path]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      try {
        await action();
      } catch (caught) {
        setError(caught);
        return;
      }
      await reload();
    },
    [reload],
  );
  return { data, error, reload, run };
}

export interface LiveState {
  /** The last load failed: what the page shows is as of `lastUpdated`. */
  lost: boolean;
  lastUpdated: Date | null;
  /** When the next attempt is due (backing off while the connection is lost). */
  nextAttemptAt: Date | null;
  retryNow(): void;
}

/** Longest wait between attempts while the server cannot be reached. */
const MAX_BACKOFF_MS = 60_000;

/**
 * Loads now and then every `ms` while `active`; `load` resolves true when it got fresh data. While loads
 * fail, the page keeps what it has and says since when (LiveStatus), and the attempts back off (×2 up to a
 * minute) instead of hammering a server that is down or a connection that is gone.
 */
export function useLiveUpdates(load: () => Promise<boolean>, ms: number, active: boolean): LiveState {
  const saved = useRef(load);
  saved.current = load;
  const [lost, setLost] = useState(false);
  const [lastUpdated, setLastUpdated] = useState<Date | null>(null);
  const [nextAttemptAt, setNextAttemptAt] = useState<Date | null>(null);
  const [kick, setKick] = useState(0);
  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    let failures = 0;
    const attempt = async () => {
      const ok = await saved.current();
      if (stopped) return;
      if (ok) {
        failures = 0;
        setLost(false);
        setLastUpdated(new Date());
      } else {
        failures += 1;
        setLost(true);
      }
      if (!active) return;
      const wait = ok ? ms : Math.min(ms * 2 ** failures, MAX_BACKOFF_MS);
      setNextAttemptAt(ok ? null : new Date(Date.now() + wait));
      timer = window.setTimeout(() => void attempt(), wait);
    };
    void attempt();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [ms, active, kick]);
  return { lost, lastUpdated, nextAttemptAt, retryNow: () => setKick((n) => n + 1) };
}

/** "本页自动更新" while updates arrive; "连接中断，上次更新 HH:MM" with a retry when they do not. */
export function LiveStatus({ live, active }: { live: LiveState; active: boolean }) {
  const { t } = useI18n();
  const now = useNow(1000);
  if (live.lost) {
    const seconds = live.nextAttemptAt ? Math.max(0, Math.ceil((live.nextAttemptAt.getTime() - now.getTime()) / 1000)) : null;
    return (
      <span className="live-lost" data-testid="live-lost">
        {/* Only the loss is announced; the countdown beside it changes every second and is not. */}
        <span role="status">{live.lastUpdated ? t('liveLost', { time: formatTimeOfDay(live.lastUpdated) }) : t('liveLostNever')}</span>
        {seconds !== null && <span className="hint"> {t('liveRetryIn', { s: seconds })}</span>}{' '}
        <button type="button" className="link-button" onClick={live.retryNow}>
          {t('liveRetryNow')}
        </button>
      </span>
    );
  }
  return active ? <span className="hint">{t('liveNote')}</span> : null;
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
