/** An Observation made by hand, for the parts of a check that do not need sockets. */
import type { Observation } from '../../shared/lessons';
import { Topology } from '../../shared/topology';
import type { TraceRecord } from '../../shared/trace';

export function observed(doc: unknown, records: Partial<TraceRecord>[], more: Partial<Observation> = {}): Observation {
  const full = records.map((r, i): TraceRecord => ({
    seq: i + 1,
    t: 0,
    node: '',
    port: '',
    socket: 'PUSH',
    dir: 'out',
    edge: 'unknown',
    frames: 1,
    bytes: 1,
    preview: '',
    msg: i + 1,
    cause: 0,
    ...r,
  }));
  return {
    run: 'x',
    topology: Topology.parse(doc),
    ending: 'finished',
    diagnostics: [],
    records: full,
    droppedRecords: 0,
    logs: {},
    monitor: [],
    nodeFaults: [],
    errors: [],
    lost: { messages: [], total: 0 },
    stats: { nodes: [], edges: [] },
    actions: [],
    ...more,
  };
}
