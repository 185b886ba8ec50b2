import { getSession, rememberSignedOut, setSession, type Session } from './session';
import type { components } from './api-types';

// A small fetch client for /api: JSON in and out, the bearer token from the session, errors as ApiError.
// An expired access token is refreshed once, transparently, and the request sent again.

export interface FieldError {
  path: string;
  messages: string[];
  /** One per message: the code the page puts into words (i18n), never the sentence. */
  codes?: string[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    /** The whole error body, for answers with more than fields (e.g. a definition's `problems`). */
    readonly body: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Set when a request came back 401: the pages then show the sign-in page with a message. */
export const SESSION_ENDED_EVENT = 'onetrip:session-ended';

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

interface TokenPair {
  accessToken: string;
  refreshToken: string;
  user: Session['user'];
}

// One refresh at a time: requests that fail together wait for the same one (a refresh token works once).
let refreshing: Promise<Session | null> | null = null;

/** Trades the session's refresh token for a new pair; null when the session cannot go on. */
function refreshSession(session: Session): Promise<Session | null> {
  refreshing ??= (async () => {
    try {
      const response = await fetch('/api/auth/refresh', {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      });
      if (!response.ok) return null;
      const pair = (await response.json()) as TokenPair;
      const next: Session = { accessToken: pair.accessToken, refreshToken: pair.refreshToken, user: { ...session.user, ...pair.user } };
      setSession(next);
      return next;
    } catch {
      return null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

function request(method: string, path: string, options: RequestOptions, session: Session | null): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (session) headers.authorization = `Bearer ${session.accessToken}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`/api${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  let session = getSession();
  let response: Response;
  try {
    response = await request(method, path, options, session);
    if (response.status === 401 && session?.refreshToken && !path.startsWith('/auth/')) {
      // Another request may have refreshed meanwhile: use its tokens, else refresh now.
      const current = getSession();
      session = current && current.accessToken !== session.accessToken ? current : await refreshSession(session);
      if (session) response = await request(method, path, options, session);
    }
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : 'network error');
  }
  if (!response.ok) {
    let body: { code?: string; message?: string; fields?: FieldError[]; problems?: unknown } = {};
    try {
      body = (await response.json()) as typeof body;
    } catch {
      body = {};
    }
    if (response.status === 401 && getSession()) {
      setSession(null);
      window.dispatchEvent(new Event(SESSION_ENDED_EVENT));
    }
    throw new ApiError(response.status, body.code ?? String(response.status), body.message ?? response.statusText, Array.isArray(body.fields) ? body.fields : [], body);
  }
  return response;
}

/** Signs out: the server revokes the refresh token (best effort), and the tab forgets the session. */
export async function signOut(): Promise<void> {
  const session = getSession();
  if (session) rememberSignedOut(session.user.id);
  setSession(null);
  if (!session?.refreshToken) return;
  try {
    await fetch('/api/auth/sign-out', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: session.refreshToken }) });
  } catch {
    // offline: the refresh token still ends with its session (12 hours after sign-in)
  }
}

export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A text download (e.g. CSV) through the same auth. */
export async function apiText(path: string, accept: string): Promise<{ text: string; type: string }> {
  const response = await send('GET', path, { headers: { accept } });
  return { text: await response.text(), type: response.headers.get('content-type') ?? accept };
}

/** A binary download (e.g. a PDF) through the same auth. */
export async function apiBlob(path: string, accept: string): Promise<Blob> {
  const response = await send('GET', path, { headers: { accept } });
  return response.blob();
}

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

// The API's types, by the names the pages use: all from the generated document types (api-types.ts),
// so a response that changes shape breaks the web build instead of a page.
type Schemas = components['schemas'];
export type CaseView = Schemas['CaseResponseDto'];
export type CaseStep = Schemas['CaseStepDto'];
export type CaseOutcome = Schemas['CaseOutcomeDto'];
export type CaseListPage = Schemas['CaseListResponseDto'];
export type Complaint = Schemas['ComplaintDto'];
export type TaskSummary = Schemas['TaskSummaryDto'];
export type TaskListPage = Schemas['TaskListResponseDto'];
export type TaskDetail = Schemas['TaskDetailResponseDto'];
export type TaskDecision = Schemas['TaskDecisionResponseDto'];
export type Objection = Schemas['ObjectionDto'];
