import { useSyncExternalStore } from 'react';

// The tokens live in sessionStorage: they go when the tab closes, and other sites cannot read them. The
// access token lasts 15 minutes; api.ts trades the refresh token for a new pair when it runs out.

export type Role = 'APPLICANT' | 'CLERK' | 'WINDOW' | 'ADMIN';
export type DepartmentCode = 'SAMR' | 'PSB' | 'TAX' | 'HRSS' | 'BANK';

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
  department?: DepartmentCode;
  name?: string;
}

export interface Session {
  accessToken: string;
  /** Used once by POST /auth/refresh; sign-out revokes it. */
  refreshToken?: string;
  user: SessionUser;
}

const KEY = 'onetrip.session';
const listeners = new Set<() => void>();
let cached: { raw: string | null; session: Session | null } = { raw: null, session: null };

function read(): Session | null {
  let raw: string | null = null;
  try {
    raw = sessionStorage.getItem(KEY);
  } catch {
    raw = null;
  }
  if (raw !== cached.raw) {
    let session: Session | null = null;
    try {
      session = raw ? (JSON.parse(raw) as Session) : null;
    } catch {
      session = null;
    }
    cached = { raw, session };
  }
  return cached.session;
}

export function getSession(): Session | null {
  return read();
}

export function setSession(session: Session | null): void {
  try {
    if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage blocked: the session lasts as long as the page
  }
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, read);
}

const SIGNED_OUT_KEY = 'onetrip.signedOutUser';

/** Who last signed out in this tab: the pages they left are still in its history (Back). */
export function rememberSignedOut(userId: string): void {
  try {
    sessionStorage.setItem(SIGNED_OUT_KEY, userId);
  } catch {
    // storage blocked: a later sign-in stays where it is
  }
}

export function lastSignedOut(): string | null {
  try {
    return sessionStorage.getItem(SIGNED_OUT_KEY);
  } catch {
    return null;
  }
}
