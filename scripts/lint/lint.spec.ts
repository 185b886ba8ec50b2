import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const ESLINT = path.join(ROOT, 'node_modules/eslint/bin/eslint.js');

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; line: number; message: string }[];
}

// ESLint loads its flat config with a dynamic import, which jest's module VM does not allow,
// so it runs as its own process, as it does in an editor or CI.
function eslint(args: string[], stdin?: string): LintResult[] {
  const run = spawnSync(process.execPath, [ESLINT, '--format', 'json', '--no-error-on-unmatched-pattern', ...args], { cwd: ROOT, input: stdin, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (!run.stdout) throw new Error(`eslint produced no report: ${run.stderr}`);
  return JSON.parse(run.stdout) as LintResult[];
}

// The import walls, each shown on a snippet linted as if it were that file.
const SNIPPETS = {
  nodeInWorkflow: { file: 'libs/workflows/src/workflows/bad.workflow.ts', code: "import * as fs from 'node:fs';\nexport const x = fs;\n" },
  typeormInWorkflow: { file: 'libs/workflows/src/workflows/bad.workflow.ts', code: "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n" },
  activityValueInWorkflow: {
    file: 'libs/workflows/src/workflows/bad.workflow.ts',
    code: "import { createPingActivities } from '../activities/ping.activities';\nexport const x = createPingActivities;\n",
  },
  activityTypeInWorkflow: { file: 'libs/workflows/src/workflows/ok.workflow.ts', code: "import type { PingActivities } from '../activities/ping.activities';\nexport type X = PingActivities;\n" },
  nestInDomain: { file: 'libs/domain/src/bad.ts', code: "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n" },
  workerInApi: { file: 'apps/api/src/bad.ts', code: "import { createPingActivities } from '@onetrip/workflows';\nexport const x = createPingActivities;\n" },
  contractsInApi: { file: 'apps/api/src/ok.ts', code: "import { PING_WORKFLOW } from '@onetrip/workflows/contracts';\nexport const x = PING_WORKFLOW;\n" },
} satisfies Record<string, { file: string; code: string }>;

// Every snippet in one ESLint process through its Node API (as `--stdin --stdin-filename` does one): starting
// ESLint and its TypeScript parser took ~1 s a snippet, most of this file's time.
const LINT_SNIPPETS = `
const { ESLint } = require('eslint');
let input = '';
process.stdin.on('data', (chunk) => (input += chunk)).on('end', async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = {};
  for (const [name, { file, code }] of Object.entries(JSON.parse(input))) out[name] = await eslint.lintText(code, { filePath: file });
  process.stdout.write(JSON.stringify(out));
});
`;

function errorsInSnippets(snippets: typeof SNIPPETS): Record<keyof typeof SNIPPETS, string[]> {
  const input = JSON.stringify(Object.fromEntries(Object.entries(snippets).map(([name, { file, code }]) => [name, { file: path.join(ROOT, file), code }])));
  const run = spawnSync(process.execPath, ['-e', LINT_SNIPPETS], { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (!run.stdout) throw new Error(`eslint produced no report: ${run.stderr}`);
  const reports = JSON.parse(run.stdout) as Record<keyof typeof SNIPPETS, LintResult[]>;
  const errors = (results: LintResult[]): string[] =>
    results.flatMap((result) => result.messages.filter((message) => message.severity === 2).map((message) => message.ruleId ?? message.message));
  return Object.fromEntries(Object.entries(reports).map(([name, results]) => [name, errors(results)])) as Record<keyof typeof SNIPPETS, string[]>;
}

describe('lint and the import walls', () => {
  let errorsIn: Record<keyof typeof SNIPPETS, string[]>;
  beforeAll(() => {
    errorsIn = errorsInSnippets(SNIPPETS);
  }, 120_000);

  it('passes on the whole tree', () => {
    const problems = eslint(['apps', 'libs', 'scripts', 'test', 'bench']).flatMap((result) =>
      result.messages
        .filter((message) => message.severity === 2)
        .map((message) => `${path.relative(ROOT, result.filePath)}:${message.line} ${message.ruleId}: ${message.message}`),
    );
    expect(problems).toEqual([]);
  }, 120_000);

  it('keeps Node built-ins and frameworks out of workflow code', () => {
    expect(errorsIn.nodeInWorkflow).toContain('no-restricted-imports');
    expect(errorsIn.typeormInWorkflow).toContain('no-restricted-imports');
  });

  it('lets workflow code import activities by type only', () => {
    expect(errorsIn.activityValueInWorkflow).toContain('no-restricted-imports');
    expect(errorsIn.activityTypeInWorkflow).toEqual([]);
  });

  it('keeps frameworks out of the domain and the worker’s code out of the API', () => {
    expect(errorsIn.nestInDomain).toContain('no-restricted-imports');
    expect(errorsIn.workerInApi).toContain('no-restricted-imports');
    expect(errorsIn.contractsInApi).toEqual([]);
  });
});
