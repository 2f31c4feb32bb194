/**
 * The WebSocket between pages and the one engine (browser mode): commands in, replies back to
 * the socket that asked, every engine event out to every open socket, as shared/wire.ts frames
 * them. Only pages this server served may connect (see hostPolicy). A page that reads too slowly
 * loses trace batches (their sequence numbers show the gap) rather than grow this process, and
 * past a hard bound it is disconnected; the engine is never made to wait for a page.
 */
import type { LaunchToken } from './launchToken';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RawData } from 'ws';
import { WebSocket, WebSocketServer } from 'ws';
import type { EngineCommands, EngineEvent } from '../../shared/ipc';
import type { WireMessage } from '../../shared/wire';
import { decodeWireCommand, encodeWireMessage } from '../../shared/wire';
import { invoke, parseCall } from './commandArgs';
import type { HostPolicy } from './hostPolicy';
import { toReplyError } from './protocol';

export const WS_PATH = '/ws';
/** Largest message a page may send (a big topology fits many times over). */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

export interface BridgeLimits {
  /** Past this much unsent data to one page, its trace batches are dropped (default 8 MiB). */
  traceDropBytes: number;
  /** Past this the page is not reading at all: disconnect it; it reconnects and asks for status (default 64 MiB). */
  disconnectBytes: number;
}

const DEFAULT_LIMITS: BridgeLimits = { traceDropBytes: 8 * 1024 * 1024, disconnectBytes: 64 * 1024 * 1024 };
const CLOSE_GRACE_MS = 1000;

export interface BridgeStats {
  /** Open connections. */
  clients: number;
  /** Messages from pages that were not commands (binary, not JSON, unknown names, bad ids). */
  undecodable: number;
  /** Trace events not sent to a page because it had too much unsent data. */
  droppedTraces: number;
  /** Pages disconnected because they stopped reading. */
  slowDisconnects: number;
}

export class SocketBridge {
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
  });
  private readonly clients = new Set<WebSocket>();
  private closing = false;
  private readonly counts = { undecodable: 0, droppedTraces: 0, slowDisconnects: 0 };

  constructor(
    private readonly engine: EngineCommands,
    private readonly policy: HostPolicy,
    /** The launch secret every upgrade must carry (the server always passes one). */
    private readonly token: LaunchToken,
    private readonly limits: BridgeLimits = DEFAULT_LIMITS,
  ) {}

  stats(): BridgeStats {
    return { clients: this.clients.size, ...this.counts };
  }

  /** The http server's 'upgrade' handler: refuses what is not a WebSocket to /ws from our own page. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '').split('?', 1)[0];
    if (path !== WS_PATH) return refuse(socket, 404, `no WebSocket here; the engine is at ${WS_PATH}`);
    if (this.closing) return refuse(socket, 503, 'the server is shutting down');
    const { host, origin } = req.headers;
    if (!this.policy.allowsHost(host)) return refuse(socket, 403, 'this Host is not the zmq-studio server');
    if (!this.policy.allowsOrigin(origin, host))
      return refuse(socket, 403, 'only pages served by this zmq-studio server may drive its engine');
    if (!this.token.check(req)) return refuse(socket, 403, 'the WebSocket needs the launch token');
    this.wss.handleUpgrade(req, socket, head, (ws) => this.connected(ws));
  }

  /** The engine's sink: one encoding per event, sent to every open page. */
  broadcast(event: EngineEvent): void {
    if (this.clients.size === 0) return;
    const text = encodeWireMessage({ kind: 'event', event });
    for (const ws of this.clients) this.send(ws, text, event.type === 'trace');
  }

  /** Closes every connection (terminating those that do not close in time) and the server. */
  async close(): Promise<void> {
    this.closing = true;
    const open = [...this.clients];
    const closed = open.map((ws) => new Promise<void>((resolve) => ws.once('close', () => resolve())));
    for (const ws of open) ws.close(1001, 'zmq-studio is shutting down');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(closed), new Promise((r) => (timer = setTimeout(r, CLOSE_GRACE_MS)))]);
    clearTimeout(timer);
    for (const ws of open) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private connected(ws: WebSocket): void {
    if (this.closing) {
      ws.terminate();
      return;
    }
    this.clients.add(ws);
    ws.on('message', (data, isBinary) => this.received(ws, data, isBinary));
    // ws reports protocol errors (e.g. a message over maxPayload) here and closes the socket itself.
    ws.on('error', () => undefined);
    ws.on('close', () => this.clients.delete(ws));
  }

  private received(ws: WebSocket, data: RawData, isBinary: boolean): void {
    const text = isBinary ? undefined : rawText(data);
    const command = text === undefined ? undefined : decodeWireCommand(text);
    if (!command) {
      this.counts.undecodable++;
      const id = text === undefined ? undefined : salvageId(text);
      if (id !== undefined)
        this.reply(ws, {
          kind: 'reply',
          id,
          ok: false,
          error: { message: 'not a command of shared/ipc', code: 'BAD_COMMAND' },
        });
      return;
    }
    const { id } = command;
    const call = parseCall(command);
    if (typeof call === 'string') {
      this.reply(ws, { kind: 'reply', id, ok: false, error: { message: call, code: 'BAD_ARGS' } });
      return;
    }
    invoke(this.engine, call).then(
      (value) => this.reply(ws, { kind: 'reply', id, ok: true, value }),
      (err: unknown) => this.reply(ws, { kind: 'reply', id, ok: false, error: toReplyError(err) }),
    );
  }

  private reply(ws: WebSocket, message: WireMessage): void {
    let text: string;
    try {
      text = encodeWireMessage(message);
    } catch (err) {
      if (message.kind !== 'reply') return;
      const error = { message: `the reply could not be encoded: ${toReplyError(err).message}`, code: 'ENGINE_REPLY' };
      text = encodeWireMessage({ kind: 'reply', id: message.id, ok: false, error });
    }
    this.send(ws, text, false);
  }

  private send(ws: WebSocket, text: string, droppable: boolean): void {
    if (ws.readyState !== WebSocket.OPEN) return;
    const buffered = ws.bufferedAmount;
    if (buffered > this.limits.disconnectBytes) {
      this.counts.slowDisconnects++;
      this.clients.delete(ws);
      ws.terminate();
      return;
    }
    if (droppable && buffered > this.limits.traceDropBytes) {
      this.counts.droppedTraces++;
      return;
    }
    ws.send(text);
  }
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/** The id of a message that is not a command, when it has a usable one: it deserves an answer. */
function salvageId(text: string): number | undefined {
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null) return undefined;
    const id = (data as { id?: unknown }).id;
    return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Answers a refused upgrade with a plain HTTP status before the socket becomes a WebSocket. */
function refuse(socket: Duplex, status: 403 | 404 | 503, text: string): void {
  const reason = { 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' }[status];
  const body = `${text}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
