import { dependencyDepths, layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './process-graph-layout';

// The progress graph's layout: columns by dependency depth, edges for every dependsOn.

const RESTAURANT = [
  { id: 'SAMR', dependsOn: [] },
  { id: 'FOOD', dependsOn: ['SAMR'] },
  { id: 'FIRE', dependsOn: ['SAMR'] },
  { id: 'TAX', dependsOn: ['SAMR'] },
];

describe('layoutGraph', () => {
  it('puts each step in the column of its longest dependency chain', () => {
    const diamond = [
      { id: 'a', dependsOn: [] },
      { id: 'b', dependsOn: ['a'] },
      { id: 'c', dependsOn: ['a', 'b'] },
      { id: 'd', dependsOn: ['c', 'b'] },
    ];
    expect(Object.fromEntries(dependencyDepths(diamond))).toEqual({ a: 0, b: 1, c: 2, d: 3 });
  });

  it('fans out into one column with one edge per dependsOn, rows in the definition’s order', () => {
    const layout = layoutGraph(RESTAURANT);
    expect(layout.nodes.map((n) => [n.id, n.depth, n.row])).toEqual([
      ['SAMR', 0, 0],
      ['FOOD', 1, 0],
      ['FIRE', 1, 1],
      ['TAX', 1, 2],
    ]);
    expect(layout.edges.map((e) => `${e.from}->${e.to}`)).toEqual(['SAMR->FOOD', 'SAMR->FIRE', 'SAMR->TAX']);
    // The lone first step sits level with the middle of the three beside each other.
    const [samr, , fire] = layout.nodes;
    expect(samr.y).toBe(fire.y);
    expect(layout.width).toBeGreaterThanOrEqual(2 * NODE_WIDTH);
    expect(layout.height).toBeGreaterThanOrEqual(3 * NODE_HEIGHT);
    // No two nodes overlap.
    for (const a of layout.nodes) for (const b of layout.nodes) if (a !== b) expect(Math.abs(a.x - b.x) >= NODE_WIDTH || Math.abs(a.y - b.y) >= NODE_HEIGHT).toBe(true);
  });

  it('orders a column by its dependencies’ rows (fewer crossings) and draws edges right to left side', () => {
    const steps = [
      { id: 'x', dependsOn: [] },
      { id: 'y', dependsOn: [] },
      { id: 'fromY', dependsOn: ['y'] },
      { id: 'fromX', dependsOn: ['x'] },
    ];
    const layout = layoutGraph(steps);
    const row = (id: string) => layout.nodes.find((n) => n.id === id)?.row;
    expect([row('fromX'), row('fromY')]).toEqual([0, 1]);
    const edge = layout.edges.find((e) => e.to === 'fromX');
    expect(edge?.d).toMatch(new RegExp(`^M${8 + NODE_WIDTH},`));
  });

  it('ignores an unknown dependency and survives a cycle (the validator refuses both upstream)', () => {
    const layout = layoutGraph([
      { id: 'a', dependsOn: ['b', 'ghost'] },
      { id: 'b', dependsOn: ['a'] },
    ]);
    expect(layout.nodes).toHaveLength(2);
    expect(layout.edges.map((e) => `${e.from}->${e.to}`)).toEqual(['b->a', 'a->b']);
  });
});
