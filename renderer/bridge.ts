/**
 * The page's client of the engine contract (shared/ipc): the Electron preload's API when it
 * exists, else one WebSocket to the browser-mode host speaking shared/wire. Commands are promises,
 * events arrive through `onEvent`; the bridge is the only non-React writer of the store.
 */
import type { CommandName, EngineCommands, EngineEvent, FileCommands } from '../shared/ipc';
import type { ShellApi } from '../shared/menu';
import { decodeWireMessage } from '../shared/wire';
import type { WireCommand } from '../shared/wire';
import type { AppStore } from './store/createAppStore';
import { observeLessonRuns } from './store/lessonObserver';

/** What the Electron preload exposes as `window.zmqStudio`. */
export interface PreloadApi extends EngineCommands {
  onEvent(listener: (event: EngineEvent) => void): () => void;
  /** Native open/save dialogs (renderer/workspace/files.ts uses them when present). */
  files?: FileCommands;
  /** The desktop shell's menu, opened files and title bar (workspace/menuCommands.ts). */
  shell?: ShellApi;
}

export interface Bridge extends EngineCommands {
  onEvent(listener: (event: EngineEvent) => void): () => void;
  close(): void;
}

declare global {
  interface Window {
    zmqStudio?: PreloadApi;
  }
}

const COMMAND_TIMEOUT_MS = 30_000;
const MAX_BACKOFF_MS = 5_000;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/** ws://host/ws, carrying the page's `token` query parameter if the host gave one. */
export function socketUrl(location: Location): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const token = new URLSearchParams(location.search).get('token');
  return `${scheme}://${location.host}/ws${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}

/** A WebSocket client of the host that reconnects with backoff and reports its state to the store. */
function webSocketBridge(url: string, store: AppStore): Bridge {
  const listeners = new Set<(event: EngineEvent) => void>();
  const pending = new Map<number, Pending>();
  let ws: WebSocket | undefined;
  let nextId = 1;
  let backoff = 250;
  let closed = false;

  const failAll = (why: string) => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.reject(new Error(why));
      pending.delete(id);
    }
  };

  const open = () => {
    if (closed) return;
    store.getState().setConnection('connecting');
    const socket = new WebSocket(url);
    ws = socket;
    socket.onopen = () => {
      backoff = 250;
      store.getState().setConnection('connected');
      call('status', []).then(
        (s) => store.getState().setEngineStatus(s as Awaited<ReturnType<EngineCommands['status']>>),
        () => undefined,
      );
    };
    socket.onmessage = (m) => {
      if (typeof m.data !== 'string') return;
      const msg = decodeWireMessage(m.data);
      if (!msg) return;
      if (msg.kind === 'event') {
        for (const l of listeners) l(msg.event);
        return;
      }
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.ok) p.resolve(msg.value);
      else p.reject(Object.assign(new Error(msg.error.message), { code: msg.error.code }));
    };
    socket.onclose = (e) => {
      if (ws !== socket) return;
      ws = undefined;
      failAll('connection to the engine host closed');
      if (closed) return;
      store.getState().setConnection('disconnected', e.reason || `closed (${e.code})`);
      // Back off so a stopped host is not hammered; the UI keeps working offline meanwhile.
      setTimeout(open, backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    };
  };

  const call = (name: CommandName, args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (!ws || ws.readyState !== WebSocket.OPEN) return reject(new Error('not connected to the engine'));
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${name} timed out`));
      }, COMMAND_TIMEOUT_MS);
      pending.set(id, { resolve, reject, timer });
      const command: WireCommand = { kind: 'command', id, name, args };
      ws.send(JSON.stringify(command));
    });

  open();
  return {
    start: (topology, options) => call('start', options === undefined ? [topology] : [topology, options]) as ReturnType<EngineCommands['start']>,
    stop: () => call('stop', []) as ReturnType<EngineCommands['stop']>,
    inject: (request) => call('inject', [request]) as ReturnType<EngineCommands['inject']>,
    status: () => call('status', []) as ReturnType<EngineCommands['status']>,
    pause: () => call('pause', []) as ReturnType<EngineCommands['pause']>,
    resume: () => call('resume', []) as ReturnType<EngineCommands['resume']>,
    step: (request) => call('step', request === undefined ? [] : [request]) as ReturnType<EngineCommands['step']>,
    frames: (request) => call('frames', [request]) as ReturnType<EngineCommands['frames']>,
    fault: (request) => call('fault', [request]) as ReturnType<EngineCommands['fault']>,
    nodeFault: (request) => call('nodeFault', [request]) as ReturnType<EngineCommands['nodeFault']>,
    attach: (request) => call('attach', [request]) as ReturnType<EngineCommands['attach']>,
    detach: (request) => call('detach', [request]) as ReturnType<EngineCommands['detach']>,
    onEvent: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: () => {
      closed = true;
      ws?.close();
      failAll('bridge closed');
    },
  };
}

/** The preload API, adapted: it is already a typed, promise-returning contract. */
function preloadBridge(api: PreloadApi, store: AppStore): Bridge {
  store.getState().setConnection('connected');
  api.status().then((s) => store.getState().setEngineStatus(s), (e: Error) => store.getState().setConnection('disconnected', e.message));
  return {
    start: api.start,
    stop: api.stop,
    inject: api.inject,
    status: api.status,
    pause: api.pause,
    resume: api.resume,
    step: api.step,
    frames: api.frames,
    fault: api.fault,
    nodeFault: api.nodeFault,
    attach: api.attach,
    detach: api.detach,
    onEvent: api.onEvent,
    close: () => undefined,
  };
}

/** Events wait at most this long to be applied together: one store update per group, not per event. */
export const EVENT_GROUP_MS = 16;

/**
 * Routes engine events into the store in groups: a run's logs, socket events and trace batches
 * arriving in the same few milliseconds cost the page one update and one render.
 */
export function groupEvents(store: AppStore, bridge: Pick<Bridge, 'onEvent' | 'status'>, groupMs = EVENT_GROUP_MS): () => void {
  let queue: EngineEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const events = queue;
    queue = [];
    store.getState().applyEngineEvents(events);
  };
  const off = bridge.onEvent((event) => {
    queue.push(event);
    timer ??= setTimeout(flush, groupMs);
    // A restarted engine is a fresh process: ask again what it is.
    if (event.type === 'engine' && event.status === 'restarted') {
      bridge.status().then((s) => store.getState().setEngineStatus(s), () => undefined);
    }
  });
  return () => {
    off();
    if (timer !== undefined) clearTimeout(timer);
    if (queue.length > 0) flush();
  };
}

/** Connects the page to the engine, routes every event into the store and hands the store the commands. */
export function connectBridge(store: AppStore): Bridge {
  const bridge = window.zmqStudio ? preloadBridge(window.zmqStudio, store) : webSocketBridge(socketUrl(window.location), store);
  groupEvents(store, bridge);
  store.getState().attachEngine(bridge, (listener) => bridge.onEvent(listener));
  observeLessonRuns(store);
  return bridge;
}
