/**
 * The page's Content-Security-Policy in the desktop app, sent as a header with every file the
 * app:// protocol serves. Scripts only from the app itself; no network at all (the engine is
 * reached through the preload, not a socket); inline styles because React Flow injects its own;
 * data:/blob: images for the PNG/SVG export.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * `npm run dev` only: Vite's dev server serves the page with an inline React-refresh preamble and
 * hot reload over a WebSocket to itself, so scripts may be inline and connect to that origin.
 */
export function devCsp(devOrigin: string): string {
  const ws = devOrigin.replace(/^http/, 'ws');
  return [
    `default-src 'self'`,
    `script-src 'self' 'unsafe-inline'`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self' ${ws}`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}
