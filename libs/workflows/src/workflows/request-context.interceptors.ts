// A workflow interceptor module (bundled beside the workflows, see workflowInterceptorModules), not a workflow.
import { AsyncLocalStorage, defaultPayloadConverter, type Payload, type WorkflowInterceptors } from '@temporalio/workflow';
import type { Headers } from '@temporalio/common';
import { SdkFlags } from '@temporalio/workflow/lib/flags';
import { getActivator } from '@temporalio/workflow/lib/global-attributes';
import type * as OpenTelemetryWorkflow from '@temporalio/interceptors-opentelemetry/lib/workflow';

/** The baggage entry the API puts the request id in (REQUEST_ID_BAGGAGE in libs/infrastructure; the sandbox cannot import it). */
export const REQUEST_ID_BAGGAGE = 'onetrip.request_id';
/** The header OpenTelemetry's interceptors carry the trace context and baggage in (TRACE_HEADER of its instrumentation). */
export const TRACE_HEADER = '_tracer-data';

/** The request the workflow code runs for: the start's, or an Update's or a signal's inside its handler. */
interface RequestContext {
  /** Its trace header as it came in, passed on to the activities and workflows this code starts. */
  header: Payload;
  requestId?: string;
  /** The request was traced: the header has a W3C trace context, so the sampling decision travels with it. */
  traced: boolean;
}

/** The request id in a W3C baggage value (`key=value;properties,…`, values percent-encoded). */
export function requestIdOfBaggage(baggage: unknown): string | undefined {
  if (typeof baggage !== 'string') return undefined;
  for (const member of baggage.split(',')) {
    const [pair] = member.split(';');
    const at = pair.indexOf('=');
    if (at <= 0 || pair.slice(0, at).trim() !== REQUEST_ID_BAGGAGE) continue;
    try {
      return decodeURIComponent(pair.slice(at + 1).trim()) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function requestContextOf(headers: Headers): RequestContext | undefined {
  const header = headers[TRACE_HEADER];
  if (!header) return undefined;
  const carrier = defaultPayloadConverter.fromPayload<unknown>(header);
  if (typeof carrier !== 'object' || carrier === null) return undefined;
  const fields = carrier as Record<string, unknown>;
  return { header, requestId: requestIdOfBaggage(fields.baggage), traced: typeof fields.traceparent === 'string' };
}

type OpenTelemetryInterceptors = {
  inbound: OpenTelemetryWorkflow.OpenTelemetryInboundInterceptor;
  outbound: OpenTelemetryWorkflow.OpenTelemetryOutboundInterceptor;
  internals: OpenTelemetryWorkflow.OpenTelemetryInternalsInterceptor;
};

/**
 * OpenTelemetry's workflow interceptors, only for a workflow whose start was traced. They cost about a third of the
 * workflow thread's time per case (a span and its export per step, their modules evaluated for each workflow), so
 * an untraced workflow does without them and only carries the request's header along. Required here, not imported,
 * so an untraced workflow never evaluates their modules.
 */
function openTelemetryInterceptors(): OpenTelemetryInterceptors {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- evaluated only when a workflow is traced (above)
  const otel = require('@temporalio/interceptors-opentelemetry/lib/workflow') as typeof OpenTelemetryWorkflow;
  return { inbound: new otel.OpenTelemetryInboundInterceptor(), outbound: new otel.OpenTelemetryOutboundInterceptor(), internals: new otel.OpenTelemetryInternalsInterceptor() };
}

/** Outbound calls that carry headers: an untraced workflow passes the current request's trace header on. */
function withRequestHeader<T extends { headers: Headers }>(input: T, request: RequestContext | undefined): T {
  if (!request || input.headers[TRACE_HEADER]) return input;
  return { ...input, headers: { ...input.headers, [TRACE_HEADER]: request.header } };
}

/**
 * Request ids on the workflow's log lines and on what it starts, and spans for traced workflows. Whether a workflow
 * is traced is decided once, at its start. Histories older than the SDK flag that removed OpenTelemetry's extra
 * yield at the start take the traced path, which replays them as they ran. No command changes either way.
 */
export const interceptors = (): WorkflowInterceptors => {
  const requests = new AsyncLocalStorage<RequestContext | undefined>();
  let traced: OpenTelemetryInterceptors | undefined;
  // A handler's next step run for the request in its headers (the surrounding one when they carry none).
  const inItsRequest =
    <I extends { headers: Headers }, R>(next: (input: I) => R) =>
    (input: I): R =>
      requests.run(requestContextOf(input.headers) ?? requests.getStore(), () => next(input));
  // An outbound call of an untraced workflow: the current request's header goes with it.
  const carried = <I extends { headers: Headers }, R>(input: I, next: (input: I) => R): R => next(withRequestHeader(input, requests.getStore()));
  return {
    inbound: [
      {
        execute: (input, next) => {
          const request = requestContextOf(input.headers);
          if (request?.traced || !getActivator().hasFlag(SdkFlags.OpenTelemetryInterceporsAvoidsExtraYields)) traced = openTelemetryInterceptors();
          const run = (given: typeof input) => requests.run(request, () => next(given));
          return traced ? traced.inbound.execute(input, run) : run(input);
        },
        handleSignal: (input, next) => (traced ? traced.inbound.handleSignal(input, inItsRequest(next)) : inItsRequest(next)(input)),
        handleUpdate: (input, next) => (traced ? traced.inbound.handleUpdate(input, inItsRequest(next)) : inItsRequest(next)(input)),
        validateUpdate: (input, next) => (traced ? traced.inbound.validateUpdate(input, inItsRequest(next)) : inItsRequest(next)(input)),
        handleQuery: (input, next) => (traced ? traced.inbound.handleQuery(input, next) : next(input)),
      },
    ],
    outbound: [
      {
        scheduleActivity: (input, next) => (traced ? traced.outbound.scheduleActivity(input, next) : carried(input, next)),
        scheduleLocalActivity: (input, next) => (traced ? traced.outbound.scheduleLocalActivity(input, next) : carried(input, next)),
        startChildWorkflowExecution: (input, next) => (traced ? traced.outbound.startChildWorkflowExecution(input, next) : carried(input, next)),
        // Nexus headers are strings, not payloads: not carried.
        startNexusOperation: (input, next) => (traced ? traced.outbound.startNexusOperation(input, next) : next(input)),
        signalWorkflow: (input, next) => (traced ? traced.outbound.signalWorkflow(input, next) : carried(input, next)),
        continueAsNew: (input, next) => (traced ? traced.outbound.continueAsNew(input, next) : carried(input, next)),
        getLogAttributes: (input, next) => {
          const requestId = requests.getStore()?.requestId;
          const withId = requestId ? { ...input, requestId } : input;
          return traced ? traced.outbound.getLogAttributes(withId, next) : next(withId);
        },
      },
    ],
    internals: [{ dispose: (input, next) => (traced ? traced.internals.dispose(input, next) : next(input)) }],
  };
};
