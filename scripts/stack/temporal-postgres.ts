import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { Client as PgClient } from 'pg';
import { ROOT } from './app-process';
import { stopChild, type RunningTemporal } from './temporal-dev-server';
import { waitFor } from './wait-for';

// The full Temporal server (the same release the CLI's dev server embeds) on PostgreSQL, for telling
// the dev server's limits (SQLite, one writer) from Temporal's. It uses two more databases in the
// bench's own PostgreSQL; the schema comes from the server's temporal-sql-tool.

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export function temporalServerBinary(): string | undefined {
  try {
    return execFileSync(path.join(ROOT, 'bench/ensure-temporal-server.sh'), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The full server: `restart` stops its process (SIGKILL with `kill`) and starts it again on the same ports. */
export interface RunningTemporalServer extends RunningTemporal {
  restart(options?: { kill?: boolean }): Promise<void>;
}

export async function startTemporalOnPostgres(options: { binary: string; postgresUrl: string; dataDir: string; log: (line: string) => void }): Promise<RunningTemporalServer> {
  const url = new URL(options.postgresUrl);
  const sqlTool = path.join(path.dirname(options.binary), 'sql');
  const admin = new PgClient({ connectionString: options.postgresUrl });
  await admin.connect();
  try {
    for (const database of ['temporal', 'temporal_visibility']) {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${database}`);
    }
  } finally {
    await admin.end();
  }
  const connectArgs = ['--plugin', 'postgres12', '--ep', url.hostname, '-p', url.port, '-u', decodeURIComponent(url.username), '--pw', decodeURIComponent(url.password)];
  for (const [database, schema] of [
    ['temporal', 'postgresql/v12/temporal'],
    ['temporal_visibility', 'postgresql/v12/visibility'],
  ]) {
    execFileSync(sqlTool, [...connectArgs, '--db', database, 'setup-schema', '-v', '0.0'], { stdio: 'pipe' });
    execFileSync(sqlTool, [...connectArgs, '--db', database, 'update-schema', '--schema-name', schema], { stdio: 'pipe' });
  }

  // The membership table stores ports as smallint: every port below 32768.
  const taken = new Set<number>();
  const port = async (): Promise<number> => {
    for (;;) {
      const candidate = 20_000 + Math.floor(Math.random() * 12_000);
      if (!taken.has(candidate) && (await canBind(candidate))) {
        taken.add(candidate);
        return candidate;
      }
    }
  };
  const ports = { frontend: await port(), frontendHttp: await port(), history: await port(), matching: await port(), worker: await port() };
  const membership = { frontend: await port(), history: await port(), matching: await port(), worker: await port() };
  fs.mkdirSync(options.dataDir, { recursive: true });
  const dynamicConfig = path.join(options.dataDir, 'dynamicconfig.yaml');
  fs.writeFileSync(
    dynamicConfig,
    ['system.forceSearchAttributesCacheRefreshOnRead:', '  - value: true', 'limit.maxIDLength:', '  - value: 255', ''].join('\n'),
  );
  const datastore = (database: string, maxConns: number): string[] => [
    '      sql:',
    '        pluginName: "postgres12"',
    `        databaseName: "${database}"`,
    `        connectAddr: "${url.hostname}:${url.port}"`,
    '        connectProtocol: "tcp"',
    `        user: "${decodeURIComponent(url.username)}"`,
    `        password: "${decodeURIComponent(url.password)}"`,
    `        maxConns: ${maxConns}`,
    `        maxIdleConns: ${maxConns}`,
    '        maxConnLifetime: "1h"',
  ];
  const service = (name: keyof typeof membership, extra: string[] = []): string[] => [
    `  ${name}:`,
    '    rpc:',
    `      grpcPort: ${ports[name]}`,
    `      membershipPort: ${membership[name]}`,
    '      bindOnLocalHost: true',
    ...extra,
  ];
  const config = [
    'log:',
    '  stdout: true',
    '  level: warn',
    'persistence:',
    '  defaultStore: postgres-default',
    '  visibilityStore: postgres-visibility',
    '  numHistoryShards: 4',
    '  datastores:',
    '    postgres-default:',
    ...datastore('temporal', 20),
    '    postgres-visibility:',
    ...datastore('temporal_visibility', 10),
    'global:',
    '  membership:',
    '    maxJoinDuration: 30s',
    '    broadcastAddress: "127.0.0.1"',
    'services:',
    ...service('frontend', [`      httpPort: ${ports.frontendHttp}`]),
    ...service('matching'),
    ...service('history'),
    ...service('worker'),
    'clusterMetadata:',
    '  enableGlobalNamespace: false',
    '  failoverVersionIncrement: 10',
    '  masterClusterName: "active"',
    '  currentClusterName: "active"',
    '  clusterInformation:',
    '    active:',
    '      enabled: true',
    '      initialFailoverVersion: 1',
    '      rpcName: "frontend"',
    `      rpcAddress: "127.0.0.1:${ports.frontend}"`,
    'dcRedirectionPolicy:',
    '  policy: "noop"',
    'dynamicConfigClient:',
    `  filepath: "${dynamicConfig}"`,
    '  pollInterval: "10s"',
    '',
  ].join('\n');
  const configFile = path.join(options.dataDir, 'temporal-server.yaml');
  fs.writeFileSync(configFile, config);

  const address = `127.0.0.1:${ports.frontend}`;
  // The same config file and ports on every start, so a restart is the same server coming back.
  const launch = async (): Promise<ChildProcess> => {
    const child = spawn(options.binary, ['--config-file', configFile, '--allow-no-auth', 'start'], { cwd: options.dataDir, stdio: ['ignore', 'pipe', 'pipe'] });
    const forward = (chunk: Buffer): void => chunk.toString().split('\n').filter(Boolean).forEach(options.log);
    child.stdout?.on('data', forward);
    child.stderr?.on('data', forward);
    let exited = false;
    child.once('exit', () => (exited = true));
    try {
      await waitFor(
        `Temporal server (PostgreSQL) at ${address}`,
        async () => {
          if (exited) return 'exited';
          const connection = await Connection.connect({ address, connectTimeout: 1000 });
          try {
            try {
              await connection.workflowService.describeNamespace({ namespace: 'default' });
              return true;
            } catch {
              await connection.workflowService
                .registerNamespace({ namespace: 'default', workflowExecutionRetentionPeriod: msToTs('1 day') })
                .catch(() => undefined);
              return false;
            }
          } finally {
            await connection.close();
          }
        },
        { timeoutMs: 120_000, intervalMs: 500 },
      );
      if (exited) throw new Error(`the Temporal server exited with code ${child.exitCode} (see its log)`);
    } catch (error) {
      await stopChild(child, 5000);
      throw error;
    }
    return child;
  };

  const running: RunningTemporalServer = {
    address,
    process: await launch(),
    stop: () => stopChild(running.process, 15_000),
    restart: async ({ kill = false } = {}) => {
      if (kill) running.process.kill('SIGKILL');
      await stopChild(running.process, 15_000);
      running.process = await launch();
    },
  };
  return running;
}
