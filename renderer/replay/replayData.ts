/**
 * What a live run's engine would have sent, rebuilt from a trace file's records: the run's
 * tables, columnar trace batches and the 250 ms counters. A replay feeds these through the same
 * `applyEngineEvents` a live run uses, so every view works on it unchanged.
 */
import type { EdgeStats, NodeStats } from '../../shared/ipc';
import type { Topology } from '../../shared/topology';
import type { TraceBatch, TraceRecord, TraceTables } from '../../shared/trace';

/** The engine's stats period; a replay emits counters on the same beat of recorded time. */
export const STATS_PERIOD_MS = 250;

const key = (node: string, port: string): string => `${node}\u0000${port}`;

/** The run's tables: one row per socket seen in the records, every edge of the topology (then any other the records name). */
export function replayTables(topology: Topology, records: readonly TraceRecord[]): TraceTables {
  const sockets: TraceTables['sockets'] = [];
  const seen = new Set<string>();
  const edges = topology.edges.map((e) => e.id);
  const edgeSet = new Set(edges);
  for (const r of records) {
    const k = key(r.node, r.port);
    if (!seen.has(k)) {
      seen.add(k);
      sockets.push({ node: r.node, port: r.port, socket: r.socket });
    }
    if (r.edge !== 'unknown' && !edgeSet.has(r.edge)) {
      edgeSet.add(r.edge);
      edges.push(r.edge);
    }
  }
  return { sockets, edges };
}

/** Looks up the column values of records against one run's tables. */
export class TableIndex {
  private readonly sockets: Map<string, number>;
  private readonly edges: Map<string, number>;

  constructor(readonly tables: TraceTables) {
    this.sockets = new Map(tables.sockets.map((s, i) => [key(s.node, s.port), i]));
    this.edges = new Map(tables.edges.map((e, i) => [e, i]));
  }

  socketOf(r: TraceRecord): number {
    return this.sockets.get(key(r.node, r.port)) ?? 0;
  }

  edgeOf(r: TraceRecord): number {
    return this.edges.get(r.edge) ?? -1;
  }
}

/**
 * Columnar batches of records[from, to). A batch's rows have consecutive seqs (TraceBatch), so a
 * gap in the file's seqs (records a bound dropped) starts a new batch. Batch numbers follow `nextBatch`.
 */
export function recordBatches(
  records: readonly TraceRecord[],
  from: number,
  to: number,
  index: TableIndex,
  nextBatch: number,
): TraceBatch[] {
  const batches: TraceBatch[] = [];
  let start = from;
  while (start < to) {
    let end = start + 1;
    while (end < to && records[end].seq === records[end - 1].seq + 1) end++;
    batches.push(columns(records, start, end, index, nextBatch + batches.length));
    start = end;
  }
  return batches;
}

function columns(
  records: readonly TraceRecord[],
  from: number,
  to: number,
  index: TableIndex,
  batch: number,
): TraceBatch {
  const n = to - from;
  const b: TraceBatch = {
    batch,
    firstSeq: records[from].seq,
    count: n,
    dropped: 0,
    t: new Float64Array(n),
    socket: new Uint16Array(n),
    dir: new Uint8Array(n),
    edge: new Int32Array(n),
    frames: new Uint32Array(n),
    bytes: new Uint32Array(n),
    msg: new Uint32Array(n),
    cause: new Uint32Array(n),
    preview: new Array<string>(n),
  };
  for (let k = 0; k < n; k++) {
    const r = records[from + k];
    b.t[k] = r.t;
    b.socket[k] = index.socketOf(r);
    b.dir[k] = r.dir === 'out' ? 0 : 1;
    b.edge[k] = index.edgeOf(r);
    b.frames[k] = r.frames;
    b.bytes[k] = r.bytes;
    b.msg[k] = r.msg;
    b.cause[k] = r.cause;
    b.preview[k] = r.preview;
  }
  return b;
}

/**
 * The engine's counters, kept from records: per node sends and receives, per edge the messages
 * that arrived over it — and, on an edge to an outside program, the sends (never seen arriving),
 * the rule of main/trace/recorder.ts.
 */
export class ReplayStats {
  private readonly nodes = new Map<string, NodeStats>();
  private readonly messages: Float64Array;
  private readonly bytes: Float64Array;
  private last: Float64Array;
  private readonly countsSends: Uint8Array;

  constructor(
    topology: Topology,
    private readonly index: TableIndex,
  ) {
    const external = new Set(topology.nodes.filter((n) => n.kind === 'external').map((n) => n.id));
    const edges = index.tables.edges;
    this.messages = new Float64Array(edges.length);
    this.bytes = new Float64Array(edges.length);
    this.last = new Float64Array(edges.length);
    const byId = new Map(topology.edges.map((e) => [e.id, e]));
    this.countsSends = Uint8Array.from(edges, (id) => {
      const e = byId.get(id);
      return e && (external.has(e.source) || external.has(e.target)) ? 1 : 0;
    });
    for (const s of index.tables.sockets)
      if (!this.nodes.has(s.node))
        this.nodes.set(s.node, { node: s.node, sent: 0, received: 0, bytesOut: 0, bytesIn: 0 });
  }

  add(r: TraceRecord): void {
    const n = this.nodes.get(r.node);
    const e = this.index.edgeOf(r);
    if (r.dir === 'out') {
      if (n) {
        n.sent++;
        n.bytesOut += r.bytes;
      }
      if (e >= 0 && this.countsSends[e] === 1) this.countEdge(e, r.bytes);
    } else {
      if (n) {
        n.received++;
        n.bytesIn += r.bytes;
      }
      if (e >= 0) this.countEdge(e, r.bytes);
    }
  }

  private countEdge(e: number, bytes: number): void {
    this.messages[e]++;
    this.bytes[e] += bytes;
  }

  /** The counters now, rates over the last `periodMs` of recorded time (as the engine reports them). */
  snapshot(periodMs = STATS_PERIOD_MS): { nodes: NodeStats[]; edges: EdgeStats[] } {
    const seconds = Math.max(periodMs / 1000, 1e-3);
    const edges = this.index.tables.edges.map((edge, e) => ({
      edge,
      messages: this.messages[e],
      bytes: this.bytes[e],
      rate: Math.round(((this.messages[e] - this.last[e]) / seconds) * 10) / 10,
    }));
    this.last = Float64Array.from(this.messages);
    return { nodes: [...this.nodes.values()].map((n) => ({ ...n })), edges };
  }
}
