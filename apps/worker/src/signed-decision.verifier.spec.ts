import { DecisionSigner } from '@onetrip/infrastructure';
import { SignedDecisionVerifier } from './signed-decision.verifier';

describe('the worker’s check of a decision’s signature', () => {
  const signer = DecisionSigner.parse(DecisionSigner.generateSetting());
  const verifier = new SignedDecisionVerifier(signer);
  const now = new Date('2026-12-01T08:00:00Z');
  const decision = { caseId: 'c1', taskId: 'c1.SAMR.1', decision: 'COMPLETE', actorId: 'u1', outputs: { licenseNumber: '4331010000000001234' } };
  const signedAt = now.toISOString();
  const signature = signer.sign({ ...decision, signedAt });

  it('accepts the API’s signature', () => {
    expect(verifier.problem({ ...decision, signedAt, signature, decidedAt: signedAt })).toBeNull();
  });

  it('refuses no signature, another key’s, changed outputs or actor, and an old one', () => {
    const decidedAt = signedAt;
    expect(verifier.problem({ ...decision, decidedAt })?.type).toBe('DECISION_NOT_SIGNED');
    const other = DecisionSigner.parse(DecisionSigner.generateSetting()).sign({ ...decision, signedAt });
    expect(verifier.problem({ ...decision, signedAt, signature: other, decidedAt })?.type).toBe('DECISION_SIGNATURE_INVALID');
    expect(verifier.problem({ ...decision, outputs: { licenseNumber: '4331010000000009999' }, signedAt, signature, decidedAt })?.type).toBe('DECISION_SIGNATURE_INVALID');
    expect(verifier.problem({ ...decision, actorId: 'u2', signedAt, signature, decidedAt })?.type).toBe('DECISION_SIGNATURE_INVALID');
    expect(verifier.problem({ ...decision, caseId: 'c2', signedAt, signature, decidedAt })?.type).toBe('DECISION_SIGNATURE_INVALID');
    const later = new Date(now.getTime() + 11 * 60_000).toISOString();
    expect(verifier.problem({ ...decision, signedAt, signature, decidedAt: later })?.type).toBe('DECISION_SIGNATURE_INVALID');
  });

  it('checks a cancellation, a reopening and a correction the same way, each against its own fields', () => {
    const receivedAt = signedAt;
    const cancel = { command: 'cancelCase' as const, caseId: 'c1', actorId: 'u1', reason: '不办了' };
    const signed = { ...cancel, ...signer.commandSignature(cancel, now) };
    expect(verifier.commandProblem({ ...signed, receivedAt })).toBeNull();
    expect(verifier.commandProblem({ ...cancel, receivedAt })?.type).toBe('DECISION_NOT_SIGNED');
    expect(verifier.commandProblem({ ...signed, reason: 'other', receivedAt })?.type).toBe('DECISION_SIGNATURE_INVALID');
    expect(verifier.commandProblem({ ...signed, caseId: 'c2', receivedAt })?.type).toBe('DECISION_SIGNATURE_INVALID');
    expect(verifier.commandProblem({ ...signed, receivedAt: new Date(now.getTime() + 11 * 60_000).toISOString() })?.type).toBe('DECISION_SIGNATURE_INVALID');
    // A cancellation's signature does not stand in for a reopening with the same words.
    expect(verifier.commandProblem({ command: 'reopenStep', caseId: 'c1', actorId: 'u1', department: 'PSB', reason: '不办了', signedAt: signed.signedAt, signature: signed.signature, receivedAt })?.type).toBe(
      'DECISION_SIGNATURE_INVALID',
    );
    const correction = { command: 'submitCorrection' as const, caseId: 'c1', actorId: 'u1', correctionId: 'k1', round: 1 };
    const signedCorrection = { ...correction, ...signer.commandSignature(correction, now) };
    expect(verifier.commandProblem({ ...signedCorrection, receivedAt })).toBeNull();
    expect(verifier.commandProblem({ ...signedCorrection, round: 2, receivedAt })?.type).toBe('DECISION_SIGNATURE_INVALID');
    const reopen = { command: 'reopenStep' as const, caseId: 'c1', actorId: 'a1', department: 'PSB', reason: 'seal design wrong' };
    const signedReopen = { ...reopen, ...signer.commandSignature(reopen, now) };
    expect(verifier.commandProblem({ ...signedReopen, receivedAt })).toBeNull();
    expect(verifier.commandProblem({ ...signedReopen, department: 'TAX', receivedAt })?.type).toBe('DECISION_SIGNATURE_INVALID');
    // A decision's signature is no command's.
    expect(verifier.commandProblem({ ...cancel, signedAt, signature, receivedAt })?.type).toBe('DECISION_SIGNATURE_INVALID');
  });

  it('checks nothing when signing is off (development only)', () => {
    expect(new SignedDecisionVerifier(DecisionSigner.disabled()).problem({ ...decision, decidedAt: signedAt })).toBeNull();
    expect(new SignedDecisionVerifier(DecisionSigner.disabled()).commandProblem({ command: 'cancelCase', caseId: 'c1', actorId: 'u1', reason: 'x', receivedAt: signedAt })).toBeNull();
  });
});
