import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { UPDATE_REFUSALS } from '../contracts';

// How both case workflows refuse an Update: pure helpers, no commands, so sharing them changes no history.

/** Refuses at once with one of the validators' codes (the API answers 409 with it). */
export function refuse(type: keyof typeof UPDATE_REFUSALS, message: string): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
}

/** Signed as the API signs: a cheap early refusal; the key never enters workflow code (it must replay deterministically). */
export function refuseUnsigned(signedDecisions: boolean | undefined, message: { signature?: string; signedAt?: string }): void {
  if (signedDecisions && !(typeof message.signature === 'string' && /^v1\.[A-Za-z0-9_-]{43}$/.test(message.signature) && message.signedAt)) {
    refuse('DECISION_NOT_SIGNED', 'The request is not signed by the API');
  }
}

/** An activity's failure as the Update's, keeping its type (NAME_TAKEN, DECISION_SIGNATURE_INVALID, …) for the caller. */
export function asUpdateFailure(error: unknown): ApplicationFailure {
  // A regular activity's failure comes wrapped in an ActivityFailure; the local activity's does not.
  const failure = error instanceof ActivityFailure ? error.cause : error;
  const cause = failure instanceof ApplicationFailure ? failure : undefined;
  return ApplicationFailure.create({ type: cause?.type ?? 'DECISION_FAILED', message: cause?.message ?? String(error), nonRetryable: true });
}
