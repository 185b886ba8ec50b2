import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeWorkflowBundle } from './stack/workflow-bundle';

// The worker image's prebuilt workflow bundle (Dockerfile, build stage): the compiled workflow code bundled
// once at image build, so a worker starts without webpack and every replica of one image runs the same bytes
// (the build id Temporal reports is a hash of them). Run after `nest build worker`:
//   npx tsx scripts/bundle-workflows.ts <out-file>
// The worker reads it from WORKFLOW_BUNDLE_PATH.

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write('usage: npx tsx scripts/bundle-workflows.ts <out-file> (after nest build worker)\n');
    process.exit(2);
  }
  const file = await writeWorkflowBundle(path.resolve(out));
  const sha256 = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  process.stdout.write(`workflow bundle ${file} sha256 ${sha256}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
