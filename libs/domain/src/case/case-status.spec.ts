import fc from 'fast-check';
import {
  canApplyStepEvent,
  deriveCaseStatus,
  IllegalStepTransitionError,
  isTerminalCaseStatus,
  isTerminalStepStatus,
  nextStepStatus,
  STEP_EVENTS,
  STEP_STATUSES,
  STEP_TRANSITIONS,
  type StepStatus,
} from './case-status';

describe('nextStepStatus', () => {
  it('follows the happy paths', () => {
    expect(nextStepStatus('PENDING', 'OPEN')).toBe('OPEN');
    expect(nextStepStatus('OPEN', 'CLAIM')).toBe('CLAIMED');
    expect(nextStepStatus('CLAIMED', 'COMPLETE')).toBe('DONE');
    expect(nextStepStatus('OPEN', 'COMPLETE')).toBe('DONE'); // automatic decision
    expect(nextStepStatus('CLAIMED', 'RETURN')).toBe('RETURNED');
    expect(nextStepStatus('RETURNED', 'REOPEN')).toBe('OPEN');
    expect(nextStepStatus('DONE', 'REOPEN')).toBe('OPEN');
    expect(nextStepStatus('CLAIMED', 'RELEASE')).toBe('OPEN');
    expect(nextStepStatus('CLAIMED', 'REJECT')).toBe('REJECTED');
  });

  it('throws a coded error on illegal transitions', () => {
    expect(() => nextStepStatus('DONE', 'CLAIM')).toThrow(IllegalStepTransitionError);
    expect(() => nextStepStatus('PENDING', 'CLAIM')).toThrow('A step that is PENDING cannot take the event CLAIM');
    expect(() => nextStepStatus('DONE', 'CANCEL')).toThrow(IllegalStepTransitionError);
    expect(() => nextStepStatus('REJECTED', 'REOPEN')).toThrow(IllegalStepTransitionError);
    expect(() => nextStepStatus('OPEN', 'RELEASE')).toThrow(IllegalStepTransitionError);
    // Asserted outside any catch, so a call that does not throw fails the test.
    expect(() => nextStepStatus('CANCELLED', 'OPEN')).toThrow(
      expect.objectContaining({ constructor: IllegalStepTransitionError, code: 'ILLEGAL_STEP_TRANSITION', from: 'CANCELLED', event: 'OPEN' }),
    );
  });

  it('knows terminal statuses', () => {
    expect(STEP_STATUSES.filter(isTerminalStepStatus)).toEqual(['REJECTED', 'CANCELLED']);
    expect(isTerminalCaseStatus('COMPLETED')).toBe(true);
    expect(isTerminalCaseStatus('AWAITING_CORRECTION')).toBe(false);
  });

  it('either moves as canApplyStepEvent says or throws, over any sequence of events', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STEP_EVENTS), { maxLength: 30 }), (events) => {
        let status: StepStatus = 'PENDING';
        for (const event of events) {
          if (canApplyStepEvent(status, event)) {
            const next = nextStepStatus(status, event);
            expect(next).toBe(STEP_TRANSITIONS[status][event]);
            status = next;
          } else {
            expect(() => nextStepStatus(status, event)).toThrow(IllegalStepTransitionError);
          }
        }
      }),
    );
  });

  it('never leaves a terminal status and only reaches DONE through COMPLETE', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STEP_STATUSES), fc.constantFrom(...STEP_EVENTS), (status, event) => {
        if (isTerminalStepStatus(status)) expect(canApplyStepEvent(status, event)).toBe(false);
        if (canApplyStepEvent(status, event) && nextStepStatus(status, event) === 'DONE') expect(event).toBe('COMPLETE');
        if (status === 'DONE') expect(canApplyStepEvent(status, event)).toBe(event === 'REOPEN');
        if (status === 'PENDING' && event !== 'OPEN' && event !== 'CANCEL') expect(canApplyStepEvent(status, event)).toBe(false);
      }),
    );
  });

  it('can reach every status from PENDING', () => {
    const reached = new Set<StepStatus>(['PENDING']);
    for (let round = 0; round < STEP_STATUSES.length; round++) {
      for (const status of [...reached]) for (const event of STEP_EVENTS) if (canApplyStepEvent(status, event)) reached.add(nextStepStatus(status, event));
    }
    expect([...reached].sort()).toEqual([...STEP_STATUSES].sort());
  });
});

describe('deriveCaseStatus', () => {
  it('summarises the steps', () => {
    expect(deriveCaseStatus(['PENDING', 'PENDING'])).toBe('SUBMITTED');
    expect(deriveCaseStatus(['OPEN', 'PENDING'])).toBe('IN_PROGRESS');
    expect(deriveCaseStatus(['DONE', 'CLAIMED'])).toBe('IN_PROGRESS');
    expect(deriveCaseStatus(['DONE', 'RETURNED', 'OPEN'])).toBe('AWAITING_CORRECTION');
    expect(deriveCaseStatus(['DONE', 'DONE'])).toBe('COMPLETED');
    expect(deriveCaseStatus(['DONE', 'REJECTED', 'RETURNED'])).toBe('REJECTED');
    expect(deriveCaseStatus(['DONE', 'CANCELLED'])).toBe('CANCELLED');
    expect(deriveCaseStatus(['DONE', 'DONE'], { cancelled: true })).toBe('CANCELLED');
  });

  it('is completed exactly when every step is done', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STEP_STATUSES), { minLength: 1, maxLength: 5 }), (steps) => {
        expect(deriveCaseStatus(steps) === 'COMPLETED').toBe(steps.every((s) => s === 'DONE'));
      }),
    );
  });
});
