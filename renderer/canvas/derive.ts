/**
 * Topology document -> React Flow nodes and edges. The document stays the single source of
 * truth; React Flow only ever sees this derived view (selection and measured sizes added).
 */
import { MarkerType } from '@xyflow/react';
import type { EdgeMarker } from '@xyflow/react';
import type { Diagnostic } from '../../shared/diagnostics';
import type { Pattern } from '../../shared/patterns';
import { isTwoWay } from '../store/wiring';
import type { Edge as EdgeDoc, Topology, TopologyNode } from '../../shared/topology';
import type { Selection } from '../store/selectionSlice';
import type { FlowNode, PatternFlowEdge, Problem, Wiring } from './flowTypes';

export interface Size {
  width: number;
  height: number;
}

function worst(current: Problem, severity: Diagnostic['severity']): Problem {
  return current === 'error' || severity === 'error' ? 'error' : 'warning';
}

/** The worst diagnostic per node id and per edge id. */
export function problemsOf(diagnostics: readonly Diagnostic[]): { nodes: Map<string, Problem>; edges: Map<string, Problem> } {
  const nodes = new Map<string, Problem>();
  const edges = new Map<string, Problem>();
  for (const d of diagnostics) {
    if (d.edgeId) edges.set(d.edgeId, worst(edges.get(d.edgeId), d.severity));
    else if (d.nodeId) nodes.set(d.nodeId, worst(nodes.get(d.nodeId), d.severity));
  }
  return { nodes, edges };
}

function wiringOf(topology: Topology): Map<string, Wiring> {
  const out = new Map<string, Wiring>();
  const add = (id: string, binds: boolean) => {
    const w = out.get(id) ?? { binds: 0, connects: 0 };
    out.set(id, binds ? { ...w, binds: w.binds + 1 } : { ...w, connects: w.connects + 1 });
  };
  for (const e of topology.edges) {
    add(e.source, e.bind === 'source');
    add(e.target, e.bind === 'target');
  }
  return out;
}

const NO_WIRING: Wiring = { binds: 0, connects: 0 };

// The last flow node made for each document node: reused while nothing it shows changed, so
// memoised node components and React Flow's own equality checks skip untouched nodes (a drag
// of one node among hundreds re-renders one).
const nodeCache = new WeakMap<TopologyNode, FlowNode>();

function sameNode(a: FlowNode, b: FlowNode): boolean {
  const wa = 'wiring' in a.data ? a.data.wiring : undefined;
  const wb = 'wiring' in b.data ? b.data.wiring : undefined;
  return (
    a.selected === b.selected &&
    a.data.problem === b.data.problem &&
    a.measured?.width === b.measured?.width &&
    a.measured?.height === b.measured?.height &&
    wa?.binds === wb?.binds &&
    wa?.connects === wb?.connects
  );
}

function makeNode(doc: TopologyNode, selected: boolean, problem: Problem, wiring: Wiring, measured: Size | undefined): FlowNode {
  const base = { id: doc.id, position: doc.position ?? { x: 0, y: 0 }, selected, measured };
  switch (doc.kind) {
    case 'socket':
      return { ...base, type: 'socket', data: { doc, problem, wiring } };
    case 'external':
      return { ...base, type: 'external', data: { doc, problem, wiring } };
    case 'device':
      return { ...base, type: 'device', data: { doc, problem } };
    case 'worker':
      return { ...base, type: 'worker', data: { doc, problem } };
  }
}

export function toFlowNodes(
  topology: Topology,
  selection: Selection,
  diagnostics: readonly Diagnostic[],
  measured: ReadonlyMap<string, Size>,
): FlowNode[] {
  const problems = problemsOf(diagnostics).nodes;
  const wiring = wiringOf(topology);
  const selected = new Set(selection.nodes);
  return topology.nodes.map((doc) => {
    const next = makeNode(doc, selected.has(doc.id), problems.get(doc.id), wiring.get(doc.id) ?? NO_WIRING, measured.get(doc.id));
    const prev = nodeCache.get(doc);
    if (prev && sameNode(prev, next)) return prev;
    nodeCache.set(doc, next);
    return next;
  });
}

// React Flow draws the marker definitions inside its own viewport, so image export keeps arrows.
const MARKERS = new Map<Pattern, EdgeMarker>();
function arrow(p: Pattern): EdgeMarker {
  let m = MARKERS.get(p);
  if (!m) MARKERS.set(p, (m = { type: MarkerType.ArrowClosed, color: `var(--pattern-${p})`, width: 16, height: 16, markerUnits: 'userSpaceOnUse' }));
  return m;
}

const edgeCache = new WeakMap<EdgeDoc, PatternFlowEdge>();

export function toFlowEdges(topology: Topology, selection: Selection, diagnostics: readonly Diagnostic[]): PatternFlowEdge[] {
  const problems = problemsOf(diagnostics).edges;
  const selected = new Set(selection.edges);
  return topology.edges.map((doc) => {
    const isSelected = selected.has(doc.id);
    const problem = problems.get(doc.id);
    const prev = edgeCache.get(doc);
    if (prev && prev.selected === isSelected && prev.data?.problem === problem) return prev;
    const next: PatternFlowEdge = {
      id: doc.id,
      type: 'pattern',
      source: doc.source,
      target: doc.target,
      // Socket nodes: edges leave on the right and arrive on the left; ports have one handle each.
      sourceHandle: doc.sourcePort ?? 'R',
      targetHandle: doc.targetPort ?? 'L',
      selected: isSelected,
      // Arrows point the way messages flow: both ways for the two-way patterns.
      markerEnd: arrow(doc.pattern),
      markerStart: isTwoWay(doc.pattern) ? arrow(doc.pattern) : undefined,
      data: { doc, problem },
    };
    edgeCache.set(doc, next);
    return next;
  });
}
