/**
 * The page's trace: a bounded columnar ring of records (DESIGN.md: the UI never keeps an
 * unbounded array). A batch from the engine is copied in with block copies; objects are made
 * only for the rows a view shows. The ring object is mutable: the store holds it and bumps a
 * version number once per batch, so a batch costs one store update however many records it has.
 */
import type { BlockedBy, BlockedSend, Direction, FaultMark, FaultedReceive, TraceBatch, TraceRecord, TraceTables } from '../../shared/trace';
import { BLOCKED_BY, FAULT_MARKS } from '../../shared/trace';

export const TRACE_CAPACITY = 200_000;

const NO_TABLES: TraceTables = { sockets: [], edges: [] };

export class TraceRing {
  readonly capacity: number;
  tables: TraceTables = NO_TABLES;
  private readonly seq: Float64Array;
  private readonly t: Float64Array;
  private readonly socket: Uint16Array;
  private readonly dir: Uint8Array;
  private readonly edge: Int32Array;
  private readonly frames: Uint32Array;
  private readonly bytes: Uint32Array;
  private readonly msg: Uint32Array;
  private readonly cause: Uint32Array;
  private readonly preview: string[];
  /** ms a send waited in libzmq (0: it did not block); amended after the record arrived. */
  private readonly blocked: Float32Array;
  /** Index into BLOCKED_BY of why it waited. */
  private readonly blockedBy: Uint8Array;
  /** 1 + index into FAULT_MARKS of what an edge fault did to a receive (0: nothing); amended later. */
  private readonly faultMark: Uint8Array;
  /** ms the fault held that receive. */
  private readonly held: Float32Array;
  /** Records ever appended since the last clear; the ring holds the last `size` of them. */
  total = 0;
  /** Records the page's bound pushed out (the oldest go first). */
  droppedHere = 0;
  /** Records the engine's own bound dropped before they were sent (reported in batches). */
  droppedByEngine = 0;
  /** A gap in batch numbers: batches that never arrived (e.g. a reconnect). */
  missedBatches = 0;
  private lastBatch = 0;

  constructor(capacity = TRACE_CAPACITY) {
    this.capacity = capacity;
    this.seq = new Float64Array(capacity);
    this.t = new Float64Array(capacity);
    this.socket = new Uint16Array(capacity);
    this.dir = new Uint8Array(capacity);
    this.edge = new Int32Array(capacity);
    this.frames = new Uint32Array(capacity);
    this.bytes = new Uint32Array(capacity);
    this.msg = new Uint32Array(capacity);
    this.cause = new Uint32Array(capacity);
    this.preview = new Array<string>(capacity).fill('');
    this.blocked = new Float32Array(capacity);
    this.blockedBy = new Uint8Array(capacity);
    this.faultMark = new Uint8Array(capacity);
    this.held = new Float32Array(capacity);
  }

  get size(): number {
    return Math.min(this.total, this.capacity);
  }

  /** Every record dropped by a bound, the page's or the engine's: shown, never hidden. */
  get dropped(): number {
    return this.droppedHere + this.droppedByEngine;
  }

  clear(tables: TraceTables = NO_TABLES): void {
    this.tables = tables;
    this.total = 0;
    this.droppedHere = 0;
    this.droppedByEngine = 0;
    this.missedBatches = 0;
    this.lastBatch = 0;
    this.preview.fill('');
  }

  /** Appends a batch's rows (the oldest rows go when the ring is full). */
  append(batch: TraceBatch): void {
    this.droppedByEngine += batch.dropped;
    if (this.lastBatch > 0 && batch.batch > this.lastBatch + 1) this.missedBatches += batch.batch - this.lastBatch - 1;
    this.lastBatch = batch.batch;
    const held = this.size;
    let from = 0;
    let n = batch.count;
    // Only the newest `capacity` rows of a huge batch can stay; the rest are dropped on arrival.
    if (n > this.capacity) from = n - this.capacity;
    n -= from;
    this.droppedHere += from + Math.max(0, held + n - this.capacity);
    this.total += from;
    let at = this.total % this.capacity;
    while (n > 0) {
      const k = Math.min(n, this.capacity - at);
      this.copy(batch, from, at, k);
      from += k;
      at = (at + k) % this.capacity;
      n -= k;
      this.total += k;
    }
    if (batch.blocked) this.amend(batch.blocked);
    if (batch.faulted) this.amendFaults(batch.faulted);
  }

  /** Receives an edge fault dropped or held, told once the fault let go of them. */
  private amendFaults(faulted: readonly FaultedReceive[]): void {
    for (const f of faulted) {
      const i = this.indexOfSeq(f.seq);
      if (i < 0) continue;
      const k = this.slot(i);
      this.faultMark[k] = 1 + Math.max(0, FAULT_MARKS.indexOf(f.mark));
      this.held[k] = f.heldMs;
    }
  }

  /** Blocked sends told after their records came (in this batch or an earlier one); gone ones are skipped. */
  private amend(blocked: readonly BlockedSend[]): void {
    for (const b of blocked) {
      const i = this.indexOfSeq(b.seq);
      if (i < 0) continue;
      const k = this.slot(i);
      this.blocked[k] = b.ms;
      this.blockedBy[k] = Math.max(0, BLOCKED_BY.indexOf(b.by));
    }
  }

  /** Appends records that are already objects (an imported trace file being replayed). */
  appendRecords(records: readonly TraceRecord[]): void {
    const sockets = new Map(this.tables.sockets.map((s, i) => [`${s.node}\u0000${s.port}`, i]));
    const edges = new Map(this.tables.edges.map((e, i) => [e, i]));
    for (const r of records) {
      if (this.size === this.capacity) this.droppedHere++;
      const i = this.total % this.capacity;
      this.seq[i] = r.seq;
      this.t[i] = r.t;
      this.socket[i] = sockets.get(`${r.node}\u0000${r.port}`) ?? 0;
      this.dir[i] = r.dir === 'out' ? 0 : 1;
      this.edge[i] = edges.get(r.edge) ?? -1;
      this.frames[i] = r.frames;
      this.bytes[i] = r.bytes;
      this.msg[i] = r.msg;
      this.cause[i] = r.cause;
      this.preview[i] = r.preview;
      this.blocked[i] = r.blockedMs ?? 0;
      this.blockedBy[i] = r.blockedBy ? Math.max(0, BLOCKED_BY.indexOf(r.blockedBy)) : 0;
      this.faultMark[i] = r.faulted ? 1 + Math.max(0, FAULT_MARKS.indexOf(r.faulted)) : 0;
      this.held[i] = r.heldMs ?? 0;
      this.total++;
    }
  }

  private copy(batch: TraceBatch, from: number, at: number, n: number): void {
    const end = from + n;
    for (let k = 0; k < n; k++) this.seq[at + k] = batch.firstSeq + from + k;
    this.t.set(batch.t.subarray(from, end), at);
    this.socket.set(batch.socket.subarray(from, end), at);
    this.dir.set(batch.dir.subarray(from, end), at);
    this.edge.set(batch.edge.subarray(from, end), at);
    this.frames.set(batch.frames.subarray(from, end), at);
    this.bytes.set(batch.bytes.subarray(from, end), at);
    this.msg.set(batch.msg.subarray(from, end), at);
    this.cause.set(batch.cause.subarray(from, end), at);
    for (let k = 0; k < n; k++) this.preview[at + k] = batch.preview[from + k];
    // Rows come unblocked: an amendment (in this batch or a later one) marks the sends that waited.
    this.blocked.fill(0, at, at + n);
    this.faultMark.fill(0, at, at + n);
  }

  /** Ring slot of the i-th record held, 0 = the oldest. */
  private slot(i: number): number {
    return (this.total - this.size + i) % this.capacity;
  }

  // Column reads by position (0 = oldest held): views filter and draw without making objects.
  seqAt = (i: number): number => this.seq[this.slot(i)];
  tAt = (i: number): number => this.t[this.slot(i)];
  socketAt = (i: number): number => this.socket[this.slot(i)];
  dirAt = (i: number): Direction => (this.dir[this.slot(i)] === 0 ? 'out' : 'in');
  edgeIndexAt = (i: number): number => this.edge[this.slot(i)];
  msgAt = (i: number): number => this.msg[this.slot(i)];
  causeAt = (i: number): number => this.cause[this.slot(i)];
  previewAt = (i: number): string => this.preview[this.slot(i)];
  /** ms the send at position i waited in libzmq; 0 when it did not block. */
  blockedAt = (i: number): number => this.blocked[this.slot(i)];
  /** What an edge fault did to the receive at position i, if anything. */
  faultAt = (i: number): FaultMark | undefined => FAULT_MARKS[this.faultMark[this.slot(i)] - 1];
  nodeAt = (i: number): string => this.tables.sockets[this.socket[this.slot(i)]]?.node ?? '?';
  edgeAt = (i: number): string => {
    const e = this.edge[this.slot(i)];
    return e >= 0 ? (this.tables.edges[e] ?? 'unknown') : 'unknown';
  };

  /** The i-th record held (0 = oldest) as an object. */
  recordAt(i: number): TraceRecord {
    const k = this.slot(i);
    const s = this.tables.sockets[this.socket[k]] ?? { node: '?', port: '', socket: '?' };
    const e = this.edge[k];
    const record: TraceRecord = {
      seq: this.seq[k],
      t: this.t[k],
      node: s.node,
      port: s.port,
      socket: s.socket,
      dir: this.dir[k] === 0 ? 'out' : 'in',
      edge: e >= 0 ? (this.tables.edges[e] ?? 'unknown') : 'unknown',
      frames: this.frames[k],
      bytes: this.bytes[k],
      preview: this.preview[k],
      msg: this.msg[k],
      cause: this.cause[k],
    };
    if (this.blocked[k] > 0) {
      // Float32 holds ms to about 7 digits: round back to the engine's 0.1 ms.
      record.blockedMs = Math.round(this.blocked[k] * 10) / 10;
      record.blockedBy = BLOCKED_BY[this.blockedBy[k]] as BlockedBy;
    }
    const mark = FAULT_MARKS[this.faultMark[k] - 1];
    if (mark) {
      record.faulted = mark;
      record.heldMs = Math.round(this.held[k] * 10) / 10;
    }
    return record;
  }

  /** Position of the record with this seq, or -1 when it is not held (seqs increase along the ring). */
  indexOfSeq(seq: number): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.seqAt(mid);
      if (s === seq) return mid;
      if (s < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Position of the first record appended after the ring's `total` was `seen` (clamped to what is held). */
  positionAfter(seen: number): number {
    return Math.max(0, this.size - (this.total - seen));
  }
}
