import { summariseRun, type JestRunResults } from './run-summary';

const passed = { status: 'passed' };
const failed = { status: 'failed' };
const suite = (name: string, status: 'passed' | 'failed', tests: { status: string }[]) => ({ name, status, assertionResults: tests });
const results = (testResults: JestRunResults['testResults'], pending = 0): JestRunResults => {
  const all = testResults.flatMap((s) => s.assertionResults);
  return {
    numPassedTests: all.filter((t) => t.status === 'passed').length,
    numFailedTests: all.filter((t) => t.status === 'failed').length,
    numPendingTests: pending,
    success: testResults.every((s) => s.status === 'passed'),
    testResults,
  };
};
const minimums = { unit: 2, integration: 1 };
const whole = { wholeSuite: true, jestExitCode: 0, minimums };

describe('summariseRun', () => {
  it('a clean whole run: passed counted, 0 failed, ok', () => {
    const run = results([suite('/x/libs/a.spec.ts', 'passed', [passed, passed]), suite('/x/test/b.int-spec.ts', 'passed', [passed])]);
    expect(summariseRun(run, whole)).toEqual({ line: '3 passed, 0 failed', ok: true });
  });

  it('counts a suite that failed outside a test (afterAll error) although all its tests passed', () => {
    const run = results([suite('/x/libs/a.spec.ts', 'passed', [passed, passed]), suite('/x/test/b.int-spec.ts', 'failed', [passed, passed])]);
    expect(summariseRun(run, whole)).toEqual({ line: '4 passed, 1 failed (1 suite failed outside a test)', ok: false });
  });

  it('counts a suite that did not load, and failed tests once each', () => {
    const run = results([suite('/x/libs/a.spec.ts', 'failed', [passed, failed, passed]), suite('/x/test/b.int-spec.ts', 'passed', [passed]), suite('/x/test/c.int-spec.ts', 'failed', [])]);
    expect(summariseRun(run, whole)).toEqual({ line: '3 passed, 2 failed (1 suite failed outside a test)', ok: false });
  });

  it('never says 0 passed, 0 failed: a run where nothing ran fails', () => {
    expect(summariseRun(results([]), { ...whole, wholeSuite: false })).toEqual({ line: '0 passed, 1 failed (no test ran)', ok: false });
    expect(summariseRun(results([suite('/x/libs/a.spec.ts', 'passed', [])], 3), whole)).toEqual({ line: '0 passed, 1 failed, 3 skipped (no test ran)', ok: false });
  });

  it('the whole suite needs each project to run its minimum; a filtered run does not', () => {
    const run = results([suite('/x/libs/a.spec.ts', 'passed', [passed, passed])]);
    expect(summariseRun(run, whole)).toEqual({ line: '2 passed, 1 failed (only 0 integration tests ran, at least 1 expected)', ok: false });
    expect(summariseRun(run, { ...whole, wholeSuite: false })).toEqual({ line: '2 passed, 0 failed', ok: true });
  });

  it('is not ok when jest itself failed although every count is clean', () => {
    const run = results([suite('/x/libs/a.spec.ts', 'passed', [passed, passed]), suite('/x/test/b.int-spec.ts', 'passed', [passed])]);
    expect(summariseRun(run, { ...whole, jestExitCode: 1 }).ok).toBe(false);
    expect(summariseRun(run, { ...whole, jestExitCode: null }).ok).toBe(false);
  });
});
