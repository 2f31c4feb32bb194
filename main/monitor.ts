/**
 * Socket monitor events as the UI speaks of them. zeromq.js reports events only from the first
 * read of `socket.events`, so the engine starts watching before any bind or connect.
 */
import type * as zmq from 'zeromq';
import type { MonitorKind } from '../shared/ipc';

const KINDS: Partial<Record<zmq.EventType, MonitorKind>> = {
  bind: 'listening',
  'bind:error': 'bind-failed',
  accept: 'accepted',
  'accept:error': 'accept-failed',
  connect: 'connected',
  'connect:delay': 'connect-delayed',
  'connect:retry': 'connect-retried',
  disconnect: 'disconnected',
  handshake: 'handshake-ok',
  'handshake:error:protocol': 'handshake-failed',
  'handshake:error:auth': 'handshake-failed',
  'handshake:error:other': 'handshake-failed',
  close: 'closed',
  'close:error': 'close-failed',
};

export interface MonitorEvent {
  kind: MonitorKind;
  endpoint: string;
  detail?: string;
}

/**
 * Reads a socket's events until it closes, calling `onEvent` for each one the UI knows.
 * Resolves when the socket's event stream ends.
 */
export async function watchSocket(socket: zmq.Socket, onEvent: (e: MonitorEvent) => void): Promise<void> {
  const events = socket.events;
  try {
    for (;;) {
      const event = await events.receive();
      if (event.type === 'end') return;
      const kind = KINDS[event.type];
      if (!kind) continue;
      const endpoint = 'address' in event ? event.address : '';
      const detail = 'error' in event ? errorText(event.error) : undefined;
      onEvent(detail === undefined ? { kind, endpoint } : { kind, endpoint, detail });
    }
  } catch {
    // The observer closes with its socket; nothing left to report.
  } finally {
    if (!events.closed) events.close();
  }
}

function errorText(error: Error & { code?: string; status?: number }): string {
  const code = error.code ?? (error.status !== undefined ? `ZAP ${error.status}` : '');
  return `${code} ${error.message}`.trim();
}
