import { Client as PgClient } from 'pg';
import { connectDatabase } from '../support/case-fixtures';
import { http } from '../support/http';
import { testStack } from '../support/test-stack';

describe('the audit log is append-only', () => {
  let owner: PgClient;
  let asApi: PgClient;

  beforeAll(async () => {
    owner = await connectDatabase();
    // A connection exactly as the API opens them: the API's restricted role is set at connection start.
    asApi = new PgClient({ connectionString: testStack().databaseUrl, options: '-c role=onetrip_api' });
    await asApi.connect();
  });
  afterAll(async () => {
    await asApi.end();
    await owner.end();
  });

  it('is what the API works as', async () => {
    const health = await http<{ details: { database: { role: string } } }>('GET', '/health');
    expect(health.body.details.database.role).toBe('onetrip_api');
  });

  it('lets the API’s role append and read, but not update, delete or truncate', async () => {
    const inserted = await asApi.query(`INSERT INTO audit_log (action, details) VALUES ('TEST_APPEND', '{}') RETURNING id`);
    const id = inserted.rows[0].id as string;
    expect((await asApi.query(`SELECT action FROM audit_log WHERE id = $1`, [id])).rows).toEqual([{ action: 'TEST_APPEND' }]);
    await expect(asApi.query(`UPDATE audit_log SET action = 'FORGED' WHERE id = $1`, [id])).rejects.toThrow(/permission denied/);
    await expect(asApi.query(`DELETE FROM audit_log WHERE id = $1`, [id])).rejects.toThrow(/permission denied/);
    await expect(asApi.query(`TRUNCATE audit_log`)).rejects.toThrow(/permission denied/);
    // And it changes no schema.
    await expect(asApi.query(`DROP TRIGGER audit_log_no_update ON audit_log`)).rejects.toThrow(/must be owner|permission denied/);
    expect((await owner.query(`SELECT action FROM audit_log WHERE id = $1`, [id])).rows).toEqual([{ action: 'TEST_APPEND' }]);
  });

  it('refuses even the owner’s update or delete (trigger)', async () => {
    const inserted = await owner.query(`INSERT INTO audit_log (action, details) VALUES ('TEST_OWNER', '{}') RETURNING id`);
    const id = inserted.rows[0].id as string;
    await expect(owner.query(`UPDATE audit_log SET action = 'FORGED' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(owner.query(`DELETE FROM audit_log WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    expect((await owner.query(`SELECT action FROM audit_log WHERE id = $1`, [id])).rows).toEqual([{ action: 'TEST_OWNER' }]);
  });
});
