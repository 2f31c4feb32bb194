/**
 * The whole route of one message, computed from the page's trace ring (pure, no React).
 * Records sharing a message id are its send and its receives; `cause` links (a device's
 * forward, a reply, a worker's result) chain messages together. The route is the tree of
 * messages under the root cause of the picked one, so picking any hop of a round trip shows
 * the same route.
 */
import type { Direction, TraceRecord } from '../../../shared/trace';

/** What the route computation reads: the ring's column accessors (TraceRing has them). */
export interface RouteSource {
  readonly size: number;
  msgAt(i: number): number;
  causeAt(i: number): number;
  dirAt(i: number): Direction;
  recordAt(i: number): TraceRecord;
}

/** One column of the sequence diagram: a socket (a node, or one port of a device/worker). */
export interface Lane {
  key: string;
  node: string;
  port: string;
  socket: string;
}

/** A message on the wire: the send and one receive of it (either may be missing). */
export interface WireHop {
  kind: 'wire';
  msg: number;
  edge: string;
  /** The send; undefined when it came from outside the app (or was recorded too long ago). */
  from?: TraceRecord;
  /** The receive; undefined when nobody received it (lost, or still in flight). */
  to?: TraceRecord;
  /** to.t − from.t in ms, when both ends are known. */
  latency?: number;
}

/** Inside one node: a receive that caused a send (a device forwarding, a server replying, a worker's result). */
export interface InternalStep {
  kind: 'internal';
  node: string;
  from: TraceRecord;
  to: TraceRecord;
  latency: number;
}

export type RouteStep = WireHop | InternalStep;

export interface Route {
  /** The message that was asked for. */
  msg: number;
  /** The first message of the route (the picked one's root cause, as far as the ring reaches). */
  root: number;
  /** Every record of the route, oldest first. */
  records: TraceRecord[];
  lanes: Lane[];
  /** Hops and internal steps in the order they started. */
  steps: RouteStep[];
  /** Last record's time − first record's time, ms. */
  total: number;
  /** The route ends where it began (a request answered back to its requester). */
  roundTrip: boolean;
  /** The route's root cause was already pushed out of the ring: the start is missing. */
  partial: boolean;
  /** Stopped at MAX_ROUTE_RECORDS (a fan-out to very many receivers). */
  truncated: boolean;
}

export const MAX_ROUTE_RECORDS = 400;

export const laneKey = (node: string, port: string): string => `${node}\u0000${port}`;

/** Position of the newest send of `msg` at or before `before`, or -1. */
function findSend(src: RouteSource, msg: number, before: number): number {
  for (let i = before; i >= 0; i--) if (src.msgAt(i) === msg && src.dirAt(i) === 'out') return i;
  return -1;
}

function findAny(src: RouteSource, msg: number): number {
  for (let i = 0; i < src.size; i++) if (src.msgAt(i) === msg) return i;
  return -1;
}

/** Walks cause links back from `msg` to the first message still held; returns it and where its send is. */
function findRoot(src: RouteSource, msg: number): { root: number; start: number; partial: boolean } | undefined {
  let at = findSend(src, msg, src.size - 1);
  if (at < 0) {
    const any = findAny(src, msg);
    return any < 0 ? undefined : { root: msg, start: any, partial: false };
  }
  let root = msg;
  for (;;) {
    const cause = src.causeAt(at);
    if (cause === 0 || cause === root) return { root, start: at, partial: false };
    // A cause is sent before what it causes: look only further back.
    const prev = findSend(src, cause, at - 1);
    if (prev < 0) return { root, start: at, partial: true };
    root = cause;
    at = prev;
  }
}

/** The route of `msg`, or undefined when the ring holds no record of it. */
export function computeRoute(src: RouteSource, msg: number, limit = MAX_ROUTE_RECORDS): Route | undefined {
  if (msg <= 0) return undefined;
  const found = findRoot(src, msg);
  if (!found) return undefined;
  const members = new Set<number>([found.root]);
  const records: TraceRecord[] = [];
  let truncated = false;
  // Causes precede their effects in the ring, so one forward pass collects the whole tree.
  for (let i = found.start; i < src.size; i++) {
    const m = src.msgAt(i);
    if (!members.has(m)) {
      if (src.dirAt(i) !== 'out' || !members.has(src.causeAt(i))) continue;
      members.add(m);
    }
    if (records.length >= limit) {
      truncated = true;
      break;
    }
    records.push(src.recordAt(i));
  }
  return buildRoute(msg, found.root, records, found.partial, truncated);
}

/** Turns a route's records (oldest first) into lanes and steps. Exported for tests and replays. */
export function buildRoute(msg: number, root: number, records: TraceRecord[], partial = false, truncated = false): Route {
  const lanes: Lane[] = [];
  const laneSeen = new Set<string>();
  const sends = new Map<number, TraceRecord>();
  const receives = new Map<number, TraceRecord[]>();
  for (const r of records) {
    const key = laneKey(r.node, r.port);
    if (!laneSeen.has(key)) {
      laneSeen.add(key);
      lanes.push({ key, node: r.node, port: r.port, socket: r.socket });
    }
    if (r.dir === 'out') sends.set(r.msg, r);
    else receives.set(r.msg, [...(receives.get(r.msg) ?? []), r]);
  }
  const steps: RouteStep[] = [];
  for (const [m, s] of sends) {
    const got = receives.get(m) ?? [];
    if (got.length === 0) steps.push({ kind: 'wire', msg: m, edge: s.edge, from: s });
    for (const r of got) steps.push({ kind: 'wire', msg: m, edge: r.edge !== 'unknown' ? r.edge : s.edge, from: s, to: r, latency: r.t - s.t });
    // The receive at the same node that this send came from (a forward, a reply, a result).
    const cause = s.cause === 0 ? undefined : receives.get(s.cause)?.find((r) => r.node === s.node);
    if (cause) steps.push({ kind: 'internal', node: s.node, from: cause, to: s, latency: s.t - cause.t });
  }
  for (const [m, got] of receives) if (!sends.has(m)) for (const r of got) steps.push({ kind: 'wire', msg: m, edge: r.edge, to: r });
  const start = (s: RouteStep): TraceRecord => (s.from ?? s.to) as TraceRecord;
  steps.sort((a, b) => start(a).seq - start(b).seq || (a.to?.seq ?? Infinity) - (b.to?.seq ?? Infinity));
  const first = records[0];
  const last = records[records.length - 1];
  return {
    msg,
    root,
    records,
    lanes,
    steps,
    total: first && last ? last.t - first.t : 0,
    roundTrip: records.length > 1 && first.node === last.node && first.dir === 'out' && last.dir === 'in',
    partial,
    truncated,
  };
}

/** Edges and nodes a route touches (for the canvas highlight). */
export function routeElements(route: Route): { nodes: string[]; edges: string[] } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const r of route.records) {
    nodes.add(r.node);
    if (r.edge !== 'unknown') edges.add(r.edge);
  }
  return { nodes: [...nodes], edges: [...edges] };
}
