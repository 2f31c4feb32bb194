/**
 * Payload decoders for the message inspector and the trace table: text, JSON, hex, MessagePack, or `auto`, which picks
 * one per frame from its bytes. Pure, no DOM; decode errors come back as values, never thrown.
 */
import { decode as decodeMessagePack, ExtData } from '@msgpack/msgpack';
import { PAYLOAD_DECODERS } from '../../../shared/topology';
import type { PayloadDecoder, TopologyNode } from '../../../shared/topology';
import { frameText, prettyJson } from './frameFormat';

/** The node field `decode` (shared/topology.ts): absent = auto. */
export const DECODERS = PAYLOAD_DECODERS;
export type Decoder = PayloadDecoder;
/** What `auto` resolves to: a decoder that actually draws the frame. */
export type FrameDecoder = Exclude<Decoder, 'auto'>;

/** How the select and the inspector's segments name each decoder. */
export const DECODER_LABELS: Readonly<Record<Decoder, string>> = { auto: 'Auto', text: 'Text', json: 'JSON', hex: 'Hex', msgpack: 'MessagePack' };

export function isDecoder(value: unknown): value is Decoder {
  return typeof value === 'string' && (DECODERS as readonly string[]).includes(value);
}

/** The decoder a node's records are shown with; a node the topology no longer has is auto. */
export const decoderOf = (node: TopologyNode | undefined): Decoder => node?.decode ?? 'auto';

/** The patch that sets a node's decoder: auto is the default, so it leaves the file instead of being written. */
export const decodePatch = (decoder: Decoder): { decode: Exclude<Decoder, 'auto'> | undefined } => ({ decode: decoder === 'auto' ? undefined : decoder });

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

/** JSON.stringify's replacer for what MessagePack has and JSON lacks: bin, ext, big ints, maps. */
function jsonable(_key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return `<bin ${value.length} B: ${hex(value.subarray(0, 64))}${value.length > 64 ? ' …' : ''}>`;
  if (value instanceof ExtData) return `<ext ${value.type}: ${value.data instanceof Uint8Array ? hex(value.data) : '?'}>`;
  // 64-bit ints arrive as bigint: plain numbers while exact, else written with an `n`.
  if (typeof value === 'bigint') return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : `${value.toString()}n`;
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), v]));
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
}

/** A MessagePack frame as JSON-like text (pretty, or on one line with `indent` 0); the whole frame must be one value. */
export function decodeMsgpack(bytes: Uint8Array, indent = 2): { ok: true; text: string } | { ok: false; error: string } {
  if (bytes.length === 0) return { ok: false, error: 'empty frame' };
  try {
    const value = decodeMessagePack(bytes, { useBigInt64: true });
    return { ok: true, text: JSON.stringify(value, jsonable, indent) ?? 'null' };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The decoder `auto` picks: JSON when the frame is a JSON object or array, MessagePack when the
 * bytes are not printable text and decode fully as MessagePack, text when printable, else hex.
 * Printable text is checked before MessagePack because every ASCII byte < 0x80 is a valid
 * MessagePack integer: "7" would otherwise decode as 55.
 */
export function detectDecoder(bytes: Uint8Array): FrameDecoder {
  if (bytes.length === 0) return 'text';
  const { text, binary } = frameText(bytes);
  if (!binary) return prettyJson(text) !== undefined ? 'json' : 'text';
  return decodeMsgpack(bytes).ok ? 'msgpack' : 'hex';
}

export const resolveDecoder = (decoder: Decoder, bytes: Uint8Array): FrameDecoder => (decoder === 'auto' ? detectDecoder(bytes) : decoder);
