// A definition's steps as a drawing: each step a node in the column of its dependency depth (the
// longest chain of dependsOn before it), edges from each dependency to the step. Rows within a column
// follow the mean row of the step's dependencies (fewer crossings), then the definition's order.
// Pure numbers, drawn by process-graph-view.tsx.

export interface GraphStepInput {
  id: string;
  dependsOn: readonly string[];
}

export interface GraphNode {
  id: string;
  depth: number;
  row: number;
  x: number;
  y: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** SVG path data from the right side of `from` to the left side of `to`. */
  d: string;
}

export interface GraphLayout {
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
}

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 72;
const COLUMN_GAP = 56;
const ROW_GAP = 20;
const MARGIN = 8;

/** Longest chain of dependencies before each step; unknown ids are ignored, a cycle (refused upstream) cannot loop. */
export function dependencyDepths(steps: readonly GraphStepInput[]): Map<string, number> {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const depths = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depths.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const step = byId.get(id);
    const parents = (step?.dependsOn ?? []).filter((parent) => byId.has(parent));
    const depth = parents.length === 0 ? 0 : Math.max(...parents.map(depthOf)) + 1;
    visiting.delete(id);
    depths.set(id, depth);
    return depth;
  };
  steps.forEach((step) => depthOf(step.id));
  return depths;
}

export function layoutGraph(steps: readonly GraphStepInput[]): GraphLayout {
  const depths = dependencyDepths(steps);
  const order = new Map(steps.map((step, i) => [step.id, i]));
  const columns: string[][] = [];
  for (const step of steps) (columns[depths.get(step.id) ?? 0] ??= []).push(step.id);
  const rows = new Map<string, number>();
  const byId = new Map(steps.map((step) => [step.id, step]));
  columns.forEach((column, depth) => {
    const key = (id: string): number => {
      if (depth === 0) return order.get(id) ?? 0;
      const parents = (byId.get(id)?.dependsOn ?? []).map((parent) => rows.get(parent)).filter((row): row is number => row !== undefined);
      return parents.length === 0 ? 0 : parents.reduce((a, b) => a + b, 0) / parents.length;
    };
    [...column]
      .sort((a, b) => key(a) - key(b) || (order.get(a) ?? 0) - (order.get(b) ?? 0))
      .forEach((id, row) => rows.set(id, row));
  });
  const tallest = Math.max(1, ...columns.map((column) => column?.length ?? 0));
  const height = MARGIN * 2 + tallest * NODE_HEIGHT + (tallest - 1) * ROW_GAP;
  const nodes: GraphNode[] = steps.map((step) => {
    const depth = depths.get(step.id) ?? 0;
    const row = rows.get(step.id) ?? 0;
    const inColumn = columns[depth]?.length ?? 1;
    // Each column is centred vertically, so a lone final step sits level with the middle of a fan-in.
    const columnHeight = inColumn * NODE_HEIGHT + (inColumn - 1) * ROW_GAP;
    return {
      id: step.id,
      depth,
      row,
      x: MARGIN + depth * (NODE_WIDTH + COLUMN_GAP),
      y: (height - columnHeight) / 2 + row * (NODE_HEIGHT + ROW_GAP),
    };
  });
  const at = new Map(nodes.map((node) => [node.id, node]));
  const edges: GraphEdge[] = [];
  for (const step of steps) {
    const to = at.get(step.id);
    for (const parent of step.dependsOn) {
      const from = at.get(parent);
      if (!from || !to) continue;
      const x1 = from.x + NODE_WIDTH;
      const y1 = from.y + NODE_HEIGHT / 2;
      const x2 = to.x;
      const y2 = to.y + NODE_HEIGHT / 2;
      const bend = (x2 - x1) / 2;
      edges.push({ from: parent, to: step.id, d: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}` });
    }
  }
  const deepest = columns.length;
  const width = MARGIN * 2 + deepest * NODE_WIDTH + Math.max(0, deepest - 1) * COLUMN_GAP;
  return { nodes, edges, width, height };
}
