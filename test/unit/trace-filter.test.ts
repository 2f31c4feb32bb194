// The trace table's filtering without React: the predicate over ring columns, the incremental
// row index, the lookup of a cause's record, and the feed that refreshes the table.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TraceRing } from '../../renderer/store/traceRing';
import { createAppStore } from '../../renderer/store/createAppStore';
import { compileFilter, edgePatterns, isFiltering, regexError } from '../../renderer/panels/trace/filter';
import type { TraceColumns } from '../../renderer/panels/trace/filter';
import { FilteredIndex } from '../../renderer/panels/trace/filteredIndex';
import { causeOfMessage, findMessageRecord } from '../../renderer/panels/trace/ringSearch';
import { AWAY_REFRESH_MS, FOLLOW_REFRESH_MS, TraceFeed } from '../../renderer/panels/trace/traceFeed';
import type { FrameClock } from '../../renderer/panels/trace/traceFeed';
import type { Pattern } from '../../shared/patterns';
import type { TraceBatch, TraceTables } from '../../shared/trace';
import type { TraceFilter } from '../../renderer/store/traceViewSlice';

/*  client(REQ) --e1--> server1(REP)      pub(PUB) --e3--> sub(SUB)
 *         \----e2--> queue frontend(ROUTER) / queue backend(DEALER)            */
const tables: TraceTables = {
  sockets: [
    { node: 'client', port: '', socket: 'REQ' },
    { node: 'server1', port: '', socket: 'REP' },
    { node: 'queue', port: 'frontend', socket: 'ROUTER' },
    { node: 'queue', port: 'backend', socket: 'DEALER' },
    { node: 'pub', port: '', socket: 'PUB' },
  ],
  edges: ['e1', 'e2', 'e3'],
};
const patterns = new Map<string, Pattern>([
  ['e1', 'reqrep'],
  ['e2', 'reqrep'],
  ['e3', 'pubsub'],
]);

interface Row {
  socket: number;
  dir: 0 | 1;
  edge: number;
  preview: string;
  msg?: number;
}

let batchNo = 0;
function batch(firstSeq: number, rows: readonly Row[]): TraceBatch {
  const n = rows.length;
  return {
    batch: ++batchNo,
    firstSeq,
    count: n,
    dropped: 0,
    t: Float64Array.from(rows, (_, i) => firstSeq + i),
    socket: Uint16Array.from(rows, (r) => r.socket),
    dir: Uint8Array.from(rows, (r) => r.dir),
    edge: Int32Array.from(rows, (r) => r.edge),
    frames: new Uint32Array(n).fill(1),
    bytes: Uint32Array.from(rows, (r) => r.preview.length),
    msg: Uint32Array.from(rows, (r, i) => r.msg ?? firstSeq + i),
    cause: new Uint32Array(n),
    preview: rows.map((r) => r.preview),
  };
}

/** The load-balanced run in short: msg i out of the client, in at server (i % 2 + 1)... */
const sample: Row[] = [
  { socket: 0, dir: 0, edge: 0, preview: 'msg 0', msg: 1 },
  { socket: 1, dir: 1, edge: 0, preview: 'msg 0', msg: 1 },
  { socket: 0, dir: 0, edge: 1, preview: 'msg 1', msg: 2 },
  { socket: 2, dir: 1, edge: 1, preview: 'msg 1', msg: 2 },
  { socket: 3, dir: 0, edge: -1, preview: 'msg 1', msg: 3 },
  { socket: 4, dir: 0, edge: 2, preview: 'netherlands goal', msg: 4 },
  { socket: 0, dir: 0, edge: 0, preview: 'MSG 3', msg: 5 },
];

function ringWith(rows: readonly Row[], capacity = 100): TraceRing {
  const ring = new TraceRing(capacity);
  ring.clear(tables);
  ring.append(batch(1, rows));
  return ring;
}

/** Seqs of the records a filter keeps, oldest first. */
function kept(ring: TraceColumns, filter: TraceFilter): number[] {
  const { test } = compileFilter(filter, patterns);
  const out: number[] = [];
  for (let i = 0; i < ring.size; i++) if (!test || test(ring, i)) out.push(ring.seqAt(i));
  return out;
}

describe('compileFilter', () => {
  const ring = ringWith(sample);

  it('lets everything through without a test when nothing is set', () => {
    expect(compileFilter({}, patterns).test).toBeUndefined();
    expect(isFiltering({})).toBe(false);
    expect(isFiltering({ dir: 'in' })).toBe(true);
  });

  it('keeps one node, both ports of a device included', () => {
    expect(kept(ring, { node: 'client' })).toEqual([1, 3, 7]);
    expect(kept(ring, { node: 'queue' })).toEqual([4, 5]);
    expect(kept(ring, { node: 'nobody' })).toEqual([]);
  });

  it('keeps one edge; a record on an unknown edge matches no edge', () => {
    expect(kept(ring, { edge: 'e1' })).toEqual([1, 2, 7]);
    expect(kept(ring, { edge: 'e2' })).toEqual([3, 4]);
  });

  it("keeps one pattern through the record's edge", () => {
    expect(kept(ring, { pattern: 'pubsub' })).toEqual([6]);
    expect(kept(ring, { pattern: 'reqrep' })).toEqual([1, 2, 3, 4, 7]);
    expect(kept(ring, { pattern: 'pipeline' })).toEqual([]);
  });

  it('keeps one direction', () => {
    expect(kept(ring, { dir: 'in' })).toEqual([2, 4]);
    expect(kept(ring, { dir: 'out' })).toEqual([1, 3, 5, 6, 7]);
  });

  it('matches payload text case-insensitively, or as a regular expression', () => {
    expect(kept(ring, { text: 'msg 3' })).toEqual([7]);
    expect(kept(ring, { text: 'goal' })).toEqual([6]);
    expect(kept(ring, { text: 'msg [01]$', regex: true })).toEqual([1, 2, 3, 4, 5]);
    // Without the regex flag the brackets are literal text.
    expect(kept(ring, { text: 'msg [01]$' })).toEqual([]);
  });

  it('combines every field', () => {
    expect(kept(ring, { node: 'client', edge: 'e1', dir: 'out', text: '3' })).toEqual([7]);
  });

  it('reports an invalid regex and ignores only the payload part', () => {
    const compiled = compileFilter({ text: 'msg [1', regex: true, dir: 'in' }, patterns);
    expect(compiled.error).toBe('invalid regular expression: Unterminated character class');
    expect(kept(ring, { text: 'msg [1', regex: true, dir: 'in' })).toEqual([2, 4]);
    expect(regexError('msg [13]$')).toBeUndefined();
    expect(regexError('(')).toBeDefined();
  });

  it("re-resolves node and edge names when a new run's tables arrive", () => {
    const { test } = compileFilter({ node: 'server1' }, patterns);
    const r = ringWith(sample);
    expect(test!(r, 1)).toBe(true);
    // The next run numbers its sockets differently: socket 1 is now the client.
    r.clear({ ...tables, sockets: [tables.sockets[1], tables.sockets[0]] });
    r.append(batch(1, [{ socket: 1, dir: 0, edge: 0, preview: 'x' }, { socket: 0, dir: 1, edge: 0, preview: 'x' }]));
    expect(test!(r, 0)).toBe(false);
    expect(test!(r, 1)).toBe(true);
  });
});

describe('FilteredIndex', () => {
  it('scans only the records appended since the last update', () => {
    const ring = ringWith(sample);
    const base = compileFilter({ node: 'client' }, patterns).test!;
    const test = vi.fn(base);
    const index = new FilteredIndex(test);
    expect(index.update(ring)).toEqual({ reset: true, added: 3, removedFront: 0 });
    expect(test).toHaveBeenCalledTimes(7);
    ring.append(batch(8, [{ socket: 0, dir: 0, edge: 0, preview: 'msg 4' }, { socket: 1, dir: 1, edge: 0, preview: 'msg 4' }]));
    expect(index.update(ring)).toEqual({ reset: false, added: 1, removedFront: 0 });
    expect(test).toHaveBeenCalledTimes(9);
    expect(index.count).toBe(4);
    expect(Array.from({ length: index.count }, (_, r) => ring.seqAt(index.positionAt(ring, r)))).toEqual([1, 3, 7, 8]);
    expect(index.rowOfSeq(ring, 7)).toBe(2);
    expect(index.rowOfSeq(ring, 2)).toBe(-1);
  });

  it('lets rows go from the front when the bound drops their records', () => {
    const ring = ringWith(sample, 8);
    const index = new FilteredIndex(compileFilter({ node: 'client' }, patterns).test);
    index.update(ring);
    // Three more: the ring of 8 drops seqs 1 and 2 (seq 1 was a client row).
    ring.append(batch(8, [0, 1, 2].map((): Row => ({ socket: 0, dir: 0, edge: 0, preview: 'more' }))));
    expect(index.update(ring)).toEqual({ reset: false, added: 3, removedFront: 1 });
    expect(index.count).toBe(5);
    expect(ring.seqAt(index.positionAt(ring, 0))).toBe(3);
    expect(index.matchedEver).toBe(6);
  });

  it('holds a full ring of 200,000 records and keeps up with a batch by scanning only it', () => {
    const ring = new TraceRing();
    ring.clear(tables);
    const rows = Array.from({ length: 200_000 }, (_, i): Row => ({ socket: i % 2, dir: (i % 2) as 0 | 1, edge: 0, preview: `msg ${i % 10}` }));
    ring.append(batch(1, rows));
    const base = compileFilter({ text: 'msg [13]$', regex: true }, patterns).test!;
    let calls = 0;
    const index = new FilteredIndex((r, i) => (calls++, base(r, i)));
    index.update(ring);
    expect(index.count).toBe(40_000);
    calls = 0;
    ring.append(batch(200_001, rows.slice(0, 1000)));
    expect(index.update(ring)).toEqual({ reset: false, added: 200, removedFront: 200 });
    expect(calls).toBe(1000);
    expect(index.count).toBe(40_000);
  });

  it('starts again when the ring is cleared for a new run', () => {
    const ring = ringWith(sample);
    const index = new FilteredIndex(compileFilter({ dir: 'in' }, patterns).test);
    index.update(ring);
    ring.clear({ ...tables });
    ring.append(batch(1, sample.slice(0, 2)));
    expect(index.update(ring)).toEqual({ reset: true, added: 1, removedFront: 0 });
    expect(index.count).toBe(1);
    expect(index.matchedEver).toBe(1);
  });

  it('without a filter, every held record is a row and the front slides with the ring', () => {
    const ring = ringWith(sample, 8);
    const index = new FilteredIndex(undefined);
    index.update(ring);
    expect(index.count).toBe(7);
    ring.append(batch(8, sample.slice(0, 3)));
    expect(index.update(ring)).toEqual({ reset: false, added: 3, removedFront: 2 });
    expect(index.count).toBe(8);
    expect(ring.seqAt(index.positionAt(ring, 0))).toBe(3);
    expect(index.rowOfSeq(ring, 10)).toBe(7);
  });
});

describe('findMessageRecord', () => {
  // msg 2 goes client -> queue frontend; the queue forwards it as msg 3 (cause 2).
  const ring = ringWith(sample);

  it("prefers the cause's receive at the same node, then any receive, then its send", () => {
    expect(ring.seqAt(findMessageRecord(ring, 2, 'queue'))).toBe(4);
    expect(ring.seqAt(findMessageRecord(ring, 1, 'queue'))).toBe(2);
    expect(ring.seqAt(findMessageRecord(ring, 5, 'queue'))).toBe(7);
    expect(findMessageRecord(ring, 99, 'queue')).toBe(-1);
  });

  it('searches only before the given position', () => {
    expect(findMessageRecord(ring, 2, 'queue', 3)).toBe(2);
  });

  it("takes a receive's cause from its message's send", () => {
    const r = new TraceRing(10);
    r.clear(tables);
    const b = batch(1, [
      { socket: 3, dir: 0, edge: 0, preview: 'fwd', msg: 7 },
      { socket: 1, dir: 1, edge: 0, preview: 'fwd', msg: 7 },
    ]);
    b.cause[0] = 4;
    r.append(b);
    expect(causeOfMessage(r, 7)).toBe(4);
    expect(causeOfMessage(r, 7, 0)).toBe(0);
    expect(causeOfMessage(r, 8)).toBe(0);
  });
});

describe('TraceFeed', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup(filter: TraceFilter = {}) {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    // Frames every 16 ms on the fake clock.
    const frames: FrameClock = { request: (fn) => setTimeout(fn, 16) as unknown as number, cancel: (id) => clearTimeout(id) };
    const store = createAppStore();
    store.getState().applyEngineEvents([{ type: 'tables', runId: 1, tables }]);
    const feed = new TraceFeed(store, compileFilter(filter, edgePatterns([])).test, frames);
    feed.start();
    const send = (first: number, rows: Row[]) => store.getState().applyEngineEvents([{ type: 'trace', runId: 1, batch: batch(first, rows) }]);
    return { store, feed, send };
  }

  it('refreshes counts once per frame however many batches landed, and rows at most every 100 ms', () => {
    const { feed, send } = setup();
    const rows = vi.fn();
    const stats = vi.fn();
    feed.subscribeRows(rows);
    feed.subscribeStats(stats);
    send(1, sample.slice(0, 2));
    send(3, sample.slice(2, 4));
    vi.advanceTimersByTime(16);
    expect(rows).toHaveBeenCalledTimes(1);
    expect(stats).toHaveBeenCalledTimes(1);
    expect(feed.getRows().count).toBe(4);
    expect(feed.getStats()).toMatchObject({ rows: 4, held: 4, dropped: 0, fresh: 0 });
    for (let i = 0; i < 3; i++) {
      send(5 + i, [sample[0]]);
      vi.advanceTimersByTime(16);
    }
    expect(stats).toHaveBeenCalledTimes(4);
    expect(rows).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(FOLLOW_REFRESH_MS);
    expect(rows).toHaveBeenCalledTimes(2);
    expect(feed.getRows().count).toBe(7);
    feed.stop();
  });

  it('while scrolled away: counts every frame, rows at most every 250 ms, and "N new" since', () => {
    const { feed, send } = setup({ dir: 'out' });
    send(1, sample.slice(0, 2));
    vi.advanceTimersByTime(16);
    feed.setFollowing(false);
    const rows = vi.fn();
    const stats = vi.fn();
    feed.subscribeRows(rows);
    feed.subscribeStats(stats);
    for (let i = 0; i < 5; i++) {
      send(3 + i, [sample[0]]);
      vi.advanceTimersByTime(16);
    }
    expect(stats).toHaveBeenCalledTimes(5);
    expect(feed.getStats().fresh).toBe(5);
    expect(rows.mock.calls.length).toBeLessThanOrEqual(1);
    vi.advanceTimersByTime(AWAY_REFRESH_MS);
    expect(feed.getRows().count).toBe(6);
    feed.setFollowing(true);
    expect(feed.getStats().fresh).toBe(0);
    feed.stop();
  });

  it('reports the records the bounds dropped and the batches that never came', () => {
    const { feed, store } = setup();
    store.getState().applyEngineEvents([{ type: 'trace', runId: 1, batch: { ...batch(10, sample), dropped: 12, batch: 100 } }]);
    vi.advanceTimersByTime(16);
    expect(feed.getStats()).toMatchObject({ dropped: 12, capacity: 200_000 });
    store.getState().applyEngineEvents([{ type: 'trace', runId: 1, batch: { ...batch(20, sample), batch: 102 } }]);
    vi.advanceTimersByTime(16);
    expect(feed.getStats().missedBatches).toBe(1);
    feed.stop();
  });

  it('stops listening when stopped', () => {
    const { feed, send } = setup();
    feed.stop();
    send(1, sample);
    vi.advanceTimersByTime(100);
    expect(feed.getRows().count).toBe(0);
  });
});
