import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, traversableByOthers, type RunningPostgres } from '../../scripts/stack/embedded-postgres';
import { freePort } from '../../scripts/stack/ports';
import { ServerStartError } from '../../scripts/stack/server-start-error';
import { fileLog } from '../support/test-stack';

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

// Issue 11 §2: a checkout in a folder other users cannot enter (root's 0700 home, a `mktemp -d` folder).
// As root PostgreSQL runs as the `postgres` user, who could not reach a data folder in there.
describe('embedded PostgreSQL with its data in a folder only its owner can enter', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'onetrip-private-')); // mode 0700, like mktemp -d
  const dataDir = path.join(base, 'clone', '.data', 'dev', 'postgres');
  let server: RunningPostgres | undefined;
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('starts, keeps its data over a restart, and leaves the folder’s mode alone', async () => {
    expect(fs.statSync(base).mode & 0o777).toBe(0o700);
    expect(traversableByOthers(dataDir)).toBe(false);
    const port = await freePort();
    server = await startEmbeddedPostgres({ dataDir, port, log: fileLog('postgres-private-folder') });
    await query(server.url, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('before the restart')`);
    await server.stop();
    server = await startEmbeddedPostgres({ dataDir, port, log: fileLog('postgres-private-folder') });
    expect(await query(server.url, 'SELECT note FROM kept')).toEqual([{ note: 'before the restart' }]);
    // The data's home is still where it was asked for (the cluster itself, or a link to it).
    expect(fs.existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(fs.statSync(base).mode & 0o777).toBe(0o700);
  });

  it('a server that cannot start says why and what to do, as an error the caller can catch', async () => {
    if (!server) throw new Error('the test above did not start a server');
    // The port is taken by the server above.
    const started = startEmbeddedPostgres({ dataDir: path.join(base, 'other', 'postgres'), port: server.port, log: fileLog('postgres-private-folder') });
    await expect(started).rejects.toBeInstanceOf(ServerStartError);
    await expect(started).rejects.toThrow(/PostgreSQL could not start: [\s\S]*What to do: check that nothing else listens on port/);
  });
});
