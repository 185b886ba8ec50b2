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

  it('checks nothing when signing is off (development only)', () => {
    expect(new SignedDecisionVerifier(DecisionSigner.disabled()).problem({ ...decision, decidedAt: signedAt })).toBeNull();
  });
});
