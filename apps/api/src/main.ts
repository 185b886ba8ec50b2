import 'reflect-metadata';
import type { Server } from 'node:http';
import { ConfigError, createLogger, loadConfig, startMetricsServer, startTelemetry } from '@onetrip/infrastructure';
import { ApiConfig } from './config/api.config';

async function bootstrap(): Promise<void> {
  const config = loadConfig(ApiConfig);
  const logger = createLogger({ name: 'api', level: config.LOG_LEVEL });
  // Before the app's modules load: the instrumentations wrap `pg` and the HTTP server as they are required.
  const telemetry = startTelemetry(config, 'onetrip-api');
  if (telemetry.tracing) logger.info('tracing: spans exported over OTLP');
  const { createApp } = await import('./create-app');
  const { ShutdownDrain } = await import('./health/shutdown-drain.service');
  const { ApiMetrics } = await import('./observability/api-metrics');
  const app = await createApp(config, logger);
  // Idle keep-alive connections stay open longer than a load balancer's usual 60 s, so a proxy (or a
  // client pool) never reuses a socket the API is closing at that moment (Node's default is 5 s).
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await app.listen(config.API_PORT, config.API_HOST);
  logger.info({ url: await app.getUrl() }, 'api listening');
  // Its own port, not the public one: see docs/operations.md (Metrics and traces).
  if (config.METRICS_PORT) {
    const metrics = app.get(ApiMetrics);
    await startMetricsServer({ host: config.METRICS_HOST, port: config.METRICS_PORT, render: () => metrics.render(), logger });
  }

  // On SIGTERM/SIGINT Nest drains and closes the app (ShutdownDrain), then raises the signal again to end
  // the process. This listener, still registered then, ends it instead once the log is written: pino
  // writes asynchronously, and a kill would lose the last lines (the ones that say the drain finished).
  const drain = app.get(ShutdownDrain);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (drain.state === 'stopped') void telemetry.shutdown().finally(() => logger.flush(() => process.exit(0)));
    });
  }
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`api: ${error.message}\n`);
  } else {
    process.stderr.write(`api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
