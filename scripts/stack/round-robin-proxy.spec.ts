import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy';

// Real sockets on loopback: two small upstreams that say who they are, one of them stopped midway.

interface Upstream {
  port: number;
  server: http.Server;
  bodies: string[];
}

async function upstream(name: string, behaviour: (req: http.IncomingMessage, res: http.ServerResponse) => void = () => undefined): Promise<Upstream> {
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString());
      behaviour(req, res);
      if (!res.writableEnded && !res.destroyed) res.end(JSON.stringify({ name, path: req.url, method: req.method }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, server, bodies };
}

const stop = (server: http.Server): Promise<void> =>
  new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

async function call(proxy: RoundRobinProxy, method = 'GET', body?: string): Promise<{ status: number; body: { name?: string; code?: string }; retryAfter?: string }> {
  const response = await fetch(`${proxy.url}/api/thing?x=1`, { method, body, headers: body ? { 'content-type': 'application/json' } : {} });
  return { status: response.status, body: (await response.json()) as { name?: string }, retryAfter: response.headers.get('retry-after') ?? undefined };
}

describe('the round-robin proxy of the cluster profile', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanup.length) await cleanup.pop()!();
  });

  it('sends requests to each API in turn, with method, path and body unchanged', async () => {
    const [a, b] = await Promise.all([upstream('a'), upstream('b')]);
    cleanup.push(() => stop(a.server), () => stop(b.server));
    const proxy = await startRoundRobinProxy({ port: 0, upstreams: [a, b].map(({ port }) => ({ host: '127.0.0.1', port })) });
    cleanup.push(() => proxy.close());

    const names = [];
    for (let i = 0; i < 4; i++) names.push((await call(proxy, 'POST', `{"n":${i}}`)).body.name);
    expect(names).toEqual(['a', 'b', 'a', 'b']);
    expect([...a.bodies, ...b.bodies].sort()).toEqual(['{"n":0}', '{"n":1}', '{"n":2}', '{"n":3}']);
    expect(proxy.counts).toMatchObject({ forwarded: 4, failedOver: 0, unavailable: 0 });
  });

  it('skips an API that refuses connections, and answers 503 with Retry-After when none is left', async () => {
    const [a, b] = await Promise.all([upstream('a'), upstream('b')]);
    cleanup.push(() => stop(a.server));
    const proxy = await startRoundRobinProxy({ port: 0, upstreams: [a, b].map(({ port }) => ({ host: '127.0.0.1', port })) });
    cleanup.push(() => proxy.close());
    await stop(b.server);

    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await call(proxy, 'POST', '{}'));
    expect(replies.map((reply) => [reply.status, reply.body.name])).toEqual(Array(4).fill([200, 'a']));
    expect(proxy.counts.failedOver).toBeGreaterThanOrEqual(1);

    await stop(a.server);
    const none = await call(proxy);
    expect(none).toMatchObject({ status: 503, retryAfter: '1', body: { code: 'SERVICE_UNAVAILABLE' } });
  });

  it('answers 503 (not a retry elsewhere) when an API dies after the request reached it: it may have been processed', async () => {
    const dying = await upstream('dying', (req) => req.socket.destroy());
    const other = await upstream('other');
    cleanup.push(() => stop(dying.server), () => stop(other.server));
    const proxy = await startRoundRobinProxy({ port: 0, upstreams: [dying, other].map(({ port }) => ({ host: '127.0.0.1', port })) });
    cleanup.push(() => proxy.close());

    const reply = await call(proxy, 'POST', '{"once":true}');
    expect(reply.status).toBe(503);
    expect(dying.bodies).toEqual(['{"once":true}']);
    expect(other.bodies).toEqual([]);
  });
});
