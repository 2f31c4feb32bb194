/**
 * The engine child's side of the channel to its host. Electron's utilityProcess gives the child
 * `process.parentPort`; `child_process.fork` gives it `process.send`. The engine child speaks the
 * same protocol over either, so the supervision logic tested here with fork holds in the app.
 */
import type { ChildMessage } from './protocol';

export interface ChildPipe {
  /** Which pipe this is, for logs and tests. */
  readonly kind: 'parentPort' | 'ipc';
  /** Posts a message; returns false when the channel is gone (the host went away). */
  post(message: ChildMessage): boolean;
  onMessage(listener: (data: unknown) => void): void;
  /** Called once when the host closes the channel; never for parentPort, which has no such event. */
  onClose(listener: () => void): void;
}

/** The part of Electron's `process.parentPort` we use; typed here so main/ needs no electron types. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

function parentPortOf(proc: NodeJS.Process): ParentPort | undefined {
  const port = (proc as NodeJS.Process & { parentPort?: unknown }).parentPort;
  if (typeof port !== 'object' || port === null) return undefined;
  const candidate = port as Partial<ParentPort>;
  return typeof candidate.on === 'function' && typeof candidate.postMessage === 'function'
    ? (port as ParentPort)
    : undefined;
}

/** The pipe this process was started with, or undefined when no host started it. */
export function openChildPipe(proc: NodeJS.Process = process): ChildPipe | undefined {
  const port = parentPortOf(proc);
  if (port) return parentPortPipe(port);
  if (typeof proc.send === 'function') return ipcPipe(proc);
  return undefined;
}

function parentPortPipe(port: ParentPort): ChildPipe {
  return {
    kind: 'parentPort',
    post(message) {
      try {
        port.postMessage(message);
        return true;
      } catch {
        return false;
      }
    },
    onMessage(listener) {
      port.on('message', (event) => listener(event?.data));
    },
    onClose() {
      // Electron ends a utilityProcess itself when its host goes; there is no close event.
    },
  };
}

function ipcPipe(proc: NodeJS.Process): ChildPipe {
  return {
    kind: 'ipc',
    post(message) {
      if (!proc.connected || !proc.send) return false;
      try {
        // send() returns false also when it only queued behind a backlog, so its result is no
        // signal; the callback swallows asynchronous failures (channel closed mid-write).
        proc.send(message, undefined, undefined, () => undefined);
        return true;
      } catch {
        return false;
      }
    },
    onMessage(listener) {
      proc.on('message', (data: unknown) => listener(data));
    },
    onClose(listener) {
      proc.once('disconnect', listener);
    },
  };
}
