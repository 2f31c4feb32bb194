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

const PREVIEW_BYTES = 48;

/** A short text view of the body: printable ASCII/UTF-8 as is, otherwise hex. Frames joined by " | ". */
export function preview(frames: readonly Uint8Array[], start: number): string {
  let out = '';
  for (let f = start; f < frames.length; f++) {
    if (f > start) out += ' | ';
    out += framePreview(frames[f]);
    if (out.length > 120) return out.slice(0, 120) + '…';
  }
  return out;
}

function framePreview(b: Uint8Array): string {
  const n = b.length < PREVIEW_BYTES ? b.length : PREVIEW_BYTES;
  let printable = true;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0x7f) {
      printable = false;
      break;
    }
  }
  const more = b.length > n ? '…' : '';
  // Frames are Buffers on every engine path: decode a range in place instead of making a view.
  const buf = Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.length);
  return (printable ? buf.toString('utf8', 0, n) : '0x' + buf.toString('hex', 0, n)) + more;
}

/** Sum of frame sizes, envelope included: what crossed the socket. */
export function totalBytes(frames: readonly Uint8Array[]): number {
  let n = 0;
  for (const f of frames) n += f.length;
  return n;
}
