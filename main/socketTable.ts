/**
 * The sockets of a run, by the plan's socket index: the zeromq socket, the traced RunSocket over
 * it, and where each bind went. A killed node's indexes get new sockets when it restarts (bound
 * where they were, so peers reconnect); an attached node's are appended.
 */
import type * as zmq from 'zeromq';
import type { Diagnostic } from '../shared/diagnostics';
import type { PlannedBind, PlannedConnect, RunPlan } from './plan';
import { bindKey, bindOne, connectOne, createSockets } from './build';
import type { RunSocket } from './tracedSocket';

export class SocketTable {
  readonly zmq: zmq.Socket[] = [];
  readonly run: RunSocket[] = [];
  /** Where each planned endpoint was bound, as the app's connectors reach it. */
  private readonly bound = new Map<string, string>();
  /** Where each bind went (bindKey -> lastEndpoint): a restarted node binds there again. */
  private readonly boundAt = new Map<string, string>();

  /** @param adopt wraps a new socket for the run (and starts watching it) */
  constructor(private readonly adopt: (socket: zmq.Socket, index: number) => RunSocket) {}

  put(index: number, socket: zmq.Socket): void {
    this.zmq[index] = socket;
    this.run[index] = this.adopt(socket, index);
  }

  /** The address the app's connectors use for an endpoint (a free port resolved). */
  address(endpoint: string): string {
    return this.bound.get(endpoint) ?? endpoint;
  }

  /** The endpoint -> address map of every bind so far (for the handshake barrier). */
  get addresses(): ReadonlyMap<string, string> {
    return this.bound;
  }

  /** Binds one planned bind, again where it went before when `again` (a restart). */
  async bind(plan: RunPlan, b: PlannedBind, again = false): Promise<Diagnostic | undefined> {
    const r = await bindOne(plan, this.zmq, b, again ? this.boundAt.get(bindKey(b)) : undefined);
    if ('severity' in r) return r;
    this.bound.set(b.endpoint, r.connectable);
    this.boundAt.set(bindKey(b), r.actual);
    return undefined;
  }

  connect(plan: RunPlan, c: PlannedConnect): Diagnostic | undefined {
    return connectOne(plan, this.zmq, c, this.address(c.endpoint));
  }

  /** Undoes a connect whose edge left the run. */
  disconnect(c: PlannedConnect): void {
    try {
      this.zmq[c.socket].disconnect(this.address(c.endpoint));
    } catch {
      // Never connected (a late joiner whose time had not come): nothing to undo.
    }
  }

  /** Creates, binds and connects the sockets at these indexes (a restart: `again`; an attach). */
  async build(plan: RunPlan, indexes: readonly number[], again: boolean): Promise<Diagnostic | undefined> {
    const created = createSockets({ ...plan, sockets: indexes.map((i) => plan.sockets[i]) });
    if (created.diagnostics.length > 0) return created.diagnostics[0];
    indexes.forEach((i, k) => this.put(i, created.sockets[k]));
    const mine = new Set(indexes);
    for (const b of plan.binds) {
      if (!mine.has(b.socket)) continue;
      const failed = await this.bind(plan, b, again);
      if (failed) return failed;
    }
    for (const c of plan.connects) {
      if (!mine.has(c.socket)) continue;
      const failed = this.connect(plan, c);
      if (failed) return failed;
    }
    return undefined;
  }

  /** Closes the sockets at these indexes (linger 0); returns how many were open. */
  close(indexes: Iterable<number>): number {
    let closed = 0;
    for (const i of indexes) {
      const s = this.zmq[i];
      if (!s || s.closed) continue;
      s.close();
      closed++;
    }
    return closed;
  }

  closeAll(): number {
    return this.close(this.zmq.keys());
  }

  get open(): number {
    return this.zmq.filter((s) => !s.closed).length;
  }
}
