/**
 * The trace recorder: one record per send or receive the engine performs, message ids and
 * cause links, per-socket and per-edge counters, and batched emission (at most one batch per
 * 50 ms: <= 20 batches/s, never one event per message).
 */
import type { SocketType } from '../../shared/patterns';
import { isFanOut, SOCKET_INFO } from '../../shared/patterns';
import type { BlockedBy, LostMessage, TraceBatch, TraceTables, FaultMark } from '../../shared/trace';
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
  /**
   * Never matched as a direct pipe: its node was killed once in this run, so its pipes may have
   * lost or still hold messages that the in-order shortcut would pair with the wrong sends.
   */
  noDirect?: boolean;
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
  // Counters per socket and per edge; grown (never shrunk) when nodes are attached to a run.
  sent: Float64Array;
  received: Float64Array;
  bytesOut: Float64Array;
  bytesIn: Float64Array;
  /** Messages each socket sent that the app's own peers have not received yet (single-destination sends only). */
  inFlight: Float64Array;
  /** ms each socket's sends waited in libzmq, counting only waits of BLOCKED_SEND_MS or more. */
  blockedMs: Float64Array;
  /** `t` of the send each socket has waiting in libzmq now, 0 for none (sends start after the build: t > 0). */
  sendingSince: Float64Array;
  edgeMessages: Float64Array;
  edgeBytes: Float64Array;
  lastActivity = 0;
  /**
   * Per socket, the peer at the other end of a direct pipe, or -1. A pipe is direct when each end
   * has only the other as peer (no outside program either) and the sender never drops (its mute
   * state blocks): libzmq delivers such a pipe in order and in full, so a receive takes the
   * oldest pending send of its peer without hashing the body.
   */
  private directPeer: Int32Array;
  /** Per socket, 1 when its type fans out (PUB, XPUB, RADIO): looked up per send without a table keyed by type. */
  private fanOutType: Uint8Array;
  readonly sockets: TracedSocket[];
  private edgeIds: string[];

  constructor(
    sockets: readonly TracedSocket[],
    edgeIds: readonly string[],
    private readonly options: RecorderOptions,
  ) {
    this.sockets = [...sockets];
    this.edgeIds = [...edgeIds];
    this.ring = new TraceRing(options.capacity);
    this.matcher = new RouteMatcher(
      sockets.map((s) => s.peers),
      { maxAgeMs: options.maxPendingAgeMs, maxPending: options.maxPending },
      (p) => {
        if (inFlightCounted(p)) this.inFlight[p.sender]--;
      },
    );
    this.sent = new Float64Array(sockets.length);
    this.received = new Float64Array(sockets.length);
    this.bytesOut = new Float64Array(sockets.length);
    this.bytesIn = new Float64Array(sockets.length);
    this.inFlight = new Float64Array(sockets.length);
    this.blockedMs = new Float64Array(sockets.length);
    this.sendingSince = new Float64Array(sockets.length);
    this.edgeMessages = new Float64Array(edgeIds.length);
    this.edgeBytes = new Float64Array(edgeIds.length);
    this.directPeer = directPeers(this.sockets);
    this.fanOutType = fanOutTypes(this.sockets);
  }

  /**
   * The run's wiring changed (nodes attached, detached, killed): new sockets and edges get
   * counters, known ones keep theirs and their index (records already sent name them), and who
   * is wired to whom is taken from `wiring` (one entry per socket, new ones appended).
   */
  rewire(wiring: readonly TracedSocket[], edgeIds: readonly string[]): void {
    wiring.forEach((w, i) => {
      const s = this.sockets[i];
      if (!s) {
        this.sockets.push({ ...w });
        return;
      }
      s.peers = w.peers;
      s.peerEdges = w.peerEdges;
      s.edges = w.edges;
      s.hasExternalPeer = w.hasExternalPeer;
      s.noDirect = s.noDirect || w.noDirect;
    });
    this.edgeIds = [...edgeIds];
    const n = this.sockets.length;
    this.sent = grown(this.sent, n);
    this.received = grown(this.received, n);
    this.bytesOut = grown(this.bytesOut, n);
    this.bytesIn = grown(this.bytesIn, n);
    this.inFlight = grown(this.inFlight, n);
    this.blockedMs = grown(this.blockedMs, n);
    this.sendingSince = grown(this.sendingSince, n);
    this.edgeMessages = grown(this.edgeMessages, this.edgeIds.length);
    this.edgeBytes = grown(this.edgeBytes, this.edgeIds.length);
    this.matcher.setPeers(this.sockets.map((s) => s.peers));
    this.directPeer = directPeers(this.sockets);
    this.fanOutType = fanOutTypes(this.sockets);
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
    const fan = fanOut ?? this.fanOutType[socket] === 1;
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
    if (s.peers.length > 0 && inFlightCounted(pending)) this.inFlight[socket]++;
    if (!control) this.sendingSince[socket] = t;
    this.touch(t);
    return pending;
  }

  /**
   * The send of `p` returned (it left, or failed): how long libzmq kept it, in ms. `waited` false:
   * the caller knows it did not wait (it returned in the same microtask drain), so no clock read.
   */
  sendDone(p: PendingSend, waited = true): number {
    this.sendingSince[p.sender] = 0;
    return waited ? this.now() - p.t : 0;
  }

  /**
   * A send that waited BLOCKED_SEND_MS or more: counted on its socket, and its record amended
   * (the next batch carries it). `queuedBefore`: the socket's in-flight count just before the send.
   */
  blocked(p: PendingSend, waited: number, queuedBefore: number): BlockedBy {
    const by = this.blockedBy(p.sender, queuedBefore);
    this.blockedMs[p.sender] += waited;
    this.ring.block(p.seq, Math.round(waited * 10) / 10, by);
    this.touch(this.now());
    return by;
  }

  /** Why a send of `socket` blocked, from its in-flight count when it started (see BlockedBy). */
  blockedBy(socket: number, queuedBefore: number): BlockedBy {
    if (this.sockets[socket].hasExternalPeer) return 'unknown';
    return queuedBefore > 0 ? 'high-water-mark' : 'no-peer';
  }

  /** A send that failed never left: take it out of the route table. */
  unsend(p: PendingSend, bytes: number): void {
    if (!p.done && this.sockets[p.sender].peers.length > 0 && inFlightCounted(p)) this.inFlight[p.sender]--;
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
  /** The seq of the last receive recorded; read right after receive(), like lastReceiveEdge. */
  lastReceiveSeq = 0;

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
      if (inFlightCounted(from)) this.inFlight[from.sender]--;
    } else {
      msg = this.nextMsg++;
      edge = s.edges.length === 1 ? s.edges[0] : -1;
    }
    this.lastReceiveEdge = edge;
    const seq = this.ring.push(t, socket, 1, edge, frames, start, bytes, msg, cause, from ? from.seq : 0);
    this.lastReceiveSeq = seq;
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
    // Past half the ring, cut now rather than wait for the timer: nothing gets overwritten unsent,
    // and a receive's preview can point to its send's slot (see TraceRing.push).
    else if (this.ring.unflushedCount >= this.ring.capacity / 2) this.flush();
  }

  /** An edge fault dropped or held a receive already recorded: the trace says so (an amendment). */
  faulted(seq: number, mark: FaultMark, heldMs: number): void {
    this.ring.fault(seq, mark, Math.round(heldMs * 10) / 10);
    this.touch(this.now());
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

/** In the in-flight gauge: offered single-destination data (fan-out copies may be filtered, so never "owed" to all). */
function inFlightCounted(p: PendingSend): boolean {
  return !p.fanOut && !p.control;
}

function directPeers(sockets: readonly TracedSocket[]): Int32Array {
  return Int32Array.from(sockets, (s, i) => (isDirectSender(sockets, i) ? s.peers[0] : -1));
}

function fanOutTypes(sockets: readonly TracedSocket[]): Uint8Array {
  return Uint8Array.from(sockets, (s) => (isFanOut(s.type) ? 1 : 0));
}

function grown(a: Float64Array, n: number): Float64Array {
  if (a.length >= n) return a;
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

function isDirectSender(sockets: readonly TracedSocket[], i: number): boolean {
  const s = sockets[i];
  if (s.peers.length !== 1 || s.hasExternalPeer || s.noDirect) return false;
  const info = SOCKET_INFO[s.type];
  if (!info.sends || info.mute !== 'block' || info.outgoing === 'fan-out') return false;
  const peer = sockets[s.peers[0]];
  return peer.peers.length === 1 && peer.peers[0] === i && !peer.hasExternalPeer && !peer.noDirect;
}

/** Whether a subscriber was owed a message with this first frame. */
function owes(receiver: TracedSocket, topic: Uint8Array | undefined): boolean {
  const subs = receiver.subscriptions;
  if (subs === undefined) return true;
  const head = topic ?? new Uint8Array(0);
  return subs.some((sub) => sub.length <= head.length && sub.every((b, i) => head[i] === b));
}
