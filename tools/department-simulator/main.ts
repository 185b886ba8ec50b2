// The department-system simulator as its own process: `npx tsx tools/department-simulator/main.ts` (docs/connectors.md).
//   --port 4100 (SIMULATOR_PORT)   --api http://127.0.0.1:3000/api (ONETRIP_API_URL)
//   --answer immediate|callback (SIMULATOR_ANSWER: what a department nobody scripted does)
//   DEPARTMENT_SYSTEM_SECRETS=TAX:base64,…  the same secrets OneTrip's API and worker have
import { parseDepartmentSecrets } from '../../libs/infrastructure/src/connectors/department-signature';
import { DepartmentSimulator } from './department-simulator';

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

const out = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const port = Number(flag('port') ?? process.env.SIMULATOR_PORT ?? 4100);
  const apiUrl = flag('api') ?? process.env.ONETRIP_API_URL ?? 'http://127.0.0.1:3000/api';
  const answer = flag('answer') ?? process.env.SIMULATOR_ANSWER ?? 'immediate';
  if (answer !== 'immediate' && answer !== 'callback') throw new Error('--answer must be immediate or callback');
  const secrets = parseDepartmentSecrets(process.env.DEPARTMENT_SYSTEM_SECRETS ?? '');
  if (secrets.size === 0) throw new Error('DEPARTMENT_SYSTEM_SECRETS is empty: the simulator would refuse every request');
  const simulator = new DepartmentSimulator({ port, apiUrl, secrets, defaultScript: { answer }, log: out });
  await simulator.start();
  out(`department simulator listening on http://127.0.0.1:${port} for ${[...secrets.keys()].join(', ')} (answers: ${answer}; callbacks to ${apiUrl})`);
  const stop = (): void => void simulator.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`department simulator failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
