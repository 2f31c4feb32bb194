/**
 * The trace's hot storage: preallocated typed-array columns used as a ring. Writing a record
 * is a handful of array stores; objects appear only when a batch is cut (DESIGN.md: columns
 * cost ~13% of throughput where objects + JSON cost ~37%).
 */
import type { TraceBatch } from '../../shared/trace';

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
  private readonly preview: string[];
  /** seq of the next record written (seq starts at 1). */
  private nextSeq = 1;
  /** seq of the first record not yet cut into a batch. */
  private unflushed = 1;
  private batches = 0;
  private droppedSinceBatch = 0;
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
    this.preview = new Array<string>(capacity).fill('');
  }

  get written(): number {
    return this.nextSeq - 1;
  }

  get pending(): number {
    return this.nextSeq - this.unflushed;
  }

  /** Appends one record and returns its seq. Overwrites unflushed records past capacity, counting them. */
  push(t: number, socket: number, dir: 0 | 1, edge: number, frames: number, bytes: number, msg: number, cause: number, preview: string): number {
    const seq = this.nextSeq++;
    const i = seq % this.capacity;
    this.t[i] = t;
    this.socket[i] = socket;
    this.dir[i] = dir;
    this.edge[i] = edge;
    this.frames[i] = frames;
    this.bytes[i] = bytes;
    this.msg[i] = msg;
    this.cause[i] = cause;
    this.preview[i] = preview;
    if (seq - this.unflushed >= this.capacity) {
      this.unflushed++;
      this.droppedSinceBatch++;
      this.totalDropped++;
    }
    return seq;
  }

  /** Sets the edge of a record still in the ring (a send whose receiver told which edge it took). */
  setEdge(seq: number, edge: number): void {
    if (seq >= this.unflushed && seq < this.nextSeq) this.edge[seq % this.capacity] = edge;
  }

  /** Cuts every unflushed record into a batch (copies: the ring keeps being written). */
  cut(): TraceBatch | undefined {
    const count = this.nextSeq - this.unflushed;
    if (count === 0 && this.droppedSinceBatch === 0) return undefined;
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
      preview: new Array<string>(count),
    };
    for (let k = 0; k < count; k++) {
      const i = (first + k) % this.capacity;
      batch.t[k] = this.t[i];
      batch.socket[k] = this.socket[i];
      batch.dir[k] = this.dir[i];
      batch.edge[k] = this.edge[i];
      batch.frames[k] = this.frames[i];
      batch.bytes[k] = this.bytes[i];
      batch.msg[k] = this.msg[i];
      batch.cause[k] = this.cause[i];
      batch.preview[k] = this.preview[i];
    }
    this.unflushed = this.nextSeq;
    this.droppedSinceBatch = 0;
    return batch;
  }
}
