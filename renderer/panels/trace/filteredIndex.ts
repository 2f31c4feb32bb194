/**
 * The rows of a filtered trace table, kept up to date incrementally: a batch scans only the
 * records appended since the last update, and records the ring's bound pushed out leave from the
 * front. Rows are stored as record ordinals (0 = the first record since the ring was cleared),
 * which stay the same while the ring slides; a ring position is the ordinal minus the ordinal of
 * the oldest record held.
 */
import type { RecordTest, TraceColumns } from './filter';

export interface IndexChange {
  /** The ring was cleared (a new run or a loaded file): every row is new. */
  reset: boolean;
  /** Rows appended at the end. */
  added: number;
  /** Rows that left at the front (the ring's bound dropped their records). */
  removedFront: number;
}

const first = (ring: TraceColumns): number => ring.total - ring.size;

export class FilteredIndex {
  /** Matching ordinals live in [head, tail) of this array. */
  private ords = new Float64Array(1024);
  private head = 0;
  private tail = 0;
  /** ring.total when last scanned, and the seq of the last record scanned (to notice a clear). */
  private scanned = 0;
  private lastSeq = -1;
  private tables: unknown;
  /** Records held (the unfiltered row count) and the oldest one's ordinal, at the last update. */
  private held = 0;
  private firstOrdinal = 0;
  /** Rows ever matched since the last reset, for "N new" counts. */
  matchedEver = 0;

  /** `test` undefined: every record is a row (no ordinals are stored). */
  constructor(private readonly test: RecordTest | undefined) {}

  /** Rows in the table now. */
  get count(): number {
    return this.test ? this.tail - this.head : this.held;
  }

  /** Ordinal of row `row` (0 = the oldest row). */
  ordinalAt(row: number): number {
    return this.test ? this.ords[this.head + row] : this.firstOrdinal + row;
  }

  /**
   * Ring position of row `row` in the ring as it is now (batches may have landed since the last
   * update); negative when the bound has pushed its record out since.
   */
  positionAt(ring: TraceColumns, row: number): number {
    return this.ordinalAt(row) - first(ring);
  }

  /** The row showing record `seq`, or -1 when it is not a row. */
  rowOfSeq(ring: TraceColumns, seq: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.positionAt(ring, mid);
      const s = at < 0 ? -1 : ring.seqAt(at);
      if (s === seq) return mid;
      if (s < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Brings the rows up to date with the ring. */
  update(ring: TraceColumns): IndexChange {
    const reset = this.wasCleared(ring);
    if (reset) this.clear();
    const before = this.count;
    const oldFirst = this.firstOrdinal;
    this.firstOrdinal = first(ring);
    this.held = ring.size;
    let removedFront: number;
    if (this.test) {
      const h = this.head;
      while (this.head < this.tail && this.ords[this.head] < this.firstOrdinal) this.head++;
      removedFront = this.head - h;
      const from = Math.max(this.scanned, this.firstOrdinal);
      for (let o = from; o < ring.total; o++) if (this.test(ring, o - this.firstOrdinal)) this.push(o);
    } else {
      removedFront = reset ? 0 : Math.max(0, this.firstOrdinal - oldFirst);
      this.matchedEver += ring.total - this.scanned;
    }
    this.scanned = ring.total;
    this.tables = ring.tables;
    this.lastSeq = ring.size > 0 ? ring.seqAt(ring.size - 1) : -1;
    return { reset, added: this.count - before + removedFront, removedFront };
  }

  private wasCleared(ring: TraceColumns): boolean {
    if (ring.tables !== this.tables || ring.total < this.scanned) return true;
    // The record last scanned must still be what it was, when the ring still holds it.
    const at = this.scanned - 1 - first(ring);
    return this.scanned > 0 && at >= 0 && ring.seqAt(at) !== this.lastSeq;
  }

  private clear(): void {
    this.head = this.tail = this.scanned = this.held = this.firstOrdinal = 0;
    this.matchedEver = 0;
    this.lastSeq = -1;
  }

  private push(ordinal: number): void {
    if (this.tail === this.ords.length) {
      const live = this.tail - this.head;
      // Reuse the space the front left when there is plenty; otherwise grow.
      if (live * 2 <= this.ords.length) this.ords.copyWithin(0, this.head, this.tail);
      else {
        const next = new Float64Array(this.ords.length * 2);
        next.set(this.ords.subarray(this.head, this.tail));
        this.ords = next;
      }
      this.head = 0;
      this.tail = live;
    }
    this.ords[this.tail++] = ordinal;
    this.matchedEver++;
  }
}
