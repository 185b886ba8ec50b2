import { ROOT_CONTEXT, context, defaultTextMapGetter, propagation, trace, type Context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { Resource, envDetectorSync } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { IncomingMessage } from 'node:http';

/** The OTEL_* settings that decide whether tracing is on (the SDK reads the others itself). */
export interface TracingSettings {
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
  OTEL_TRACES_EXPORTER: string;
  OTEL_SDK_DISABLED: boolean;
  OTEL_SERVICE_NAME?: string;
}

export interface Telemetry {
  /** Spans are recorded and exported (an OTLP endpoint is configured). */
  readonly tracing: boolean;
  /** The processor workflow spans go through (the worker's sink), when tracing. */
  readonly spanProcessor?: SpanProcessor;
  readonly resource?: Resource;
  /** Flushes the spans still queued; call before the process exits. */
  shutdown(): Promise<void>;
}

/** Baggage entry that carries the HTTP request id from the API through Temporal into the worker's activities. */
export const REQUEST_ID_BAGGAGE = 'onetrip.request_id';

let tracingOn = false;

/** Whether spans are recorded in this process (log lines carry trace ids only then: other ids lead nowhere). */
export function tracingEnabled(): boolean {
  return tracingOn;
}

export function tracingConfigured(settings: TracingSettings): boolean {
  if (settings.OTEL_SDK_DISABLED || settings.OTEL_TRACES_EXPORTER === 'none') return false;
  return Boolean(settings.OTEL_EXPORTER_OTLP_ENDPOINT || settings.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/** The route template of an Express request (`/api/applications/:id`), never the raw path; `(unmatched)` when no route took it. */
export function routeTemplate(req: IncomingMessage): string {
  const express = req as IncomingMessage & { route?: { path?: unknown }; baseUrl?: string };
  const path = express.route?.path;
  return typeof path === 'string' ? `${express.baseUrl ?? ''}${path}` : '(unmatched)';
}

// Scrapes and probes every few seconds would be most of the spans.
const UNTRACED_PATHS = new Set(['/metrics', '/api/health', '/api/health/live', '/api/health/ready']);

/**
 * Starts OpenTelemetry for this process. Must run before `pg` is first required (and before the HTTP server
 * is built), so the instrumentations can wrap them: the apps call it right after reading their config.
 *
 * With no OTLP endpoint configured nothing is recorded or exported; only context propagation is set up
 * (W3C trace context and baggage over AsyncLocalStorage), so the request id still travels from the API
 * through Temporal to the activities, at the cost of a context object per async hop. `contextManager: false`
 * (the worker) leaves the in-process context out when tracing is off: the worker's activities find their
 * request id through `setRequestIdSource` instead, and the W3C propagators still read the Temporal headers.
 */
export function startTelemetry(settings: TracingSettings, defaultServiceName: string, options: { contextManager?: boolean } = {}): Telemetry {
  if (!tracingConfigured(settings)) {
    if (options.contextManager !== false) context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }));
    return { tracing: false, shutdown: async () => undefined };
  }
  const resource = new Resource({ 'service.name': defaultServiceName }).merge(envDetectorSync.detect());
  // The exporter reads OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT, _HEADERS, _TIMEOUT; the processor OTEL_BSP_*.
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter());
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0]),
        // Name the server span by its route template, as the metrics do.
        applyCustomAttributesOnSpan: (span, req, res) => {
          // Called for outgoing requests too, whose response is an IncomingMessage.
          if (!('setHeader' in res)) return;
          const route = routeTemplate(req as IncomingMessage);
          span.setAttribute('http.route', route);
          span.updateName(`${(req as IncomingMessage).method ?? 'GET'} ${route}`);
        },
      }),
      // requireParentSpan: a query outside any request or activity (pool keep-alive, migrations at start) is noise.
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    ],
  });
  tracingOn = true;
  return { tracing: true, spanProcessor, resource, shutdown: () => provider.shutdown() };
}

/** Runs `fn` with the request id in the baggage of the active context (so it reaches Temporal and the worker). */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  const current = propagation.getBaggage(context.active()) ?? propagation.createBaggage();
  return context.with(propagation.setBaggage(context.active(), current.setEntry(REQUEST_ID_BAGGAGE, { value: requestId })), fn);
}

// Only the baggage is read for a request id: the trace context's parsing would be thrown away.
const baggagePropagator = new W3CBaggagePropagator();

/** The request id a W3C carrier (`baggage`, `traceparent` headers) holds, if any. */
export function requestIdOfCarrier(carrier: Record<string, unknown>): string | undefined {
  return propagation.getBaggage(baggagePropagator.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter))?.getEntry(REQUEST_ID_BAGGAGE)?.value;
}

let requestIdSource: (() => string | undefined) | undefined;

/**
 * Where log lines find the request id when the OpenTelemetry context has none: the worker with tracing off
 * reads it from the running activity instead of keeping an in-process context for every async hop.
 */
export function setRequestIdSource(source: (() => string | undefined) | undefined): void {
  requestIdSource = source;
}

/** The trace and request ids of a context (the active one unless given), for a log line. */
export function logCorrelation(ctx: Context = context.active()): { traceId?: string; spanId?: string; requestId?: string } {
  const fields: { traceId?: string; spanId?: string; requestId?: string } = {};
  if (tracingOn) {
    const spanContext = trace.getSpanContext(ctx);
    if (spanContext && trace.isSpanContextValid(spanContext)) {
      fields.traceId = spanContext.traceId;
      fields.spanId = spanContext.spanId;
    }
  }
  const requestId = propagation.getBaggage(ctx)?.getEntry(REQUEST_ID_BAGGAGE)?.value ?? requestIdSource?.();
  if (requestId) fields.requestId = requestId;
  return fields;
}
