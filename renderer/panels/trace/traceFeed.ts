/**
 * Feeds the trace table from the store without React re-rendering per batch: it listens for
 * `traceVersion` (never `trace`), updates the filtered rows once per animation frame, and
 * publishes two snapshots: the counts (cheap, every frame) and the rows (the table re-renders
 * only when rows changed: at most 10 times a second, 4 while the user is scrolled away).
 */
import type { AppStore } from '../../store/createAppStore';
import type { RecordTest } from './filter';
import { FilteredIndex } from './filteredIndex';

export interface FeedStats {
  /** Rows the table has. */
  rows: number;
  /** Records the ring holds, and its bound. */
  held: number;
  capacity: number;
  /** Records dropped by a bound (the engine's and the page's). */
  dropped: number;
  missedBatches: number;
  /** Rows that arrived since the table stopped following the newest. */
  fresh: number;
}

export interface FeedRows {
  count: number;
  /** Bumped by every change of the rows. */
  version: number;
  /** Bumped when the ring was cleared (a new run): row keys start again. */
  generation: number;
}

/**
 * The table's rows refresh at most this often while following (the engine cuts batches every
 * 50 ms; faster than this rows fly past unread, and each refresh costs the virtualizer a pass
 * over every row), and while the user is scrolled away.
 */
export const FOLLOW_REFRESH_MS = 100;
export const AWAY_REFRESH_MS = 250;

/** When to refresh: the page passes requestAnimationFrame; tests pass a fake. */
export interface FrameClock {
  request(fn: () => void): number;
  cancel(id: number): void;
}

export class TraceFeed {
  readonly index: FilteredIndex;
  private stats: FeedStats;
  private rows: FeedRows;
  private readonly statsListeners = new Set<() => void>();
  private readonly rowsListeners = new Set<() => void>();
  private unsubscribe?: () => void;
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private following = true;
  /** index.matchedEver when following stopped. */
  private mark = 0;
  private shift = 0;
  private rowsDirty = false;
  private rowsAt = -Infinity;
  private generation = 1;

  constructor(
    private readonly store: AppStore,
    test: RecordTest | undefined,
    private readonly clock: FrameClock,
  ) {
    this.index = new FilteredIndex(test);
    this.index.update(store.getState().trace);
    this.rows = { count: this.index.count, version: 1, generation: this.generation };
    this.stats = this.readStats();
  }

  start(): void {
    this.unsubscribe ??= this.store.subscribe((s, prev) => {
      if (s.traceVersion !== prev.traceVersion && this.frame === 0) this.frame = this.clock.request(this.refresh);
    });
    this.refresh();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.frame) this.clock.cancel(this.frame);
    clearTimeout(this.timer);
    this.frame = 0;
    this.timer = undefined;
  }

  /** The table follows the newest rows (or not): counts "new" from here, and refreshes at once when it follows again. */
  setFollowing(on: boolean): void {
    if (on === this.following) return;
    this.following = on;
    if (!on) this.mark = this.index.matchedEver;
    if (on && this.rowsDirty) this.publishRows();
    this.publishStats();
  }

  /** Rows that left the front since the table last asked (it scrolls up by as many to stay still). */
  takeShift(): number {
    const n = this.shift;
    this.shift = 0;
    return n;
  }

  subscribeStats = (fn: () => void): (() => void) => {
    this.statsListeners.add(fn);
    return () => this.statsListeners.delete(fn);
  };
  getStats = (): FeedStats => this.stats;
  subscribeRows = (fn: () => void): (() => void) => {
    this.rowsListeners.add(fn);
    return () => this.rowsListeners.delete(fn);
  };
  getRows = (): FeedRows => this.rows;

  private refresh = (): void => {
    this.frame = 0;
    const change = this.index.update(this.store.getState().trace);
    if (change.reset) {
      this.generation++;
      this.shift = 0;
      this.mark = 0;
    } else this.shift += change.removedFront;
    if (change.reset || change.added > 0 || change.removedFront > 0) this.rowsDirty = true;
    this.publishStats();
    if (!this.rowsDirty) return;
    // A cleared ring shows at once: the old rows are gone.
    const wait = change.reset ? 0 : this.rowsAt + (this.following ? FOLLOW_REFRESH_MS : AWAY_REFRESH_MS) - performance.now();
    if (wait <= 0) this.publishRows();
    // Published from a frame callback, so the table's DOM change and scroll share the frame's layout.
    else this.timer ??= setTimeout(() => {
      this.timer = undefined;
      if (this.frame === 0) this.frame = this.clock.request(this.refresh);
    }, wait);
  };

  private publishRows(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.rowsDirty = false;
    this.rowsAt = performance.now();
    this.rows = { count: this.index.count, version: this.rows.version + 1, generation: this.generation };
    for (const fn of this.rowsListeners) fn();
  }

  private readStats(): FeedStats {
    const ring = this.store.getState().trace;
    return {
      rows: this.index.count,
      held: ring.size,
      capacity: ring.capacity,
      dropped: ring.dropped,
      missedBatches: ring.missedBatches,
      fresh: this.following ? 0 : this.index.matchedEver - this.mark,
    };
  }

  private publishStats(): void {
    const next = this.readStats();
    const cur = this.stats;
    const same = (Object.keys(next) as (keyof FeedStats)[]).every((k) => next[k] === cur[k]);
    if (same) return;
    this.stats = next;
    for (const fn of this.statsListeners) fn();
  }
}
