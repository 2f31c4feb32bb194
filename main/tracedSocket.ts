/**
 * One socket of a run as behaviours and devices use it: every send and receive is recorded,
 * and sends are queued so that a behaviour and a hand-injected message never call zeromq's
 * send() at once (a second concurrent send throws EBUSY, DESIGN.md).
 */
import type * as zmq from 'zeromq';
import type { SocketType } from '../shared/patterns';
import { channel } from './sockets';
import type { Channel } from './sockets';
import type { TraceRecorder } from './trace/recorder';
import { totalBytes } from './trace/body';
import type { EdgeFaults } from './faults';

export type FrameLike = string | Uint8Array;

export interface Received {
  frames: Buffer[];
  msg: number;
}

export interface SendOptions {
  cause?: number;
  /** Override fan-out matching (subscription messages go to every publisher). */
  fanOut?: boolean;
  /** Protocol traffic (subscriptions): traced, never reported lost. */
  control?: boolean;
  /** Go out even while the run is paused (a message the user injects by hand). */
  passGate?: boolean;
}

/** While a run is paused, the promise a send of this socket waits for; undefined while it runs. */
export type Gate = (socket: number) => Promise<void> | undefined;

export function toFrames(frames: readonly FrameLike[]): Uint8Array[] {
  return frames.map((f) => (typeof f === 'string' ? Buffer.from(f) : f));
}

export class RunSocket {
  private readonly io: Channel;
  private busy = false;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly index: number,
    readonly node: string,
    readonly port: string,
    readonly type: SocketType,
    readonly socket: zmq.Socket,
    private readonly recorder: TraceRecorder,
    private readonly gate: Gate = () => undefined,
    private readonly faults?: EdgeFaults,
  ) {
    this.io = channel(socket);
  }

  /** Sends one message (all frames) and returns its message id. Rejects with zeromq's error. */
  async send(frames: readonly FrameLike[], options: SendOptions = {}): Promise<number> {
    const bytes = toFrames(frames);
    const held = options.passGate ? undefined : this.gate(this.index);
    if (held) {
      await held;
      // Released by a stop: the socket is gone, and nothing was sent.
      if (this.socket.closed) throw Object.assign(new Error('the run stopped while this send was held'), { code: 'ESTOPPED' });
    }
    if (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy = true;
    const pending = this.recorder.send(this.index, bytes, options.cause ?? 0, options.fanOut, options.control);
    try {
      await this.io.send(bytes);
      return pending.msg;
    } catch (err) {
      this.recorder.unsend(pending, totalBytes(bytes));
      throw err;
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.busy = false;
    }
  }

  /** Receives one message; only one reader per socket may call this at a time. */
  async receive(): Promise<Received> {
    for (;;) {
      const frames = await this.io.receive();
      const msg = this.recorder.receive(this.index, frames);
      const edge = this.recorder.lastReceiveEdge;
      // No fault on the edge (the usual case): one array lookup.
      if (edge < 0 || !this.faults?.at(edge)) return { frames, msg };
      // The record stays in the trace: the socket did receive it; a dropped one never reaches its reader.
      if ((await this.faults.apply(edge, msg, this.node)) === 'deliver') {
        if (this.socket.closed) throw Object.assign(new Error('the run stopped while this receive was held'), { code: 'ESTOPPED' });
        return { frames, msg };
      }
    }
  }

  get closed(): boolean {
    return this.socket.closed;
  }
}
