/** Auto-layout with dagre, left to right in the direction messages flow (edge source -> target). */
import dagre from '@dagrejs/dagre';
import type { Topology } from '../../shared/topology';
import type { Position } from '../store/nodeFactory';

export interface NodeSize {
  width: number;
  height: number;
}

const DEFAULT_SIZE: NodeSize = { width: 200, height: 90 };

/** New top-left positions for every node; sizes default when a node was never measured. */
export function layoutLeftToRight(topology: Topology, sizes: ReadonlyMap<string, NodeSize>): Map<string, Position> {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 120, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of topology.nodes) g.setNode(n.id, { ...(sizes.get(n.id) ?? DEFAULT_SIZE) });
  for (const e of topology.edges) g.setEdge(e.source, e.target, {}, e.id);
  dagre.layout(g);
  const out = new Map<string, Position>();
  for (const n of topology.nodes) {
    const p = g.node(n.id);
    const size = sizes.get(n.id) ?? DEFAULT_SIZE;
    // dagre gives centres; React Flow positions are top-left corners.
    out.set(n.id, { x: p.x - size.width / 2, y: p.y - size.height / 2 });
  }
  return out;
}
