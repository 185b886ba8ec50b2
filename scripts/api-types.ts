import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// The web app's API types, generated from the OpenAPI document (never copied by hand): the document is
// dumped from the built API without any server (apps/api/src/openapi-dump.ts), then openapi-typescript
// (a dev dependency of web/) writes web/src/api-types.ts. `--check` fails when the committed file differs,
// so a DTO change without regenerating fails CI, and a page that reads a field no longer there fails the
// web build. Run after `nest build api`: `npx tsx scripts/api-types.ts [--check]`.

const ROOT = path.resolve(__dirname, '..');
export const API_TYPES_FILE = path.join(ROOT, 'web/src/api-types.ts');
const DUMP = path.join(ROOT, 'dist/apps/api/apps/api/src/openapi-dump.js');

interface OpenApiTypescript {
  default: (schema: object, options?: object) => Promise<unknown>;
  astToString: (ast: unknown) => string;
}

export function dumpOpenApiDocument(): object {
  return JSON.parse(execFileSync(process.execPath, [DUMP], { cwd: ROOT, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 })) as object;
}

export async function generateApiTypes(document: object = dumpOpenApiDocument()): Promise<string> {
  // Loaded from web/, whose dependency it is.
  const generator = createRequire(path.join(ROOT, 'web/package.json'))('openapi-typescript') as OpenApiTypescript;
  const body = generator.astToString(await generator.default(document, { alphabetize: true }));
  return `// Generated from the API's OpenAPI document by scripts/api-types.ts: do not edit by hand.\n\n${body}`;
}

async function main(): Promise<void> {
  const fresh = await generateApiTypes();
  if (process.argv.includes('--check')) {
    if (readFileSync(API_TYPES_FILE, 'utf8') !== fresh) {
      process.stderr.write(`${path.relative(ROOT, API_TYPES_FILE)} is not what the document says: run npx tsx scripts/api-types.ts\n`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(API_TYPES_FILE, fresh);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`api-types: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
