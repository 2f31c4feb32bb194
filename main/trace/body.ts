/**
 * What part of a message identifies it on both sides of a hop. A ROUTER prepends the peer's
 * identity and REQ/REP hide the empty delimiter, so the same message looks different at each
 * end; its *body* (the frames after the envelope) is the same everywhere (DESIGN.md).
 */
import type { SocketType } from '../../shared/patterns';

/** Index of the first body frame of `frames` as seen by a socket of this type. */
export function bodyStart(type: SocketType, frames: readonly Uint8Array[]): number {
  if (type !== 'ROUTER' && type !== 'DEALER') return 0;
  const from = type === 'ROUTER' ? 1 : 0;
  for (let i = from; i < frames.length; i++) if (frames[i].length === 0) return i + 1;
  return Math.min(from, frames.length);
}

const SAMPLE = 64;

/**
 * FNV-1a over the body: frame count, each frame's length and up to 64 bytes of its head and
 * tail. Sampling keeps the hot path cheap for large messages; a collision only matters between
 * equal-length messages in flight at once, and FIFO order per pipe still matches them right.
 */
export function bodyHash(frames: readonly Uint8Array[], start: number): number {
  let h = 0x811c9dc5 ^ (frames.length - start);
  for (let f = start; f < frames.length; f++) {
    const b = frames[f];
    const n = b.length;
    h = Math.imul(h ^ n, 0x01000193);
    const head = n < SAMPLE ? n : SAMPLE;
    for (let i = 0; i < head; i++) h = Math.imul(h ^ b[i], 0x01000193);
    for (let i = n - SAMPLE > head ? n - SAMPLE : head; i < n; i++) h = Math.imul(h ^ b[i], 0x01000193);
  }
  return h >>> 0;
}

/** How many bytes of a message's first body frame the trace keeps for its preview. */
export const PREVIEW_BYTES = 48;

/**
 * A short text view of a body: its first frame as text when printable, else hex; truncation
 * shown with '…', further frames counted. `bytes` are at most PREVIEW_BYTES of the first frame.
 */
export function decodePreview(bytes: Uint8Array, truncated: boolean, moreFrames: number): string {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return decodePreviewRange(buf, 0, buf.length, truncated, moreFrames);
}

/** decodePreview over `buf[start, end)` without making a view (the ring decodes in place). */
export function decodePreviewRange(buf: Buffer, start: number, end: number, truncated: boolean, moreFrames: number): string {
  let printable = true;
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0x7f) {
      printable = false;
      break;
    }
  }
  const head = printable ? buf.toString('utf8', start, end) : '0x' + buf.toString('hex', start, end);
  if (!truncated && moreFrames === 0) return head;
  return head + (truncated ? '…' : '') + (moreFrames > 0 ? ` (+${moreFrames} frame${moreFrames > 1 ? 's' : ''})` : '');
}

/** The preview of a message from its frames (off the hot path: the ring keeps bytes instead). */
export function preview(frames: readonly Uint8Array[], start: number): string {
  if (start >= frames.length) return '';
  const first = frames[start];
  return decodePreview(first.subarray(0, PREVIEW_BYTES), first.length > PREVIEW_BYTES, frames.length - start - 1);
}

/** Sum of frame sizes, envelope included: what crossed the socket. */
export function totalBytes(frames: readonly Uint8Array[]): number {
  let n = 0;
  for (const f of frames) n += f.length;
  return n;
}
