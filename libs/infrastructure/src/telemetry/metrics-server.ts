import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

export interface MetricsServer {
  readonly port: number;
  close(): Promise<void>;
}

/** The text format's content type (prom-client's `Registry.contentType`). */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * Serves `GET /metrics` (Prometheus text format) on a listener of its own, apart from the public API port:
 * only what Prometheus reaches over the private network sees the figures. `render` builds the page per scrape.
 */
export async function startMetricsServer(options: { host: string; port: number; render: () => Promise<string>; logger: Logger }): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('only GET /metrics here\n');
      return;
    }
    options.render().then(
      (body) => res.writeHead(200, { 'Content-Type': PROMETHEUS_CONTENT_TYPE }).end(body),
      (error: unknown) => {
        options.logger.error({ err: error }, 'metrics scrape failed');
        res.writeHead(500, { 'Content-Type': 'text/plain' }).end('metrics unavailable\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  options.logger.info({ url: `http://${options.host}:${port}/metrics` }, 'metrics listening');
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
