import 'reflect-metadata';
import type { Server } from 'node:http';
import { ConfigError, createLogger, loadConfig } from '@onetrip/infrastructure';
import { ApiConfig } from './config/api.config';
import { createApp } from './create-app';
import { ShutdownDrain } from './health/shutdown-drain.service';

async function bootstrap(): Promise<void> {
  const config = loadConfig(ApiConfig);
  const logger = createLogger({ name: 'api', level: config.LOG_LEVEL });
  const app = await createApp(config, logger);
  // Idle keep-alive connections stay open longer than a load balancer's usual 60 s, so a proxy (or a
  // client pool) never reuses a socket the API is closing at that moment (Node's default is 5 s).
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await app.listen(config.API_PORT, config.API_HOST);
  logger.info({ url: await app.getUrl() }, 'api listening');

  // On SIGTERM/SIGINT Nest drains and closes the app (ShutdownDrain), then raises the signal again to end
  // the process. This listener, still registered then, ends it instead once the log is written: pino
  // writes asynchronously, and a kill would lose the last lines (the ones that say the drain finished).
  const drain = app.get(ShutdownDrain);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (drain.state === 'stopped') logger.flush(() => process.exit(0));
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
