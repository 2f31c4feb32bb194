/**
 * The canvas's live figures (edge counters per direction, node counts, socket badges) and the
 * feed of deliveries for the flow overlay, from ONE transient store subscription. Hot data
 * (trace batches, ~60 groups/s in a flood) is scanned as it lands, but the figures are published
 * at most every `flushMs`, per key, and only to the components whose figure changed: a stats
 * update re-renders a few badges, never the canvas or the nodes. While no run has happened
 * nothing is published, so the idle designer pays nothing.
 */
import type { AppStore } from '../../store/createAppStore';
import type { AppState } from '../../store/types';
import type { SocketStatus } from '../../store/traceSlice';
import { isRunActive } from '../../store/runSlice';
import type { TraceTables } from '../../../shared/trace';
import type { NodeStats } from '../../../shared/ipc';
import type { EdgeEnds, RingView } from './edgeCounts';
import { DirectionCounts, countDeliveries, edgeEnds } from './edgeCounts';

/** idle: no run yet (show nothing); live: a run (or a replay) is going; ended: the last figures, greyed. */
export type LivePhase = 'idle' | 'live' | 'ended';

export interface EdgeFigures {
  /** Messages delivered source -> target, and target -> source. */
  forward: number;
  back: number;
  /** Both directions (the engine's count when it is ahead of the trace). */
  messages: number;
  /** msgs/s over the engine's last stats period; 0 once the run ended. */
  rate: number;
  /** Messages a fault on the edge dropped; present only when some were. */
  dropped?: number;
}

/** One sending socket's gauge, shown while something of it is in flight or it blocked. */
export interface GaugeFigure {
  port: string;
  inFlight: number;
  /** ms blocked in the engine's last stats period, and in all. */
  blockedMs: number;
  blockedTotalMs: number;
  sndhwm: number;
}

export interface NodeFigures {
  sent: number;
  received: number;
  /** Unknown for an external program (its side is not traced). */
  bytesOut?: number;
  bytesIn?: number;
  /** While live: the node's sockets with messages in flight or time blocked (absent when none). */
  gauges?: GaugeFigure[];
}

/** The latest socket event per port ('' for a plain socket). */
export type PortStatuses = Readonly<Record<string, SocketStatus>>;

/** Told of every delivery as it is scanned (the overlay turns them into dots). */
export interface FlowListener {
  /** `now`: performance.now() when the batch was scanned (one clock read per batch, not per message). */
  delivered(lane: number, i: number, ring: RingView, now: number): void;
  /** A new run (or a cleared trace): forget what is in flight. */
  reset(): void;
}

export interface LiveFigures {
  /** Calls `onChange` when the figure under `key` changes (keys from the *Key helpers). */
  subscribe(key: string, onChange: () => void): () => void;
  phase(): LivePhase;
  edge(id: string): EdgeFigures | undefined;
  node(id: string): NodeFigures | undefined;
  sockets(id: string): PortStatuses | undefined;
  /** The lanes' trace edge ids, by edge index of the current run. */
  edgeIds(): readonly string[];
  addFlowListener(listener: FlowListener): () => void;
  /** Publishes now (tests; the timer does it otherwise). */
  flush(): void;
  dispose(): void;
}

export const PHASE_KEY = 'phase';
export const edgeKey = (id: string): string => `e:${id}`;
export const nodeKey = (id: string): string => `n:${id}`;
export const socketKey = (id: string): string => `s:${id}`;

function phaseOf(s: AppState): LivePhase {
  // A replay playing is as live as a run: its records come in at the recorded pace.
  if (isRunActive(s.runState) || s.replay?.phase === 'playing') return 'live';
  return s.runState !== 'idle' || s.trace.total > 0 ? 'ended' : 'idle';
}

function sameNumbers<T extends object>(a: T | undefined, b: T | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** A node's figures are equal when their numbers and their gauges' numbers are. */
function sameNode(a: NodeFigures | undefined, b: NodeFigures | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const { gauges: ga, ...na } = a;
  const { gauges: gb, ...nb } = b;
  if (!sameNumbers(na, nb) || (ga?.length ?? 0) !== (gb?.length ?? 0)) return false;
  return (ga ?? []).every((g, i) => sameNumbers(g, gb?.[i]));
}

/** The gauges worth showing: sockets with something in flight or time blocked in the last period. */
export function nodeGauges(n: NodeStats): GaugeFigure[] | undefined {
  const shown = (n.sockets ?? []).filter((g) => g.inFlight > 0 || g.blockedMs > 0);
  return shown.length > 0 ? shown.map((g) => ({ port: g.port, inFlight: g.inFlight, blockedMs: g.blockedMs, blockedTotalMs: g.blockedTotalMs, sndhwm: g.sndhwm })) : undefined;
}

export function createLiveFigures(store: AppStore, flushMs = 250): LiveFigures {
  const listeners = new Map<string, Set<() => void>>();
  const flows = new Set<FlowListener>();
  const counts = new DirectionCounts();
  let tables: TraceTables | undefined;
  let ends: (EdgeEnds | undefined)[] = [];
  let edgeIndex = new Map<string, number>();
  let seen = 0;
  let phase: LivePhase = 'idle';
  const edges = new Map<string, EdgeFigures>();
  const nodes = new Map<string, NodeFigures>();
  const sockets = new Map<string, PortStatuses>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastFlush = -Infinity;

  const notify = (key: string): void => listeners.get(key)?.forEach((cb) => cb());

  function scan(s: AppState): void {
    const ring = s.trace;
    if (ring.tables !== tables || ring.total < seen) {
      tables = ring.tables;
      ends = edgeEnds(tables, s.topology);
      edgeIndex = new Map(tables.edges.map((id, i) => [id, i]));
      counts.clear();
      seen = 0;
      flows.forEach((f) => f.reset());
    }
    const from = ring.positionAfter(seen);
    seen = ring.total;
    const now = performance.now();
    countDeliveries(ring, from, ends, counts, flows.size > 0 ? (lane, i) => flows.forEach((f) => f.delivered(lane, i, ring, now)) : undefined);
  }

  /** Replaces the figure under `key` when it changed, and tells its components. */
  function put<T extends object>(map: Map<string, T>, key: string, id: string, next: T | undefined, same: (a?: T, b?: T) => boolean): void {
    const prev = map.get(id);
    if (same(prev, next)) return;
    if (next) map.set(id, next);
    else map.delete(id);
    notify(key);
  }

  function edgeFigures(s: AppState, id: string): EdgeFigures | undefined {
    const stats = s.edgeStats[id];
    const i = edgeIndex.get(id);
    const forward = i === undefined ? 0 : counts.forward(i);
    const back = i === undefined ? 0 : counts.back(i);
    if (!stats && forward + back === 0) return undefined;
    const rate = phase === 'live' ? (stats?.rate ?? 0) : 0;
    const figures: EdgeFigures = { forward, back, messages: Math.max(stats?.messages ?? 0, forward + back), rate };
    if (stats?.dropped) figures.dropped = stats.dropped;
    return figures;
  }

  /**
   * What the external programs sent and received, from the app's side of their edges (they are
   * not run by the app, so the engine has no stats and no byte counts for them).
   */
  function externalFigures(): Map<string, NodeFigures> {
    const out = new Map<string, NodeFigures>();
    const add = (node: string, sent: number, received: number): void => {
      const f = out.get(node) ?? { sent: 0, received: 0 };
      out.set(node, { sent: f.sent + sent, received: f.received + received });
    };
    ends.forEach((e, i) => {
      if (e?.targetExternal) add(e.targetNode, counts.back(i), counts.forward(i));
      if (e?.sourceExternal) add(e.sourceNode, counts.forward(i), counts.back(i));
    });
    return out;
  }

  function flush(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    lastFlush = performance.now();
    const s = store.getState();
    const next = phaseOf(s);
    if (next !== phase) {
      phase = next;
      notify(PHASE_KEY);
    }
    const idle = phase === 'idle';
    for (const id of new Set([...edges.keys(), ...Object.keys(s.edgeStats), ...edgeIndex.keys()])) {
      put(edges, edgeKey(id), id, idle ? undefined : edgeFigures(s, id), sameNumbers);
    }
    const outside = externalFigures();
    for (const id of new Set([...nodes.keys(), ...Object.keys(s.nodeStats), ...outside.keys()])) {
      const n = idle ? undefined : s.nodeStats[id];
      // Gauges only while live: at the end, what is still "in flight" was lost, and the trace says so.
      const gauges = n && phase === 'live' ? nodeGauges(n) : undefined;
      const figures: NodeFigures | undefined = n
        ? { sent: n.sent, received: n.received, bytesOut: n.bytesOut, bytesIn: n.bytesIn, ...(gauges ? { gauges } : {}) }
        : idle
          ? undefined
          : outside.get(id);
      put(nodes, nodeKey(id), id, figures, sameNode);
    }
    for (const id of new Set([...sockets.keys(), ...Object.keys(s.socketStatus)])) {
      // The slice replaces a node's record when one of its ports changes: identity is enough.
      put(sockets, socketKey(id), id, idle ? undefined : s.socketStatus[id], (a, b) => a === b);
    }
  }

  /** Publishes within `flushMs` of the last time, or at once when the run started or ended. */
  function schedule(urgent: boolean): void {
    if (timer !== undefined && !urgent) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, urgent ? 0 : Math.max(0, lastFlush + flushMs - performance.now()));
  }

  const unsubscribe = store.subscribe((s, prev) => {
    const traced = s.traceVersion !== prev.traceVersion;
    if (traced) scan(s);
    const turned = s.runState !== prev.runState || s.replay?.phase !== prev.replay?.phase;
    if (turned || traced || s.nodeStats !== prev.nodeStats || s.edgeStats !== prev.edgeStats || s.socketStatus !== prev.socketStatus) {
      schedule(turned);
    }
  });

  return {
    subscribe(key, onChange) {
      let set = listeners.get(key);
      if (!set) listeners.set(key, (set = new Set()));
      set.add(onChange);
      return () => {
        set.delete(onChange);
        if (set.size === 0) listeners.delete(key);
      };
    },
    phase: () => phase,
    edge: (id) => edges.get(id),
    node: (id) => nodes.get(id),
    sockets: (id) => sockets.get(id),
    edgeIds: () => tables?.edges ?? [],
    addFlowListener(listener) {
      flows.add(listener);
      return () => flows.delete(listener);
    },
    flush,
    dispose() {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
