/** Response headers of the browser-mode server: content types and the page's security policy. */

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The type for a file extension (with its dot); unknown ones are opaque bytes, never sniffed. */
export function contentType(ext: string): string {
  return CONTENT_TYPES[ext.toLowerCase()] ?? 'application/octet-stream';
}

/** Sent with every response: no type sniffing, no referrer leaking the local URL. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * The policy of the page served at `host` (a Host header already checked by the host policy).
 * Scripts only from this server; the WebSocket only to this server (older browsers do not count
 * ws: under 'self'); inline styles because React Flow injects its own; no framing, no plugins.
 */
export function contentSecurityPolicy(host: string): string {
  return [
    "default-src 'self'",
    `connect-src 'self' ws://${host}`,
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers of an HTML response served at `host`. */
export function htmlHeaders(host: string): Record<string, string> {
  return {
    ...COMMON_HEADERS,
    'Content-Type': CONTENT_TYPES['.html'],
    'Content-Security-Policy': contentSecurityPolicy(host),
    'Cache-Control': 'no-cache',
  };
}
