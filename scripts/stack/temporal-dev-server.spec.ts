import { DEV_SERVER_HISTORY_CACHE_ENTRIES, devServerArgs } from './temporal-dev-server';

/** The values given to one repeated flag, in order. */
const flagValues = (args: string[], flag: string): string[] => args.flatMap((arg, i) => (arg === flag ? [args[i + 1]] : []));

describe('the dev server command line', () => {
  it('bounds the in-memory history cache (the CLI alone keeps 8,096 workflows), and a run may choose another size', () => {
    expect(DEV_SERVER_HISTORY_CACHE_ENTRIES).toBeLessThan(8_096);
    expect(flagValues(devServerArgs({ port: 7233 }), '--dynamic-config-value')).toEqual([`history.hostLevelCacheMaxSize=${DEV_SERVER_HISTORY_CACHE_ENTRIES}`]);
    expect(flagValues(devServerArgs({ port: 7233, dynamicConfig: { 'history.hostLevelCacheMaxSize': 8096, 'history.cacheTTL': '5m' } }), '--dynamic-config-value')).toEqual([
      'history.hostLevelCacheMaxSize=8096',
      'history.cacheTTL="5m"',
    ]);
  });

  it('serves metrics on the port asked for, and keeps a file store in WAL mode', () => {
    const args = devServerArgs({ port: 7233, metricsPort: 9090, dbFile: '/tmp/t.sqlite' });
    expect(flagValues(args, '--metrics-port')).toEqual(['9090']);
    expect(flagValues(args, '--db-filename')).toEqual(['/tmp/t.sqlite']);
    expect(flagValues(args, '--sqlite-pragma')).toContain('journal_mode=wal');
    expect(args).toContain('--headless');
  });
});
