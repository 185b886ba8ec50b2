import { markResults, resultCell, type Row } from './reliability-report';

const row = (testName: string, result: Row['result'], lastResult?: Row['lastResult']): Row => ({
  id: testName,
  section: 'Faults',
  check: testName,
  how: 'how',
  figures: {},
  testFile: 'test/a.int-spec.ts',
  testName,
  recordedAt: '2026-11-28T07:02:00.000Z',
  result,
  ...(lastResult ? { lastResult } : {}),
});

describe('markResults', () => {
  it('takes jest’s status for rows whose test ran, and marks the others not run instead of keeping an old tick', () => {
    const rows = [row('ran and passed', 'failed'), row('ran and failed', 'passed'), row('did not run', 'passed'), row('skipped', 'passed'), row('still not run', 'not run', 'failed')];
    const statusOf = new Map([
      ['test/a.int-spec.ts::ran and passed', 'passed'],
      ['test/a.int-spec.ts::ran and failed', 'failed'],
      ['test/a.int-spec.ts::skipped', 'pending'],
    ]);
    expect(markResults(rows, statusOf)).toBe(2);
    expect(rows.map((r) => [r.result, r.lastResult])).toEqual([
      ['passed', undefined],
      ['failed', undefined],
      ['not run', 'passed'],
      ['not run', 'passed'],
      ['not run', 'failed'],
    ]);
    expect(rows.map(resultCell)).toEqual(['✅ passed', '❌ failed', '⚪ not run (last run: passed)', '⚪ not run (last run: passed)', '⚪ not run (last run: failed)']);
  });
});
