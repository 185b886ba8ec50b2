import { Writable } from 'node:stream';
import { asyncLocalStorage, type Context } from '@temporalio/activity';
import { defaultPayloadConverter } from '@temporalio/common';
import { TRACE_HEADER } from '@temporalio/interceptors-opentelemetry/lib/instrumentation';
import type { ActivityExecuteInput } from '@temporalio/worker';
import { context } from '@opentelemetry/api';
import { createLogger, REQUEST_ID_BAGGAGE, startTelemetry } from '@onetrip/infrastructure';
import { requestIdInterceptor, requestIdOfHeaders } from './request-id.interceptor';

/** The headers the workflow's interceptors give an activity of a case filed with `requestId` (baggage only: tracing off). */
const headersOf = (requestId: string) => ({ [TRACE_HEADER]: defaultPayloadConverter.toPayload({ baggage: `${REQUEST_ID_BAGGAGE}=${requestId}` }) });

describe('requestIdInterceptor (the worker with tracing off)', () => {
  beforeAll(() => startTelemetry({ OTEL_TRACES_EXPORTER: '', OTEL_SDK_DISABLED: false }, 'test', { contextManager: false }));

  it('reads the request id from the activity headers, and nothing from headers without one', () => {
    expect(requestIdOfHeaders(headersOf('req-9'))).toBe('req-9');
    expect(requestIdOfHeaders({})).toBeUndefined();
    expect(requestIdOfHeaders({ [TRACE_HEADER]: defaultPayloadConverter.toPayload({ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' }) })).toBeUndefined();
  });

  it('puts the request id on every log line an activity writes, across async hops, and on none outside it', async () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const logger = createLogger({ name: 'worker', level: 'info', destination });
    const factory = requestIdInterceptor();
    const run = (requestId: string) => {
      const ctx = {} as Context;
      const { inbound, outbound } = factory(ctx);
      // The SDK runs each activity inside its own context (asyncLocalStorage.run), interceptors included.
      return asyncLocalStorage.run(ctx, () =>
        inbound!.execute!({ args: [], headers: headersOf(requestId) } as unknown as ActivityExecuteInput, async () => {
          logger.info('first');
          await new Promise((resolve) => setImmediate(resolve));
          logger.info({ sdk: outbound!.getLogAttributes!({ activityType: 'runAutomaticStep' }, (attributes) => attributes) }, 'after a hop');
        }),
      );
    };
    await Promise.all([run('req-a'), run('req-b')]);
    logger.info('outside any activity');
    // No in-process OpenTelemetry context is kept: the lines get the id from the activity, not from the context.
    expect(context.active().getValue(Symbol.for('OpenTelemetry Context Key BAGGAGE'))).toBeUndefined();
    expect(lines.map((line) => [line.msg, line.requestId, (line.sdk as { requestId?: string } | undefined)?.requestId])).toEqual([
      ['first', 'req-a', undefined],
      ['first', 'req-b', undefined],
      ['after a hop', 'req-a', 'req-a'],
      ['after a hop', 'req-b', 'req-b'],
      ['outside any activity', undefined, undefined],
    ]);
  });
});
