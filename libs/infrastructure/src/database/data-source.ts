import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function dataSourceOptions(url: string, options: { poolSize?: number; applicationName?: string } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName,
  };
}

// Any fixed number: every process that migrates takes this lock first, so the API, workers and
// replicas starting together run each migration exactly once.
const MIGRATION_LOCK_KEY = 730_1001;

/** Runs pending migrations under a PostgreSQL advisory lock; returns the names it applied. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

export async function openDataSource(url: string, options: { poolSize?: number; applicationName?: string } = {}): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(url, options));
  await dataSource.initialize();
  return dataSource;
}
