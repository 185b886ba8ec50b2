import { ConfigError, loadConfig } from '@onetrip/infrastructure';
import { WorkerConfig } from './worker.config';

const BASE = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/onetrip', TEMPORAL_ADDRESS: '127.0.0.1:7233' };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(WorkerConfig, { ...BASE, ...env });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('the worker\'s metrics settings', () => {
  it('needs no port by default (no listener), and takes both ports together', () => {
    expect(problems({})).toEqual([]);
    const config = loadConfig(WorkerConfig, { ...BASE, METRICS_PORT: '9464', TEMPORAL_METRICS_PORT: '9465' });
    expect([config.METRICS_PORT, config.TEMPORAL_METRICS_PORT, config.METRICS_HOST]).toEqual([9464, 9465, '127.0.0.1']);
  });

  it('refuses METRICS_PORT without the SDK exporter\'s port, naming it', () => {
    expect(problems({ METRICS_PORT: '9464' })).toEqual([expect.stringMatching(/^TEMPORAL_METRICS_PORT \(missing\): must be set/)]);
    expect(problems({ METRICS_PORT: '9464', TEMPORAL_METRICS_PORT: 'x' })).toEqual([expect.stringMatching(/^TEMPORAL_METRICS_PORT/)]);
  });

  it('refuses an OTLP endpoint that is not a URL', () => {
    expect(problems({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toEqual([expect.stringMatching(/^OTEL_EXPORTER_OTLP_ENDPOINT .*http\(s\):\/\/ URL/)]);
  });
});
