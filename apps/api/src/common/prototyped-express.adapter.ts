import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import { createPrototypedHttpServer, type PrototypingApp } from './prototyped-http-server';

/** Nest's Express adapter on a server that builds requests with Express's prototypes (see createPrototypedHttpServer). */
export class PrototypedExpressAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    // HTTPS and Nest's connection tracking keep Nest's own server (the API uses neither).
    if (options?.httpsOptions || options?.forceCloseConnections || options?.return503OnClosing) return super.initHttpServer(options);
    this.setHttpServer(createPrototypedHttpServer(this.getInstance<PrototypingApp>()));
  }
}
