import { CASE_STATUSES, IllegalStepTransitionError, isTerminalCaseStatus, STEP_STATUSES } from './case-status';

describe('case and step statuses', () => {
  it('ends a case only when it is completed, rejected or cancelled', () => {
    expect(CASE_STATUSES.filter(isTerminalCaseStatus)).toEqual(['COMPLETED', 'REJECTED', 'CANCELLED']);
  });

  it('has a status for a step that is not needed', () => {
    expect(STEP_STATUSES).toContain('SKIPPED');
  });

  it('codes an illegal step transition', () => {
    expect(new IllegalStepTransitionError('DONE', 'CLAIM')).toMatchObject({ code: 'ILLEGAL_STEP_TRANSITION', message: 'A step that is DONE cannot take the event CLAIM' });
  });
});
