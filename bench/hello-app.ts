import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

// The floor for the API figures: a NestJS hello-world on the same platform (@nestjs/core with
// platform-express, same versions as apps/api), one GET route, no guards, pipes, logging or database.
// Started by the bench as its own process, like the API, so the load generator does not share its event loop.

@Controller()
class HelloController {
  @Get('hello')
  hello(): { hello: string } {
    return { hello: 'world' };
  }
}

@Module({ controllers: [HelloController] })
class HelloModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(HelloModule, { logger: false });
  app.setGlobalPrefix('api');
  await app.listen(Number(process.env.API_PORT ?? 0), '127.0.0.1');
  process.stdout.write(`listening on ${await app.getUrl()}\n`);
  const stop = (): void => void app.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`hello app failed: ${String(error)}\n`);
  process.exit(1);
});
