import type { Pool, QueryResult } from 'pg';
import { DataSource, DataSourceOptions, QueryFailedError, type QueryRunner } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DataSourceSettings {
  poolSize?: number;
  applicationName?: string;
  /** A role every connection switches to at start (the API's restricted role). */
  role?: string;
}

export function dataSourceOptions(url: string, options: DataSourceSettings = {}): DataSourceOptions {
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
    extra: {
      // Idle connections stay open (the pool is bounded by poolSize): each new one costs a SCRAM handshake and a
      // backend start (~11 ms, 5.5 ms of it our CPU), and re-opening the pool after a quiet spell of 10 s (pg's
      // default) stalled the first requests of the next burst by 100–160 ms.
      idleTimeoutMillis: 0,
      ...(options.role ? { options: `-c role=${options.role}` } : {}),
    },
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

/**
 * Migrates with the URL's own (owner) role on a short-lived connection, and tells whether `role`
 * exists for the caller to switch to afterwards.
 */
export async function migrateDatabase(url: string, role?: string): Promise<{ applied: string[]; roleAvailable: boolean }> {
  // Two connections: one holds the advisory lock while the migrations run on the other.
  const dataSource = await openDataSource(url, { poolSize: 2, applicationName: 'onetrip-migrate' });
  try {
    const applied = await runMigrations(dataSource);
    const roleAvailable = role
      ? ((await dataSource.query(`SELECT pg_has_role(current_user, oid, 'MEMBER') AS member FROM pg_roles WHERE rolname = $1`, [role])) as { member: boolean }[]).some((row) => row.member)
      : false;
    return { applied, roleAvailable };
  } finally {
    await dataSource.destroy();
  }
}

/**
 * TypeORM's DataSource, but a `query()` outside a transaction runs straight on the pool TypeORM keeps: TypeORM builds a
 * query runner and an entity manager for each such statement, and those keep the statement's rows alive through two
 * young-generation collections (a loop of one inbox query: 3.3 MB promoted per scavenge and 5 ms scavenges through
 * `DataSource.query`, nothing promoted and 0.3–1.7 ms on the pool). Same connections, same answers (an UPDATE or
 * DELETE as `[rows, count]`), same errors (QueryFailedError around the driver's); a query runner given goes to it.
 */
export class PooledDataSource extends DataSource {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeORM's own signature
  override async query<T = any>(query: string, parameters?: unknown[] | Record<string, unknown>, queryRunner?: QueryRunner): Promise<T> {
    const pool = poolOf(this);
    if (queryRunner || !pool || (parameters !== undefined && !Array.isArray(parameters))) return super.query<T>(query, parameters, queryRunner);
    let raw: QueryResult | QueryResult[];
    try {
      raw = await pool.query(query, parameters);
    } catch (error) {
      throw new QueryFailedError(query, parameters, error as Error);
    }
    return typeOrmAnswer(raw) as T;
  }
}

/** The pg pool TypeORM's PostgreSQL driver keeps (undefined before `initialize()`). */
function poolOf(dataSource: DataSource): Pool | undefined {
  return (dataSource.driver as unknown as { master?: Pool }).master;
}

/** What TypeORM's PostgreSQL query runner answers for a result (a multi-statement result has no rows: undefined). */
function typeOrmAnswer(raw: QueryResult | QueryResult[]): unknown {
  const single = raw as Partial<QueryResult>;
  return single.command === 'DELETE' || single.command === 'UPDATE' ? [single.rows, single.rowCount] : single.rows;
}

export async function openDataSource(url: string, options: DataSourceSettings = {}): Promise<DataSource> {
  const dataSource = new PooledDataSource(dataSourceOptions(url, options));
  await dataSource.initialize();
  guardConnectionErrors(dataSource);
  return dataSource;
}

const GUARDED = Symbol('onetrip.connectionErrorGuard');
type GuardedClient = { [GUARDED]?: true; on(event: 'error', listener: (error: Error) => void): unknown };

/**
 * When the server dies (kill -9, failover), a connection checked out of the pool and between two queries
 * emits 'error' with no query to take it; a listener removed a moment earlier (TypeORM drops its own on
 * release) makes that an uncaught exception that kills the process. Every connection keeps a listener of
 * its own: the query in flight still fails and is retried, the pool still drops the broken connection.
 */
function guardConnectionErrors(dataSource: DataSource): void {
  const pool = (dataSource.driver as unknown as { master?: { on(event: 'connect' | 'acquire', listener: (client: GuardedClient) => void): unknown } }).master;
  const guard = (client: GuardedClient): void => {
    if (client[GUARDED]) return;
    client[GUARDED] = true;
    client.on('error', () => undefined);
  };
  pool?.on('connect', guard);
  pool?.on('acquire', guard);
}

/** One parameterised statement; answers its rows (RETURNING rows for a write). */
export type SqlQuery = <T = Record<string, unknown>>(text: string, parameters?: readonly unknown[]) => Promise<T[]>;

/**
 * Single statements straight on the pool TypeORM keeps, for the worker's hot paths: rows for every command (an
 * UPDATE … RETURNING too, which `query()` answers in TypeORM's `[rows, count]`) and the driver's own errors, not
 * TypeORM's wrapper. Same connections (and their error guard), same PostgreSQL error codes.
 */
export function poolQuery(dataSource: DataSource): SqlQuery {
  const pool = poolOf(dataSource);
  if (!pool) throw new Error('poolQuery: the data source is not initialised');
  return async <T>(text: string, parameters: readonly unknown[] = []) => (await pool.query(text, [...parameters])).rows as T[];
}
