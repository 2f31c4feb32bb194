/**
 * Which way each traced message went over its edge, and counts per direction. An edge's
 * "forward" is source -> target as drawn; "back" is the other way (a reply over req/rep, the
 * other peer of a pair). Delivery is told by `in` records (a message arrived at a socket over
 * an edge), except on edges to an external program, whose receives are never traced: there the
 * send counts. Pure: reads the ring through the few columns it needs.
 */
import type { Direction, TraceTables } from '../../../shared/trace';
import type { Topology } from '../../../shared/topology';

/** The columns of the page's TraceRing this module reads. */
export interface RingView {
  readonly tables: TraceTables;
  readonly size: number;
  dirAt(i: number): Direction;
  edgeIndexAt(i: number): number;
  socketAt(i: number): number;
  msgAt(i: number): number;
  tAt(i: number): number;
}

/** Per trace edge index: the nodes at each end and their sockets' ring index (-1 when not run by the app). */
export interface EdgeEnds {
  sourceNode: string;
  targetNode: string;
  source: number;
  target: number;
  /** The end is an external program: its traffic is seen only as sends. */
  sourceExternal: boolean;
  targetExternal: boolean;
}

/** One direction of one edge: edge index * 2, + 1 for back. */
export const laneOf = (edgeIndex: number, back: boolean): number => edgeIndex * 2 + (back ? 1 : 0);
export const edgeOfLane = (lane: number): number => lane >> 1;
export const isBackLane = (lane: number): boolean => (lane & 1) === 1;

/** The ends of every edge of the run's tables, from the document the run was built from. */
export function edgeEnds(tables: TraceTables, topology: Topology): (EdgeEnds | undefined)[] {
  const socketIndex = new Map(tables.sockets.map((s, i) => [`${s.node}\u0000${s.port}`, i]));
  const kinds = new Map(topology.nodes.map((n) => [n.id, n.kind]));
  const docs = new Map(topology.edges.map((e) => [e.id, e]));
  return tables.edges.map((id) => {
    const e = docs.get(id);
    if (!e) return undefined;
    return {
      sourceNode: e.source,
      targetNode: e.target,
      source: socketIndex.get(`${e.source}\u0000${e.sourcePort ?? ''}`) ?? -1,
      target: socketIndex.get(`${e.target}\u0000${e.targetPort ?? ''}`) ?? -1,
      sourceExternal: kinds.get(e.source) === 'external',
      targetExternal: kinds.get(e.target) === 'external',
    };
  });
}

/** The lane record `i` delivered a message on, or -1 when it is not a delivery the canvas shows. */
export function deliveryLane(ring: RingView, i: number, ends: readonly (EdgeEnds | undefined)[]): number {
  const e = ring.edgeIndexAt(i);
  const end = e >= 0 ? ends[e] : undefined;
  if (!end) return -1;
  const s = ring.socketAt(i);
  if (ring.dirAt(i) === 'in') {
    if (s === end.target) return laneOf(e, false);
    if (s === end.source) return laneOf(e, true);
    return -1;
  }
  if (end.targetExternal && s === end.source) return laneOf(e, false);
  if (end.sourceExternal && s === end.target) return laneOf(e, true);
  return -1;
}

/**
 * How long the message received at `i` took from its send, in ms (0 when the send is not among
 * the `lookBack` records before it: sends sit close to their receives in the ring).
 */
export function latencyAt(ring: RingView, i: number, lookBack = 64): number {
  const msg = ring.msgAt(i);
  for (let k = i - 1; k >= 0 && k >= i - lookBack; k--) {
    if (ring.msgAt(k) === msg && ring.dirAt(k) === 'out') return Math.max(0, ring.tAt(i) - ring.tAt(k));
  }
  return 0;
}

/** Messages per edge index and direction, grown as edges are seen. */
export class DirectionCounts {
  private counts: number[] = [];

  add(lane: number): void {
    this.counts[lane] = (this.counts[lane] ?? 0) + 1;
  }

  forward(edgeIndex: number): number {
    return this.counts[laneOf(edgeIndex, false)] ?? 0;
  }

  back(edgeIndex: number): number {
    return this.counts[laneOf(edgeIndex, true)] ?? 0;
  }

  clear(): void {
    this.counts = [];
  }
}

/**
 * Counts the deliveries among ring positions [from, ring.size) and hands each to `onLane`
 * (the overlay's dots).
 */
export function countDeliveries(
  ring: RingView,
  from: number,
  ends: readonly (EdgeEnds | undefined)[],
  counts: DirectionCounts,
  onLane?: (lane: number, i: number) => void,
): void {
  for (let i = from; i < ring.size; i++) {
    const lane = deliveryLane(ring, i, ends);
    if (lane < 0) continue;
    counts.add(lane);
    onLane?.(lane, i);
  }
}
