import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@onetrip/infrastructure';
import { AppModule } from './app.module';
import { buildOpenApiDocument } from './common/openapi-document';
import { ApiConfig } from './config/api.config';

// Prints the OpenAPI document without a database or Temporal: the module graph in preview mode (no
// provider is built, nothing connects). scripts/api-types.ts turns it into the web app's types.
async function dump(): Promise<void> {
  // Placeholders: preview mode never connects or signs, but the config class still wants them set.
  const config = loadConfig(ApiConfig, {
    DATABASE_URL: 'postgres://offline/none',
    TEMPORAL_ADDRESS: 'offline:7233',
    JWT_SECRET: 'offline-dump-never-signs-anything',
  });
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false, abortOnError: false });
  app.setGlobalPrefix('api');
  process.stdout.write(`${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  await app.close();
}

dump().catch((error: unknown) => {
  process.stderr.write(`openapi-dump failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
