/**
 * Request/reply round trips measured from the trace ring, incrementally: each update reads only
 * the records appended since the last one. A round trip is a request sent by a REQ/DEALER
 * socket and the first reply received back on the same socket, where the reply is linked to the
 * request through cause links (directly, or through a queue's forwards and the server's reply).
 */
import type { Direction, TraceTables } from '../../../shared/trace';

/** What the tracker reads: TraceRing's counters and column accessors. */
export interface LatencySource {
  readonly total: number;
  readonly size: number;
  readonly tables: TraceTables;
  positionAfter(seen: number): number;
  tAt(i: number): number;
  socketAt(i: number): number;
  dirAt(i: number): Direction;
  msgAt(i: number): number;
  causeAt(i: number): number;
}

/** Socket types whose sends are requests that wait for a reply. */
const REQUESTERS = new Set(['REQ', 'DEALER', 'CLIENT']);
/** Messages remembered for linking replies; the oldest go first past this. */
const MAX_PENDING = 65_536;
export const MAX_SAMPLES = 20_000;

interface Origin {
  msg: number;
  socket: number;
  t: number;
  answered: boolean;
}

export interface Histogram {
  /** Bin boundaries, ms: bin i holds values from edges[i] up to edges[i + 1]. */
  edges: number[];
  counts: number[];
  /** Log-spaced bins: latencies that span orders of magnitude (µs and a slow first connect) stay readable. */
  log: boolean;
}

export class RoundTrips {
  private tables?: TraceTables;
  private seen = 0;
  /** message id → the request it descends from (only messages that descend from one). */
  private origins = new Map<number, Origin>();
  private readonly samples = new Float64Array(MAX_SAMPLES);
  /** Round trips ever measured since the last reset (the newest MAX_SAMPLES are kept). */
  count = 0;

  private reset(tables: TraceTables): void {
    this.tables = tables;
    this.seen = 0;
    this.origins.clear();
    this.count = 0;
  }

  /** Reads the records appended since the last call; true when new round trips were measured. */
  update(src: LatencySource): boolean {
    // A new run clears the ring and brings new tables.
    if (src.tables !== this.tables || src.total < this.seen) this.reset(src.tables);
    const before = this.count;
    const requesters = src.tables.sockets.map((s) => REQUESTERS.has(s.socket));
    for (let i = src.positionAfter(this.seen); i < src.size; i++) {
      const msg = src.msgAt(i);
      if (src.dirAt(i) === 'out') {
        const cause = src.causeAt(i);
        const origin = cause !== 0 ? this.origins.get(cause) : requesters[src.socketAt(i)] ? { msg, socket: src.socketAt(i), t: src.tAt(i), answered: false } : undefined;
        if (origin) this.remember(msg, origin);
      } else {
        const origin = this.origins.get(msg);
        if (origin && !origin.answered && origin.msg !== msg && origin.socket === src.socketAt(i)) {
          origin.answered = true;
          this.samples[this.count % MAX_SAMPLES] = src.tAt(i) - origin.t;
          this.count++;
        }
      }
    }
    this.seen = src.total;
    return this.count !== before;
  }

  private remember(msg: number, origin: Origin): void {
    if (this.origins.size >= MAX_PENDING) {
      let drop = MAX_PENDING >> 3;
      for (const k of this.origins.keys()) {
        this.origins.delete(k);
        if (--drop === 0) break;
      }
    }
    this.origins.set(msg, origin);
  }

  /** The kept round trips (ms), sorted ascending. */
  sorted(): Float64Array {
    return this.samples.slice(0, Math.min(this.count, MAX_SAMPLES)).sort();
  }
}

/** The p-th percentile (0..100) of sorted values, nearest rank; NaN when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * n);
  return sorted[Math.min(n - 1, Math.max(0, rank - 1))];
}

/** Past this max/min ratio the bins are log-spaced. */
const LOG_RATIO = 20;
/** Round trips are never 0 in practice; a floor keeps the log bins defined. */
const FLOOR_MS = 0.001;

/** Bins from the smallest to the largest value: equal width, or log-spaced when they span orders of magnitude. */
export function histogram(sorted: ArrayLike<number>, bins: number): Histogram {
  const n = sorted.length;
  if (n === 0) return { edges: [], counts: [], log: false };
  const lo = Math.max(sorted[0], FLOOR_MS);
  const hi = Math.max(sorted[n - 1], lo);
  if (hi === lo) return { edges: [lo * 0.95, lo * 1.05], counts: [n], log: false };
  const log = hi / lo > LOG_RATIO;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (log ? lo * (hi / lo) ** (i / bins) : lo + ((hi - lo) * i) / bins));
  const span = log ? Math.log(hi / lo) : hi - lo;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) {
    const v = Math.max(sorted[i], FLOOR_MS);
    const at = log ? Math.log(v / lo) : v - lo;
    counts[Math.min(bins - 1, Math.floor((at / span) * bins))]++;
  }
  return { edges, counts, log };
}
