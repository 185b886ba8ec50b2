import type { DataSource } from 'typeorm';
import { openDataSource } from '@onetrip/infrastructure';
import { waitFor } from '../../scripts/stack/wait-for';
import { connectDatabase } from '../support/case-fixtures';
import { testStack } from '../support/test-stack';

// A connection checked out of the pool and idle between two queries when its server process dies emits
// 'error' with no query to take it. Without a listener of its own that is an uncaught exception, and the
// worker died that way in a PostgreSQL kill -9 test. openDataSource gives every connection one.
describe('a connection whose server process dies between two queries', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await openDataSource(testStack().databaseUrl, { poolSize: 2, applicationName: 'onetrip-guard-test' });
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('fails that connection, not the process, and the pool serves the next query', async () => {
    const pool = (dataSource.driver as unknown as { master: { connect(): Promise<{ query(sql: string): Promise<{ rows: { pid: number }[] }>; release(error?: Error): void; _queryable?: boolean }> } }).master;
    const client = await pool.connect();
    const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
    // No listener of the test's own: one would hide the fault. pg marks the client unqueryable as it emits.
    const uncaught: Error[] = [];
    const onUncaught = (error: Error): void => {
      uncaught.push(error);
    };
    process.prependListener('uncaughtException', onUncaught);
    try {
      const admin = await connectDatabase();
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      await admin.end();
      await waitFor('the checked-out connection told of its end', async () => (client._queryable === false ? true : undefined), { timeoutMs: 10_000 });
      await new Promise((resolve) => setImmediate(resolve));
      client.release(new Error('terminated'));
      expect(uncaught).toEqual([]);
      expect(await dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      process.removeListener('uncaughtException', onUncaught);
    }
  });
});
