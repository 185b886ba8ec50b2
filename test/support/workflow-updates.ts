import { ServiceError } from '@temporalio/client';

/**
 * Sends an Update the way the API's callers do: when the server did not take it (a ServiceError before the
 * Update was accepted, e.g. its workflow task was aborted under load; the API answers 503 and callers retry),
 * it is sent again, at most `attempts` times. The cause is printed, so a recurring one is seen. A refusal by
 * the workflow (WorkflowUpdateFailedError) is never retried.
 */
export async function sendUpdate<T>(send: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof ServiceError) || attempt >= attempts) throw error;
      const cause = error.cause as { code?: number; details?: string } | undefined;
      console.warn(`Update not taken by the server (attempt ${attempt}): gRPC code ${cause?.code}: ${cause?.details ?? error.message}`);
    }
  }
}
