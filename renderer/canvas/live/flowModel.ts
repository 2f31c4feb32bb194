/**
 * What the live-flow overlay draws, as plain numbers (no DOM): a dot per message at low rates,
 * a flowing band above ~50 msgs/s on a lane, and when to stop animating. A lane is one direction
 * of one edge (`laneOf` in edgeCounts.ts). Times are wall-clock ms (performance.now()).
 */

export interface FlowSettings {
  /** A dot crosses its edge in this long at least: real hops take microseconds, far too fast to see. */
  minTravelMs: number;
  maxTravelMs: number;
  /** Extra travel time per ms of real latency, so a slow hop looks slower (up to maxTravelMs). */
  travelPerLatencyMs: number;
  /** msgs/s on a lane at which its dots give way to a band, and below which they come back. */
  bandOn: number;
  bandOff: number;
  /** Dots in flight per lane at most; more are counted in the rate but not drawn. */
  maxDots: number;
  /** The rate is messages over this last window. */
  windowMs: number;
}

export const FLOW: FlowSettings = {
  minTravelMs: 450,
  maxTravelMs: 700,
  travelPerLatencyMs: 25,
  bandOn: 50,
  bandOff: 35,
  maxDots: 24,
  windowMs: 1000,
};

const BUCKETS = 10;

class Lane {
  /** Pairs of (start, duration) of the dots in flight, oldest first. */
  dots: number[] = [];
  band = false;
  private readonly counts = new Float64Array(BUCKETS);
  private head = -1;

  constructor(private readonly bucketMs: number) {}

  /** Moves the rate window to `now`, zeroing the buckets it left behind. */
  private advance(now: number): void {
    const b = Math.floor(now / this.bucketMs);
    if (this.head < 0 || b - this.head >= BUCKETS) this.counts.fill(0);
    else for (let k = this.head + 1; k <= b; k++) this.counts[k % BUCKETS] = 0;
    if (b > this.head) this.head = b;
  }

  count(now: number): void {
    this.advance(now);
    this.counts[this.head % BUCKETS]++;
  }

  rate(now: number, windowMs: number): number {
    this.advance(now);
    let sum = 0;
    for (let k = 0; k < BUCKETS; k++) sum += this.counts[k];
    return (sum * 1000) / windowMs;
  }
}

export interface FlowVisitor {
  /** A dot on `lane` at fraction `p` of the way from its sender to its receiver. */
  dot(lane: number, p: number): void;
  /** A band on `lane`; `rate` in msgs/s. */
  band(lane: number, rate: number): void;
}

export class FlowModel {
  private readonly lanes = new Map<number, Lane>();

  constructor(readonly settings: FlowSettings = FLOW) {}

  private lane(id: number): Lane {
    let l = this.lanes.get(id);
    if (!l) this.lanes.set(id, (l = new Lane(this.settings.windowMs / BUCKETS)));
    return l;
  }

  /** Counts a message on `lane` at `now`; true when it should be drawn as a dot (see addDot). */
  arrive(lane: number, now: number): boolean {
    const l = this.lane(lane);
    l.count(now);
    const rate = l.rate(now, this.settings.windowMs);
    if (!l.band && rate >= this.settings.bandOn) {
      l.band = true;
      l.dots.length = 0;
    } else if (l.band && rate < this.settings.bandOff) l.band = false;
    return !l.band && l.dots.length < this.settings.maxDots * 2;
  }

  /** A dot that leaves at `start` (may be a little ahead of now: real pace) and took `latencyMs` for real. */
  addDot(lane: number, start: number, latencyMs: number): void {
    const s = this.settings;
    const duration = Math.min(s.maxTravelMs, s.minTravelMs + Math.max(0, latencyMs) * s.travelPerLatencyMs);
    this.lane(lane).dots.push(start, duration);
  }

  rate(lane: number, now: number): number {
    return this.lanes.get(lane)?.rate(now, this.settings.windowMs) ?? 0;
  }

  isBand(lane: number): boolean {
    return this.lanes.get(lane)?.band ?? false;
  }

  /**
   * Visits what to draw at `now`, forgetting dots that arrived and bands whose rate fell away.
   * Returns whether anything is still moving (or waiting to start): false = stop the loop.
   */
  frame(now: number, visit: FlowVisitor): boolean {
    let busy = false;
    for (const [id, l] of this.lanes) {
      if (l.band) {
        const rate = l.rate(now, this.settings.windowMs);
        if (rate < this.settings.bandOff) l.band = false;
        else {
          visit.band(id, rate);
          busy = true;
          continue;
        }
      }
      const d = l.dots;
      let kept = 0;
      for (let k = 0; k < d.length; k += 2) {
        const p = (now - d[k]) / d[k + 1];
        if (p >= 1) continue;
        d[kept++] = d[k];
        d[kept++] = d[k + 1];
        if (p >= 0) visit.dot(id, p);
      }
      d.length = kept;
      if (kept > 0) busy = true;
      else if (l.rate(now, this.settings.windowMs) === 0) this.lanes.delete(id);
    }
    return busy;
  }

  reset(): void {
    this.lanes.clear();
  }
}

/**
 * Maps the run's clock (record times, ms since run start) to the wall clock so that messages
 * leave in the rhythm they were sent, a batch later. Re-anchors when the two drift apart
 * (a stalled page, a new run whose clock starts again at 0).
 */
export class PaceClock {
  private offset: number | undefined;

  constructor(
    /** How far behind `now` a start may fall before the clock re-anchors. */
    private readonly maxLag = 150,
    /** How far ahead of `now` a start may be scheduled. */
    private readonly maxLead = 250,
  ) {}

  /** Wall time at which something that happened at run time `t` should be shown, seen at `now`. */
  place(t: number, now: number): number {
    let at = this.offset === undefined ? Number.NaN : t + this.offset;
    if (!(at >= now - this.maxLag && at <= now + this.maxLead)) {
      this.offset = now - t;
      at = now;
    }
    return at;
  }

  reset(): void {
    this.offset = undefined;
  }
}
