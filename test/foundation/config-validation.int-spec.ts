import { startApp } from '../../scripts/stack/app-process';

/** A bad or missing setting stops start-up with a message naming the variable. */
async function startAndCollect(name: 'api' | 'worker', env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const lines: string[] = [];
  const app = startApp({ name, env, log: (line) => lines.push(line) });
  const code = await app.exited;
  return { code, output: lines.join('\n') };
}

describe('config validation at start-up', () => {
  it.each([
    ['api', { DATABASE_URL: 'mysql://nope', TEMPORAL_ADDRESS: '127.0.0.1:1' }, 'DATABASE_URL'],
    ['api', { DATABASE_URL: 'postgres://a@b/c', TEMPORAL_ADDRESS: '127.0.0.1:1', API_PORT: 'eighty' }, 'API_PORT'],
    ['worker', { DATABASE_URL: 'postgres://a@b/c', TEMPORAL_ADDRESS: 'not an address' }, 'TEMPORAL_ADDRESS'],
    ['worker', { DATABASE_URL: 'postgres://a@b/c', TEMPORAL_ADDRESS: '127.0.0.1:1', LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    ['worker', { DATABASE_URL: 'postgres://a@b/c', TEMPORAL_ADDRESS: '127.0.0.1:1', NODE_ENV: 'production' }, 'TEMPORAL_PAYLOAD_KEYS (missing): must be set in production'],
    ['worker', { DATABASE_URL: 'postgres://a@b/c', TEMPORAL_ADDRESS: '127.0.0.1:1', TEMPORAL_PAYLOAD_KEYS: 'k1:dG9vLXNob3J0', TEMPORAL_PAYLOAD_KEY_ID: 'k1' }, 'key "k1" must be 32 bytes'],
    ['api', { DATABASE_URL: 'postgres://a@b/c', TEMPORAL_ADDRESS: '127.0.0.1:1', CORS_ORIGINS: '*' }, 'CORS_ORIGINS'],
    ['api', { DATABASE_URL: 'postgres://a@b/c', TEMPORAL_ADDRESS: '127.0.0.1:1', TRUST_PROXY: 'everyone' }, 'TRUST_PROXY'],
    ['api', { DATABASE_URL: 'postgres://a@b/c', TEMPORAL_ADDRESS: '127.0.0.1:1', RATE_LIMIT_SIGN_IN_PER_IP: '-1' }, 'RATE_LIMIT_SIGN_IN_PER_IP'],
    // A half-set Temporal TLS configuration: refused before anything connects.
    ['worker', { DATABASE_URL: 'postgres://a@b/c', TEMPORAL_ADDRESS: '127.0.0.1:1', TEMPORAL_TLS: 'true', TEMPORAL_TLS_CERT_FILE: __filename }, 'TEMPORAL_TLS_KEY_FILE (missing): must be set together with TEMPORAL_TLS_CERT_FILE'],
    ['api', { DATABASE_URL: 'postgres://a@b/c', TEMPORAL_ADDRESS: '127.0.0.1:1', TEMPORAL_API_KEY: 'cloud-key' }, 'TEMPORAL_API_KEY (value withheld): is set but TEMPORAL_TLS is not true'],
    ['api', { DATABASE_URL: 'postgres://a@b/c', TEMPORAL_ADDRESS: '127.0.0.1:1', TEMPORAL_TLS: 'true', TEMPORAL_TLS_CA_FILE: '/nonexistent/ca.pem' }, 'TEMPORAL_TLS_CA_FILE (got "/nonexistent/ca.pem"): cannot be read (ENOENT)'],
  ] as const)('%s refuses %j naming %s', async (name, env, variable) => {
    const { code, output } = await startAndCollect(name, { ...env });
    expect(code).toBe(1);
    expect(output).toContain('Invalid configuration');
    expect(output).toContain(variable);
  });

  it('names a missing DATABASE_URL', async () => {
    const { code, output } = await startAndCollect('worker', { DATABASE_URL: '', TEMPORAL_ADDRESS: '127.0.0.1:1' });
    expect(code).toBe(1);
    expect(output).toMatch(/DATABASE_URL \(missing\)/);
  });
});
