import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

// The cluster profile's front door: HTTP requests spread over several API processes in turn. An API that
// refuses connections (stopped, killed) is skipped for a moment and the request goes to the next one;
// a request whose API died after it was sent cannot be known to be unprocessed, so it is answered 503
// with Retry-After and the client sends it again (with its Idempotency-Key, writes are safe to retry).

export interface ProxyCounts {
  forwarded: number;
  /** Requests sent to another API because the first refused the connection. */
  failedOver: number;
  /** 503s the proxy answered itself: every API down, or one died mid-request. */
  unavailable: number;
}

export interface RoundRobinProxy {
  url: string;
  port: number;
  counts: ProxyCounts;
  close(): Promise<void>;
}

const REFUSED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENOTFOUND']);
const DOWN_FOR_MS = 1000;

export async function startRoundRobinProxy(options: { port: number; upstreams: { host: string; port: number }[]; log?: (line: string) => void }): Promise<RoundRobinProxy> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const downUntil = new Map<number, number>();
  const counts: ProxyCounts = { forwarded: 0, failedOver: 0, unavailable: 0 };
  let next = 0;

  const unavailable = (res: http.ServerResponse, why: string): void => {
    counts.unavailable += 1;
    if (res.headersSent) return void res.destroy();
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
    res.end(JSON.stringify({ code: 'SERVICE_UNAVAILABLE', message: `No API answered (${why}); send the request again` }));
  };

  /** Tries the upstreams in turn from the next one, skipping those recently found down. */
  const forward = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, tried: number): void => {
    const total = options.upstreams.length;
    if (tried >= total) return unavailable(res, 'every API refused the connection');
    let index = next++ % total;
    for (let skipped = 0; skipped < total && (downUntil.get(index) ?? 0) > Date.now(); skipped++) index = next++ % total;
    const upstream = options.upstreams[index];
    const headers = { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '', connection: 'keep-alive' };
    const outgoing = http.request({ host: upstream.host, port: upstream.port, method: req.method, path: req.url, headers, agent }, (answer) => {
      counts.forwarded += 1;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (REFUSED.has(error.code ?? '') || (outgoing.reusedSocket && error.code === 'ECONNRESET')) {
        // Never reached the API (or a kept-alive socket it had closed): safe to send elsewhere.
        if (REFUSED.has(error.code ?? '')) downUntil.set(index, Date.now() + DOWN_FOR_MS);
        counts.failedOver += 1;
        return forward(req, res, body, tried + 1);
      }
      options.log?.(`${req.method} ${req.url} to ${upstream.host}:${upstream.port}: ${error.code ?? error.message}`);
      unavailable(res, error.code ?? error.message);
    });
    outgoing.end(body);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), 0));
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
