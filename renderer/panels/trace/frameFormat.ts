/** How the message inspector shows one frame: as text, as hex rows, as pretty JSON. Pure, no DOM. */

/** The bytes of a base64 frame from the engine's `frames` reply. */
export function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

const isControl = (c: number): boolean => (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f;

/**
 * A frame as text. Valid UTF-8 without control characters is shown as it is; anything else is
 * marked binary and shown with `\xNN` escapes, so an identity frame never garbles the view.
 */
export function frameText(bytes: Uint8Array): { text: string; binary: boolean } {
  let text: string | undefined;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = undefined;
  }
  if (text !== undefined && ![...text].some((ch) => isControl(ch.charCodeAt(0)))) return { text, binary: false };
  let escaped = '';
  for (const b of bytes) escaped += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : b === 0x5c ? '\\\\' : `\\x${b.toString(16).padStart(2, '0')}`;
  return { text: escaped, binary: true };
}

export interface HexRow {
  /** Offset of the row's first byte, 8 hex digits. */
  offset: string;
  /** Up to 16 bytes as two hex digits each, a wider gap after the 8th. */
  hex: string;
  /** The same bytes, printable ASCII as itself, anything else as '.'. */
  ascii: string;
}

export const HEX_ROW_BYTES = 16;

/** `bytes` as hexdump rows, at most `maxRows` (the inspector pages through big frames). */
export function hexRows(bytes: Uint8Array, maxRows = Infinity): HexRow[] {
  const rows: HexRow[] = [];
  for (let at = 0; at < bytes.length && rows.length < maxRows; at += HEX_ROW_BYTES) {
    const chunk = bytes.subarray(at, at + HEX_ROW_BYTES);
    const parts = Array.from(chunk, (b) => b.toString(16).padStart(2, '0'));
    const hex = parts.slice(0, 8).join(' ') + (parts.length > 8 ? '  ' + parts.slice(8).join(' ') : '');
    const ascii = Array.from(chunk, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    rows.push({ offset: at.toString(16).padStart(8, '0'), hex, ascii });
  }
  return rows;
}

/** Pretty-printed JSON when the text is a JSON object or array; undefined otherwise. */
export function prettyJson(text: string): string | undefined {
  const t = text.trim();
  if (!(t.startsWith('{') && t.endsWith('}')) && !(t.startsWith('[') && t.endsWith(']'))) return undefined;
  try {
    return JSON.stringify(JSON.parse(t), null, 2);
  } catch {
    return undefined;
  }
}
