import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiConfig } from '../config/api.config';

export type ServingState = 'serving' | 'draining' | 'closing' | 'stopped';

/**
 * The API's graceful stop on SIGTERM (Nest runs this hook before it closes the HTTP server):
 *  1. draining: /api/health/ready answers 503 while requests are still served, API_DRAIN_SECONDS long,
 *     so the load balancer (a Kubernetes Service, the compose proxy) stops sending new work here;
 *  2. closing: no new connections; requests in flight finish, each answered with `Connection: close`;
 *     idle keep-alive sockets are closed as they become idle; after API_SHUTDOWN_TIMEOUT_SECONDS the
 *     ones left are cut. Then Nest closes Temporal and PostgreSQL and the process exits (main.ts).
 */
@Injectable()
export class ShutdownDrain implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('shutdown');
  private current: ServingState = 'serving';
  // Responses not yet finished, so that closing can tell their clients not to reuse the connection.
  private readonly inFlight = new Set<ServerResponse>();

  constructor(
    private readonly config: ApiConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  get state(): ServingState {
    return this.current;
  }

  onApplicationBootstrap(): void {
    const server = this.server();
    server?.prependListener('request', (_request, response: ServerResponse) => {
      // Once closing, every answer ends its connection: the client reconnects to another replica.
      if (this.current === 'closing') response.setHeader('Connection', 'close');
      this.inFlight.add(response);
      response.once('close', () => this.inFlight.delete(response));
    });
  }

  private server(): Server | undefined {
    return this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    const server = this.server();
    // app.close() from code (no signal) or a server that never listened has nothing to drain.
    if (signal === undefined || server === undefined || !server.listening) return;
    const drainSeconds = this.config.API_DRAIN_SECONDS ?? (this.config.NODE_ENV === 'production' ? 5 : 0);
    this.current = 'draining';
    this.logger.log(`${signal}: draining, readiness fails for ${drainSeconds}s while requests are still served`);
    await sleep(drainSeconds * 1000);

    this.current = 'closing';
    // Requests in flight (and any that still arrive on an open keep-alive socket) are served, and their sockets then closed.
    for (const response of this.inFlight) if (!response.headersSent) response.setHeader('Connection', 'close');
    const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
    const deadline = setTimeout(() => {
      this.logger.warn(`requests still in flight after ${this.config.API_SHUTDOWN_TIMEOUT_SECONDS}s: closing their connections`);
      server.closeAllConnections();
    }, this.config.API_SHUTDOWN_TIMEOUT_SECONDS * 1000);
    server.once('close', () => {
      clearInterval(idleSweep);
      clearTimeout(deadline);
      this.logger.log('HTTP server closed: every request in flight has finished');
    });
    // Nest closes the server next (server.close(): no new connections, waits for the open ones).
    server.closeIdleConnections();
  }

  /** After Temporal and PostgreSQL are closed too: main.ts then ends the process. */
  onApplicationShutdown(): void {
    this.current = 'stopped';
  }
}
