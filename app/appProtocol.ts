/**
 * The page is served from app://zmq-studio/ (a privileged standard scheme), not file://: the
 * page gets a real origin, every response carries the CSP header, and only files inside the
 * built renderer folder can be read (Electron's security checklist: prefer a custom protocol).
 */
import { extname, resolve, sep } from 'node:path';
import { contentType } from '../main/host/headers';
import { APP_CSP } from './csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'zmq-studio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** The privileges registered before 'ready' (protocol.registerSchemesAsPrivileged). */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/** The file under `root` that `url` names, or undefined when it names nothing there. */
export function resolveAppPath(root: string, url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  if (path === '/' || path === '') path = '/index.html';
  const base = resolve(root);
  const file = resolve(base, `.${path}`);
  return file.startsWith(base + sep) ? file : undefined;
}

export type ReadAppFile = (path: string) => Promise<Uint8Array>;

/** protocol.handle's handler: the file with its type and the page's CSP, or a 404. */
export function createAppProtocolHandler(root: string, readFile: ReadAppFile): (request: Request) => Promise<Response> {
  return async (request) => {
    const notFound = () => new Response('not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = resolveAppPath(root, request.url);
    if (!file) return notFound();
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        'Content-Type': contentType(extname(file)),
        'Content-Security-Policy': APP_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}
