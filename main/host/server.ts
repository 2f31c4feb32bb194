/**
 * Browser mode (DESIGN.md, "One engine, three hosts"): the built renderer over http and the
 * shared/ipc contract over one WebSocket, both on 127.0.0.1 unless a host is given, in front of
 * one engine shared by every page. Routes: /api/health, /ws (socketBridge), the rest static files.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { EventSink } from '../../shared/ipc';
import type { EngineMode, HostedEngine } from './engineHost';
import { openEngine } from './engineHost';
import type { HostPolicy } from './hostPolicy';
import { hostPolicy, urlHostName } from './hostPolicy';
import type { BridgeStats } from './socketBridge';
import { SocketBridge } from './socketBridge';
import { sendJson, sendText } from './respond';
import { serveStatic } from './static';
import { toReplyError } from './protocol';
import { LaunchToken, TOKEN_REFUSAL } from './launchToken';

export interface ServerOptions {
  /** Interface to listen on (default 127.0.0.1); anything else only when asked explicitly. */
  host?: string;
  /** Port (default 0: a free one; the returned `port` says which). */
  port?: number;
  /** The built renderer (index.html and its assets). */
  staticDir: string;
  /** Where the engine runs (default 'supervised': a child process, so a libzmq abort spares the server). */
  engine?: EngineMode;
  /** The launch secret (default: a fresh random one); every request and the WebSocket must carry it. */
  token?: string;
}

export interface RunningServer {
  /** http://127.0.0.1:PORT/?token=… — what to open: the page, carrying the launch token. */
  url: string;
  /** http://127.0.0.1:PORT (the page's origin; the WebSocket is at /ws). */
  origin: string;
  token: string;
  port: number;
  /** Closes every socket and the server, and disposes the engine (no child process is left). */
  close(): Promise<void>;
  /** Pid of the engine's process while it runs (tests check that close leaves none). */
  enginePid(): number | undefined;
  /** Counters of the WebSocket bridge. */
  stats(): BridgeStats;
}

interface App {
  root: string;
  policy: HostPolicy;
  token: LaunchToken;
  engine: HostedEngine;
  bridge: SocketBridge;
}

const WILDCARD_HOSTS: readonly string[] = ['0.0.0.0', '::'];

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const http = createServer();
  // Handlers first, so nothing that arrives while the engine loads goes unanswered: it waits.
  let started: (app: App) => void = () => undefined;
  let failed: () => void = () => undefined;
  const ready = new Promise<App>((resolve, reject) => {
    started = resolve;
    failed = reject;
  });
  ready.catch(() => undefined);
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    ready.then(
      (app) => void route(req, res, app),
      () => res.destroy(),
    );
  });
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    ready.then(
      (app) => app.bridge.upgrade(req, socket, head),
      () => socket.destroy(),
    );
  });

  await listen(http, options.port ?? 0, host);
  const port = (http.address() as AddressInfo).port;
  // Events that come before the bridge exists (none are expected) have nobody to go to.
  let sink: EventSink = () => undefined;
  let engine: HostedEngine;
  try {
    engine = await openEngine(options.engine ?? 'supervised', (event) => sink(event));
  } catch (err) {
    failed();
    await closeHttp(http);
    throw err;
  }
  const policy = hostPolicy(port, host);
  const token = new LaunchToken(port, options.token);
  const bridge = new SocketBridge(engine, policy, token);
  sink = (event) => bridge.broadcast(event);
  started({ root: options.staticDir, policy, token, engine, bridge });

  const shown = WILDCARD_HOSTS.includes(host) ? '127.0.0.1' : urlHostName(host);
  let closing: Promise<void> | undefined;
  const origin = `http://${shown}:${port}`;
  return {
    url: `${origin}/?token=${token.value}`,
    origin,
    token: token.value,
    port,
    close: () => (closing ??= shutdown(http, bridge, engine)),
    enginePid: () => engine.enginePid(),
    stats: () => bridge.stats(),
  };
}

async function shutdown(http: Server, bridge: SocketBridge, engine: HostedEngine): Promise<void> {
  try {
    await bridge.close();
    await closeHttp(http);
  } finally {
    await engine.dispose();
  }
}

function listen(http: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
}

function closeHttp(http: Server): Promise<void> {
  return new Promise((resolve) => {
    http.close(() => resolve());
    // Browsers keep idle connections open; without this close() would wait for them.
    http.closeAllConnections();
  });
}

async function route(req: IncomingMessage, res: ServerResponse, app: App): Promise<void> {
  try {
    const host = req.headers.host;
    if (host === undefined || !app.policy.allowsHost(host)) {
      sendText(res, 403, 'this Host is not the zmq-studio server (DNS rebinding protection)\n');
      return;
    }
    const carried = app.token.check(req);
    if (!carried) {
      sendText(res, 403, TOKEN_REFUSAL);
      return;
    }
    if (carried === 'query') res.setHeader('Set-Cookie', app.token.cookie());
    const path = (req.url ?? '/').split(/[?#]/, 1)[0];
    if (path === '/api/health') await health(req, res, app.engine);
    else if (path.startsWith('/api/')) sendJson(res, 404, { ok: false, error: `no such endpoint: ${path}` });
    else await serveStatic(req, res, app.root, host);
  } catch (err) {
    if (!res.headersSent) sendText(res, 500, `internal error: ${toReplyError(err).message}\n`);
    else res.destroy();
  }
}

/** What the page (and a curious user) checks first: is the engine there, and which libzmq. */
async function health(req: IncomingMessage, res: ServerResponse, engine: HostedEngine): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  try {
    const status = await engine.status();
    sendJson(res, 200, { ok: true, libzmq: status.libzmq, capabilities: status.capabilities });
  } catch (err) {
    sendJson(res, 503, { ok: false, error: toReplyError(err).message });
  }
}
