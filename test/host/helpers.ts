/**
 * Drivers for the browser-mode server tests: a throwaway built page, raw http requests (paths
 * sent exactly as written, so traversal attempts reach the server unnormalised), and a
 * WebSocket client that speaks shared/wire.ts like the page's bridge does.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { CommandName, EngineEvent } from '../../shared/ipc';
import type { WireMessage } from '../../shared/wire';
import { decodeWireMessage } from '../../shared/wire';

export const INDEX_HTML =
  '<!doctype html><title>zmq-studio test page</title><script type="module" src="/assets/app-1a2b3c.js"></script>';
export const APP_JS = 'console.log("zmq-studio test app");\n';

/** A built page: index.html, a hashed script, a stylesheet, an icon. Returns its directory. */
export async function makeSite(withIndex = true): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'zmq-studio-site-'));
  await mkdir(join(dir, 'assets'));
  if (withIndex) await writeFile(join(dir, 'index.html'), INDEX_HTML);
  await writeFile(join(dir, 'assets', 'app-1a2b3c.js'), APP_JS);
  await writeFile(join(dir, 'assets', 'style-9f8e.css'), 'body { margin: 0 }\n');
  await writeFile(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

export async function removeSite(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A running server as the tests reach it: its port and launch token. */
export interface Reachable {
  port: number;
  token: string;
}

/**
 * One request with the path exactly as given (no URL normalisation) and optional headers. It
 * carries the server's launch token as the page's cookie would, unless `headers.Cookie` is set
 * ('' sends none).
 */
export function httpGet(
  server: Reachable,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<HttpResult> {
  const cookie = headers.Cookie ?? `zmq-studio-${server.port}=${server.token}`;
  const { Cookie: _omit, ...rest } = headers;
  const all = cookie === '' ? rest : { ...rest, Cookie: cookie };
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers: all, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The page's WebSocket address for a server URL, keeping its `?token=` (as renderer/bridge.ts does). */
export function wsUrl(httpUrl: string): string {
  const u = new URL(httpUrl);
  return `ws://${u.host}/ws${u.search}`;
}

type Reply = Extract<WireMessage, { kind: 'reply' }>;

/** A page's side of the WebSocket: every message it got, decoded, and calls that await replies. */
export class PageClient {
  readonly messages: WireMessage[] = [];
  closeCode: number | undefined;
  private nextId = 1;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const message = decodeWireMessage(data.toString('utf8'));
      if (message) this.messages.push(message);
    });
    ws.on('close', (code) => (this.closeCode = code));
  }

  /** Connects as a page from `origin` (default: the server's own; null: none). Rejects with the refusal. */
  static open(url: string, origin: string | null = new URL(url).origin, headers: Record<string, string> = {}): Promise<PageClient> {
    const ws = new WebSocket(wsUrl(url), origin === null ? { headers } : { origin, headers });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new PageClient(ws)));
      ws.once('unexpected-response', (_req, res) => {
        reject(new Error(`refused: ${res.statusCode}`));
        ws.terminate();
      });
      ws.once('error', reject);
    });
  }

  /** Sends a command of shared/ipc and waits for its reply. */
  async call(name: CommandName, args: unknown[] = [], id = this.nextId++): Promise<Reply> {
    this.ws.send(JSON.stringify({ kind: 'command', id, name, args }));
    return this.waitFor(`reply ${id}`, (m) => (m.kind === 'reply' && m.id === id ? m : undefined));
  }

  events(): EngineEvent[] {
    return this.messages.flatMap((m) => (m.kind === 'event' ? [m.event] : []));
  }

  async waitFor<T>(what: string, pick: (m: WireMessage) => T | undefined, timeoutMs = 20_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      for (const m of this.messages) {
        const found = pick(m);
        if (found !== undefined) return found;
      }
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}

/** True once no process has this pid (signal 0 probes without touching it). */
export function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export async function waitUntil(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
