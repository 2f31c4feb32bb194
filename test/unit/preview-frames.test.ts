// The trace table's frames cache: asks only for the rows on screen, once the screen settles, bounded.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FramesReply } from '../../shared/ipc';
import { PREVIEW_DEBOUNCE_MS, PREVIEW_MAX_REQUESTS, PREVIEW_MAX_WAIT_MS, PreviewFrames } from '../../renderer/panels/trace/previewFrames';
import type { WantedRecord } from '../../renderer/panels/trace/previewFrames';

const b64 = (s: string): string => btoa(s);
/** One 5-byte frame per record, as the engine would answer while it still keeps it. */
const rec = (seq: number): WantedRecord => ({ seq, frames: 1, bytes: 5 });

function engine(kept: (seq: number) => boolean = () => true) {
  const asked: number[] = [];
  const ask = (seq: number): Promise<FramesReply> => {
    asked.push(seq);
    return Promise.resolve(
      kept(seq) ? { available: true, seq, frames: [b64('Hello')], truncated: false } : { available: false, seq, reason: `record ${seq} is no longer kept` },
    );
  };
  return { ask, asked };
}

const settle = async (): Promise<void> => {
  await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS);
};

describe('PreviewFrames', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('asks only for the rows still wanted when the screen stands still', async () => {
    const e = engine();
    const cache = new PreviewFrames(e.ask);
    // Scrolling fast: each draw replaces the wish before the debounce runs out.
    for (let top = 0; top < 1000; top += 100) {
      cache.want('1:run', [rec(top), rec(top + 1)]);
      await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS / 4);
    }
    expect(e.asked).toEqual([]);
    await settle();
    expect(e.asked).toEqual([900, 901]);
    expect(cache.get(900)).toEqual({ status: 'ok', frames: [new TextEncoder().encode('Hello')], truncated: false });
    // Asked once: drawing the same rows again asks nothing.
    cache.want('1:run', [rec(900), rec(901)]);
    await settle();
    expect(e.asked).toEqual([900, 901]);
  });

  it('still asks while a table following a flood never stands still', async () => {
    const e = engine();
    const cache = new PreviewFrames(e.ask);
    let seq = 0;
    for (let t = 0; t < PREVIEW_MAX_WAIT_MS + 50; t += 20) {
      seq += 50;
      cache.want('1:run', [rec(seq)]);
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(e.asked.length).toBeGreaterThanOrEqual(1);
    expect(e.asked.length).toBeLessThanOrEqual(2);
  });

  it('asks for at most a couple of screens at once', async () => {
    const e = engine();
    const cache = new PreviewFrames(e.ask);
    cache.want('1:run', Array.from({ length: 1000 }, (_, i) => rec(i)));
    await settle();
    expect(e.asked).toHaveLength(PREVIEW_MAX_REQUESTS);
  });

  it('keeps what the engine no longer has, and a mismatched or failed answer, as unavailable with the reason', async () => {
    const cache = new PreviewFrames((seq) =>
      seq === 1
        ? Promise.resolve({ available: false, seq, reason: 'record 1 is no longer kept: only the last 4096 records keep their frames' })
        : seq === 2
          ? Promise.resolve({ available: true, seq, frames: [b64('Hello'), b64('x')], truncated: false })
          : Promise.reject(new Error('not connected to the engine')),
    );
    cache.want('1:run', [rec(1), rec(2), rec(3)]);
    await settle();
    expect(cache.get(1)).toEqual({ status: 'unavailable', reason: 'record 1 is no longer kept: only the last 4096 records keep their frames' });
    expect(cache.get(2)).toMatchObject({ status: 'unavailable', reason: expect.stringContaining('another message') });
    expect(cache.get(3)).toEqual({ status: 'unavailable', reason: 'not connected to the engine' });
  });

  it('is bounded, evicting the least recently drawn first', async () => {
    const e = engine();
    const cache = new PreviewFrames(e.ask, 3);
    cache.want('1:run', [rec(1), rec(2), rec(3)]);
    await settle();
    cache.want('1:run', [rec(1)]); // seen again: most recent
    cache.want('1:run', [rec(4)]);
    await settle();
    expect([1, 2, 3, 4].map((s) => cache.get(s) !== undefined)).toEqual([true, false, true, true]);
  });

  it('forgets a run\'s answers when another run starts, including answers still on their way', async () => {
    let release: (r: FramesReply) => void = () => undefined;
    const cache = new PreviewFrames(() => new Promise<FramesReply>((resolve) => (release = resolve)));
    cache.want('1:run', [rec(7)]);
    await settle();
    expect(cache.pending).toBe(1);
    cache.want('2:run', []);
    release({ available: true, seq: 7, frames: [b64('Hello')], truncated: false });
    await vi.runAllTimersAsync();
    expect(cache.get(7)).toBeUndefined();
    expect(cache.pending).toBe(0);
  });

  it('tells its listeners once per group of answers', async () => {
    const cache = new PreviewFrames(engine().ask);
    const heard = vi.fn();
    const off = cache.subscribe(heard);
    cache.want('1:run', [rec(1), rec(2), rec(3)]);
    await settle();
    expect(heard).toHaveBeenCalledTimes(2); // the new run, then the three answers
    off();
  });
});
