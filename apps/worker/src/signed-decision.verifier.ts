import { DECISION_SIGNATURE_MAX_AGE_MS, DecisionSigner } from '@onetrip/infrastructure';
import type { DecisionVerifier, SignedCaseCommand } from '@onetrip/workflows';

/** Checks the API's signature on a decision (DecisionSigner); a disabled signer (development only) checks nothing. */
export class SignedDecisionVerifier implements DecisionVerifier {
  constructor(private readonly signer: DecisionSigner) {}

  problem(decision: Parameters<DecisionVerifier['problem']>[0]): ReturnType<DecisionVerifier['problem']> {
    if (!this.signer.enabled) return null;
    const { signature, signedAt } = decision;
    if (!signature || !signedAt) return { type: 'DECISION_NOT_SIGNED', message: 'The decision is not signed by the API' };
    const claims = { ...decision, signedAt };
    if (!this.signer.verify(claims, signature)) return { type: 'DECISION_SIGNATURE_INVALID', message: 'The decision’s signature does not match it' };
    // A signature vouches for one moment: an old one replayed later is refused.
    const skew = Math.abs(Date.parse(decision.decidedAt) - Date.parse(signedAt));
    if (!(skew <= DECISION_SIGNATURE_MAX_AGE_MS)) return { type: 'DECISION_SIGNATURE_INVALID', message: 'The decision was signed too long before it reached the case' };
    return null;
  }

  commandProblem(command: SignedCaseCommand): ReturnType<DecisionVerifier['commandProblem']> {
    if (!this.signer.enabled) return null;
    const { signature, signedAt, receivedAt, ...claims } = command;
    if (!signature || !signedAt) return { type: 'DECISION_NOT_SIGNED', message: `The ${command.command} request is not signed by the API` };
    if (!this.signer.verifyCommand({ ...claims, signedAt }, signature)) return { type: 'DECISION_SIGNATURE_INVALID', message: `The ${command.command} request’s signature does not match it` };
    const skew = Math.abs(Date.parse(receivedAt) - Date.parse(signedAt));
    if (!(skew <= DECISION_SIGNATURE_MAX_AGE_MS)) return { type: 'DECISION_SIGNATURE_INVALID', message: `The ${command.command} request was signed too long before it reached the case` };
    return null;
  }
}
