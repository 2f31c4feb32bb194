/**
 * The preview column of the trace ring: the first PREVIEW_BYTES of each record's body, copied
 * when the record is written (strings are made only when a batch is cut). Copying keeps nothing
 * of the message alive: holding its frames until the cut instead was measured to cost more, in
 * young-generation garbage collection, than the copy does. A receive of the same body as the
 * send it matched copies nothing: it links to the send's slot (the ring keeps that slot alive
 * until the receive is cut, see TraceRing.push).
 */
import { decodePreviewRange, PREVIEW_BYTES } from './body';

export class PreviewColumn {
  private readonly bytes: Buffer;
  private readonly length: Uint8Array;
  /** Bit 0: the frame was longer than the preview; bits 1..: body frames after the first. */
  private readonly info: Uint32Array;
  /** The slot whose bytes a linked record shows, -1 for a record with its own. */
  private readonly linkedTo: Int32Array;

  constructor(capacity: number) {
    this.bytes = Buffer.alloc(capacity * PREVIEW_BYTES);
    this.length = new Uint8Array(capacity);
    this.info = new Uint32Array(capacity);
    this.linkedTo = new Int32Array(capacity).fill(-1);
  }

  /**
   * Keeps the preview of slot `i` from its frames. `sameSlot`: the slot of the send a receive
   * matched (same body), or -1; when that preview has the same shape, slot `i` links to it.
   */
  keep(i: number, frames: readonly Uint8Array[], start: number, sameSlot: number): void {
    if (start >= frames.length) {
      this.length[i] = 0;
      this.info[i] = 0;
      this.linkedTo[i] = -1;
      return;
    }
    const first = frames[start];
    const n = first.length < PREVIEW_BYTES ? first.length : PREVIEW_BYTES;
    const info = (first.length > n ? 1 : 0) | ((frames.length - start - 1) << 1);
    this.length[i] = n;
    this.info[i] = info;
    if (sameSlot >= 0 && this.length[sameSlot] === n && this.info[sameSlot] === info && this.linkedTo[sameSlot] < 0) {
      this.linkedTo[i] = sameSlot;
      return;
    }
    this.linkedTo[i] = -1;
    const at = i * PREVIEW_BYTES;
    const to = this.bytes;
    // No Buffer#copy or subarray: each makes a view object per call, which is garbage per message.
    if (n === first.length) to.set(first, at);
    else for (let k = 0; k < n; k++) to[at + k] = first[k];
  }

  /** Whether slot `i` shows the bytes of another slot (a receive linked to its send). */
  isLinked(i: number): boolean {
    return this.linkedTo[i] >= 0;
  }

  /** The preview text of slot `i` (of the slot it links to, if it does). */
  text(slot: number): string {
    const i = this.linkedTo[slot] < 0 ? slot : this.linkedTo[slot];
    const at = i * PREVIEW_BYTES;
    const info = this.info[i];
    return decodePreviewRange(this.bytes, at, at + this.length[i], (info & 1) === 1, info >>> 1);
  }
}
