import 'reflect-metadata';
import { ConfigError, createLogger, loadConfig } from '@onetrip/infrastructure';
import { ApiConfig } from './config/api.config';
import { createApp } from './create-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig(ApiConfig);
  const logger = createLogger({ name: 'api', level: config.LOG_LEVEL });
  const app = await createApp(config, logger);
  await app.listen(config.API_PORT, config.API_HOST);
  logger.info({ url: await app.getUrl() }, 'api listening');
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`api: ${error.message}\n`);
  } else {
    process.stderr.write(`api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
