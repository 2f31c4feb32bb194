/**
 * Trace records: one per send or receive the engine performs (DESIGN.md).
 * On the hot path they live in columns; a TraceBatch carries a slice of those columns across
 * the process boundary, and `batchRecords` turns it into objects only where a reader needs them.
 */

export type Direction = 'out' | 'in';

export interface TraceRecord {
  seq: number;
  /** ms since the run started, µs precision. */
  t: number;
  node: string;
  /** Port of a device or worker (`frontend`, `backend`, `in`, `out`); '' for a plain socket. */
  port: string;
  socket: string;
  dir: Direction;
  /** Edge id the message travelled over; 'unknown' when it cannot be told. */
  edge: string;
  frames: number;
  bytes: number;
  /** Text preview of the body frames, truncated; `bytes` keeps the true size. */
  preview: string;
  /** Message id: a send and the receives that match it share it. */
  msg: number;
  /** Id of the message this one came from (a forward, a reply, a worker's result); 0 for none. */
  cause: number;
  /** A send only: how long it waited in libzmq (mute state), when that was BLOCKED_SEND_MS or more. */
  blockedMs?: number;
  /** Why it waited, when blockedMs is set (see BlockedBy). */
  blockedBy?: BlockedBy;
  /** A receive only: what an injected fault on its edge did to it (see FaultMark). */
  faulted?: FaultMark;
  /** With `faulted`: how long the fault held it before its reader got it (or it was dropped), ms. */
  heldMs?: number;
}

/**
 * A send that waits at least this long in libzmq is reported as blocked. 20 ms is above what a busy
 * engine's own event loop adds to a send that went straight out (a batch cut, a GC pause: a few
 * ms), and far below what a person notices: a wait this long is a full queue or a missing peer.
 */
export const BLOCKED_SEND_MS = 20;

/**
 * Why a send blocked, as the engine can tell it: `high-water-mark` when the app's own peers had
 * messages of this socket not yet received (its queues held some: they were full); `no-peer` when
 * they had none (empty queues cannot be full: libzmq had no peer to queue for); `unknown` when an
 * outside program is wired to it (what that program holds is not known).
 */
export const BLOCKED_BY = ['high-water-mark', 'no-peer', 'unknown'] as const;
export type BlockedBy = (typeof BLOCKED_BY)[number];

/** A send that blocked, told after its record was written (the record may be in an earlier batch). */
export interface BlockedSend {
  seq: number;
  /** ms, 0.1 ms precision. */
  ms: number;
  by: BlockedBy;
}

/**
 * What an injected edge fault did to a message its receiver's socket took in: `dropped`, its
 * reader never got it (drop every Nth); `held`, its reader got it late (delay, suspend). The
 * record stays in the trace either way: the socket did receive it.
 */
export const FAULT_MARKS = ['dropped', 'held'] as const;
export type FaultMark = (typeof FAULT_MARKS)[number];

/** A faulted receive, told when the fault let go of it (its record may be in an earlier batch). */
export interface FaultedReceive {
  seq: number;
  mark: FaultMark;
  /** ms the fault held it, 0.1 ms precision (0: dropped at once). */
  heldMs: number;
}

/** Per-run tables that the numeric columns of a batch index into. */
export interface TraceTables {
  /** One row per socket the run owns: index = socket id in the columns. */
  sockets: { node: string; port: string; socket: string }[];
  edges: string[];
}

/** A columnar slice of the trace: row i of every column is one record. */
export interface TraceBatch {
  /** Batch number, from 1, so a reader notices a gap. */
  batch: number;
  /** seq of the first row; rows are consecutive. */
  firstSeq: number;
  count: number;
  /** Records the recorder had to drop since the previous batch (bounds reached). */
  dropped: number;
  t: Float64Array;
  socket: Uint16Array;
  /** 0 = out, 1 = in */
  dir: Uint8Array;
  /** Index into tables.edges, -1 unknown. */
  edge: Int32Array;
  frames: Uint32Array;
  bytes: Uint32Array;
  msg: Uint32Array;
  cause: Uint32Array;
  preview: string[];
  /**
   * Sends that blocked and returned since the previous batch: amendments to records of this batch
   * or of earlier ones (a send's record is written when it starts; its wait is known when it ends).
   */
  blocked?: BlockedSend[];
  /** Receives an edge fault dropped or held since the previous batch: amendments, like `blocked`. */
  faulted?: FaultedReceive[];
}

/** A send no receiver took by the end of the run (slow joiner, high-water mark, dead peer). */
export interface LostMessage {
  msg: number;
  /** The node that sent it. */
  node: string;
  /** The node that was owed it but never got it (fan-out), or '' when any receiver would do. */
  owedTo: string;
  preview: string;
  t: number;
}

/** Records as objects, with the batch's blocked amendments applied to its own rows (see amendBlocked for earlier ones). */
export function batchRecords(batch: TraceBatch, tables: TraceTables): TraceRecord[] {
  const out: TraceRecord[] = [];
  for (let i = 0; i < batch.count; i++) {
    const s = tables.sockets[batch.socket[i]] ?? { node: '?', port: '', socket: '?' };
    const e = batch.edge[i];
    out.push({
      seq: batch.firstSeq + i,
      t: batch.t[i],
      node: s.node,
      port: s.port,
      socket: s.socket,
      dir: batch.dir[i] === 0 ? 'out' : 'in',
      edge: e >= 0 ? (tables.edges[e] ?? 'unknown') : 'unknown',
      frames: batch.frames[i],
      bytes: batch.bytes[i],
      preview: batch.preview[i],
      msg: batch.msg[i],
      cause: batch.cause[i],
    });
  }
  amendRecords(out, batch);
  return out;
}

/** The index of the record with this seq in records kept in increasing seq order, or -1. */
function indexOfSeq(records: readonly TraceRecord[], seq: number): number {
  let lo = 0;
  let hi = records.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = records[mid].seq;
    if (at === seq) return mid;
    if (at < seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Applies blocked amendments to records kept as objects, in increasing seq order (a binary search
 * per amendment: they are few, at most one per socket per BLOCKED_SEND_MS). Returns how many it found.
 */
export function amendBlocked(records: readonly TraceRecord[], blocked: readonly BlockedSend[] | undefined): number {
  let found = 0;
  for (const b of blocked ?? []) {
    const i = indexOfSeq(records, b.seq);
    if (i < 0) continue;
    records[i].blockedMs = b.ms;
    records[i].blockedBy = b.by;
    found++;
  }
  return found;
}

/** Applies faulted-receive amendments the same way; returns how many it found. */
export function amendFaulted(records: readonly TraceRecord[], faulted: readonly FaultedReceive[] | undefined): number {
  let found = 0;
  for (const f of faulted ?? []) {
    const i = indexOfSeq(records, f.seq);
    if (i < 0) continue;
    records[i].faulted = f.mark;
    records[i].heldMs = f.heldMs;
    found++;
  }
  return found;
}

/** Applies every amendment a batch carries to records kept in increasing seq order (its own rows or earlier ones). */
export function amendRecords(records: readonly TraceRecord[], batch: Pick<TraceBatch, 'blocked' | 'faulted'>): void {
  amendBlocked(records, batch.blocked);
  amendFaulted(records, batch.faulted);
}
