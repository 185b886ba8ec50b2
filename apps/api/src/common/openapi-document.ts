import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { coded } from './error-body';
import { type Constructor, documentValidatorConstraints, routeDtosOf } from './openapi-constraints';
import { documentErrorResponses } from './openapi-errors';

/** The OpenAPI document of the app's routes: what /api/docs-json serves and the web app's types come from. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('OneTrip API')
    .setDescription('One form, one trip: the joint window for opening an enterprise (一件事一次办).')
    .setVersion('1')
    .addBearerAuth()
    .build();
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()].map((wrapper) => wrapper.metatype as Constructor));
  return documentErrorResponses(documentValidatorConstraints(SwaggerModule.createDocument(app, config), routeDtosOf(controllers)));
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * 405 with `Allow` for a method a documented path does not declare (TRACE /api/tasks), instead of the
 * 404 an unknown route gets: the methods come from the document, so they cannot drift from the routes.
 */
export function methodNotAllowed(document: OpenAPIObject): RequestHandler {
  const routes = Object.entries(document.paths).map(([path, item]) => ({
    pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
    methods: Object.keys(item).filter((key) => HTTP_METHODS.includes(key)).map((key) => key.toUpperCase()),
  }));
  return (req: Request, res: Response, next: NextFunction) => {
    const path = req.path;
    const matching = routes.filter((route) => route.pattern.test(path));
    if (matching.length === 0) return next();
    const allowed = new Set(matching.flatMap((route) => route.methods));
    if (allowed.has('GET')) allowed.add('HEAD');
    // OPTIONS is the CORS preflight (answered by its own middleware) or Express's own answer.
    if (allowed.has(req.method) || req.method === 'OPTIONS') return next();
    res.setHeader('Allow', [...allowed].join(', '));
    res.status(405).json(coded('METHOD_NOT_ALLOWED', `${req.method} is not allowed here; allowed: ${[...allowed].join(', ')}`));
  };
}
