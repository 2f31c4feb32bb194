/**
 * Route correlation (DESIGN.md, "Following a route"): every send waits in a pending table under
 * the hash of its body; a receive takes the oldest pending send with that hash among the sockets
 * wired to the receiver, and so learns the message id and the edge it came over.
 */

export interface PendingSend {
  msg: number;
  sender: number;
  hash: number;
  t: number;
  /** Record seq of the send: its edge is filled in once a receiver claims it, its preview read back. */
  seq: number;
  /** First frame of the body, for matching subscriptions when deciding who was owed it. */
  topic: Uint8Array | undefined;
  /** Protocol traffic (subscriptions): matched like data, never reported lost. */
  control: boolean;
  /** Fan-out sends are matched by every receiver; others by the first. */
  fanOut: boolean;
  /** Receivers that matched it (fan-out only). */
  claimedBy: number[] | undefined;
  /** How many of the app's own sockets could receive it (fan-out: done once all have). */
  expected: number;
  done: boolean;
  /** The next pending send with the same hash, in send order (a chain per hash, no arrays). */
  next: PendingSend | undefined;
}

export interface RouteLimits {
  /** Sends older than this (ms) leave the table as "not seen arriving". */
  maxAgeMs: number;
  maxPending: number;
}

interface Chain {
  head: PendingSend;
  tail: PendingSend;
}

/** The sends still pending over one direct pipe, oldest first; slots before `head` are cleared. */
interface DirectQueue {
  queue: (PendingSend | undefined)[];
  head: number;
}

export class RouteMatcher {
  private readonly byHash = new Map<number, Chain>();
  /** Sends over a direct pipe (see TraceRecorder), in order, indexed by sender (an array: no hashing per message). */
  private readonly direct: (DirectQueue | undefined)[] = [];
  /** All pending sends in send order, for eviction by age and count; passed slots are cleared. */
  private readonly fifo: (PendingSend | undefined)[] = [];
  private fifoHead = 0;
  private live = 0;
  evicted: PendingSend[] = [];
  evictedCount = 0;

  constructor(
    private peers: readonly (readonly number[])[],
    private readonly limits: RouteLimits,
    /** Told of each send evicted unclaimed (the recorder's in-flight gauge lets it go). */
    private readonly onEvict: (p: PendingSend) => void = () => {},
  ) {}

  /** The wiring changed mid-run (nodes attached or detached): receivers match from these peers on. */
  setPeers(peers: readonly (readonly number[])[]): void {
    this.peers = peers;
  }

  /** A send over a one-to-one pipe that never drops: its receiver takes sends in order, no hash. */
  offerDirect(p: PendingSend): void {
    let d = this.direct[p.sender];
    if (!d) this.direct[p.sender] = d = { queue: [], head: 0 };
    d.queue.push(p);
    this.fifo.push(p);
    this.live++;
    this.evict(p.t);
  }

  /** The oldest send still pending over the direct pipe from `sender`. */
  claimDirect(sender: number): PendingSend | undefined {
    const d = this.direct[sender];
    if (!d) return undefined;
    while (d.head < d.queue.length) {
      const p = d.queue[d.head] as PendingSend;
      d.queue[d.head++] = undefined;
      if (p.done) continue;
      p.done = true;
      this.live--;
      this.compactDirect(d);
      return p;
    }
    this.compactDirect(d);
    return undefined;
  }

  private compactDirect(d: DirectQueue): void {
    if (d.head > 4096 && d.head * 2 > d.queue.length) {
      d.queue.splice(0, d.head);
      d.head = 0;
    }
  }

  offer(p: PendingSend): void {
    const chain = this.byHash.get(p.hash);
    if (chain) {
      chain.tail.next = p;
      chain.tail = p;
    } else this.byHash.set(p.hash, { head: p, tail: p });
    this.fifo.push(p);
    this.live++;
    this.evict(p.t);
  }

  /** The pending send a receive on `receiver` with this body hash came from, or undefined. */
  claim(receiver: number, hash: number): PendingSend | undefined {
    const chain = this.byHash.get(hash);
    if (!chain) return undefined;
    const peers = this.peers[receiver];
    for (let p: PendingSend | undefined = chain.head; p; p = p.next) {
      if (!peers.includes(p.sender)) continue;
      if (!p.fanOut) {
        this.withdraw(p);
        return p;
      }
      if (p.claimedBy === undefined) p.claimedBy = [receiver];
      else if (p.claimedBy.includes(receiver)) continue;
      else p.claimedBy.push(receiver);
      if (p.claimedBy.length >= p.expected) this.withdraw(p);
      return p;
    }
    return undefined;
  }

  /** Takes a send out of the table: claimed, failed (it never left its socket) or evicted. */
  withdraw(p: PendingSend): void {
    if (p.done) return;
    p.done = true;
    this.live--;
    // A direct send is skipped by claimDirect once done; only hashed sends sit in a chain.
    const chain = this.byHash.get(p.hash);
    if (!chain) return;
    let prev: PendingSend | undefined;
    let q: PendingSend | undefined = chain.head;
    while (q && q !== p) {
      prev = q;
      q = q.next;
    }
    if (!q) return;
    if (prev) prev.next = p.next;
    else if (p.next) chain.head = p.next;
    else {
      this.byHash.delete(p.hash);
      return;
    }
    if (chain.tail === p) chain.tail = prev as PendingSend;
    p.next = undefined;
  }

  /** Every send still pending (end of run): the caller decides which of them were lost. */
  remaining(): PendingSend[] {
    const out: PendingSend[] = [];
    for (let k = this.fifoHead; k < this.fifo.length; k++) {
      const p = this.fifo[k];
      if (p && !p.done) out.push(p);
    }
    return out;
  }

  private evict(now: number): void {
    const oldest = now - this.limits.maxAgeMs;
    while (this.fifoHead < this.fifo.length) {
      const p = this.fifo[this.fifoHead] as PendingSend;
      if (!p.done && this.live <= this.limits.maxPending && p.t >= oldest) break;
      // Drop the reference now: a claimed send must die young, not wait for the compaction.
      this.fifo[this.fifoHead++] = undefined;
      if (!p.done) {
        this.withdraw(p);
        this.evictedCount++;
        this.onEvict(p);
        // Keep a bounded sample of evicted sends so lost-message reports stay possible.
        if (this.evicted.length < 1000) this.evicted.push(p);
      }
    }
    // Compact the fifo now and then so it does not grow without bound.
    if (this.fifoHead > 4096 && this.fifoHead * 2 > this.fifo.length) {
      this.fifo.splice(0, this.fifoHead);
      this.fifoHead = 0;
    }
  }
}
