import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../config/load-config';
import { SharedConfig } from '../config/shared-config';
import { temporalConnectionOptions } from './temporal-connection';

const dir = mkdtempSync(join(tmpdir(), 'onetrip-tls-'));
const pem = (name: string, label: string): string => {
  const file = join(dir, name);
  writeFileSync(file, `-----BEGIN ${label}-----\n${name}\n-----END ${label}-----\n`);
  return file;
};
const ca = pem('ca.pem', 'CERTIFICATE');
const cert = pem('client.pem', 'CERTIFICATE');
const key = pem('client.key', 'PRIVATE KEY');
const notPem = join(dir, 'not.pem');
writeFileSync(notPem, 'hello');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASE = { DATABASE_URL: 'postgres://a@b/c', TEMPORAL_ADDRESS: 'temporal.example:7233' };

/** The config problems for these settings ([] when accepted). */
function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(SharedConfig, { ...BASE, ...env });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('Temporal connection settings', () => {
  it('connects in plain text by default (the dev server)', () => {
    expect(temporalConnectionOptions(loadConfig(SharedConfig, BASE))).toEqual({ address: 'temporal.example:7233', tls: false });
  });

  it('TLS with the system roots and an API key (Temporal Cloud)', () => {
    const options = temporalConnectionOptions(loadConfig(SharedConfig, { ...BASE, TEMPORAL_TLS: 'true', TEMPORAL_API_KEY: 'cloud-key' }));
    expect(options).toEqual({ address: 'temporal.example:7233', tls: {}, apiKey: 'cloud-key' });
  });

  it('mTLS with a private CA, a client certificate and key, and a server name', () => {
    const config = loadConfig(SharedConfig, {
      ...BASE,
      TEMPORAL_TLS: 'true',
      TEMPORAL_TLS_CA_FILE: ca,
      TEMPORAL_TLS_CERT_FILE: cert,
      TEMPORAL_TLS_KEY_FILE: key,
      TEMPORAL_TLS_SERVER_NAME: 'frontend.temporal.internal',
    });
    const options = temporalConnectionOptions(config);
    expect(options.apiKey).toBeUndefined();
    if (options.tls === false) throw new Error('expected TLS');
    expect(options.tls.serverNameOverride).toBe('frontend.temporal.internal');
    expect(Buffer.from(options.tls.serverRootCACertificate ?? []).toString()).toContain('ca.pem');
    expect(Buffer.from(options.tls.clientCertPair?.crt ?? []).toString()).toContain('client.pem');
    expect(Buffer.from(options.tls.clientCertPair?.key ?? []).toString()).toContain('client.key');
  });

  it.each([
    [{ TEMPORAL_TLS: 'true', TEMPORAL_TLS_CERT_FILE: cert }, 'TEMPORAL_TLS_KEY_FILE (missing): must be set together with TEMPORAL_TLS_CERT_FILE'],
    [{ TEMPORAL_TLS: 'true', TEMPORAL_TLS_KEY_FILE: key }, 'TEMPORAL_TLS_CERT_FILE (missing): must be set together with TEMPORAL_TLS_KEY_FILE'],
    [{ TEMPORAL_API_KEY: 'cloud-key' }, 'TEMPORAL_API_KEY (value withheld): is set but TEMPORAL_TLS is not true'],
    [{ TEMPORAL_TLS_CA_FILE: ca }, 'TEMPORAL_TLS_CA_FILE'],
    [{ TEMPORAL_TLS: 'false', TEMPORAL_TLS_SERVER_NAME: 'x' }, 'TEMPORAL_TLS_SERVER_NAME (got "x"): is set but TEMPORAL_TLS is not true'],
    [{ TEMPORAL_TLS: 'true', TEMPORAL_TLS_CA_FILE: join(dir, 'missing.pem') }, 'TEMPORAL_TLS_CA_FILE'],
    [{ TEMPORAL_TLS: 'true', TEMPORAL_TLS_CA_FILE: notPem }, 'is not a PEM file'],
    [{ TEMPORAL_TLS: 'yes' }, 'TEMPORAL_TLS (got "yes")'],
  ])('refuses %j naming the setting', (env, message) => {
    const found = problems(env);
    expect(found.join('\n')).toContain(message);
  });

  it('never echoes the API key', () => {
    expect(problems({ TEMPORAL_API_KEY: 'super-secret-cloud-key' }).join('\n')).not.toContain('super-secret');
  });
});
