/**
 * The trace table's preview cell in the node's decoder: one short line per message, body frames
 * only (the envelope is the inspector's to label). Pure, no DOM.
 */
import type { Direction } from '../../../shared/trace';
import { decodeMsgpack, resolveDecoder } from './decode';
import type { Decoder, FrameDecoder } from './decode';
import { labelFrames } from './envelope';
import { frameText } from './frameFormat';

/** A cell shows at most this many characters; the row's ellipsis cuts what the column cannot fit. */
export const COMPACT_CHARS = 240;
const FRAME_SEPARATOR = ' | ';

/**
 * Whether a row needs the message's frames to be drawn: the engine's preview is already the text
 * view (and auto's view of printable text), but JSON, hex and MessagePack need the bytes, and so
 * does auto when the preview says the body is binary (the engine writes it as `0x…`).
 */
export function wantsFrames(decoder: Decoder, preview: string): boolean {
  if (decoder === 'text') return false;
  if (decoder === 'auto') return preview.startsWith('0x');
  return true;
}

const hexBytes = (bytes: Uint8Array, max: number): string => {
  const n = Math.min(bytes.length, Math.ceil(max / 3));
  const parts: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) parts[i] = bytes[i].toString(16).padStart(2, '0');
  return parts.join(' ') + (n < bytes.length ? ' …' : '');
};

function compactJson(text: string): string | undefined {
  const t = text.trim();
  if (!(t.startsWith('{') && t.endsWith('}')) && !(t.startsWith('[') && t.endsWith(']'))) return undefined;
  try {
    return JSON.stringify(JSON.parse(t));
  } catch {
    return undefined;
  }
}

/**
 * One frame on one line. A frame that is not what the decoder expects falls back as the
 * inspector does: not JSON -> its text, not MessagePack -> its hex.
 */
export function compactFrame(bytes: Uint8Array, decoder: FrameDecoder, max = COMPACT_CHARS): string {
  if (bytes.length === 0) return '(empty)';
  switch (decoder) {
    case 'hex':
      return hexBytes(bytes, max);
    case 'msgpack': {
      const r = decodeMsgpack(bytes, 0);
      return r.ok ? r.text : hexBytes(bytes, max);
    }
    case 'json': {
      const { text, binary } = frameText(bytes);
      return (binary ? undefined : compactJson(text)) ?? text;
    }
    case 'text':
      return frameText(bytes).text;
  }
}

export interface CompactInput {
  socket: string;
  dir: Direction;
  frames: readonly Uint8Array[];
  decoder: Decoder;
  /** The engine cut the message to its first 16 KiB. */
  truncated?: boolean;
}

/** The body frames of a message, each in the decoder (auto picks per frame), joined on one line. */
export function compactBody({ socket, dir, frames, decoder, truncated = false }: CompactInput, max = COMPACT_CHARS): string {
  const { labels } = labelFrames({ socket, dir, frames });
  let out = '';
  for (let i = 0; i < frames.length && out.length < max; i++) {
    const role = labels[i]?.role;
    if (role === 'identity' || role === 'delimiter') continue;
    const f = frames[i];
    out += (out === '' ? '' : FRAME_SEPARATOR) + compactFrame(f, resolveDecoder(decoder, f), max - out.length);
  }
  if (out.length > max) return `${out.slice(0, max)}…`;
  return truncated ? `${out}…` : out;
}
