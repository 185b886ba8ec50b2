// A workflow interceptor module (bundled beside the workflows, see workflowInterceptorModules), not a workflow.
import { context, propagation } from '@opentelemetry/api';
import type { GetLogAttributesInput, Next, WorkflowInterceptors, WorkflowOutboundCallsInterceptor } from '@temporalio/workflow';

/** The baggage entry the API puts the request id in (REQUEST_ID_BAGGAGE in libs/infrastructure; the sandbox cannot import it). */
export const REQUEST_ID_BAGGAGE = 'onetrip.request_id';

/**
 * Adds `requestId` to the workflow's log lines: the id of the request whose context the workflow code runs
 * in (the start's, or an Update's inside its handler), taken from the baggage OpenTelemetry's workflow
 * interceptors restore from the Temporal headers. Logging only: no command changes, so replay is unaffected.
 */
class RequestIdLogInterceptor implements WorkflowOutboundCallsInterceptor {
  getLogAttributes(input: GetLogAttributesInput, next: Next<WorkflowOutboundCallsInterceptor, 'getLogAttributes'>): Record<string, unknown> {
    const requestId = propagation.getBaggage(context.active())?.getEntry(REQUEST_ID_BAGGAGE)?.value;
    return next(requestId ? { ...input, requestId } : input);
  }
}

export const interceptors = (): WorkflowInterceptors => ({ outbound: [new RequestIdLogInterceptor()] });
