import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { maskPersonalData } from '@onetrip/domain';
import { accessLogger, ensureShippedDefinitions, migrateDatabase, PinoNestLogger, withRequestId } from '@onetrip/infrastructure';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { corsForOrigins, limitedBodyParsers, refuseUnsafeInput, securityHeaders } from './common/http-defences';
import { buildOpenApiDocument, methodNotAllowed } from './common/openapi-document';
import { PrototypedExpressAdapter } from './common/prototyped-express.adapter';
import { createValidationPipe } from './common/validation';
import { ApiConfig, parseOrigins, parseTrustProxy } from './config/api.config';
import { ApiMetrics } from './observability/api-metrics';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The processes shipped with the code, stored when missing (the worker does the same at its start). */
async function loadShippedDefinitions(dataSource: DataSource, logger: Logger): Promise<void> {
  for (const result of await ensureShippedDefinitions(dataSource)) {
    if (result.outcome === 'STORED_DIFFERS') {
      // A stored version never changes: the code's copy was edited without a new version number.
      logger.warn(result, 'shipped process definition differs from the stored version of the same number: the stored one stays');
    } else if (result.outcome !== 'PRESENT') logger.info(result, 'shipped process definition stored');
  }
}

/** Builds the whole HTTP app (used by main.ts and by tests), migrations applied, not yet listening. */
export async function createApp(config: ApiConfig, logger: Logger): Promise<INestApplication> {
  // Schema changes need the owner; the app itself then runs as the restricted role when there is one.
  const { applied, roleAvailable } = await migrateDatabase(config.DATABASE_URL, config.API_DATABASE_ROLE || undefined);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  if (config.API_DATABASE_ROLE && !roleAvailable) {
    logger.warn({ role: config.API_DATABASE_ROLE }, 'database role not available: the API runs with the connection user (the audit log is still append-only by trigger)');
    config.API_DATABASE_ROLE = '';
  }
  // bodyParser off: ours (below) has an explicit limit and answers 413/400 in the API's error shape.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), new PrototypedExpressAdapter(), { logger: new PinoNestLogger(logger), bufferLogs: false, bodyParser: false });
  app.enableShutdownHooks();
  await loadShippedDefinitions(app.get(DataSource), logger);
  app.disable('x-powered-by');
  // Only then do X-Forwarded-For/-Proto count (request.ip for rate limits, request.secure for HSTS).
  app.set('trust proxy', parseTrustProxy(config.TRUST_PROXY));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  // First, so every request is timed, those refused at the door (413, 400) included.
  app.use(app.get(ApiMetrics).httpMiddleware());
  app.use(
    pinoHttp({
      logger: accessLogger(logger),
      // A caller's X-Request-Id is kept (so one id follows a request across services), else a new one.
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      serializers: {
        // A path or query can carry an ID number or mobile (a mistyped route, a search): mask it.
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: maskPersonalData(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        // pino-http makes up an Error (with a stack of its own code) for every 5xx: the status says it
        // all, and a real failure's stack is logged once by the exception filter.
        err: (err: { type?: string; message?: string }) => ({ type: err.type, message: err.message }),
      },
      // The id on pino-http's own line too (written when the response ends, outside the request's context). Added to
      // the line, not bound with customProps: that makes a child of each request's child logger, and a per-request
      // object used as a prototype is kept through young-generation collections like Express's re-prototyping.
      customSuccessObject: (req, _res, line: object) => ({ requestId: req.id, ...line }),
      customErrorObject: (req, _res, _error, line: object) => ({ requestId: req.id, ...line }),
      // Probes (every few seconds from an orchestrator) would drown the log.
      autoLogging: { ignore: (req) => req.url === '/api/health' || req.url === '/api/health/live' || req.url === '/api/health/ready' },
    }),
  );
  // The request id rides in the OpenTelemetry context from here on: every log line of the request (error lines
  // included) carries it, and it travels through Temporal to the worker's activities (REQUEST_ID_BAGGAGE).
  app.use((req: { id: unknown }, _res: unknown, next: () => void) => withRequestId(String(req.id), next));
  app.use(securityHeaders());
  app.use(corsForOrigins(parseOrigins(config.CORS_ORIGINS)));
  const definitionUpload = { method: 'POST', path: '/api/admin/processes', limitKb: config.PROCESS_DEFINITION_BODY_LIMIT_KB };
  for (const parser of limitedBodyParsers(config.HTTP_BODY_LIMIT_KB, [definitionUpload])) app.use(parser);
  // Again after the body parsers: they call next() from the request stream's events, outside the context set above.
  app.use((req: { id: unknown }, _res: unknown, next: () => void) => withRequestId(String(req.id), next));
  app.use(refuseUnsafeInput());

  const document = buildOpenApiDocument(app);
  app.use(methodNotAllowed(document));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  return app;
}
