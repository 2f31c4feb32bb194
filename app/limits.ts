/** Bounds of what the page may hand to main: the same 8 MiB browser mode allows one message. */
export const MAX_PAYLOAD_CHARS = 8 * 1024 * 1024;
/** A topology file larger than this is not opened (it would not fit one message either). */
export const MAX_FILE_BYTES = MAX_PAYLOAD_CHARS;
/** Deeper nesting than this is no topology: refuse it before anything walks it recursively. */
export const MAX_DEPTH = 64;
/** Longest file name a page may suggest (most file systems stop at 255). */
export const MAX_FILE_NAME_CHARS = 255;

/**
 * Whether `value` stays within `limit` characters of payload (strings by length, other leaves as
 * a few characters) and MAX_DEPTH levels; stops walking as soon as it is over, so a huge payload
 * costs no more than the limit to refuse.
 */
export function withinPayloadLimit(value: unknown, limit = MAX_PAYLOAD_CHARS): boolean {
  let budget = limit;
  const walk = (v: unknown, depth: number): boolean => {
    if (depth > MAX_DEPTH) return false;
    if (typeof v === 'string') budget -= v.length + 2;
    else if (v === null || typeof v !== 'object') budget -= 8;
    else if (ArrayBuffer.isView(v)) budget -= v.byteLength;
    else {
      const entries = Array.isArray(v) ? v : Object.entries(v as Record<string, unknown>).flat();
      budget -= 2;
      for (const item of entries) if (budget < 0 || !walk(item, depth + 1)) return false;
    }
    return budget >= 0;
  };
  return walk(value, 0);
}
