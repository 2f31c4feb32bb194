/**
 * Files of the built renderer. Every path is resolved against the root and refused unless it
 * stays inside it (after symlinks, too); paths without an extension are the page's own routes
 * and get index.html (single-page app); a root without index.html gets a page saying how to build.
 */
import type { Stats } from 'node:fs';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { COMMON_HEADERS, contentType, htmlHeaders } from './headers';
import { sendText } from './respond';

/** Vite names what it emits under assets/ by content hash: a changed file is a new name. */
const IMMUTABLE_PREFIX = '/assets/';

/** Serves GET and HEAD of `req` from `root`; `host` is the checked Host header (for the page's CSP). */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  host: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  const urlPath = decodePath(req.url ?? '/');
  if (urlPath === undefined) {
    sendText(res, 400, 'bad request path\n');
    return;
  }
  const base = resolve(root);
  const candidate = resolve(base, `.${urlPath}`);
  if (!inside(base, candidate)) {
    sendText(res, 404, 'not found\n');
    return;
  }
  const found = await fileStats(candidate);
  if (found?.isFile() && inside(await realBase(base), await realpath(candidate))) {
    await sendFile(req, res, candidate, found, urlPath, host);
    return;
  }
  // A missing file with an extension is a real 404; anything else is a route of the page.
  if (extname(candidate) !== '' && !found?.isDirectory()) {
    sendText(res, 404, 'not found\n');
    return;
  }
  const index = join(base, 'index.html');
  const indexStats = await fileStats(index);
  if (!indexStats?.isFile()) {
    notBuilt(res, base, host);
    return;
  }
  await sendFile(req, res, index, indexStats, '/index.html', host);
}

/** The URL's path, percent-decoded; undefined when it cannot be decoded or holds a NUL. */
function decodePath(url: string): string | undefined {
  const raw = url.split(/[?#]/, 1)[0] ?? '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  return decoded.startsWith('/') ? decoded : `/${decoded}`;
}

function inside(base: string, path: string): boolean {
  return path === base || path.startsWith(base.endsWith(sep) ? base : base + sep);
}

async function fileStats(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

async function realBase(base: string): Promise<string> {
  try {
    return await realpath(base);
  } catch {
    return base;
  }
}

async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  stats: Stats,
  urlPath: string,
  host: string,
): Promise<void> {
  const ext = extname(path);
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> =
    ext === '.html' ? htmlHeaders(host) : { ...COMMON_HEADERS, 'Content-Type': contentType(ext) };
  headers['Cache-Control'] = urlPath.startsWith(IMMUTABLE_PREFIX) ? 'public, max-age=31536000, immutable' : 'no-cache';
  headers.ETag = etag;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': String(stats.size) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  try {
    await pipeline(createReadStream(path), res);
  } catch {
    // The browser went away mid-file, or the file vanished under a rebuild: nothing to answer.
    res.destroy();
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** 503 until the renderer is built: a plain page that says how, rather than a bare 404. */
function notBuilt(res: ServerResponse, root: string, host: string): void {
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>zmq-studio: page not built</title></head>
<body>
<h1>zmq-studio: the page is not built yet</h1>
<p>There is no <code>index.html</code> in <code>${escapeHtml(root)}</code>.</p>
<p>Build it with <code>npm run build</code> in the zmq-studio folder (or start the server with
<code>zmq-studio serve</code> without <code>--no-build</code>, which builds it first), then reload this page.</p>
</body></html>
`;
  res.writeHead(503, { ...htmlHeaders(host), 'Cache-Control': 'no-store' }).end(page);
}
