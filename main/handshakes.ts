/**
 * The start barrier: behaviours start only after every connection between the app's own sockets
 * completed its ZMTP handshake (the seed's exact 0,2,4,6,8 / 1,3,5,7,9 split depends on it).
 */

interface Waiter {
  socket: number;
  endpoint: string;
  resolve: (ok: boolean) => void;
}

export class HandshakeTracker {
  private readonly seen = new Map<number, Set<string>>();
  private readonly counts = new Map<number, number>();
  private waiters: Waiter[] = [];

  /** Called for each `handshake-ok` monitor event of a socket. */
  record(socket: number, endpoint: string): void {
    let set = this.seen.get(socket);
    if (!set) this.seen.set(socket, (set = new Set()));
    set.add(endpoint);
    this.counts.set(socket, (this.counts.get(socket) ?? 0) + 1);
    this.waiters = this.waiters.filter((w) => {
      if (!this.done(w.socket, w.endpoint)) return true;
      w.resolve(true);
      return false;
    });
  }

  private done(socket: number, endpoint: string): boolean {
    return this.seen.get(socket)?.has(endpoint) ?? false;
  }

  /** Resolves true once `socket` completed a handshake with `endpoint`, false after `timeoutMs`. */
  wait(socket: number, endpoint: string, timeoutMs: number): Promise<boolean> {
    if (this.done(socket, endpoint)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = { socket, endpoint, resolve: (ok) => finish(ok) };
      const timer = setTimeout(() => finish(false), timeoutMs);
      const finish = (ok: boolean): void => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(ok);
      };
      this.waiters.push(waiter);
    });
  }

  /** Releases every waiter as failed (the run is being stopped). */
  cancel(): void {
    for (const w of [...this.waiters]) w.resolve(false);
    this.waiters = [];
  }
}
