/**
 * The preview column of the trace ring. A record only holds on to its frames while its batch is
 * not cut yet; the cut settles it: it copies the first PREVIEW_BYTES of the body (what later
 * questions read: lost messages, blocked sends) and lets the frames go to the inspector's store.
 *
 * Why not copy on the way: per-message work on the engine's thread costs zeromq's own I/O several
 * times its CPU time (measured, bench/README.md), while the same work done once per batch, every
 * 50 ms, costs about its CPU time. So a message costs one array store here, and the copying
 * happens at the cut, off the message path.
 */
import { decodePreviewRange, preview, PREVIEW_BYTES } from './body';

/** `length` of a record whose preview is the one of the record it is the same message as (see `settle`). */
const LINKED = 255;

export class PreviewColumn {
  /** The frames of records not settled yet (their batch is not cut); undefined once settled. */
  private readonly held: (readonly Uint8Array[] | undefined)[];
  /** Index of the first body frame of each record (after the envelope). */
  private readonly bodyStart: Uint32Array;
  /** PREVIEW_BYTES per settled record of the first body frame. */
  private readonly bytes: Buffer;
  private readonly length: Uint8Array;
  /** Bit 0: the frame was longer than the preview; bits 1..: body frames after the first. */
  private readonly info: Uint32Array;

  constructor(capacity: number) {
    this.held = new Array<readonly Uint8Array[] | undefined>(capacity).fill(undefined);
    this.bodyStart = new Uint32Array(capacity);
    this.bytes = Buffer.alloc(capacity * PREVIEW_BYTES);
    this.length = new Uint8Array(capacity);
    this.info = new Uint32Array(capacity);
  }

  /** A record was written to slot `i`: remember its frames until its batch is cut. */
  hold(i: number, frames: readonly Uint8Array[], bodyStart: number): void {
    this.held[i] = frames;
    this.bodyStart[i] = bodyStart;
  }

  /** The frames slot `i` still holds (its batch is not cut yet), or undefined. */
  heldFrames(i: number): readonly Uint8Array[] | undefined {
    return this.held[i];
  }

  /**
   * Copies the preview bytes of slot `i` out of its frames and drops them; returns the frames it
   * held. `linked`: the record is a receive whose send is still in the ring with the same body, so
   * it copies nothing and its preview is the send's from now on.
   */
  settle(i: number, linked: boolean): readonly Uint8Array[] | undefined {
    const frames = this.held[i];
    if (frames === undefined) return undefined;
    this.held[i] = undefined;
    if (linked) {
      this.length[i] = LINKED;
      return frames;
    }
    const start = this.bodyStart[i];
    if (start >= frames.length) {
      this.length[i] = 0;
      this.info[i] = 0;
      return frames;
    }
    const first = frames[start];
    const n = first.length < PREVIEW_BYTES ? first.length : PREVIEW_BYTES;
    const at = i * PREVIEW_BYTES;
    this.bytes.set(n === first.length ? first : first.subarray(0, n), at);
    this.length[i] = n;
    this.info[i] = (first.length > n ? 1 : 0) | ((frames.length - start - 1) << 1);
    return frames;
  }

  /** Whether slot `i` was settled as the same message as an earlier record (its preview is that one's). */
  isLinked(i: number): boolean {
    return this.held[i] === undefined && this.length[i] === LINKED;
  }

  /** The preview text of slot `i`, settled or not (not for a linked one: ask the record it links to). */
  text(i: number): string {
    const frames = this.held[i];
    if (frames !== undefined) return preview(frames, this.bodyStart[i]);
    const at = i * PREVIEW_BYTES;
    const info = this.info[i];
    return decodePreviewRange(this.bytes, at, at + this.length[i], (info & 1) === 1, info >>> 1);
  }
}
