import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import express, { type NextFunction, type Request, type Response } from 'express';
import * as path from 'node:path';
import { ApiConfig } from '../config/api.config';
import { findWebDist, isPagePath } from './web-dist';

/**
 * Serves the web pages (web/dist) at `/`: hashed assets with a long cache, and index.html for every
 * other page path (the pages route in the browser). Without a build the API still starts, with a warning.
 */
@Module({})
export class WebModule implements OnModuleInit {
  private readonly logger = new Logger('Web');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: ApiConfig,
  ) {}

  onModuleInit(): void {
    const dist = findWebDist();
    if (!dist) {
      this.logger.warn('web/dist not found: the web pages are not served (build them with `npm run build --prefix web`)');
      return;
    }
    const index = path.join(dist, 'index.html');
    // Runs after Nest registered its routes and before its not-found handler: /api keeps its own 404s.
    const app = this.adapterHost.httpAdapter.getInstance<express.Express>();
    // Source maps give the sources away: served in development only (production builds make none).
    if (this.config.NODE_ENV !== 'development') {
      app.use((req: Request, res: Response, next: NextFunction) => (req.path.endsWith('.map') ? res.status(404).type('text/plain').send('Not found') : next()));
    }
    app.use(
      express.static(dist, {
        index: false,
        setHeaders: (res, file) => res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
      }),
    );
    app.use((req: Request, res: Response, next: NextFunction) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || !isPagePath(req.path)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index, (error) => error && next(error));
    });
    this.logger.log(`serving the web pages from ${dist}`);
  }
}
