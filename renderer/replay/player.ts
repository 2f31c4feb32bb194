/**
 * Plays a trace file's records back at the recorded pace times a speed, as the engine events a
 * live run would produce (trace batches, 250 ms counters), without building a single socket.
 * Time comes from an injected clock, so the pacing is tested without waiting.
 */
import type { EngineEvent } from '../../shared/ipc';
import type { Topology } from '../../shared/topology';
import type { TraceRecord, TraceTables } from '../../shared/trace';
import { RATE_HISTORY } from '../store/traceSlice';
import { ReplayStats, STATS_PERIOD_MS, TableIndex, recordBatches, replayTables } from './replayData';

export type ReplaySpeed = 0.25 | 1 | 4 | 16 | 'max';
export const REPLAY_SPEEDS: readonly ReplaySpeed[] = [0.25, 1, 4, 16, 'max'];
export type ReplayPhase = 'paused' | 'playing' | 'ended';

/** How often a playing replay moves on (one store update per tick, like a batch of a live run). */
export const TICK_MS = 16;
/** Records per tick at max speed: fast, yet the page keeps drawing between ticks. */
export const MAX_CHUNK = 10_000;
const PROGRESS_EVERY_MS = 100;

export interface ReplayClock {
  now(): number;
  /** Calls `fn` after `ms`; returns what cancels it. */
  later(fn: () => void, ms: number): () => void;
}

export const realClock: ReplayClock = {
  now: () => performance.now(),
  later: (fn, ms) => {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};

export interface ReplayProgress {
  phase: ReplayPhase;
  speed: ReplaySpeed;
  /** Records fed to the page so far. */
  played: number;
  total: number;
  /** Recorded time reached, ms from the first record. */
  t: number;
  /** Recorded time from the first record to the last. */
  duration: number;
}

export interface ReplaySink {
  /** Forget what was shown (the replay starts over) and take the run's tables. */
  reset(tables: TraceTables): void;
  /** One group of synthesized engine events: applied with one store update. */
  apply(events: EngineEvent[]): void;
  progress(progress: ReplayProgress): void;
}

export interface ReplayInput {
  topology: Topology;
  records: readonly TraceRecord[];
  /** What bounds dropped before the file was written: shown with the first batch, never hidden. */
  header?: { dropped?: number };
}

export class ReplayPlayer {
  readonly tables: TraceTables;
  private readonly index: TableIndex;
  private readonly records: readonly TraceRecord[];
  private readonly origin: number;
  private stats!: ReplayStats;
  private played = 0;
  /** Recorded time reached (absolute, as in the records). */
  private at = 0;
  private nextStats = 0;
  private batchNo = 1;
  private phase: ReplayPhase = 'paused';
  private speed: ReplaySpeed = 1;
  private anchorReal = 0;
  private anchorT = 0;
  private cancel: (() => void) | undefined;
  private lastProgress = -Infinity;

  constructor(
    private readonly input: ReplayInput,
    private readonly sink: ReplaySink,
    private readonly clock: ReplayClock = realClock,
    private readonly runId = 0,
  ) {
    this.records = input.records;
    this.origin = this.records[0]?.t ?? 0;
    this.tables = replayTables(input.topology, this.records);
    this.index = new TableIndex(this.tables);
    this.rewind();
  }

  get progress(): ReplayProgress {
    const last = this.records[this.records.length - 1]?.t ?? this.origin;
    return {
      phase: this.phase,
      speed: this.speed,
      played: this.played,
      total: this.records.length,
      t: Math.min(this.at, last) - this.origin,
      duration: last - this.origin,
    };
  }

  play(): void {
    if (this.phase === 'playing') return;
    if (this.phase === 'ended') this.rewind();
    this.phase = 'playing';
    this.anchor();
    this.report(true);
    this.tick();
  }

  pause(): void {
    if (this.phase !== 'playing') return;
    this.advance();
    this.phase = this.played === this.records.length ? 'ended' : 'paused';
    this.stopTimer();
    this.report(true);
  }

  /** Back to the first record; a playing replay goes on playing from there. */
  restart(): void {
    const playing = this.phase === 'playing';
    this.stopTimer();
    this.rewind();
    this.phase = 'paused';
    if (playing) this.play();
    else this.report(true);
  }

  setSpeed(speed: ReplaySpeed): void {
    if (this.phase === 'playing') this.advance();
    this.speed = speed;
    this.anchor();
    this.report(true);
  }

  dispose(): void {
    this.stopTimer();
  }

  /** Moves on to the clock's present and schedules the next tick. */
  tick = (): void => {
    this.cancel = undefined;
    if (this.phase !== 'playing') return;
    this.advance();
    if (this.played === this.records.length) {
      this.phase = 'ended';
      this.report(true);
      return;
    }
    this.report(false);
    this.cancel = this.clock.later(this.tick, TICK_MS);
  };

  private rewind(): void {
    this.played = 0;
    this.batchNo = 1;
    this.at = this.origin;
    this.nextStats = this.origin + STATS_PERIOD_MS;
    this.stats = new ReplayStats(this.input.topology, this.index);
    this.sink.reset(this.tables);
  }

  private anchor(): void {
    this.anchorReal = this.clock.now();
    this.anchorT = this.at;
  }

  /** Feeds every record due by now (at max speed: the next chunk) and the counters crossed on the way. */
  private advance(): void {
    const n = this.records.length;
    const from = this.played;
    const stats: EngineEvent[] = [];
    let target: number;
    if (this.speed === 'max') {
      const limit = Math.min(n, from + MAX_CHUNK);
      target = this.at;
      for (; this.played < limit; this.played++) target = Math.max(target, this.take(this.records[this.played], stats));
    } else {
      target = this.anchorT + (this.clock.now() - this.anchorReal) * this.speed;
      for (; this.played < n && this.records[this.played].t <= target; this.played++)
        this.take(this.records[this.played], stats);
    }
    this.statsUntil(target, true, stats);
    this.at = Math.max(this.at, target);
    if (this.played === n && n > from) {
      // The last, partial period: counters end equal to the totals, as after a live run's stop.
      const period = this.at - (this.nextStats - STATS_PERIOD_MS);
      stats.push({ type: 'stats', runId: this.runId, ...this.stats.snapshot(Math.max(period, 1)) });
    }
    const batches = recordBatches(this.records, from, this.played, this.index, this.batchNo);
    if (from === 0 && batches.length > 0) batches[0].dropped = this.input.header?.dropped ?? 0;
    const events: EngineEvent[] = batches.map((batch) => ({ type: 'trace', runId: this.runId, batch }));
    this.batchNo += events.length;
    events.push(...stats);
    if (events.length > 0) this.sink.apply(events);
  }

  /** Counts one record, after the counters of every period that ended before it; returns its time. */
  private take(r: TraceRecord, out: EngineEvent[]): number {
    this.statsUntil(r.t, false, out);
    this.stats.add(r);
    return r.t;
  }

  /** Emits the counters of every period ending before `t` (or at it, when `inclusive`). */
  private statsUntil(t: number, inclusive: boolean, out: EngineEvent[]): void {
    while (this.nextStats < t || (inclusive && this.nextStats === t)) {
      out.push({ type: 'stats', runId: this.runId, ...this.stats.snapshot() });
      this.nextStats += STATS_PERIOD_MS;
      // A long quiet stretch: its periods all read 0/s, and the page keeps only RATE_HISTORY of them.
      const quiet = Math.floor((t - this.nextStats) / STATS_PERIOD_MS);
      if (quiet > RATE_HISTORY) this.nextStats += (quiet - RATE_HISTORY) * STATS_PERIOD_MS;
    }
  }

  private stopTimer(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  private report(always: boolean): void {
    const now = this.clock.now();
    if (!always && now - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = now;
    this.sink.progress(this.progress);
  }
}
