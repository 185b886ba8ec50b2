// 帮代办 accounts: the window opens an account for a walk-in, and it stays PENDING until the code texted to
// the mobile is typed back at the counter. These are the rules of that code; time comes in as `now` (the
// database's clock, so several APIs agree), the code itself and its hash are the API's (they need a key).

/** How long a code is good for: the approved SMS template says 5 minutes (VERIFICATION_CODE), so the rule does too. */
export const WALK_IN_CODE_LIFETIME_MS = 5 * 60_000;
/** Wrong codes allowed per code: then it is spent and a new one must be sent (guessing 6 digits: 5 in 10⁶). */
export const WALK_IN_CODE_MAX_ATTEMPTS = 5;
/** The least time between two texts to one account (a stuck button or an impatient clerk sends one, not ten). */
export const WALK_IN_CODE_RESEND_COOLDOWN_MS = 60_000;
export const WALK_IN_CODE_DIGITS = 6;

export type AccountStatus = 'PENDING' | 'ACTIVE';

/** One account's confirmation as stored: `serial` counts the codes issued (the SMS dedupe key carries it). */
export interface WalkInCodeState {
  serial: number;
  expiresAt: Date;
  attempts: number;
  /** When the provider accepted the text; null while it has not (never sent, or the send failed). */
  sentAt: Date | null;
  confirmedAt: Date | null;
}

export type ConfirmVerdict =
  /** The code is right: the account becomes ACTIVE. */
  | 'CONFIRMED'
  /** Already confirmed with this very code: a retried request, answered the same. */
  | 'ALREADY_CONFIRMED'
  /** Already confirmed, and this is not the code it was confirmed with. */
  | 'CONFIRMED_BEFORE'
  | 'EXPIRED'
  | 'ATTEMPTS_EXHAUSTED'
  /** Wrong: counts one attempt. */
  | 'WRONG';

/** What a typed code does to this state. `codeMatches` compares against the current code's hash. */
export function judgeWalkInCode(state: WalkInCodeState, now: Date, codeMatches: boolean): ConfirmVerdict {
  if (state.confirmedAt) return codeMatches ? 'ALREADY_CONFIRMED' : 'CONFIRMED_BEFORE';
  if (state.attempts >= WALK_IN_CODE_MAX_ATTEMPTS) return 'ATTEMPTS_EXHAUSTED';
  if (now.getTime() >= state.expiresAt.getTime()) return 'EXPIRED';
  return codeMatches ? 'CONFIRMED' : 'WRONG';
}

export function attemptsLeft(state: WalkInCodeState): number {
  return Math.max(0, WALK_IN_CODE_MAX_ATTEMPTS - state.attempts);
}

export type CodeSendPlan =
  | { kind: 'ALREADY_CONFIRMED' }
  | { kind: 'TOO_SOON'; retryAfterSeconds: number }
  /** The current code never reached the provider and is still good: send it again under the same key. */
  | { kind: 'SEND_AGAIN' }
  /** A fresh code (serial + 1): new expiry, attempts from zero. */
  | { kind: 'NEW_CODE' }
  /** Nothing to send (a retried account opening whose code went out). */
  | { kind: 'NOTHING' };

const unsentAndGood = (state: WalkInCodeState, now: Date): boolean => state.sentAt === null && now.getTime() < state.expiresAt.getTime();

/** The window asks for another code. */
export function planCodeResend(state: WalkInCodeState, now: Date): CodeSendPlan {
  if (state.confirmedAt) return { kind: 'ALREADY_CONFIRMED' };
  if (unsentAndGood(state, now)) return { kind: 'SEND_AGAIN' };
  if (state.sentAt) {
    const wait = state.sentAt.getTime() + WALK_IN_CODE_RESEND_COOLDOWN_MS - now.getTime();
    if (wait > 0) return { kind: 'TOO_SOON', retryAfterSeconds: Math.ceil(wait / 1000) };
  }
  return { kind: 'NEW_CODE' };
}

/**
 * The same account opened again (a retried request, or the same person back at the counter): a code that
 * never went out goes now; one that went out is not sent twice (the window resends on purpose, with the cooldown).
 */
export function planCodeOnReopen(state: WalkInCodeState, now: Date): CodeSendPlan {
  if (state.confirmedAt || state.sentAt) return { kind: 'NOTHING' };
  return unsentAndGood(state, now) ? { kind: 'SEND_AGAIN' } : { kind: 'NEW_CODE' };
}

/** When the next code may be sent (the cooldown after the last text), for the window's button. */
export function resendAllowedAt(state: WalkInCodeState): Date | null {
  if (state.confirmedAt) return null;
  return state.sentAt ? new Date(state.sentAt.getTime() + WALK_IN_CODE_RESEND_COOLDOWN_MS) : null;
}
