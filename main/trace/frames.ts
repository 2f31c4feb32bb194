/**
 * The full frames of the most recent records, for the message inspector. The trace ring keeps
 * only a short preview per record; this keeps references to the last few thousand messages'
 * frames (no copy for ordinary sizes), so an inspector can show every frame of what just happened.
 */

/** Frames of a record as the inspector receives them. */
export interface KeptFrames {
  frames: readonly Uint8Array[];
  /** True when big frames were cut to keep the store bounded. */
  truncated: boolean;
}

export const KEPT_RECORDS = 4096;
/** Per record; bigger messages keep a copy of their first bytes (bounds the store to ~64 MiB). */
export const KEPT_BYTES = 16_384;

export class FrameStore {
  private readonly seqs: Float64Array;
  private readonly slots: (readonly Uint8Array[] | undefined)[];
  private readonly cut: Uint8Array;

  constructor(private readonly capacity = KEPT_RECORDS) {
    this.seqs = new Float64Array(capacity);
    this.slots = new Array<readonly Uint8Array[] | undefined>(capacity);
    this.cut = new Uint8Array(capacity);
  }

  /** Keeps the frames of record `seq`; the hot path does two array stores for ordinary messages. */
  keep(seq: number, frames: readonly Uint8Array[], bytes: number): void {
    const i = seq % this.capacity;
    this.seqs[i] = seq;
    if (bytes <= KEPT_BYTES) {
      this.slots[i] = frames;
      this.cut[i] = 0;
    } else {
      this.slots[i] = truncate(frames);
      this.cut[i] = 1;
    }
  }

  /** The frames of record `seq`, or undefined once newer records took its place. */
  get(seq: number): KeptFrames | undefined {
    const i = seq % this.capacity;
    const frames = this.slots[i];
    if (this.seqs[i] !== seq || !frames) return undefined;
    return { frames, truncated: this.cut[i] === 1 };
  }
}

function truncate(frames: readonly Uint8Array[]): Uint8Array[] {
  let left = KEPT_BYTES;
  const out: Uint8Array[] = [];
  for (const f of frames) {
    const n = Math.min(f.length, left);
    out.push(f.slice(0, n));
    left -= n;
  }
  return out;
}
