import { asyncLocalStorage, type Context } from '@temporalio/activity';
import { defaultPayloadConverter, type Headers } from '@temporalio/common';
import { TRACE_HEADER } from '@temporalio/interceptors-opentelemetry/lib/instrumentation';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { requestIdOfCarrier, setRequestIdSource } from '@onetrip/infrastructure';

/** The request id in an activity's Temporal headers (the carrier the workflow's interceptors pass on: request-context.interceptors.ts). */
export function requestIdOfHeaders(headers: Headers): string | undefined {
  const carrier = headers[TRACE_HEADER];
  if (!carrier) return undefined;
  const fields = defaultPayloadConverter.fromPayload<unknown>(carrier);
  return typeof fields === 'object' && fields !== null ? requestIdOfCarrier(fields as Record<string, unknown>) : undefined;
}

/**
 * With tracing off, the worker keeps no OpenTelemetry context per async hop (an AsyncLocalStorage store copied
 * into every promise): each activity's request id is read once from its headers and kept beside the activity's
 * own context, which the SDK already tracks, so every log line written while it runs (ours through pino, the
 * SDK's through `getLogAttributes`) still carries it.
 */
export function requestIdInterceptor(): ActivityInterceptorsFactory {
  const requestIds = new WeakMap<Context, string>();
  setRequestIdSource(() => {
    const current = asyncLocalStorage.getStore();
    return current ? requestIds.get(current) : undefined;
  });
  return (ctx: Context) => ({
    inbound: {
      execute: (input, next) => {
        const requestId = requestIdOfHeaders(input.headers);
        if (requestId) requestIds.set(ctx, requestId);
        return next(input);
      },
    },
    outbound: {
      getLogAttributes: (input, next) => {
        const requestId = requestIds.get(ctx);
        return next(requestId ? { ...input, requestId } : input);
      },
    },
  });
}
