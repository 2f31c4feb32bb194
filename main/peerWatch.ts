/**
 * libzmq refuses a peer of an incompatible socket type (or one that is not ZeroMQ at all) only
 * by dropping the connection before the handshake completes: a monitor shows `accepted` or
 * `connected`, then `disconnected`, and nothing else (DESIGN.md). This turns that pattern into
 * an error naming the node, so an outside program of the wrong type does not fail silently.
 */
import type { MonitorKind } from '../shared/ipc';

export class PeerWatch {
  /** Connections per socket that opened but have not completed a handshake yet. */
  private readonly unproven = new Map<number, number>();

  constructor(private readonly onDropped: (socket: number, endpoint: string, kind: MonitorKind) => void) {}

  event(socket: number, kind: MonitorKind, endpoint: string): void {
    const open = this.unproven.get(socket) ?? 0;
    switch (kind) {
      case 'accepted':
      case 'connected':
        this.unproven.set(socket, open + 1);
        return;
      case 'handshake-ok':
        this.unproven.set(socket, Math.max(0, open - 1));
        return;
      case 'disconnected':
      case 'handshake-failed':
        if (open === 0) return;
        this.unproven.set(socket, open - 1);
        this.onDropped(socket, endpoint, kind);
        return;
      default:
        return;
    }
  }
}
