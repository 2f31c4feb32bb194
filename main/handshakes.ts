/**
 * The start barrier: behaviours start only after every connection between the app's own sockets
 * completed its ZMTP handshake (the seed's exact 0,2,4,6,8 / 1,3,5,7,9 split depends on it).
 */

interface Waiter {
  socket: number;
  endpoint: string;
  /** Handshakes needed on that endpoint (a binder waits for each of its own connectors). */
  count: number;
  resolve: (ok: boolean) => void;
}

export class HandshakeTracker {
  private readonly counts = new Map<string, number>();
  private waiters: Waiter[] = [];

  /** Called for each `handshake-ok` monitor event of a socket. */
  record(socket: number, endpoint: string): void {
    const key = `${socket} ${endpoint}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.waiters = this.waiters.filter((w) => {
      if (!this.done(w.socket, w.endpoint, w.count)) return true;
      w.resolve(true);
      return false;
    });
  }

  private done(socket: number, endpoint: string, count: number): boolean {
    return (this.counts.get(`${socket} ${endpoint}`) ?? 0) >= count;
  }

  /**
   * Resolves true once `socket` completed `count` handshakes on `endpoint` (the address it
   * connected to, or the address it bound), false after `timeoutMs`.
   */
  wait(socket: number, endpoint: string, timeoutMs: number, count = 1): Promise<boolean> {
    if (this.done(socket, endpoint, count)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = { socket, endpoint, count, resolve: (ok) => finish(ok) };
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
