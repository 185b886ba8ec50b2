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

const errorsIn = (code: string, file: string): string[] =>
  eslint(['--stdin', '--stdin-filename', path.join(ROOT, file)], code).flatMap((result) =>
    result.messages.filter((message) => message.severity === 2).map((message) => message.ruleId ?? message.message),
  );

describe('lint and the import walls', () => {
  it('passes on the whole tree', () => {
    const problems = eslint(['apps', 'libs', 'scripts', 'test', 'bench']).flatMap((result) =>
      result.messages
        .filter((message) => message.severity === 2)
        .map((message) => `${path.relative(ROOT, result.filePath)}:${message.line} ${message.ruleId}: ${message.message}`),
    );
    expect(problems).toEqual([]);
  }, 120_000);

  it('keeps Node built-ins and frameworks out of workflow code', () => {
    expect(errorsIn("import * as fs from 'node:fs';\nexport const x = fs;\n", 'libs/workflows/src/workflows/bad.workflow.ts')).toContain('no-restricted-imports');
    expect(errorsIn("import { DataSource } from 'typeorm';\nexport const x = DataSource;\n", 'libs/workflows/src/workflows/bad.workflow.ts')).toContain('no-restricted-imports');
  });

  it('lets workflow code import activities by type only', () => {
    expect(errorsIn("import { createPingActivities } from '../activities/ping.activities';\nexport const x = createPingActivities;\n", 'libs/workflows/src/workflows/bad.workflow.ts')).toContain(
      'no-restricted-imports',
    );
    expect(errorsIn("import type { PingActivities } from '../activities/ping.activities';\nexport type X = PingActivities;\n", 'libs/workflows/src/workflows/ok.workflow.ts')).toEqual([]);
  });

  it('keeps frameworks out of the domain and the worker’s code out of the API', () => {
    expect(errorsIn("import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n", 'libs/domain/src/bad.ts')).toContain('no-restricted-imports');
    expect(errorsIn("import { createPingActivities } from '@onetrip/workflows';\nexport const x = createPingActivities;\n", 'apps/api/src/bad.ts')).toContain('no-restricted-imports');
    expect(errorsIn("import { PING_WORKFLOW } from '@onetrip/workflows/contracts';\nexport const x = PING_WORKFLOW;\n", 'apps/api/src/ok.ts')).toEqual([]);
  });
});
