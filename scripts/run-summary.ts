// The closing line of `./onetrip test`, computed from jest's JSON results (pure, so it is unit-tested).

export type TestProject = 'unit' | 'integration';

/** The part of jest's `--json` output the line is made from. */
export interface JestRunResults {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  success: boolean;
  testResults: { name: string; status: string; assertionResults: { status: string }[] }[];
}

/** Fewest tests each project must run when the whole suite runs: fewer means tests silently stopped running. */
export const MINIMUM_TESTS: Record<TestProject, number> = { unit: 200, integration: 100 };

export interface RunSummary {
  line: string;
  ok: boolean;
}

export function projectOf(testFile: string): TestProject {
  return testFile.endsWith('.int-spec.ts') ? 'integration' : 'unit';
}

/**
 * `N passed, N failed`, where the failures also count every suite that failed outside a test (an
 * `afterAll` error, a file that did not load) and each reason the run cannot be trusted: nothing ran,
 * or, for the whole suite (`wholeSuite`), a project ran fewer tests than its minimum.
 */
export function summariseRun(results: JestRunResults, options: { wholeSuite: boolean; jestExitCode: number | null; minimums?: Record<TestProject, number> }): RunSummary {
  const minimums = options.minimums ?? MINIMUM_TESTS;
  const ran: Record<TestProject, number> = { unit: 0, integration: 0 };
  let suitesFailedOutsideTests = 0;
  for (const suite of results.testResults) {
    ran[projectOf(suite.name)] += suite.assertionResults.filter((test) => test.status === 'passed' || test.status === 'failed').length;
    if (suite.status === 'failed' && !suite.assertionResults.some((test) => test.status === 'failed')) suitesFailedOutsideTests += 1;
  }
  const reasons: string[] = [];
  if (suitesFailedOutsideTests > 0) reasons.push(`${suitesFailedOutsideTests} suite${suitesFailedOutsideTests === 1 ? '' : 's'} failed outside a test`);
  const problems: string[] = [];
  if (results.numPassedTests + results.numFailedTests === 0) problems.push('no test ran');
  else if (options.wholeSuite) {
    for (const project of ['unit', 'integration'] as const) {
      if (ran[project] < minimums[project]) problems.push(`only ${ran[project]} ${project} tests ran, at least ${minimums[project]} expected`);
    }
  }
  const failed = results.numFailedTests + suitesFailedOutsideTests + problems.length;
  const skipped = results.numPendingTests ? `, ${results.numPendingTests} skipped` : '';
  const detail = [...reasons, ...problems];
  const line = `${results.numPassedTests} passed, ${failed} failed${skipped}${detail.length ? ` (${detail.join('; ')})` : ''}`;
  return { line, ok: failed === 0 && results.success && options.jestExitCode === 0 };
}
