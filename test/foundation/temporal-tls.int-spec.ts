import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { temporalConnectionOptions, type TemporalConnectionSettings } from '@onetrip/infrastructure';
import type { AppProcess } from '../../scripts/stack/app-process';
import { startApi, testStack } from '../support/test-stack';

// The dev server has no TLS flags, so the test puts an mTLS front on it: a TLS server that asks for a
// client certificate from its own CA and passes the decrypted gRPC stream to the dev server. What goes
// through is the real connection code of the API (Connection) and of the worker (NativeConnection).

const SERVER_NAME = 'frontend.temporal.test';

function openssl(dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** A CA, a server certificate for SERVER_NAME and a client certificate, all PEM files in `dir`. */
function makeCertificates(dir: string): void {
  openssl(dir, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=onetrip test CA', '-keyout', 'ca.key', '-out', 'ca.pem');
  for (const [name, subject, extension] of [
    ['server', SERVER_NAME, `subjectAltName=DNS:${SERVER_NAME}`],
    ['client', 'onetrip-worker', 'extendedKeyUsage=clientAuth'],
  ] as const) {
    openssl(dir, 'req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${subject}`, '-keyout', `${name}.key`, '-out', `${name}.csr`);
    fs.writeFileSync(path.join(dir, `${name}.ext`), `${extension}\n`);
    openssl(dir, 'x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '1', '-extfile', `${name}.ext`, '-out', `${name}.pem`);
  }
}

describe('the Temporal connection over mTLS (a TLS front on the dev server)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onetrip-mtls-'));
  const file = (name: string): string => path.join(dir, name);
  let front: tls.Server;
  let address = '';
  const handshakes: { authorized: boolean }[] = [];
  const apps: AppProcess[] = [];

  beforeAll(async () => {
    makeCertificates(dir);
    const [upstreamHost, upstreamPort] = testStack().temporalAddress.split(':');
    front = tls.createServer(
      { key: fs.readFileSync(file('server.key')), cert: fs.readFileSync(file('server.pem')), ca: fs.readFileSync(file('ca.pem')), requestCert: true, rejectUnauthorized: true, ALPNProtocols: ['h2'] },
      (socket) => {
        handshakes.push({ authorized: socket.authorized });
        const upstream = net.connect(Number(upstreamPort), upstreamHost);
        socket.pipe(upstream).pipe(socket);
        socket.on('error', () => upstream.destroy());
        upstream.on('error', () => socket.destroy());
      },
    );
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    address = `127.0.0.1:${(front.address() as net.AddressInfo).port}`;
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await new Promise((resolve) => front.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const settings = (overrides: Partial<TemporalConnectionSettings>): TemporalConnectionSettings => ({
    TEMPORAL_ADDRESS: address,
    TEMPORAL_TLS: true,
    TEMPORAL_TLS_CA_FILE: file('ca.pem'),
    TEMPORAL_TLS_CERT_FILE: file('client.pem'),
    TEMPORAL_TLS_KEY_FILE: file('client.key'),
    TEMPORAL_TLS_SERVER_NAME: SERVER_NAME,
    TEMPORAL_API_KEY: '',
    ...overrides,
  });

  it("the API's client connection (grpc-js) gets through with the client certificate, and is refused without it", async () => {
    const connection = await Connection.connect(temporalConnectionOptions(settings({})));
    const info = await connection.workflowService.getSystemInfo({});
    expect(info.serverVersion).toMatch(/^\d+\.\d+\.\d+/);
    await connection.close();
    expect(handshakes.some((h) => h.authorized)).toBe(true);

    const withoutCertificate = Connection.connect({ ...temporalConnectionOptions(settings({ TEMPORAL_TLS_CERT_FILE: '', TEMPORAL_TLS_KEY_FILE: '' })), connectTimeout: 3_000 });
    await expect(withoutCertificate).rejects.toThrow();
  });

  it("the worker's native connection (Rust core) gets through with the client certificate, and is refused when the server name does not match", async () => {
    const connection = await NativeConnection.connect(temporalConnectionOptions(settings({})));
    await connection.close();
    await expect(NativeConnection.connect(temporalConnectionOptions(settings({ TEMPORAL_TLS_SERVER_NAME: 'someone-else.test' })))).rejects.toThrow();
  });

  it('an API process configured by the TEMPORAL_TLS_* variables is ready through the mTLS front', async () => {
    const before = handshakes.filter((h) => h.authorized).length;
    const api = await startApi(
      { TEMPORAL_ADDRESS: address, TEMPORAL_TLS: 'true', TEMPORAL_TLS_CA_FILE: file('ca.pem'), TEMPORAL_TLS_CERT_FILE: file('client.pem'), TEMPORAL_TLS_KEY_FILE: file('client.key'), TEMPORAL_TLS_SERVER_NAME: SERVER_NAME },
      'api-temporal-mtls',
    );
    apps.push(api.app);
    const ready = await fetch(`${api.url}/health/ready`);
    expect([ready.status, await ready.json()]).toEqual([200, expect.objectContaining({ temporal: { status: 'up' } })]);
    // Its Temporal connection is one the front authorised (the API has no other way to the dev server).
    expect(handshakes.filter((h) => h.authorized).length).toBeGreaterThan(before);
  });
});
