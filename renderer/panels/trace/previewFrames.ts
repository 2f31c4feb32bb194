/**
 * Frames for the trace table's decoded previews. The table tells it which rows on screen need
 * frames every time it draws; it asks the engine only once the screen settles (debounced, with a
 * maximum wait so a table following a flood still updates), at most a screenful at a time, and
 * keeps the answers in a bounded LRU by seq. Rows read it through `subscribe`/`get`.
 */
import type { FramesReply } from '../../../shared/ipc';
import type { TraceRecord } from '../../../shared/trace';
import { framesState } from './useFrames';

/** What the table knows of a row: enough to check the engine's answer is this record's. */
export type WantedRecord = Pick<TraceRecord, 'seq' | 'frames' | 'bytes'>;

export type PreviewFramesEntry =
  | { status: 'ok'; frames: Uint8Array[]; truncated: boolean }
  | { status: 'unavailable'; reason: string };

/** Asks for one record's frames (the engine's `frames` command, or a refusal in a replay). */
export type AskFrames = (seq: number) => Promise<FramesReply>;

export const PREVIEW_CACHE_SIZE = 512;
/** The screen must stand still this long before asking... */
export const PREVIEW_DEBOUNCE_MS = 120;
/** ...but a table that never stands still (following a flood) is asked for at least this often. */
export const PREVIEW_MAX_WAIT_MS = 400;
/** Requests per flush: about two screens of rows, never a flood's worth. */
export const PREVIEW_MAX_REQUESTS = 64;

export class PreviewFrames {
  private readonly entries = new Map<number, PreviewFramesEntry>();
  private readonly inFlight = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private wanted: WantedRecord[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstWantAt: number | undefined;
  private run: string | undefined;
  /** Bumped when a run's answers must no longer land (another run, disposal). */
  private generation = 0;
  private notifyQueued = false;

  constructor(
    private readonly ask: AskFrames,
    private readonly capacity = PREVIEW_CACHE_SIZE,
  ) {}

  /** The answer for record `seq` of the current run, or undefined until it arrives. */
  get = (seq: number): PreviewFramesEntry | undefined => this.entries.get(seq);

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Records the engine has been asked about and not answered yet. */
  get pending(): number {
    return this.inFlight.size;
  }

  /**
   * The rows on screen that need frames, in `run` (the same seq in another run, or in a replay,
   * is another record). Replaces the previous wish: rows scrolled past before the flush are never asked for.
   */
  want(run: string, records: readonly WantedRecord[]): void {
    if (run !== this.run) {
      this.run = run;
      this.generation++;
      this.entries.clear();
      this.inFlight.clear();
      this.queueNotify();
    }
    const missing: WantedRecord[] = [];
    for (const r of records) {
      const kept = this.entries.get(r.seq);
      if (kept) {
        // Seen again: the most recently used go last, the LRU evicts from the front.
        this.entries.delete(r.seq);
        this.entries.set(r.seq, kept);
      } else if (!this.inFlight.has(r.seq)) missing.push(r);
    }
    this.wanted = missing;
    if (missing.length === 0) {
      this.cancel();
      return;
    }
    const now = Date.now();
    this.firstWantAt ??= now;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(this.flush, Math.max(0, Math.min(PREVIEW_DEBOUNCE_MS, this.firstWantAt + PREVIEW_MAX_WAIT_MS - now)));
  }

  /** Stops asking; answers still on their way are dropped. */
  dispose(): void {
    this.cancel();
    this.generation++;
    this.listeners.clear();
  }

  private cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.firstWantAt = undefined;
  }

  private readonly flush = (): void => {
    this.cancel();
    const generation = this.generation;
    const batch = this.wanted.slice(0, PREVIEW_MAX_REQUESTS);
    this.wanted = [];
    for (const r of batch) {
      this.inFlight.add(r.seq);
      const settle = (entry: PreviewFramesEntry): void => {
        if (generation !== this.generation) return;
        this.inFlight.delete(r.seq);
        this.put(r.seq, entry);
      };
      this.ask(r.seq).then(
        (reply) => {
          const state = framesState(reply, r, '');
          settle(state.status === 'ok' ? { status: 'ok', frames: state.frames, truncated: state.truncated } : { status: 'unavailable', reason: state.status === 'unavailable' ? state.reason : 'no answer' });
        },
        (err: unknown) => settle({ status: 'unavailable', reason: err instanceof Error ? err.message : String(err) }),
      );
    }
  };

  private put(seq: number, entry: PreviewFramesEntry): void {
    this.entries.set(seq, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    this.queueNotify();
  }

  /** Answers arrive one by one: rows hear of them once per microtask. */
  private queueNotify(): void {
    if (this.notifyQueued) return;
    this.notifyQueued = true;
    queueMicrotask(() => {
      this.notifyQueued = false;
      for (const l of [...this.listeners]) l();
    });
  }
}
