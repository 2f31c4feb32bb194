/** Pure edits of a topology document: each returns a new document and leaves the input as it was. */
import type { Edge, Topology, TopologyNode } from '../../shared/topology';
import { TOPOLOGY_FORMAT } from '../../shared/topology';
import { nextId } from './wiring';
import type { Position } from './nodeFactory';

type Kind = TopologyNode['kind'];
/** Fields a node of one kind may change (not its id or kind). */
export type NodePatch = { [K in Kind]: Partial<Omit<Extract<TopologyNode, { kind: K }>, 'id' | 'kind'>> }[Kind];
export type EdgePatch = Partial<Omit<Edge, 'id'>>;

export function emptyTopology(): Topology {
  return { format: TOPOLOGY_FORMAT, name: 'untitled', nodes: [], edges: [] };
}

/** Drops keys set to undefined, so an "unset" field leaves the saved file instead of lingering. */
function compact<T extends object>(value: T): T {
  const out = { ...value };
  for (const key of Object.keys(out) as (keyof T)[]) if (out[key] === undefined) delete out[key];
  return out;
}

export function updateNode(t: Topology, id: string, patch: NodePatch): Topology {
  return { ...t, nodes: t.nodes.map((n) => (n.id === id ? (compact({ ...n, ...patch }) as TopologyNode) : n)) };
}

export function updateEdge(t: Topology, id: string, patch: EdgePatch): Topology {
  return { ...t, edges: t.edges.map((e) => (e.id === id ? compact({ ...e, ...patch }) : e)) };
}

/** Removes the nodes, every edge touching them, and the listed edges. */
export function removeElements(t: Topology, nodeIds: readonly string[], edgeIds: readonly string[]): Topology {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  return {
    ...t,
    nodes: t.nodes.filter((n) => !nodes.has(n.id)),
    edges: t.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target)),
  };
}

export function setPositions(t: Topology, positions: ReadonlyMap<string, Position>): Topology {
  return {
    ...t,
    nodes: t.nodes.map((n) => {
      const p = positions.get(n.id);
      return p ? { ...n, position: { x: Math.round(p.x), y: Math.round(p.y) } } : n;
    }),
  };
}

/**
 * Inserts copies of the nodes, offset, with fresh ids. Edges are not copied: a copied edge would
 * bind the same address a second time (endpoint-conflict), so the copies are wired by hand.
 */
export function insertCopies(t: Topology, nodes: readonly TopologyNode[], offset = 40): { topology: Topology; ids: string[] } {
  const taken = t.nodes.map((n) => n.id);
  const created = nodes.map((n): TopologyNode => {
    const id = nextId(n.id.replace(/\d+$/, '') || 'node', taken);
    taken.push(id);
    const p = n.position ?? { x: 0, y: 0 };
    return { ...structuredClone(n), id, position: { x: p.x + offset, y: p.y + offset } };
  });
  return { topology: { ...t, nodes: [...t.nodes, ...created] }, ids: created.map((n) => n.id) };
}

export function duplicateNodes(t: Topology, ids: readonly string[], offset = 40): { topology: Topology; ids: string[] } {
  return insertCopies(t, t.nodes.filter((n) => ids.includes(n.id)), offset);
}

/**
 * Node fields that change how the document is shown, never the sockets a run built from it:
 * editing them is allowed while a run is going (the edit lock checks with sameExceptViewFields).
 */
export const VIEW_ONLY_NODE_FIELDS: ReadonlySet<string> = new Set(['position', 'decode']);
const POSITION_ONLY: ReadonlySet<string> = new Set(['position']);

function sameExceptNodeFields(a: Topology, b: Topology, ignored: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.edges !== b.edges || a.nodes.length !== b.nodes.length || a.name !== b.name) return false;
  return a.nodes.every((n, i) => {
    const m = b.nodes[i];
    if (n === m) return true;
    const keys = new Set([...Object.keys(n), ...Object.keys(m)]);
    for (const k of keys) {
      if (ignored.has(k)) continue;
      if ((n as Record<string, unknown>)[k] !== (m as Record<string, unknown>)[k]) return false;
    }
    return true;
  });
}

/** Whether two documents differ only in node positions (the validator ignores positions). */
export const sameExceptPositions = (a: Topology, b: Topology): boolean => sameExceptNodeFields(a, b, POSITION_ONLY);

/** Whether two documents differ only in view-only node fields (VIEW_ONLY_NODE_FIELDS). */
export const sameExceptViewFields = (a: Topology, b: Topology): boolean => sameExceptNodeFields(a, b, VIEW_ONLY_NODE_FIELDS);
