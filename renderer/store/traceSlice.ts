/**
 * What the engine reported during runs, bounded: the UI never keeps an unbounded array (DESIGN.md).
 * The run and trace views are a later issue; for now this keeps the latest log lines and
 * engine notices so nothing the engine says is lost before those views exist.
 */
import type { EngineEvent } from '../../shared/ipc';
import type { SliceCreator } from './types';

export const LOG_LIMIT = 1000;

export interface LogLine {
  runId: number;
  t: number;
  node: string;
  line: string;
  level: 'info' | 'warn' | 'error';
}

export interface TraceSlice {
  logs: readonly LogLine[];
  /** Trace records received in the current run (the records themselves arrive with the trace view). */
  traceRecords: number;
  applyEngineEvent(event: EngineEvent): void;
}

export const createTraceSlice: SliceCreator<TraceSlice> = (set, get) => ({
  logs: [],
  traceRecords: 0,
  applyEngineEvent: (event) => {
    switch (event.type) {
      case 'log': {
        const { runId, t, node, line, level } = event;
        set({ logs: [...get().logs, { runId, t, node, line, level }].slice(-LOG_LIMIT) });
        return;
      }
      case 'trace':
        set({ traceRecords: get().traceRecords + event.batch.t.length });
        return;
      case 'state':
        get().setRunState(event.runId, event.state);
        if (event.state === 'building') set({ traceRecords: 0 });
        return;
      case 'engine':
        get().notify(`engine ${event.status}: ${event.reason}`, event.status === 'exited' ? 'error' : 'info');
        return;
      default:
        return;
    }
  },
});
