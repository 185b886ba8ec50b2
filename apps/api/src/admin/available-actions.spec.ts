import { availableActions } from './available-actions';

describe('availableActions', () => {
  const task = (stepId: string, status: string, extra: { round?: number; mode?: string; escalatedAt?: string } = {}) => ({ stepId, status, round: extra.round ?? 1, mode: extra.mode ?? 'MANUAL', escalatedAt: extra.escalatedAt });

  it('offers a case waiting on the applicant a reminder and no step action (it has no open step)', () => {
    const actions = availableActions('AWAITING_CORRECTION', [task('SAMR', 'DONE'), task('TAX', 'RETURNED'), task('BANK', 'DONE')], []);
    expect(actions.map((a) => a.action)).toEqual(['REMIND_APPLICANT', 'REOPEN', 'CANCEL']);
    expect(actions.find((a) => a.action === 'REOPEN')?.stepIds).toEqual(['SAMR', 'BANK']);
  });

  it('offers reassign and escalate for open manual steps, by their latest round, and retry for failing ones', () => {
    const actions = availableActions('IN_PROGRESS', [task('TAX', 'RETURNED'), task('TAX', 'OPEN', { round: 2 }), task('PSB', 'CLAIMED', { escalatedAt: '2026-12-01T00:00:00Z' }), task('HRSS', 'OPEN', { mode: 'AUTO' })], [{ department: 'HRSS', attempt: 3, lastFailure: 'timeout' }, { department: 'BANK', attempt: 1 }]);
    expect(actions).toEqual([
      { action: 'REASSIGN', stepIds: ['TAX', 'PSB'] },
      { action: 'ESCALATE', stepIds: ['TAX'] },
      { action: 'RETRY', stepIds: ['HRSS'] },
      { action: 'CANCEL', stepIds: [] },
    ]);
  });

  it('offers nothing on an ended case', () => {
    expect(availableActions('COMPLETED', [task('SAMR', 'DONE')], [])).toEqual([]);
    expect(availableActions('REJECTED', [task('SAMR', 'REJECTED')], [])).toEqual([]);
  });
});
