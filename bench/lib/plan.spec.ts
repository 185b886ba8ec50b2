import { parseOptions } from './options';
import { plannedSeconds } from './plan';

// Issue 16 §4: `./onetrip bench --quick` under 3 minutes with the peer in it, the full bench under 20.

describe('the bench plan', () => {
  it('keeps the quick run, build included, under 3 minutes, with the peer beside our cases', () => {
    const options = parseOptions(['--quick'], {});
    const plan = plannedSeconds(options);

    expect(options.sections).toEqual(expect.arrayContaining(['cases', 'peer-flowable']));
    expect(plan.seconds.build).toBeGreaterThan(0);
    expect(plan.total).toBeLessThan(180);
  });

  it('keeps a first quick run, which fetches the peer’s jars from Maven Central beside the setup, under 3 minutes', () => {
    const plan = plannedSeconds(parseOptions(['--quick'], {}), 'online');

    expect(plan.seconds.setup).toBeGreaterThan(plannedSeconds(parseOptions(['--quick'], {})).seconds.setup);
    expect(plan.total).toBeLessThan(180);
  });

  it('keeps the full run, build included, under 20 minutes with every section', () => {
    const options = parseOptions([], {});
    const plan = plannedSeconds(options);

    expect(Object.keys(plan.seconds)).toEqual(['build', 'setup', 'cases', 'peer-flowable', 'api', 'clerks', 'temporal-pg', 'reads']);
    expect(plan.total).toBeLessThan(20 * 60);
  });

  it('grows with the sizes it is given', () => {
    const plan = plannedSeconds(parseOptions(['--quick'], {}));
    const bigger = plannedSeconds(parseOptions(['--quick', '--full-speed-cases=600'], {}));

    expect(bigger.seconds.cases).toBeGreaterThan(plan.seconds.cases);
    expect(bigger.seconds['peer-flowable']).toBeGreaterThan(plan.seconds['peer-flowable']);
  });
});
