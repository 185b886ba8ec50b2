import fc from 'fast-check';
import {
  judgeWalkInCode,
  planCodeOnReopen,
  planCodeResend,
  resendAllowedAt,
  WALK_IN_CODE_LIFETIME_MS,
  WALK_IN_CODE_MAX_ATTEMPTS,
  WALK_IN_CODE_RESEND_COOLDOWN_MS,
  type WalkInCodeState,
} from './walk-in-confirmation';

const issuedAt = new Date('2026-12-02T03:00:00.000Z');
const fresh = (over: Partial<WalkInCodeState> = {}): WalkInCodeState => ({
  serial: 1,
  expiresAt: new Date(issuedAt.getTime() + WALK_IN_CODE_LIFETIME_MS),
  attempts: 0,
  sentAt: issuedAt,
  confirmedAt: null,
  ...over,
});
const after = (ms: number): Date => new Date(issuedAt.getTime() + ms);

describe('judgeWalkInCode', () => {
  it('confirms the right code in time, counts a wrong one, and refuses when expired or spent', () => {
    expect(judgeWalkInCode(fresh(), after(1000), true)).toBe('CONFIRMED');
    expect(judgeWalkInCode(fresh(), after(1000), false)).toBe('WRONG');
    expect(judgeWalkInCode(fresh(), after(WALK_IN_CODE_LIFETIME_MS), true)).toBe('EXPIRED');
    expect(judgeWalkInCode(fresh({ attempts: WALK_IN_CODE_MAX_ATTEMPTS }), after(1000), true)).toBe('ATTEMPTS_EXHAUSTED');
    expect(judgeWalkInCode(fresh({ attempts: WALK_IN_CODE_MAX_ATTEMPTS - 1 }), after(1000), true)).toBe('CONFIRMED');
  });

  it('answers a retried confirmation the same, and another code on a confirmed account as confirmed before', () => {
    const confirmed = fresh({ confirmedAt: after(2000) });
    // Even after expiry and with attempts used: the account is confirmed, the retry is answered as such.
    expect(judgeWalkInCode({ ...confirmed, attempts: 9 }, after(WALK_IN_CODE_LIFETIME_MS * 3), true)).toBe('ALREADY_CONFIRMED');
    expect(judgeWalkInCode(confirmed, after(3000), false)).toBe('CONFIRMED_BEFORE');
  });

  it('never confirms a wrong code, whatever the state', () => {
    fc.assert(
      fc.property(fc.nat(10), fc.integer({ min: 0, max: 20 * 60_000 }), fc.boolean(), (attempts, elapsed, confirmed) => {
        const verdict = judgeWalkInCode(fresh({ attempts, confirmedAt: confirmed ? issuedAt : null }), after(elapsed), false);
        expect(['CONFIRMED', 'ALREADY_CONFIRMED']).not.toContain(verdict);
      }),
    );
  });
});

describe('planCodeResend / planCodeOnReopen', () => {
  it('waits out the cooldown after a text, then issues a new code', () => {
    expect(planCodeResend(fresh(), after(1000))).toEqual({ kind: 'TOO_SOON', retryAfterSeconds: 59 });
    expect(planCodeResend(fresh(), after(WALK_IN_CODE_RESEND_COOLDOWN_MS))).toEqual({ kind: 'NEW_CODE' });
    expect(resendAllowedAt(fresh())).toEqual(after(WALK_IN_CODE_RESEND_COOLDOWN_MS));
  });

  it('sends a code that never went out again (same code, same key), or a new one once it has expired', () => {
    const unsent = fresh({ sentAt: null });
    expect(planCodeResend(unsent, after(1000))).toEqual({ kind: 'SEND_AGAIN' });
    expect(planCodeOnReopen(unsent, after(1000))).toEqual({ kind: 'SEND_AGAIN' });
    expect(planCodeOnReopen(unsent, after(WALK_IN_CODE_LIFETIME_MS))).toEqual({ kind: 'NEW_CODE' });
  });

  it('sends nothing when the same account is opened again after its code went out, or once confirmed', () => {
    expect(planCodeOnReopen(fresh(), after(WALK_IN_CODE_LIFETIME_MS * 2))).toEqual({ kind: 'NOTHING' });
    expect(planCodeOnReopen(fresh({ confirmedAt: after(1) }), after(2))).toEqual({ kind: 'NOTHING' });
    expect(planCodeResend(fresh({ confirmedAt: after(1) }), after(WALK_IN_CODE_LIFETIME_MS))).toEqual({ kind: 'ALREADY_CONFIRMED' });
    expect(resendAllowedAt(fresh({ confirmedAt: after(1) }))).toBeNull();
  });
});
