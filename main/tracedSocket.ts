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
import type { PendingSend } from './trace/routes';
import { BLOCKED_SEND_MS } from '../shared/trace';
import { blockedSentence } from '../shared/explain';

/** Blocked sends closer together than this are one blocking spell: the node's log says it once. */
const SPELL_GAP_MS = 1000;

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
  const out = new Array<Uint8Array>(frames.length);
  for (let k = 0; k < frames.length; k++) {
    const f = frames[k];
    out[k] = typeof f === 'string' ? Buffer.from(f) : f;
  }
  return out;
}

/**
 * Microtask drains, counted: the count moves on once the drain a send started in is over (a
 * `process.nextTick` queued from a microtask runs only after the whole queue drained). A send
 * zeromq settles in the drain it started in went out at once; only one settled later can have
 * waited in libzmq, and only that one needs a clock read to tell how long.
 */
let drains = 0;
let drainEndQueued = false;
function currentDrain(): number {
  if (!drainEndQueued) {
    drainEndQueued = true;
    process.nextTick(endDrain);
  }
  return drains;
}
function endDrain(): void {
  drains++;
  drainEndQueued = false;
}

/** The options of a plain send, shared: a behaviour's send allocates no options object. */
const NO_OPTIONS: SendOptions = Object.freeze({});
const NO_FRAMES: readonly Uint8Array[] = Object.freeze([]);

export class RunSocket {
  private readonly io: Channel;
  private busy = false;
  private readonly waiting: (() => void)[] = [];
  /** When the last send that blocked returned (trace clock); -Infinity before any. */
  private lastBlockedAt = -Infinity;
  /** The send under way (busy), its frames, and its socket's in-flight count just before it. */
  private current: PendingSend | undefined;
  private currentBytes: readonly Uint8Array[] = NO_FRAMES;
  private queuedBefore = 0;
  /** The microtask drain the send under way started in (see currentDrain). */
  private sendDrain = -1;

  constructor(
    readonly index: number,
    readonly node: string,
    readonly port: string,
    readonly type: SocketType,
    readonly socket: zmq.Socket,
    private readonly recorder: TraceRecorder,
    private readonly gate: Gate = () => undefined,
    private readonly faults?: EdgeFaults,
    /** The node's log (through the session's throttle): one line per blocking spell. */
    private readonly log?: (line: string) => void,
  ) {
    this.io = channel(socket);
  }

  /** Sends one message (all frames) and returns its message id. Rejects with zeromq's error. */
  send(frames: readonly FrameLike[], options: SendOptions = NO_OPTIONS): Promise<number> {
    let bytes: Uint8Array[];
    let held: Promise<void> | undefined;
    try {
      bytes = toFrames(frames);
      held = options.passGate ? undefined : this.gate(this.index);
    } catch (err) {
      // Never a synchronous throw: callers get a rejection, as from an async function.
      return Promise.reject(err);
    }
    // The usual case, once per message: the run is not paused and no other send of this socket is under way.
    if (held === undefined && !this.busy) return this.sendNow(bytes, options);
    return this.sendLater(bytes, options, held);
  }

  /** A send that waits first: held by the paused run's gate, or queued behind this socket's send under way. */
  private async sendLater(bytes: Uint8Array[], options: SendOptions, held: Promise<void> | undefined): Promise<number> {
    if (held) {
      await held;
      // Released by a stop: the socket is gone, and nothing was sent.
      if (this.socket.closed) throw Object.assign(new Error('the run stopped while this send was held'), { code: 'ESTOPPED' });
    }
    if (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
    return this.sendNow(bytes, options);
  }

  /** Records the send, hands it to zeromq, and settles it when zeromq is done with it. */
  private sendNow(bytes: Uint8Array[], options: SendOptions): Promise<number> {
    this.busy = true;
    this.queuedBefore = this.recorder.inFlight[this.index];
    this.current = this.recorder.send(this.index, bytes, options.cause ?? 0, options.fanOut, options.control);
    this.currentBytes = bytes;
    this.sendDrain = currentDrain();
    let sending: Promise<void>;
    try {
      sending = this.io.send(bytes);
    } catch (err) {
      // zeromq throws at once on a closed socket.
      return Promise.reject(this.failed(err));
    }
    // Handlers bound once, state in fields (one send at a time): no closure or async frame per message.
    return sending.then(this.onSent, this.onSendFailed);
  }

  private readonly onSent = (): number => {
    const msg = (this.current as PendingSend).msg;
    this.settled();
    return msg;
  };

  private readonly onSendFailed = (err: unknown): never => {
    throw this.failed(err);
  };

  /** The send under way never left: out of the route table, then settled like any other. Returns the error. */
  private failed(err: unknown): unknown {
    this.recorder.unsend(this.current as PendingSend, totalBytes(this.currentBytes));
    this.settled();
    return err;
  }

  /** zeromq is done with the send under way (sent, or failed): blocked-send check, then the next queued send goes. */
  private settled(): void {
    const pending = this.current as PendingSend;
    this.current = undefined;
    this.currentBytes = NO_FRAMES;
    // How long libzmq kept it (mute state: a full queue, no peer): a clock read only if it may have waited.
    const waited = this.recorder.sendDone(pending, drains !== this.sendDrain);
    // A send cut short by the stop is not a blocked send: the run is over.
    if (waited >= BLOCKED_SEND_MS && !this.socket.closed) this.blocked(pending, waited, this.queuedBefore);
    // The next queued send takes over while busy stays set, so no new send can overtake it.
    const next = this.waiting.length > 0 ? this.waiting.shift() : undefined;
    if (next) next();
    else this.busy = false;
  }

  /** Tells the recorder; logs the first blocked send of a spell (the rest show in the node's gauge and records). */
  private blocked(p: PendingSend, waited: number, queuedBefore: number): void {
    const by = this.recorder.blocked(p, waited, queuedBefore);
    const first = p.t - this.lastBlockedAt > SPELL_GAP_MS;
    this.lastBlockedAt = p.t + waited;
    if (!first || !this.log) return;
    // The mark libzmq really applies (the topology's, or the default): one getsockopt per spell.
    let hwm: number | undefined;
    try {
      hwm = this.socket.closed ? undefined : (this.socket as unknown as { sendHighWaterMark?: number }).sendHighWaterMark;
    } catch {
      hwm = undefined;
    }
    const preview = this.recorder.ring.previewOf(p.seq);
    const what = preview === undefined ? 'a send' : `"${preview}"`;
    this.log(`blocked: ${blockedSentence(this.type, by, waited, hwm, what)}; the node's gauge counts the rest of this spell`);
  }

  /** Receives one message; only one reader per socket may call this at a time. */
  receive(): Promise<Received> {
    let arriving: Promise<Buffer[]>;
    try {
      arriving = this.io.receive();
    } catch (err) {
      // zeromq throws at once (EBUSY, a closed socket): callers get a rejection, as from an async function.
      return Promise.reject(err);
    }
    // A `.then` with one bound handler, not an async function: nothing but the promise per message.
    return arriving.then(this.record);
  }

  /** Records a received message; on a faulted edge the fault decides first. */
  private readonly record = (frames: Buffer[]): Received | Promise<Received> => {
    const msg = this.recorder.receive(this.index, frames);
    const edge = this.recorder.lastReceiveEdge;
    // No fault on the edge (the usual case): one array lookup.
    const faults = this.faults;
    if (edge < 0 || !faults?.at(edge)) return { frames, msg };
    return this.throughFault(faults, edge, frames, msg);
  };

  /** Holds or drops a message its edge's fault applies to; a dropped one is never seen: the next is read. */
  private async throughFault(faults: EdgeFaults, edge: number, frames: Buffer[], msg: number): Promise<Received> {
    // The record stays in the trace: the socket did receive it; a dropped one never reaches its reader.
    const seq = this.recorder.lastReceiveSeq;
    const since = performance.now();
    const verdict = await faults.apply(edge, msg, this.node);
    const heldMs = performance.now() - since;
    if (verdict === 'drop') this.recorder.faulted(seq, 'dropped', heldMs);
    else if (heldMs >= 1) this.recorder.faulted(seq, 'held', heldMs);
    if (verdict === 'drop') return this.receive();
    if (this.socket.closed) throw Object.assign(new Error('the run stopped while this receive was held'), { code: 'ESTOPPED' });
    return { frames, msg };
  }

  get closed(): boolean {
    return this.socket.closed;
  }
}
