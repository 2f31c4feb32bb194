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
  return out;
}
