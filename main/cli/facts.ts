/** What the CLI needs to know about a topology to print it: labels, edge ends, finite behaviours. */
import { finishesByItself } from '../../shared/behaviors';
import { loadTopology } from '../../shared/load';
import { displayName } from '../../shared/topology';

export interface TopologyFacts {
  /** node id -> label */
  labels: Map<string, string>;
  nodeOrder: string[];
  edges: Map<string, { source: string; target: string; pattern: string }>;
  /** True when some behaviour ends by itself, so the run reaches "finished" without --duration. */
  finishes: boolean;
  nodeCount: number;
  edgeCount: number;
}

/** Facts of a document; an invalid one yields empty facts (the engine reports why it is invalid). */
export function topologyFacts(doc: unknown): TopologyFacts {
  const facts: TopologyFacts = {
    labels: new Map(),
    nodeOrder: [],
    edges: new Map(),
    finishes: false,
    nodeCount: 0,
    edgeCount: 0,
  };
  const topology = loadTopology(doc).topology;
  if (!topology) return facts;
  for (const node of topology.nodes) {
    facts.labels.set(node.id, displayName(node));
    facts.nodeOrder.push(node.id);
    if (node.kind === 'socket' && node.behavior && finishesByItself(node.behavior)) facts.finishes = true;
  }
  for (const edge of topology.edges)
    facts.edges.set(edge.id, { source: edge.source, target: edge.target, pattern: edge.pattern });
  facts.nodeCount = topology.nodes.length;
  facts.edgeCount = topology.edges.length;
  return facts;
}
