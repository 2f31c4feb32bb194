/**
 * The trace's hot storage: preallocated typed-array columns used as a ring. Writing a record
 * is a handful of array stores; objects appear only when a batch is cut (DESIGN.md: columns
 * cost ~13% of throughput where objects + JSON cost ~37%).
 */
import type { BlockedBy, BlockedSend, FaultMark, FaultedReceive, TraceBatch } from '../../shared/trace';
import { PreviewColumn } from './previews';

export class TraceRing {
  readonly capacity: number;
  private readonly t: Float64Array;
  private readonly socket: Uint16Array;
  private readonly dir: Uint8Array;
  readonly edge: Int32Array;
  private readonly frames: Uint32Array;
  private readonly bytes: Uint32Array;
  private readonly msg: Uint32Array;
  private readonly cause: Uint32Array;
  /** PREVIEW_BYTES per record of the first body frame; strings are made only when a batch is cut. */
  private readonly previews: PreviewColumn;
  /** seq of an earlier record with the same body (the send a receive matched), 0 for none. */
  private readonly sameAs: Float64Array;
  /** seq of the next record written (seq starts at 1). */
  private nextSeq = 1;
  /** seq of the first record not yet cut into a batch. */
  private unflushed = 1;
  private batches = 0;
  private droppedSinceBatch = 0;
  /** Blocked sends told since the last cut (few: one per socket per 20 ms at most, so no bound). */
  private blocked: BlockedSend[] = [];
  /** Receives an edge fault dropped or held, told since the last cut (few: faults are set by hand). */
  private faulted: FaultedReceive[] = [];
  totalDropped = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.t = new Float64Array(capacity);
    this.socket = new Uint16Array(capacity);
    this.dir = new Uint8Array(capacity);
    this.edge = new Int32Array(capacity);
    this.frames = new Uint32Array(capacity);
    this.bytes = new Uint32Array(capacity);
    this.msg = new Uint32Array(capacity);
    this.cause = new Uint32Array(capacity);
    this.previews = new PreviewColumn(capacity);
    this.sameAs = new Float64Array(capacity);
  }

  /** Appends one record and returns its seq. Overwrites unflushed records past capacity, counting them. */
  push(
    t: number,
    socket: number,
    dir: 0 | 1,
    edge: number,
    frames: readonly Uint8Array[],
    bodyStart: number,
    bytes: number,
    msg: number,
    cause: number,
    sameAs = 0,
  ): number {
    const seq = this.nextSeq++;
    const i = seq % this.capacity;
    this.t[i] = t;
    this.socket[i] = socket;
    this.dir[i] = dir;
    this.edge[i] = edge;
    this.frames[i] = frames.length;
    this.bytes[i] = bytes;
    this.msg[i] = msg;
    this.cause[i] = cause;
    // A receive's body is its send's: it may show the send's preview bytes, if the send is recent
    // enough to stay in the ring until this record is cut (the recorder cuts at half the capacity).
    this.previews.keep(i, frames, bodyStart, sameAs > 0 && seq - sameAs < this.capacity / 2 ? sameAs % this.capacity : -1);
    this.sameAs[i] = sameAs;
    if (seq - this.unflushed >= this.capacity) {
      this.unflushed++;
      this.droppedSinceBatch++;
      this.totalDropped++;
    }
    return seq;
  }

  /** The preview of a record still in the ring, or undefined once it (or the send it shows) was overwritten. */
  previewOf(seq: number): string | undefined {
    if (!this.has(seq)) return undefined;
    const i = seq % this.capacity;
    return !this.previews.isLinked(i) || this.has(this.sameAs[i]) ? this.previews.text(i) : undefined;
  }

  /** Records written and not cut into a batch yet. */
  get unflushedCount(): number {
    return this.nextSeq - this.unflushed;
  }

  private has(seq: number): boolean {
    return seq > this.nextSeq - 1 - this.capacity && seq < this.nextSeq;
  }

  /** Sets the edge of a record still in the ring (a send whose receiver told which edge it took). */
  setEdge(seq: number, edge: number): void {
    if (seq >= this.unflushed && seq < this.nextSeq) this.edge[seq % this.capacity] = edge;
  }

  /** A receive an edge fault dropped or held: carried by the next batch as an amendment, like a blocked send. */
  fault(seq: number, mark: FaultMark, heldMs: number): void {
    this.faulted.push({ seq, mark, heldMs });
  }

  /** A send that blocked: carried by the next batch as an amendment, whether its record was cut already or not. */
  block(seq: number, ms: number, by: BlockedBy): void {
    this.blocked.push({ seq, ms, by });
  }

  private copy(batch: TraceBatch, to: number, from: number, n: number): void {
    const firstSeq = batch.firstSeq;
    const end = from + n;
    batch.t.set(this.t.subarray(from, end), to);
    batch.socket.set(this.socket.subarray(from, end), to);
    batch.dir.set(this.dir.subarray(from, end), to);
    batch.edge.set(this.edge.subarray(from, end), to);
    batch.frames.set(this.frames.subarray(from, end), to);
    batch.bytes.set(this.bytes.subarray(from, end), to);
    batch.msg.set(this.msg.subarray(from, end), to);
    batch.cause.set(this.cause.subarray(from, end), to);
    for (let k = 0; k < n; k++) {
      // A receive shows the same body as the send it matched: decode once per message when both are here.
      const same = this.sameAs[from + k] - firstSeq;
      batch.preview[to + k] = same >= 0 && same < to + k ? batch.preview[same] : (this.previewOf(firstSeq + to + k) ?? '');
    }
  }

  /** Cuts every unflushed record into a batch (copies: the ring keeps being written). */
  cut(): TraceBatch | undefined {
    const count = this.nextSeq - this.unflushed;
    if (count === 0 && this.droppedSinceBatch === 0 && this.blocked.length === 0 && this.faulted.length === 0) return undefined;
    const first = this.unflushed;
    const batch: TraceBatch = {
      batch: ++this.batches,
      firstSeq: first,
      count,
      dropped: this.droppedSinceBatch,
      t: new Float64Array(count),
      socket: new Uint16Array(count),
      dir: new Uint8Array(count),
      edge: new Int32Array(count),
      frames: new Uint32Array(count),
      bytes: new Uint32Array(count),
      msg: new Uint32Array(count),
      cause: new Uint32Array(count),
      // Every index is written by copy() below: no fill first.
      preview: new Array<string>(count),
    };
    if (this.faulted.length > 0) {
      batch.faulted = this.faulted;
      this.faulted = [];
    }
    if (this.blocked.length > 0) {
      batch.blocked = this.blocked;
      this.blocked = [];
    }
    // At most two contiguous segments (the ring may wrap): block copies, not a loop per record.
    const from = first % this.capacity;
    const head = Math.min(count, this.capacity - from);
    this.copy(batch, 0, from, head);
    if (head < count) this.copy(batch, head, 0, count - head);
    this.unflushed = this.nextSeq;
    this.droppedSinceBatch = 0;
    return batch;
  }
}
