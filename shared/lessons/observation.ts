/**
 * What one run showed, as a lesson check reads it, and the collector that builds it from the
 * engine's events. Every host (CLI, tests, the Lessons panel) feeds the same events to the same
 * collector, so a check sees the same facts wherever it runs.
 */
import type { Capabilities, EdgeStats, EngineEvent, NodeStats } from '../ipc';
import type { Diagnostic } from '../diagnostics';
import type { LostMessage, TraceRecord, TraceTables } from '../trace';
import { amendRecords, batchRecords } from '../trace';
import type { Topology } from '../topology';
import type { LessonAction } from './types';

type Payload<T extends EngineEvent['type']> = Omit<Extract<EngineEvent, { type: T }>, 'type' | 'runId'>;

/** A socket event (connected, handshake-ok, ...), timed on the trace clock. */
export type MonitorRecord = Payload<'monitor'>;
/** A node killed or (re)started during the run (fault injection), timed on the trace clock. */
export type NodeFaultRecord = Payload<'nodeFault'>;
/** A runtime error the engine reported (EFSM, a timeout, ...), with the node it concerns and a hint. */
export type RunError = Payload<'error'>;

/** How a run ended: by itself, at the lesson's duration, at the host's time limit, or not at all. */
export type RunEnding = 'finished' | 'duration' | 'timeout' | 'failed';

/** What a scripted action did (an inject refused with EFSM is the point of a pitfall). */
export interface ActionOutcome {
  action: LessonAction;
  ok: boolean;
  /** The engine's message when the action failed. */
  error?: string;
}

export interface Observation {
  /** The run's id within its lesson. */
  run: string;
  /** The topology that ran (as written: free ports are the engine's business). */
  topology: Topology;
  ending: RunEnding;
  /** What validation and the build reported (warnings of a run that started, or the errors that stopped it). */
  diagnostics: Diagnostic[];
  /** Every send and receive, in order; `t` is ms since the run started (the same clock as `monitor`). */
  records: TraceRecord[];
  /** Records left out past the collector's bound (never silently). */
  droppedRecords: number;
  /** Log lines per node id, in order. */
  logs: Record<string, string[]>;
  monitor: MonitorRecord[];
  /** Nodes killed and started again during the run, in order. */
  nodeFaults: NodeFaultRecord[];
  errors: RunError[];
  /** Sends nobody received by the end of the run (the slow joiner, a high-water-mark drop). */
  lost: { messages: LostMessage[]; total: number };
  /** The last counters of the run (the engine sends them once more at stop). */
  stats: { nodes: NodeStats[]; edges: EdgeStats[] };
  actions: ActionOutcome[];
  /** What this libzmq supports (pgm, ipc, ...), when the host asked. */
  capabilities?: Capabilities;
}

/** Bound of the records one observation keeps: lesson runs are small, a runaway one must not grow memory. */
export const MAX_OBSERVED_RECORDS = 50_000;

/** Builds an Observation from the engine events of one run (feed every event, including those of stop). */
export class ObservationCollector {
  private tables: TraceTables | undefined;
  private readonly records: TraceRecord[] = [];
  private dropped = 0;
  private readonly logs: Record<string, string[]> = {};
  private readonly monitor: MonitorRecord[] = [];
  private readonly nodeFaults: NodeFaultRecord[] = [];
  private readonly errors: RunError[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private lost: Observation['lost'] = { messages: [], total: 0 };
  private stats: Observation['stats'] = { nodes: [], edges: [] };
  readonly actions: ActionOutcome[] = [];
  failed = false;
  finished = false;

  constructor(private readonly max = MAX_OBSERVED_RECORDS) {}

  add(event: EngineEvent): void {
    switch (event.type) {
      case 'tables':
        this.tables = event.tables;
        return;
      case 'trace':
        if (!this.tables) return;
        this.dropped += event.batch.dropped;
        for (const r of batchRecords(event.batch, this.tables)) {
          if (this.records.length < this.max) this.records.push(r);
          else this.dropped++;
        }
        // Sends that blocked are told after their records (maybe in an earlier batch).
        amendRecords(this.records, event.batch);
        return;
      case 'log':
        (this.logs[event.node] ??= []).push(event.line);
        return;
      case 'monitor': {
        const { type: _type, runId: _runId, ...rest } = event;
        this.monitor.push(rest);
        return;
      }
      case 'nodeFault': {
        const { type: _type, runId: _runId, ...rest } = event;
        this.nodeFaults.push(rest);
        return;
      }
      case 'error': {
        const { type: _type, runId: _runId, ...rest } = event;
        this.errors.push(rest);
        return;
      }
      case 'diagnostics':
        this.diagnostics.push(...event.diagnostics);
        return;
      case 'lost':
        this.lost = { messages: event.messages, total: event.total };
        return;
      case 'stats':
        this.stats = { nodes: event.nodes, edges: event.edges };
        return;
      case 'finished':
        this.finished = true;
        return;
      case 'state':
        if (event.state === 'failed') this.failed = true;
        return;
      default:
        return;
    }
  }

  /** Whether a node has logged exactly this line so far. */
  logged(node: string, line: string): boolean {
    return this.logs[node]?.includes(line) ?? false;
  }

  observation(run: string, topology: Topology, ending: RunEnding, capabilities?: Capabilities): Observation {
    return {
      run,
      topology,
      ending,
      diagnostics: this.diagnostics,
      records: this.records,
      droppedRecords: this.dropped,
      logs: this.logs,
      monitor: this.monitor,
      nodeFaults: this.nodeFaults,
      errors: this.errors,
      lost: this.lost,
      stats: this.stats,
      actions: this.actions,
      ...(capabilities ? { capabilities } : {}),
    };
  }
}
