/**
 * The send gate of a run. Open, sends pass. Closed (paused, or stepping), every behaviour's send
 * and every device's forward waits in one FIFO queue; `step` lets exactly the oldest waiting
 * sends through (the teaching mode's "next hop"), `open` lets everything through in order.
 */

export interface HeldSend {
  /** Index of the socket the send waits on. */
  socket: number;
  resolve(): void;
}

export class SendGate {
  private closed = false;
  private readonly queue: HeldSend[] = [];
  private readonly arrivals = new Set<() => void>();

  get isClosed(): boolean {
    return this.closed;
  }

  /** Sends now waiting at the gate. */
  get waiting(): number {
    return this.queue.length;
  }

  close(): void {
    this.closed = true;
  }

  /** Releases every waiting send, oldest first, and lets later sends pass. */
  open(): void {
    this.closed = false;
    for (const held of this.queue.splice(0)) held.resolve();
    for (const wake of [...this.arrivals]) wake();
  }

  /** Lets the held sends of these sockets go (their node was killed: they find the socket closed). */
  release(sockets: ReadonlySet<number>): void {
    for (let k = this.queue.length - 1; k >= 0; k--) {
      const held = this.queue[k];
      if (!sockets.has(held.socket)) continue;
      this.queue.splice(k, 1);
      held.resolve();
    }
  }

  /** What a send awaits before it goes out: undefined while the gate is open. */
  wait(socket: number): Promise<void> | undefined {
    if (!this.closed) return undefined;
    return new Promise<void>((resolve) => {
      this.queue.push({ socket, resolve });
      for (const wake of [...this.arrivals]) wake();
    });
  }

  /**
   * Releases the `count` oldest waiting sends. When fewer are waiting, waits up to `waitMs` for
   * more to arrive (a reply is often still on its way to the node that will send next).
   * Resolves with the sockets released, in order.
   */
  async step(count: number, waitMs: number): Promise<number[]> {
    const released: number[] = [];
    const deadline = Date.now() + waitMs;
    while (released.length < count && this.closed) {
      const next = this.queue.shift();
      if (next) {
        released.push(next.socket);
        next.resolve();
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0 || !(await this.arrival(left))) break;
    }
    return released;
  }

  /** True when a send arrived (or the gate opened) within `ms`. */
  private arrival(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (hit: boolean) => {
        clearTimeout(timer);
        this.arrivals.delete(wake);
        resolve(hit);
      };
      const wake = () => done(true);
      const timer = setTimeout(() => done(false), ms);
      this.arrivals.add(wake);
    });
  }
}
