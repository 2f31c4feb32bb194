/**
 * What the engine reports during a run, bounded everywhere (DESIGN.md): the trace in a columnar
 * ring, node logs, socket events, live counters and rates, errors and lost messages. The bridge
 * hands events over in groups; a group is applied with ONE store update however many events and
 * trace records it holds, so a flood costs the page one render per group.
 */
import type { EdgeFault, EdgeStats, EngineEvent, MonitorKind, NodeStats } from '../../shared/ipc';
import type { TraceTables } from '../../shared/trace';
import type { Diagnostic } from '../../shared/diagnostics';
import type { LostMessage } from '../../shared/trace';
import type { AppState, SliceCreator } from './types';
import { TraceRing } from './traceRing';

/** Lines kept for the node consoles, all nodes together. */
export const LOG_LIMIT = 5000;
/** Stats samples kept per edge for the sparklines (250 ms apart: two minutes). */
export const RATE_HISTORY = 480;
export const ERROR_LIMIT = 200;

export interface LogLine {
  runId: number;
  t: number;
  node: string;
  /** Device/worker port for socket events; '' otherwise. */
  port: string;
  line: string;
  level: 'info' | 'warn' | 'error';
  /** What said it: the node's behaviour, a socket event, or the engine reporting an error. */
  source: 'log' | 'monitor' | 'error';
}

/** The latest socket event of one socket (node + port): what its badge shows. */
export interface SocketStatus {
  kind: MonitorKind;
  endpoint: string;
  t: number;
  detail?: string;
}

export interface RunError {
  runId: number;
  node?: string;
  edge?: string;
  code: string;
  message: string;
  hint: string;
}

export interface KilledNode {
  /** When it was killed, ms since the run started. */
  t: number;
  /** It comes back by itself this long after `t`. */
  restartAfterMs?: number;
}

export interface TraceSlice {
  /** The trace of the current run (or the replayed file): mutable, bounded; read it with `traceVersion`. */
  trace: TraceRing;
  /** Bumped once per applied group of events that added records: subscribe to this, not to `trace`. */
  traceVersion: number;
  logs: readonly LogLine[];
  /** Per node, per port ('' for a plain socket): the latest socket event. */
  socketStatus: Readonly<Record<string, Readonly<Record<string, SocketStatus>>>>;
  nodeStats: Readonly<Record<string, NodeStats>>;
  edgeStats: Readonly<Record<string, EdgeStats>>;
  /** Per edge, messages/s samples, oldest first (bounded by RATE_HISTORY). */
  rateHistory: Readonly<Record<string, readonly number[]>>;
  runErrors: readonly RunError[];
  /** Diagnostics the engine reported for the run (the engine's own validate() and build failures). */
  runDiagnostics: readonly Diagnostic[];
  lost?: { messages: readonly LostMessage[]; total: number };
  /** The engine said every finite behaviour is done. */
  finished: boolean;
  /** Faults injected on edges of the run, by edge id (from the engine's 'fault' events). */
  edgeFaults: Readonly<Record<string, EdgeFault>>;
  /** Nodes of the run that were killed (fault injection), by node id, until they run again. */
  killedNodes: Readonly<Record<string, KilledNode>>;
  /** Nodes attached to the run while it went on (taps): they can be detached again. */
  attachedNodes: readonly string[];
  applyEngineEvent(event: EngineEvent): void;
  /** Applies events in order with one store update. */
  applyEngineEvents(events: readonly EngineEvent[]): void;
  /** Forgets the run's data (a new run, or a replay about to load). */
  resetRunData(runId: number): void;
}

type Patch = Partial<AppState>;

/** Folds one event into the patch being built (reading earlier values from the patch first). */
function fold(state: AppState, patch: Patch, event: EngineEvent, logs: LogLine[], notices: string[]): void {
  const cur = <K extends keyof AppState>(k: K): AppState[K] => (k in patch ? (patch[k] as AppState[K]) : state[k]);
  switch (event.type) {
    case 'log':
      logs.push({ runId: event.runId, t: event.t, node: event.node, port: '', line: event.line, level: event.level, source: 'log' });
      return;
    case 'monitor': {
      const { node, port, kind, endpoint, t, detail } = event;
      const all = cur('socketStatus');
      patch.socketStatus = { ...all, [node]: { ...all[node], [port]: { kind, endpoint, t, detail } } };
      const level = kind === 'bind-failed' || kind === 'handshake-failed' || kind === 'accept-failed' ? 'error' : kind === 'disconnected' || kind === 'connect-retried' ? 'warn' : 'info';
      logs.push({ runId: event.runId, t, node, port, line: `${kind} ${endpoint}${detail ? ` (${detail})` : ''}`, level, source: 'monitor' });
      return;
    }
    case 'tables':
      // Nodes attached mid-run extend the tables; the records so far keep their rows.
      if (extendsTables(state.trace.tables, event.tables) && state.trace.total > 0) state.trace.tables = event.tables;
      else state.trace.clear(event.tables);
      patch.traceVersion = cur('traceVersion') + 1;
      return;
    case 'trace':
      state.trace.append(event.batch);
      patch.traceVersion = cur('traceVersion') + 1;
      return;
    case 'stats': {
      const history = { ...cur('rateHistory') };
      for (const e of event.edges) history[e.edge] = [...(history[e.edge] ?? []), e.rate].slice(-RATE_HISTORY);
      patch.nodeStats = Object.fromEntries(event.nodes.map((n) => [n.node, n]));
      patch.edgeStats = Object.fromEntries(event.edges.map((e) => [e.edge, e]));
      patch.rateHistory = history;
      return;
    }
    case 'error': {
      const { runId, node, edge, code, message, hint } = event;
      patch.runErrors = [...cur('runErrors'), { runId, node, edge, code, message, hint }].slice(-ERROR_LIMIT);
      logs.push({ runId, t: 0, node: node ?? edge ?? 'engine', port: '', line: `${code}: ${message}`, level: 'error', source: 'error' });
      return;
    }
    case 'diagnostics':
      patch.runDiagnostics = event.diagnostics;
      return;
    case 'lost':
      patch.lost = { messages: event.messages, total: event.total };
      return;
    case 'finished':
      patch.finished = true;
      return;
    case 'fault': {
      const { [event.edge]: _old, ...rest } = cur('edgeFaults');
      patch.edgeFaults = event.fault ? { ...rest, [event.edge]: event.fault } : rest;
      return;
    }
    case 'nodeFault': {
      const { [event.node]: _was, ...rest } = cur('killedNodes');
      const killed: KilledNode = event.restartAfterMs === undefined ? { t: event.t } : { t: event.t, restartAfterMs: event.restartAfterMs };
      patch.killedNodes = event.state === 'killed' ? { ...rest, [event.node]: killed } : rest;
      return;
    }
    case 'attached':
      patch.attachedNodes = [...new Set([...cur('attachedNodes'), ...event.nodes.map((n) => n.id)])];
      return;
    case 'detached': {
      const gone = new Set(event.nodes);
      patch.attachedNodes = cur('attachedNodes').filter((id) => !gone.has(id));
      patch.killedNodes = Object.fromEntries(Object.entries(cur('killedNodes')).filter(([id]) => !gone.has(id)));
      return;
    }
    case 'state':
      patch.runId = event.runId;
      patch.runState = event.state;
      patch.runStateReason = event.reason;
      if (event.state === 'building') Object.assign(patch, freshRun(state));
      return;
    case 'engine': {
      notices.push(`engine ${event.status}: ${event.reason}`);
      const note = cur('engineNote');
      patch.engineNote =
        event.status === 'exited' ? { runId: cur('runId'), exited: event.reason, restarted: false } : { runId: note?.runId ?? cur('runId'), exited: note?.exited, restarted: true };
      if (event.status === 'exited') {
        // Whatever was running died with the process: the page must not show it as running.
        const s = cur('runState');
        if (s === 'building' || s === 'running' || s === 'paused' || s === 'stopping') {
          patch.runState = 'failed';
          patch.runStateReason = `the engine process stopped: ${event.reason}`;
        }
      }
      return;
    }
  }
}

/** Empties what belongs to one run (keeps the ring object: views hold it). */
/** What one run accumulates, empty: the slice's start and every new run's. */
const noRunData = () => ({
  logs: [] as LogLine[],
  socketStatus: {},
  nodeStats: {},
  edgeStats: {},
  rateHistory: {},
  runErrors: [] as RunError[],
  runDiagnostics: [] as Diagnostic[],
  lost: undefined,
  finished: false,
  edgeFaults: {},
  killedNodes: {},
  attachedNodes: [] as string[],
});

/** True when `next` only appends rows to `prev` (sockets and edges of nodes attached mid-run). */
function extendsTables(prev: TraceTables, next: TraceTables): boolean {
  if (prev.sockets.length === 0 || next.sockets.length < prev.sockets.length || next.edges.length < prev.edges.length) return false;
  const same = prev.sockets.every((s, i) => s.node === next.sockets[i].node && s.port === next.sockets[i].port && s.socket === next.sockets[i].socket);
  return same && prev.edges.every((e, i) => e === next.edges[i]);
}

function freshRun(state: AppState): Patch {
  state.trace.clear();
  return { ...noRunData(), traceVersion: state.traceVersion + 1, selectedSeq: undefined, routeMsg: undefined };
}

export const createTraceSlice: SliceCreator<TraceSlice> = (set, get) => ({
  trace: new TraceRing(),
  traceVersion: 0,
  ...noRunData(),
  applyEngineEvent: (event) => get().applyEngineEvents([event]),
  applyEngineEvents: (events) => {
    const state = get();
    const patch: Patch = {};
    const logs: LogLine[] = [];
    const notices: string[] = [];
    for (const e of events) fold(state, patch, e, logs, notices);
    if (logs.length > 0) patch.logs = [...(patch.logs ?? state.logs), ...logs].slice(-LOG_LIMIT);
    if (Object.keys(patch).length > 0) set(patch);
    for (const n of notices) get().notify(n, n.startsWith('engine exited') ? 'error' : 'info');
  },
  resetRunData: (runId) => set({ ...freshRun(get()), runId }),
});
