import { ConfigError, loadConfig } from '@onetrip/infrastructure';
import { DEFAULT_SCRYPT, scryptParametersFor } from '../auth/password-hasher';
import { ApiConfig } from './api.config';

const BASE_ENV = { DATABASE_URL: 'postgres://u@h/db', TEMPORAL_ADDRESS: '127.0.0.1:7233', JWT_SECRET: 'a-test-secret-of-enough-length' };

/** The problems loadConfig reports about `variable` for this environment. */
function problemsWith(variable: string, env: Record<string, string>): string[] {
  try {
    loadConfig(ApiConfig, { ...BASE_ENV, ...env });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.filter((problem) => problem.startsWith(`${variable} `));
    throw error;
  }
}

describe('PASSWORD_SCRYPT_N (the cost of new password hashes)', () => {
  it('defaults to scrypt N = 2^17, r = 8, p = 1 (128 MiB per hash), in production as elsewhere', () => {
    expect(DEFAULT_SCRYPT).toEqual({ N: 131072, r: 8, p: 1 });
    const config = loadConfig(ApiConfig, BASE_ENV);
    expect(config.PASSWORD_SCRYPT_N).toBe(131072);
    expect(scryptParametersFor(config.PASSWORD_SCRYPT_N)).toEqual({ N: 131072, r: 8, p: 1 });
    // Production needs keys this test does not give; whatever else it reports, the default cost is fine there.
    expect(problemsWith('PASSWORD_SCRYPT_N', { NODE_ENV: 'production' })).toEqual([]);
    expect(problemsWith('PASSWORD_SCRYPT_N', { NODE_ENV: 'production', PASSWORD_SCRYPT_N: String(2 ** 18) })).toEqual([]);
  });

  it('takes a cheaper power of two outside production, down to 2^10 (the test stack)', () => {
    const config = loadConfig(ApiConfig, { ...BASE_ENV, NODE_ENV: 'test', PASSWORD_SCRYPT_N: '1024' });
    expect(scryptParametersFor(config.PASSWORD_SCRYPT_N)).toEqual({ N: 1024, r: 8, p: 1 });
  });

  it.each([
    ['512', 'development', /must not be less than 1024/],
    ['1', 'test', /must not be less than 1024/],
    ['3000', 'test', /must be a power of two/],
    [String(2 ** 21), 'test', /must not be greater than 1048576/],
    ['16k', 'test', /must be an integer/],
    [String(2 ** 16), 'production', /must be at least 131072 in production/],
    ['1024', 'production', /must be at least 131072 in production/],
  ])('refuses %s with NODE_ENV %s, naming the variable', (value, nodeEnv, reason) => {
    expect(problemsWith('PASSWORD_SCRYPT_N', { NODE_ENV: nodeEnv, PASSWORD_SCRYPT_N: value })).toEqual([expect.stringMatching(reason)]);
  });
});
