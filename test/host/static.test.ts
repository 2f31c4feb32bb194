/**
 * The page's files over http (browser mode): types, security headers, no way out of the root,
 * the single-page-app fallback, the not-built page, /api/health, and the Host check.
 *
 *   http client --GET--> server (127.0.0.1, port 0) --files--> temp staticDir
 *                                                   --status--> engine (in-process here)
 */
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../main/host/server';
import { startServer } from '../../main/host/server';
import { APP_JS, INDEX_HTML, httpGet, makeSite, removeSite } from './helpers';

let site: string;
let server: RunningServer;

beforeAll(async () => {
  site = await makeSite();
  // A link inside the root to a file outside it must not be a way out either.
  await symlink(fileURLToPath(new URL('../../package.json', import.meta.url)), join(site, 'assets', 'pkg.json'));
  server = await startServer({ staticDir: site, engine: 'in-process' });
});
afterAll(async () => {
  await server?.close();
  await removeSite(site);
});

describe('static files', () => {
  it('serves index.html at / with its CSP, nosniff and no-cache', async () => {
    const r = await httpGet(server, '/');
    expect(r.status).toBe(200);
    expect(r.body).toBe(INDEX_HTML);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const csp = r.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self'");
  });

  it('serves a script, a stylesheet and an svg with their types', async () => {
    const js = await httpGet(server, '/assets/app-1a2b3c.js');
    expect(js).toMatchObject({ status: 200, body: APP_JS });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    expect(js.headers['content-security-policy']).toBeUndefined();
    expect((await httpGet(server, '/assets/style-9f8e.css')).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
    expect((await httpGet(server, '/logo.svg')).headers['content-type']).toBe('image/svg+xml');
  });

  it('answers a repeated request with 304 when the file has not changed', async () => {
    const first = await httpGet(server, '/logo.svg');
    const again = await httpGet(server, '/logo.svg', { 'If-None-Match': String(first.headers.etag) });
    expect(again.status).toBe(304);
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/assets/../../package.json',
    '/%2e%2e%2fpackage.json',
    '/..%5cpackage.json',
    '/assets/pkg.json',
  ])('refuses %s with 404', async (path) => {
    const r = await httpGet(server, path);
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('"name": "zmq-studio"');
  });

  it('refuses a path with a NUL byte or a broken escape', async () => {
    expect((await httpGet(server, '/index.html%00.js')).status).toBe(400);
    expect((await httpGet(server, '/%E0%A4%A')).status).toBe(400);
  });

  it('answers the page routes (no extension) with index.html, and a missing file with 404', async () => {
    const route = await httpGet(server, '/lessons/pubsub?step=2');
    expect(route).toMatchObject({ status: 200, body: INDEX_HTML });
    expect(route.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await httpGet(server, '/assets/missing-123.js')).status).toBe(404);
  });

  it('allows only GET and HEAD', async () => {
    const post = await httpGet(server, '/', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    const head = await httpGet(server, '/assets/app-1a2b3c.js', {}, 'HEAD');
    expect(head).toMatchObject({ status: 200, body: '' });
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(APP_JS)));
  });
});

describe('/api/health', () => {
  it('reports the engine: ok, libzmq 4.3.5 and its capabilities', async () => {
    const r = await httpGet(server, '/api/health');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = JSON.parse(r.body) as { ok: boolean; libzmq: string; capabilities: Record<string, boolean> };
    expect(body.ok).toBe(true);
    expect(body.libzmq).toBe('4.3.5');
    expect(body.capabilities.ipc).toBe(true);
    expect(Object.keys(body.capabilities).sort()).toEqual(['curve', 'draft', 'gssapi', 'ipc', 'norm', 'pgm', 'tipc']);
  });

  it('answers other /api/ paths with a JSON 404, not the page', async () => {
    const r = await httpGet(server, '/api/nope');
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false });
  });
});

describe('Host header (DNS rebinding)', () => {
  it('answers localhost and 127.0.0.1, refuses another name with 403', async () => {
    expect((await httpGet(server, '/', { Host: `localhost:${server.port}` })).status).toBe(200);
    const evil = await httpGet(server, '/api/health', { Host: `evil.example:${server.port}` });
    expect(evil.status).toBe(403);
    expect(evil.body).not.toContain('libzmq');
    expect((await httpGet(server, '/', { Host: `localhost:${server.port + 1}` })).status).toBe(403);
  });

  it('puts the address the page was loaded from into connect-src', async () => {
    const r = await httpGet(server, '/', { Host: `localhost:${server.port}` });
    expect(r.headers['content-security-policy']).toContain(`connect-src 'self' ws://localhost:${server.port}`);
  });
});

describe('a staticDir without index.html', () => {
  it('answers the page with 503 and how to build it; files still load', async () => {
    const empty = await makeSite(false);
    const bare = await startServer({ staticDir: empty, engine: 'in-process' });
    try {
      const r = await httpGet(bare, '/');
      expect(r.status).toBe(503);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.headers['content-security-policy']).toContain("default-src 'self'");
      expect(r.body).toContain('npm run build');
      expect((await httpGet(bare, '/some/route')).status).toBe(503);
      expect((await httpGet(bare, '/assets/app-1a2b3c.js')).status).toBe(200);
    } finally {
      await bare.close();
      await removeSite(empty);
    }
  });
});
