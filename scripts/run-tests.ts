// Runs jest (unit + integration projects) and ends with one plain line `N passed, N failed`
// computed from jest's JSON results (scripts/run-summary.ts), exiting non-zero on any failure.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCORECARD_DIR } from '../test/support/scorecard';
import { updateReliabilityReport } from './reliability-report';
import { summariseRun, type JestRunResults } from './run-summary';

const ROOT = path.resolve(__dirname, '..');
const resultsFile = path.join(ROOT, 'test-results/jest.json');
fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
fs.rmSync(resultsFile, { force: true });
fs.rmSync(SCORECARD_DIR, { recursive: true, force: true });

const jest = spawnSync(
  process.execPath,
  [path.join(ROOT, 'node_modules/jest/bin/jest.js'), '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)],
  { cwd: ROOT, stdio: 'inherit' },
);

if (!fs.existsSync(resultsFile)) {
  process.stdout.write(`jest wrote no results (exit ${jest.status})\n0 passed, 1 failed (jest wrote no results)\n`);
  process.exit(1);
}
updateReliabilityReport(resultsFile);
const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as JestRunResults;
// With no arguments this is the whole suite (CI's run), which must reach each project's minimum.
const summary = summariseRun(results, { wholeSuite: process.argv.length <= 2, jestExitCode: jest.status });
process.stdout.write(`${summary.line}\n`);
process.exit(summary.ok ? 0 : 1);
