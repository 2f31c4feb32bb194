/**
 * The trace recorder: one record per send or receive the engine performs, message ids and
 * cause links, per-socket and per-edge counters, and batched emission (at most one batch per
 * 50 ms: <= 20 batches/s, never one event per message).
 */
import type { SocketType } from '../../shared/patterns';
import { isFanOut, SOCKET_INFO } from '../../shared/patterns';
import type { LostMessage, TraceBatch, TraceTables } from '../../shared/trace';
import { bodyHash, bodyStart, preview, totalBytes } from './body';
import { TraceRing } from './ring';
import { FrameStore } from './frames';
import type { PendingSend } from './routes';
import { RouteMatcher } from './routes';

export interface TracedSocket {
  node: string;
  port: string;
  type: SocketType;
  /** Indexes of the app's own sockets wired to this one. */
  peers: number[];
  /** Edge index per peer, same order as peers. */
  peerEdges: number[];
  /** Edges of this socket; the only one is the edge of every message when there is one. */
  edges: number[];
  /** True when an external program is wired to it: unmatched traffic may be theirs. */
  hasExternalPeer: boolean;
  /** Prefix subscriptions (SUB / XSUB): which fan-out messages it is owed. */
  subscriptions: Uint8Array[] | undefined;
}

export interface RecorderOptions {
  capacity: number;
  flushMs: number;
  maxPendingAgeMs: number;
  maxPending: number;
  onBatch: (batch: TraceBatch) => void;
}

export class TraceRecorder {
  readonly ring: TraceRing;
  /** Full frames of the latest records, for the message inspector. */
  readonly kept = new FrameStore();
  private readonly matcher: RouteMatcher;
  private readonly t0 = performance.now();
  private nextMsg = 1;
  private timer: NodeJS.Timeout | undefined;
  readonly sent: Float64Array;
  readonly received: Float64Array;
  readonly bytesOut: Float64Array;
  readonly bytesIn: Float64Array;
  readonly edgeMessages: Float64Array;
  readonly edgeBytes: Float64Array;
  lastActivity = 0;
  /**
   * Per socket, the peer at the other end of a direct pipe, or -1. A pipe is direct when each end
   * has only the other as peer (no outside program either) and the sender never drops (its mute
   * state blocks): libzmq delivers such a pipe in order and in full, so a receive takes the
   * oldest pending send of its peer without hashing the body.
   */
  private readonly directPeer: Int32Array;

  constructor(
    readonly sockets: readonly TracedSocket[],
    readonly edgeIds: readonly string[],
    private readonly options: RecorderOptions,
  ) {
    this.ring = new TraceRing(options.capacity);
    this.matcher = new RouteMatcher(
      sockets.map((s) => s.peers),
      { maxAgeMs: options.maxPendingAgeMs, maxPending: options.maxPending },
    );
    this.sent = new Float64Array(sockets.length);
    this.received = new Float64Array(sockets.length);
    this.bytesOut = new Float64Array(sockets.length);
    this.bytesIn = new Float64Array(sockets.length);
    this.edgeMessages = new Float64Array(edgeIds.length);
    this.edgeBytes = new Float64Array(edgeIds.length);
    this.directPeer = Int32Array.from(sockets, (s, i) => (isDirectSender(sockets, i) ? s.peers[0] : -1));
  }

  tables(): TraceTables {
    return {
      sockets: this.sockets.map((s) => ({ node: s.node, port: s.port, socket: s.type })),
      edges: [...this.edgeIds],
    };
  }

  now(): number {
    return Math.round((performance.now() - this.t0) * 1000) / 1000;
  }

  /** Records a send about to happen and returns its pending entry (withdraw it if the send fails). */
  send(socket: number, frames: readonly Uint8Array[], cause: number, fanOut?: boolean, control = false): PendingSend {
    const s = this.sockets[socket];
    const start = bodyStart(s.type, frames);
    const bytes = totalBytes(frames);
    const t = this.now();
    const msg = this.nextMsg++;
    const edge = s.edges.length === 1 ? s.edges[0] : -1;
    const seq = this.ring.push(t, socket, 0, edge, frames, start, bytes, msg, cause);
    this.kept.keep(seq, frames, bytes);
    this.countSend(socket, bytes, 1);
    const fan = fanOut ?? isFanOut(s.type);
    const direct = this.directPeer[socket] >= 0 && !fan && !control;
    const pending: PendingSend = {
      msg,
      sender: socket,
      hash: direct ? 0 : bodyHash(frames, start),
      t,
      seq,
      // Only fan-out needs the topic (who was owed it); holding it longer would pin the buffer.
      topic: fan && start < frames.length ? frames[start] : undefined,
      control,
      fanOut: fan,
      claimedBy: undefined,
      expected: fan ? s.peers.length : 1,
      done: false,
      next: undefined,
    };
    if (direct) this.matcher.offerDirect(pending);
    else if (s.peers.length > 0) this.matcher.offer(pending);
    this.touch(t);
    return pending;
  }

  /** A send that failed never left: take it out of the route table. */
  unsend(p: PendingSend, bytes: number): void {
    this.matcher.withdraw(p);
    // The record stays (the attempt happened, the node's log says so) but nothing left the socket.
    this.countSend(p.sender, bytes, -1);
  }

  /** Counts (+1) or takes back (-1) a send on its socket, and on its edge when it goes outside. */
  private countSend(socket: number, bytes: number, sign: 1 | -1): void {
    const s = this.sockets[socket];
    this.sent[socket] += sign;
    this.bytesOut[socket] += sign * bytes;
    // Traffic to an external program is never seen arriving: its edge is counted at the send.
    if (s.edges.length === 1 && s.peers.length === 0 && s.hasExternalPeer) {
      this.edgeMessages[s.edges[0]] += sign;
      this.edgeBytes[s.edges[0]] += sign * bytes;
    }
  }

  /** The edge of the last receive recorded (-1: unknown); read right after receive(). */
  lastReceiveEdge = -1;

  /** Records a receive; returns the message id (the matching send's id, or a fresh one). */
  receive(socket: number, frames: readonly Uint8Array[], cause = 0): number {
    const s = this.sockets[socket];
    const start = bodyStart(s.type, frames);
    const bytes = totalBytes(frames);
    const t = this.now();
    const peer = s.peers.length === 1 ? s.peers[0] : -1;
    const from =
      peer >= 0 && this.directPeer[peer] === socket
        ? this.matcher.claimDirect(peer)
        : s.peers.length > 0
          ? this.matcher.claim(socket, bodyHash(frames, start))
          : undefined;
    let msg: number;
    let edge: number;
    if (from) {
      msg = from.msg;
      edge = s.peerEdges[s.peers.indexOf(from.sender)] ?? -1;
      if (!from.fanOut) this.ring.setEdge(from.seq, edge);
    } else {
      msg = this.nextMsg++;
      edge = s.edges.length === 1 ? s.edges[0] : -1;
    }
    this.lastReceiveEdge = edge;
    const seq = this.ring.push(t, socket, 1, edge, frames, start, bytes, msg, cause, from ? from.seq : 0);
    this.kept.keep(seq, frames, bytes);
    this.received[socket]++;
    this.bytesIn[socket] += bytes;
    if (edge >= 0) {
      this.edgeMessages[edge]++;
      this.edgeBytes[edge] += bytes;
    }
    this.touch(t);
    return msg;
  }

  private touch(t: number): void {
    this.lastActivity = t;
    if (this.timer === undefined) this.timer = setTimeout(() => this.flush(), this.options.flushMs);
  }

  /** Emits what is buffered now (also called at stop). */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.ring.cut();
    if (batch) this.options.onBatch(batch);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * Sends no receiver took: single-destination sends that only the app's own sockets could have
   * taken, and fan-out sends a subscriber was owed (its subscriptions match) but never got.
   */
  lost(): { messages: LostMessage[]; total: number } {
    const messages: LostMessage[] = [];
    let total = 0;
    const report = (p: PendingSend, owedTo: string): void => {
      total++;
      if (messages.length < 1000) {
        const text = this.ring.previewOf(p.seq) ?? (p.topic ? preview([p.topic], 0) : '(no longer in the trace ring)');
        messages.push({ msg: p.msg, node: this.sockets[p.sender].node, owedTo, preview: text, t: p.t });
      }
    };
    for (const p of [...this.matcher.evicted, ...this.matcher.remaining()]) {
      const s = this.sockets[p.sender];
      if (p.control) continue;
      if (!p.fanOut) {
        if (!s.hasExternalPeer) report(p, '');
        continue;
      }
      for (const r of s.peers) {
        if (p.claimedBy?.includes(r)) continue;
        if (owes(this.sockets[r], p.topic)) report(p, this.sockets[r].node);
      }
    }
    return { messages, total };
  }
}

function isDirectSender(sockets: readonly TracedSocket[], i: number): boolean {
  const s = sockets[i];
  if (s.peers.length !== 1 || s.hasExternalPeer) return false;
  const info = SOCKET_INFO[s.type];
  if (!info.sends || info.mute !== 'block' || info.outgoing === 'fan-out') return false;
  const peer = sockets[s.peers[0]];
  return peer.peers.length === 1 && peer.peers[0] === i && !peer.hasExternalPeer;
}

/** Whether a subscriber was owed a message with this first frame. */
function owes(receiver: TracedSocket, topic: Uint8Array | undefined): boolean {
  const subs = receiver.subscriptions;
  if (subs === undefined) return true;
  const head = topic ?? new Uint8Array(0);
  return subs.some((sub) => sub.length <= head.length && sub.every((b, i) => head[i] === b));
}
