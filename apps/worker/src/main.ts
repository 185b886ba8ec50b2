import 'reflect-metadata';
import { Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type LogMetadata } from '@temporalio/worker';
import { ConfigError, DecisionSigner, EnterpriseRegisterRepository, createLogger, ensureSearchAttributes, ensureShippedDefinitions, loadConfig, openDataSource, payloadKeyRing, personalDataCipher, runMigrations, sealLegacyPersonalData, startMetricsServer, startTelemetry, temporalConnectionOptions } from '@onetrip/infrastructure';
import { WorkerConfig } from './config/worker.config';
import { WorkerMetrics } from './worker-metrics';
import { createWorker } from './worker';

/** The SDK's log metadata with the ids our other lines use lifted out (workflow lines get them from the interceptors). */
function sdkLogFields(meta: LogMetadata | undefined): Record<string, unknown> {
  if (!meta) return {};
  const { trace_id: traceId, span_id: spanId, requestId, ...sdk } = meta as Record<string, unknown>;
  return { sdk, ...(traceId ? { traceId } : {}), ...(spanId ? { spanId } : {}), ...(requestId ? { requestId } : {}) };
}

async function bootstrap(): Promise<void> {
  const config = loadConfig(WorkerConfig);
  const logger = createLogger({ name: 'worker', level: config.LOG_LEVEL });
  // Before the database opens: the instrumentation wraps `pg` as it is first required. With tracing off no
  // in-process context is kept: activities carry their request id to the log lines themselves (worker.ts).
  const telemetry = startTelemetry(config, 'onetrip-worker', { contextManager: false });
  if (telemetry.tracing) logger.info('tracing: spans exported over OTLP');
  // Once per process, before any connection (the SDK refuses a second install). Temporal's own log lines
  // (core SDK, workflow `log`) go through the same JSON logger; its metrics to a loopback Prometheus listener.
  Runtime.install({
    logger: new DefaultLogger('INFO', (entry) => {
      const level = entry.level === 'TRACE' ? 'trace' : (entry.level.toLowerCase() as 'debug' | 'info' | 'warn' | 'error');
      logger[level](sdkLogFields(entry.meta), entry.message);
    }),
    ...(config.METRICS_PORT && config.TEMPORAL_METRICS_PORT
      ? { telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${config.TEMPORAL_METRICS_PORT}`, countersTotalSuffix: true, useSecondsForDurations: true } } } }
      : {}),
  });
  const metrics = new WorkerMetrics(config.METRICS_PORT ? `http://127.0.0.1:${config.TEMPORAL_METRICS_PORT}/metrics` : undefined);
  if (config.METRICS_PORT) await startMetricsServer({ host: config.METRICS_HOST, port: config.METRICS_PORT, render: () => metrics.render(), logger });

  const dataSource = await openDataSource(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE, applicationName: 'onetrip-worker' });
  const applied = await runMigrations(dataSource);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  // The shipped process definitions (the enterprise opening, …) are stored when missing: new cases run on them.
  const shipped = await ensureShippedDefinitions(dataSource);
  const stored = shipped.filter((result) => result.outcome !== 'PRESENT');
  if (stored.length) logger.info({ shipped: stored }, 'shipped process definitions stored');
  const cipher = personalDataCipher(config);
  if (cipher.encrypts) {
    // Rows from before at-rest encryption are sealed in the background: readers accept them plain meanwhile.
    void sealLegacyPersonalData(dataSource, cipher)
      .then((sealed) => logger.info({ sealed }, 'personal data at rest: rows from before encryption sealed'))
      .catch((error: unknown) => logger.error({ err: error }, 'personal data at rest: sealing earlier rows failed (retried at next start)'));
  } else {
    logger.warn('PERSONAL_DATA_KEYS is not set: ID numbers and mobiles are stored unencrypted (refused in production)');
  }

  // Openings completed before the register existed get their enterprise (once each; a completion since writes its own).
  const backfilled = await new EnterpriseRegisterRepository(cipher).backfillOpenings(dataSource.manager);
  if (backfilled) logger.info({ backfilled }, 'register of enterprises: earlier openings added');

  const client = await Connection.connect(temporalConnectionOptions(config));
  const registered = await ensureSearchAttributes(client, config.TEMPORAL_NAMESPACE);
  if (registered.length) logger.info({ registered }, 'search attributes registered');
  await client.close();

  const keys = payloadKeyRing(config);
  if (keys) logger.info({ activeKeyId: keys.activeKeyId }, 'Temporal payloads encrypted');
  else logger.warn('TEMPORAL_PAYLOAD_KEYS is not set: Temporal payloads are stored unencrypted (refused in production)');

  const signer = DecisionSigner.fromSetting(config.DECISION_SIGNING_KEY);
  if (!signer.enabled) logger.warn('DECISION_SIGNING_KEY is not set: decisions are not checked for the API\'s signature (refused in production)');

  const connection = await NativeConnection.connect(temporalConnectionOptions(config));
  const worker = await createWorker({ config, connection, dataSource, logger, cipher, signer, telemetry, metrics });
  logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, namespace: config.TEMPORAL_NAMESPACE }, 'worker started');
  // run() resolves after SIGINT/SIGTERM once in-flight tasks have drained (shutdownGraceTime).
  await worker.run();
  await connection.close();
  await dataSource.destroy();
  await telemetry.shutdown();
  logger.info('worker stopped');
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`worker: ${error.message}\n`);
  } else {
    process.stderr.write(`worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
