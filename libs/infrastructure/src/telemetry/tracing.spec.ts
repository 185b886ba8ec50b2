import { Writable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { trace } from '@opentelemetry/api';
import { createLogger } from '../logging/logger';
import { REQUEST_ID_BAGGAGE as WORKFLOW_SIDE_REQUEST_ID_BAGGAGE } from '../../../workflows/src/workflows/request-context.interceptors';
import { REQUEST_ID_BAGGAGE, routeTemplate, startTelemetry, tracingConfigured, tracingEnabled, withRequestId, type Telemetry, type TracingSettings } from './tracing';

const OFF: TracingSettings = { OTEL_TRACES_EXPORTER: '', OTEL_SDK_DISABLED: false };

/** A logger whose lines are kept, parsed. */
function capturedLogger(): { logger: ReturnType<typeof createLogger>; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  // pino writes synchronously to a plain stream: the line is there once the call returns.
  return { logger: createLogger({ name: 'test', level: 'info', destination }), lines };
}

describe('tracing settings', () => {
  it('is on only with an OTLP endpoint, and off when the SDK or the exporter is switched off', () => {
    expect(tracingConfigured(OFF)).toBe(false);
    expect(tracingConfigured({ ...OFF, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingConfigured({ ...OFF, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(tracingConfigured({ ...OFF, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: true })).toBe(false);
    expect(tracingConfigured({ ...OFF, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' })).toBe(false);
  });

  it('labels a request by its route template, never by its path', () => {
    const routed = { url: '/api/applications/5f0c…', route: { path: '/api/applications/:id' }, baseUrl: '' } as unknown as IncomingMessage;
    expect(routeTemplate(routed)).toBe('/api/applications/:id');
    expect(routeTemplate({ url: '/api/nothing/here' } as IncomingMessage)).toBe('(unmatched)');
  });

  it('uses the same baggage key in the workflow sandbox as in the apps', () => {
    expect(WORKFLOW_SIDE_REQUEST_ID_BAGGAGE).toBe(REQUEST_ID_BAGGAGE);
  });
});

describe('log lines carry the request id, and the trace id when tracing is on', () => {
  let telemetry: Telemetry | undefined;
  afterAll(async () => telemetry?.shutdown());

  it('without an OTLP endpoint: the request id only (a trace id would lead nowhere)', () => {
    startTelemetry(OFF, 'test');
    expect(tracingEnabled()).toBe(false);
    const { logger, lines } = capturedLogger();
    withRequestId('req-off', () => logger.error(new Error('boom'), 'failed'));
    logger.info('outside any request');
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'failed', requestId: 'req-off' });
    expect(lines[0]).not.toHaveProperty('traceId');
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  it('with one: request id, trace id and span id on every line of the request, error lines included', async () => {
    // Nothing listens there; no span is ended, so nothing is sent.
    telemetry = startTelemetry({ ...OFF, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' }, 'test');
    expect(tracingEnabled()).toBe(true);
    const { logger, lines } = capturedLogger();
    const ids = await trace.getTracer('test').startActiveSpan('request', async (span) => {
      await withRequestId('req-on', async () => {
        logger.info('working');
        await new Promise((resolve) => setImmediate(resolve)); // across an async hop
        logger.error({ err: new Error('boom') }, 'failed');
      });
      return span.spanContext();
    });
    expect(lines.map((line) => [line.level, line.requestId, line.traceId, line.spanId])).toEqual([
      ['info', 'req-on', ids.traceId, ids.spanId],
      ['error', 'req-on', ids.traceId, ids.spanId],
    ]);
  });
});
