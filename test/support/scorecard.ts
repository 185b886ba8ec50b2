import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../scripts/stack/app-process';

/** The sections of docs/reliability.md, in their order. */
export const SECTIONS = ['Faults', 'Determinism', 'Bad input and abuse', 'Personal data'] as const;

/** One row of docs/reliability.md: a check, how it runs, and the figures it measured. */
export interface ScorecardEntry {
  /** Stable key, e.g. `faults.worker-sigkill`; a later run replaces the row with the same id. */
  id: string;
  section: (typeof SECTIONS)[number];
  check: string;
  /** How it is run, in a few words (the test file is added by the recorder). */
  how: string;
  figures: Record<string, number | string>;
}

export interface ScorecardRecord extends ScorecardEntry {
  testFile: string;
  testName: string;
  recordedAt: string;
}

export const SCORECARD_DIR = path.join(ROOT, 'test-results/scorecard');

/**
 * Records the figures of a reliability check. Call it after the test's assertions: the report
 * marks the row passed or failed from jest's own result for this test, not from the figures.
 */
export function recordCheck(entry: ScorecardEntry): void {
  const state = expect.getState();
  const record: ScorecardRecord = {
    ...entry,
    testFile: path.relative(ROOT, state.testPath ?? ''),
    testName: state.currentTestName ?? '',
    recordedAt: new Date().toISOString(),
  };
  fs.mkdirSync(SCORECARD_DIR, { recursive: true });
  fs.writeFileSync(path.join(SCORECARD_DIR, `${entry.id}.json`), JSON.stringify(record, null, 2));
}
