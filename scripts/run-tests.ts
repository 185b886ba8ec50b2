// Runs jest (unit + integration projects) and ends with one plain line `N passed, N failed`
// computed from jest's JSON results, exiting non-zero on any failure.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCORECARD_DIR } from '../test/support/scorecard';
import { updateReliabilityReport } from './reliability-report';

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

interface JestResults {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numRuntimeErrorTestSuites: number;
  success: boolean;
}

if (!fs.existsSync(resultsFile)) {
  process.stdout.write(`jest wrote no results (exit ${jest.status})\n0 passed, 1 failed\n`);
  process.exit(1);
}
updateReliabilityReport(resultsFile);
const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as JestResults;
// A suite that failed to load counts as a failure even though none of its tests ran.
const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
const skipped = results.numPendingTests ? `, ${results.numPendingTests} skipped` : '';
process.stdout.write(`${results.numPassedTests} passed, ${failed} failed${skipped}\n`);
process.exit(failed === 0 && results.success && jest.status === 0 && results.numPassedTests > 0 ? 0 : 1);
