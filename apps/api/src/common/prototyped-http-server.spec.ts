import express from 'express';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPrototypedHttpServer, type PrototypingApp } from './prototyped-http-server';

/** Whether `req` and `res` carry the app's prototypes when Node hands them over (before Express sees them), and Express's answer. */
async function onArrival(serve: (app: PrototypingApp) => http.Server): Promise<{ request: boolean; response: boolean; status: number; body: unknown }> {
  const app = express();
  app.get('/probe', (req, res) => {
    res.status(201).json({ path: req.path, query: req.query });
  });
  const server = serve(app as unknown as PrototypingApp);
  let seen = { request: false, response: false };
  server.prependListener('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    seen = { request: Object.getPrototypeOf(req) === app.request, response: Object.getPrototypeOf(res) === app.response };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const reply = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/probe?x=1`);
    return { ...seen, status: reply.status, body: await reply.json() };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('createPrototypedHttpServer', () => {
  it("builds each request and response with the app's prototypes, and Express serves them as usual", async () => {
    expect(await onArrival(createPrototypedHttpServer)).toEqual({ request: true, response: true, status: 201, body: { path: '/probe', query: { x: '1' } } });
  });

  it('differs from a plain Node server, whose requests Express has to re-prototype', async () => {
    expect(await onArrival((app) => http.createServer(app))).toEqual({ request: false, response: false, status: 201, body: { path: '/probe', query: { x: '1' } } });
  });
});
