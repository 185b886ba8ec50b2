import fc from 'fast-check';
import type { StepStatus } from '../case/case-status';
import { downstreamOf, mergeStepCorrectionItems, ProcessGraphCycleError, readySteps, stepsToReopen, topologicalOrder, type GraphStep } from './process-graph';

const step = (id: string, dependsOn: string[] = [], reads: string[] = []): GraphStep => ({ id, dependsOn, reads });
const statuses = (entries: Record<string, StepStatus>) => entries;

// The enterprise opening: the licence, then four departments in parallel.
const opening = [
  step('SAMR', [], ['company', 'legalRepresentative', 'shareholders']),
  step('PSB', ['SAMR'], ['seals', 'company.name']),
  step('TAX', ['SAMR'], ['tax', 'company.name']),
  step('HRSS', ['SAMR'], ['socialInsurance', 'company.name']),
  step('BANK', ['SAMR'], ['bank', 'company.name']),
];
const diamond = [step('A'), step('B', ['A']), step('C', ['A']), step('D', ['B', 'C'])];

describe('readySteps', () => {
  it('opens the steps whose dependencies are all done or not needed, in definition order', () => {
    const all = (status: StepStatus) => Object.fromEntries(opening.map((s) => [s.id, status])) as Record<string, StepStatus>;
    expect(readySteps(opening, all('PENDING'))).toEqual(['SAMR']);
    expect(readySteps(opening, { ...all('PENDING'), SAMR: 'OPEN' })).toEqual([]);
    expect(readySteps(opening, { ...all('PENDING'), SAMR: 'DONE' })).toEqual(['PSB', 'TAX', 'HRSS', 'BANK']);
    expect(readySteps(diamond, statuses({ A: 'DONE', B: 'DONE', C: 'OPEN', D: 'PENDING' }))).toEqual([]);
    expect(readySteps(diamond, statuses({ A: 'DONE', B: 'DONE', C: 'SKIPPED', D: 'PENDING' }))).toEqual(['D']);
    // A returned dependency holds its dependants back; a skipped step itself never opens.
    expect(readySteps(diamond, statuses({ A: 'RETURNED', B: 'PENDING', C: 'PENDING', D: 'PENDING' }))).toEqual([]);
    expect(readySteps(diamond, statuses({ A: 'DONE', B: 'SKIPPED', C: 'PENDING', D: 'PENDING' }))).toEqual(['C']);
  });
});

describe('downstreamOf and topologicalOrder', () => {
  it('finds every step that depends on the given ones, directly or not', () => {
    expect(downstreamOf(diamond, ['A'])).toEqual(['B', 'C', 'D']);
    expect(downstreamOf(diamond, ['B'])).toEqual(['D']);
    expect(downstreamOf(diamond, ['D'])).toEqual([]);
    expect(downstreamOf(opening, ['SAMR', 'TAX'])).toEqual(['PSB', 'HRSS', 'BANK']);
  });

  it('orders each step after its dependencies, definition order among the free ones', () => {
    expect(topologicalOrder([step('D', ['B', 'C']), step('C', ['A']), step('B', ['A']), step('A')])).toEqual(['A', 'C', 'B', 'D']);
    expect(topologicalOrder(opening)).toEqual(['SAMR', 'PSB', 'TAX', 'HRSS', 'BANK']);
    expect(() => topologicalOrder([step('A', ['C']), step('B', ['A']), step('C', ['B']), step('D')])).toThrow(ProcessGraphCycleError);
    expect(() => topologicalOrder([step('A', ['B']), step('B', ['A'])])).toThrow('The steps A, B depend on each other in a cycle');
  });

  it('any DAG: every step comes after each of its dependencies', () => {
    const dag = fc.integer({ min: 1, max: 12 }).chain((n) =>
      fc.tuple(...Array.from({ length: n }, (_, i) => fc.subarray(Array.from({ length: i }, (_, j) => `s${j}`)))).map((deps) => deps.map((d, i) => step(`s${i}`, d))),
    );
    fc.assert(
      fc.property(dag, (steps) => {
        const shuffled = [...steps].reverse();
        const order = topologicalOrder(shuffled);
        expect([...order].sort()).toEqual(steps.map((s) => s.id).sort());
        for (const s of steps) for (const d of s.dependsOn) expect(order.indexOf(d)).toBeLessThan(order.indexOf(s.id));
      }),
    );
  });
});

describe('stepsToReopen (after a correction)', () => {
  it('reopens returned steps and done steps that read a changed path; nothing else', () => {
    const status = statuses({ SAMR: 'DONE', PSB: 'DONE', TAX: 'RETURNED', HRSS: 'DONE', BANK: 'RETURNED' });
    expect(stepsToReopen({ steps: opening, status, changedPaths: ['tax.taxpayerType', 'bank.bankCode'] })).toEqual({ reopen: ['TAX', 'BANK'], pending: [] });
    expect(stepsToReopen({ steps: opening, status, changedPaths: ['seals.kinds'] })).toEqual({ reopen: ['PSB', 'TAX', 'BANK'], pending: [] });
  });

  it('sends the finished steps downstream of a reopened one back to PENDING, to open once it is done again', () => {
    const status = statuses({ SAMR: 'DONE', PSB: 'DONE', TAX: 'RETURNED', HRSS: 'DONE', BANK: 'DONE' });
    // SAMR reads the address: it reopens, and everything after it waits for its new result.
    expect(stepsToReopen({ steps: opening, status, changedPaths: ['company.address'] })).toEqual({ reopen: ['SAMR'], pending: ['PSB', 'TAX', 'HRSS', 'BANK'] });
    expect(stepsToReopen({ steps: diamond, status: statuses({ A: 'DONE', B: 'RETURNED', C: 'DONE', D: 'PENDING' }), changedPaths: [] })).toEqual({ reopen: ['B'], pending: [] });
    const chain = [step('A', [], ['a']), step('B', ['A'], ['b']), step('C', ['B'], ['c'])];
    expect(stepsToReopen({ steps: chain, status: statuses({ A: 'DONE', B: 'DONE', C: 'RETURNED' }), changedPaths: ['b', 'c'] })).toEqual({ reopen: ['B'], pending: ['C'] });
  });

  it('leaves skipped and pending steps alone', () => {
    expect(stepsToReopen({ steps: diamond, status: statuses({ A: 'RETURNED', B: 'PENDING', C: 'SKIPPED', D: 'PENDING' }), changedPaths: ['x'] })).toEqual({ reopen: ['A'], pending: [] });
  });
});

describe('mergeStepCorrectionItems (一次告知)', () => {
  it('one item per step and field, reasons joined, in step order then form order', () => {
    const merged = mergeStepCorrectionItems(
      [
        { stepId: 'BANK', department: 'BANK', field: 'legalRepresentative.mobile', reason: 'invalid' },
        { stepId: 'TAX', department: 'TAX', field: 'legalRepresentative.mobile', reason: 'invalid', code: 'MOBILE_INVALID' },
        { stepId: 'SAMR', department: 'SAMR', field: 'shareholders[1].idNumber', reason: 'check character' },
        { stepId: 'SAMR', department: 'SAMR', field: 'company.name', reason: 'taken' },
        { stepId: 'SAMR', department: 'SAMR', field: 'company.name', reason: 'too long' },
        { stepId: 'SAMR', department: 'SAMR', field: 'company.name', reason: 'taken' },
      ],
      ['SAMR', 'PSB', 'TAX', 'HRSS', 'BANK'],
    );
    expect(merged).toEqual([
      { stepId: 'SAMR', department: 'SAMR', field: 'company.name', reason: 'taken; too long' },
      { stepId: 'SAMR', department: 'SAMR', field: 'shareholders[1].idNumber', reason: 'check character' },
      { stepId: 'TAX', department: 'TAX', field: 'legalRepresentative.mobile', reason: 'invalid', code: 'MOBILE_INVALID' },
      { stepId: 'BANK', department: 'BANK', field: 'legalRepresentative.mobile', reason: 'invalid' },
    ]);
  });
});
