import { DataSource, QueryFailedError } from 'typeorm';
import { dataSourceOptions, PooledDataSource } from '@onetrip/infrastructure';
import { testStack } from '../support/test-stack';

// PooledDataSource runs a statement outside a transaction straight on TypeORM's pool: every answer and error
// must be what TypeORM's own DataSource gives for it, since the API's repositories (75 call sites) read both.
describe('PooledDataSource', () => {
  let pooled: PooledDataSource;
  let typeorm: DataSource;
  const TABLE = `pooled_probe_${process.pid}`;

  beforeAll(async () => {
    const options = dataSourceOptions(testStack().databaseUrl, { poolSize: 2, applicationName: 'onetrip-pooled-test' });
    pooled = await new PooledDataSource(options).initialize();
    typeorm = await new DataSource(options).initialize();
    await typeorm.query(`CREATE TABLE ${TABLE} (id int PRIMARY KEY, label text NOT NULL)`);
  });
  afterAll(async () => {
    await typeorm?.query(`DROP TABLE IF EXISTS ${TABLE}`);
    await pooled?.destroy();
    await typeorm?.destroy();
  });

  /** The same statement through both; the table is reset before each, so both see the same rows. */
  async function bothAnswer(sql: string, parameters?: unknown[]): Promise<{ pooled: unknown; typeorm: unknown }> {
    const reset = async (): Promise<void> => {
      await typeorm.query(`DELETE FROM ${TABLE}`);
      await typeorm.query(`INSERT INTO ${TABLE} (id, label) VALUES (1, 'one'), (2, 'two')`);
    };
    await reset();
    const fromTypeorm: unknown = await typeorm.query(sql, parameters);
    await reset();
    const fromPooled: unknown = await pooled.query(sql, parameters);
    return { pooled: fromPooled, typeorm: fromTypeorm };
  }

  it.each([
    ['a SELECT', `SELECT id, label FROM ${TABLE} WHERE id >= $1 ORDER BY id`, [1]],
    ['an INSERT … RETURNING', `INSERT INTO ${TABLE} (id, label) VALUES ($1, $2) RETURNING id`, [3, 'three']],
    ['an UPDATE … RETURNING (rows and count)', `UPDATE ${TABLE} SET label = upper(label) WHERE id = ANY($1::int[]) RETURNING id, label`, [[1, 2]]],
    ['a DELETE without RETURNING (no rows, a count)', `DELETE FROM ${TABLE} WHERE id = $1`, [2]],
    ['a statement without parameters', `SELECT count(*)::int AS n FROM ${TABLE}`, undefined],
  ])('answers %s as TypeORM does', async (_name, sql, parameters) => {
    const answers = await bothAnswer(sql, parameters as unknown[] | undefined);
    expect(answers.pooled).toEqual(answers.typeorm);
    expect(answers.pooled).not.toBeUndefined();
  });

  it('fails as TypeORM does: a QueryFailedError around the driver’s error, with its SQLSTATE and constraint', async () => {
    const insertTwice = `INSERT INTO ${TABLE} (id, label) VALUES (1, 'again')`;
    const failures = await Promise.all([typeorm, pooled].map((source) => source.query(insertTwice).catch((error: unknown) => error)));
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(QueryFailedError);
      expect((failure as QueryFailedError).driverError).toMatchObject({ code: '23505', constraint: `${TABLE}_pkey` });
      expect((failure as QueryFailedError).query).toBe(insertTwice);
    }
  });

  it('builds no query runner for a statement of its own, and leaves a transaction’s statements on the transaction’s runner', async () => {
    const createQueryRunner = jest.spyOn(pooled, 'createQueryRunner');
    try {
      await pooled.query(`SELECT 1`);
      expect(createQueryRunner).not.toHaveBeenCalled();
      // Inside a transaction the statement sees the transaction's own uncommitted row, then it rolls back.
      const seen = await pooled
        .transaction(async (manager) => {
          await manager.query(`INSERT INTO ${TABLE} (id, label) VALUES (90, 'inside')`);
          const rows = (await manager.query(`SELECT label FROM ${TABLE} WHERE id = 90`)) as { label: string }[];
          throw Object.assign(new Error('roll back'), { rows });
        })
        .catch((error: { rows?: unknown }) => error.rows);
      expect(seen).toEqual([{ label: 'inside' }]);
      expect(createQueryRunner).toHaveBeenCalledTimes(1);
      expect(await pooled.query(`SELECT label FROM ${TABLE} WHERE id = 90`)).toEqual([]);
    } finally {
      createQueryRunner.mockRestore();
    }
  });
});
