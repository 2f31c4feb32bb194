// Replaying a trace file: tables, batches and counters rebuilt from records; pacing on an injected clock; the store's replay.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineCommands, EngineEvent } from '../../shared/ipc';
import type { TraceRecord, TraceTables } from '../../shared/trace';
import type { Topology } from '../../shared/topology';
import { loadTopology } from '../../shared/load';
import { findExample } from '../../shared/examples';
import { TRACE_FORMAT, parseTraceFile, traceFileText } from '../../shared/traceFile';
import { ReplayStats, TableIndex, recordBatches, replayTables } from '../../renderer/replay/replayData';
import type { ReplayClock, ReplayProgress, ReplaySink } from '../../renderer/replay/player';
import { MAX_CHUNK, ReplayPlayer } from '../../renderer/replay/player';
import { createAppStore } from '../../renderer/store/createAppStore';
import { traceExport } from '../../renderer/replay/traceExport';
import { importTraceText } from '../../renderer/replay/traceImport';
import { RATE_HISTORY } from '../../renderer/store/traceSlice';

const loadBalanced = loadTopology(findExample('load-balanced')!.topology).topology!;

const rec = (
  seq: number,
  t: number,
  node: string,
  socket: string,
  dir: 'out' | 'in',
  edge: string,
  msg: number,
  cause = 0,
): TraceRecord => ({
  seq,
  t,
  node,
  port: '',
  socket,
  dir,
  edge,
  frames: 1,
  bytes: 5,
  preview: `msg ${msg}`,
  msg,
  cause,
});

/** The seed's run: request i at 100 + 100 i ms, to server 1 or 2 in turn, each hop 1 ms later. */
function seedRun(requests = 10): TraceRecord[] {
  const out: TraceRecord[] = [];
  let seq = 1;
  for (let i = 0; i < requests; i++) {
    const t = 100 + i * 100;
    const server = i % 2 === 0 ? 'server1' : 'server2';
    const edge = i % 2 === 0 ? 'to-server1' : 'to-server2';
    const req = 2 * i + 1;
    out.push(rec(seq++, t, 'client', 'REQ', 'out', edge, req));
    out.push(rec(seq++, t + 1, server, 'REP', 'in', edge, req));
    out.push(rec(seq++, t + 2, server, 'REP', 'out', edge, req + 1, req));
    out.push(rec(seq++, t + 3, 'client', 'REQ', 'in', edge, req + 1, req));
  }
  return out;
}

class FakeClock implements ReplayClock {
  t = 0;
  private timers: { at: number; fn: () => void }[] = [];
  now = (): number => this.t;
  later = (fn: () => void, ms: number): (() => void) => {
    const timer = { at: this.t + ms, fn };
    this.timers.push(timer);
    return () => (this.timers = this.timers.filter((x) => x !== timer));
  };
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const next = this.timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.timers = this.timers.filter((x) => x !== next);
      this.t = next.at;
      next.fn();
    }
    this.t = end;
  }
}

class Recorder implements ReplaySink {
  resets = 0;
  events: EngineEvent[] = [];
  last?: ReplayProgress;
  reset(_tables: TraceTables): void {
    this.resets++;
    this.events = [];
  }
  apply(events: EngineEvent[]): void {
    this.events.push(...events);
  }
  progress(p: ReplayProgress): void {
    this.last = p;
  }
  records(): number {
    return this.events.reduce((n, e) => n + (e.type === 'trace' ? e.batch.count : 0), 0);
  }
  stats(): Extract<EngineEvent, { type: 'stats' }>[] {
    return this.events.filter((e): e is Extract<EngineEvent, { type: 'stats' }> => e.type === 'stats');
  }
}

function player(records = seedRun(), topology: Topology = loadBalanced) {
  const clock = new FakeClock();
  const sink = new Recorder();
  const p = new ReplayPlayer({ topology, records }, sink, clock, 7);
  return { clock, sink, p };
}

describe('replay data', () => {
  it('tables: sockets as first seen, every edge of the topology, then edges only the records name', () => {
    const records = [
      ...seedRun(2),
      rec(9, 400, 'stranger', 'PUSH', 'out', 'mystery', 9),
      rec(10, 401, 'client', 'REQ', 'in', 'unknown', 10),
    ];
    expect(replayTables(loadBalanced, records)).toEqual({
      sockets: [
        { node: 'client', port: '', socket: 'REQ' },
        { node: 'server1', port: '', socket: 'REP' },
        { node: 'server2', port: '', socket: 'REP' },
        { node: 'stranger', port: '', socket: 'PUSH' },
      ],
      edges: ['to-server1', 'to-server2', 'mystery'],
    });
  });

  it('batches: columns from records, a new batch at every gap in seq', () => {
    const records = seedRun(2).filter((r) => r.seq !== 3);
    const index = new TableIndex(replayTables(loadBalanced, records));
    const batches = recordBatches(records, 0, records.length, index, 5);
    expect(batches.map((b) => [b.batch, b.firstSeq, b.count])).toEqual([
      [5, 1, 2],
      [6, 4, 5],
    ]);
    const b = batches[1];
    expect([...b.socket]).toEqual([0, 0, 2, 2, 0]);
    expect([...b.dir]).toEqual([1, 0, 1, 0, 1]);
    expect([...b.edge]).toEqual([0, 1, 1, 1, 1]);
    expect([...b.msg]).toEqual([2, 3, 3, 4, 4]);
    expect([...b.cause]).toEqual([1, 0, 0, 3, 3]);
    expect(b.preview).toEqual(['msg 2', 'msg 3', 'msg 3', 'msg 4', 'msg 4']);
    expect([...b.t]).toEqual([103, 200, 201, 202, 203]);
  });

  it('counters: receives per edge, and sends on an edge to an outside program', () => {
    const doc = loadTopology({
      format: 'zmq-studio.topology/1',
      nodes: [
        { id: 'radio', kind: 'socket', socket: 'PUB', behavior: { type: 'publish' } },
        { id: 'py', kind: 'external', socket: 'SUB' },
      ],
      edges: [
        {
          id: 'out',
          pattern: 'pubsub',
          source: 'radio',
          target: 'py',
          endpoint: 'tcp://127.0.0.1:7001',
          bind: 'source',
        },
      ],
    }).topology!;
    const sends = [1, 2, 3].map((i) => rec(i, i, 'radio', 'PUB', 'out', 'out', i));
    const stats = new ReplayStats(doc, new TableIndex(replayTables(doc, sends)));
    sends.forEach((r) => stats.add(r));
    expect(stats.snapshot()).toEqual({
      nodes: [{ node: 'radio', sent: 3, received: 0, bytesOut: 15, bytesIn: 0 }],
      edges: [{ edge: 'out', messages: 3, bytes: 15, rate: 12 }],
    });

    const inner = new ReplayStats(loadBalanced, new TableIndex(replayTables(loadBalanced, seedRun())));
    seedRun().forEach((r) => inner.add(r));
    const snap = inner.snapshot(1000);
    expect(snap.edges).toEqual([
      { edge: 'to-server1', messages: 10, bytes: 50, rate: 10 },
      { edge: 'to-server2', messages: 10, bytes: 50, rate: 10 },
    ]);
    expect(snap.nodes.find((n) => n.node === 'client')).toEqual({
      node: 'client',
      sent: 10,
      received: 10,
      bytesOut: 50,
      bytesIn: 50,
    });
    expect(inner.snapshot().edges[0].rate).toBe(0); // nothing new since the last snapshot
  });
});

describe('replay pacing', () => {
  // Ticks come every 16 ms of the clock: the steps below are whole ticks. Request i's round trip is at 100 + 100 i .. + 3 ms.
  it('1x: records come out at the recorded pace from the first one, counters every 250 ms of recorded time', () => {
    const { clock, sink, p } = player();
    expect(sink.resets).toBe(1);
    p.play();
    expect(sink.records()).toBe(1); // the first record (t = 100) is due at once
    clock.advance(96); // 196 recorded
    expect(sink.records()).toBe(4);
    clock.advance(112); // 308
    expect(sink.records()).toBe(12);
    expect(sink.stats()).toHaveLength(0);
    clock.advance(48); // 356: past 350, the first period's end
    expect(sink.stats()).toHaveLength(1);
    expect(sink.stats()[0].edges.map((e) => [e.edge, e.messages, e.rate])).toEqual([
      ['to-server1', 4, 16],
      ['to-server2', 2, 8],
    ]);
    expect(p.progress).toMatchObject({ phase: 'playing', speed: 1, played: 12, total: 40, duration: 903 });
    clock.advance(1008);
    expect(sink.records()).toBe(40);
    expect(p.progress.phase).toBe('ended');
    expect(sink.last?.phase).toBe('ended');
    // The last counters equal the totals, like a live run's after stop.
    expect(
      sink
        .stats()
        .at(-1)
        ?.edges.map((e) => e.messages),
    ).toEqual([10, 10]);
    expect(sink.events.every((e) => 'runId' in e && e.runId === 7)).toBe(true);
  });

  it('4x is four times faster, 0.25x four times slower', () => {
    const fast = player();
    fast.p.setSpeed(4);
    fast.p.play();
    fast.clock.advance(96); // 484 ms recorded
    expect(fast.sink.records()).toBe(16);
    fast.clock.advance(16); // 548
    expect(fast.sink.records()).toBe(20);
    const slow = player();
    slow.p.setSpeed(0.25);
    slow.p.play();
    slow.clock.advance(384); // 196 recorded
    expect(slow.sink.records()).toBe(4);
    slow.clock.advance(16); // 200
    expect(slow.sink.records()).toBe(5);
  });

  it('pause holds the replay where it is; play goes on from there without a jump', () => {
    const { clock, sink, p } = player();
    p.play();
    clock.advance(144); // 244 recorded
    expect(sink.records()).toBe(8);
    p.pause();
    expect(p.progress).toMatchObject({ phase: 'paused', t: 144 });
    clock.advance(10_000);
    expect(sink.records()).toBe(8);
    p.play();
    clock.advance(48); // 292
    expect(sink.records()).toBe(8);
    clock.advance(16); // 308
    expect(sink.records()).toBe(12);
  });

  it('a speed change mid-play keeps the position and paces on from it', () => {
    const { clock, sink, p } = player();
    p.play();
    clock.advance(112); // 212 recorded
    expect(sink.records()).toBe(8);
    p.setSpeed(16);
    clock.advance(48); // 212 + 768 = 980
    expect(sink.records()).toBe(36);
    clock.advance(16); // 1236: the end
    expect(sink.records()).toBe(40);
    expect(p.progress.phase).toBe('ended');
  });

  it('back to the start forgets what was shown and plays again', () => {
    const { clock, sink, p } = player();
    p.play();
    clock.advance(496);
    p.restart();
    expect(sink.resets).toBe(2);
    expect(sink.records()).toBe(1);
    expect(p.progress).toMatchObject({ phase: 'playing', played: 1, t: 0 });
    clock.advance(16);
    expect(sink.records()).toBe(4);
  });

  it('max speed feeds chunks every tick, with the counters of every period on the way', () => {
    const records = seedRun(MAX_CHUNK / 2); // 2 x MAX_CHUNK records over 500 s recorded
    const { clock, sink, p } = player(records);
    p.setSpeed('max');
    p.play();
    expect(sink.records()).toBe(MAX_CHUNK);
    clock.advance(16);
    expect(sink.records()).toBe(2 * MAX_CHUNK);
    expect(p.progress.phase).toBe('ended');
    const stats = sink.stats();
    // one per 250 ms period crossed, plus the final one
    expect(stats.length).toBe(Math.floor((records.at(-1)!.t - 100) / 250) + 1);
    expect(stats.at(-1)?.edges.map((e) => e.messages)).toEqual([MAX_CHUNK / 2, MAX_CHUNK / 2]);
    // a batch of a live run holds consecutive seqs: so do these
    const batches = sink.events.flatMap((e) => (e.type === 'trace' ? [e.batch] : []));
    expect(batches.map((b) => b.firstSeq)).toEqual([1, MAX_CHUNK + 1]);
  });

  it('a trace without records ends at once, and what a bound dropped is reported with the first batch', () => {
    const empty = player([]);
    empty.p.play();
    expect(empty.p.progress).toMatchObject({ phase: 'ended', played: 0, total: 0, duration: 0 });
    const clock = new FakeClock();
    const sink = new Recorder();
    new ReplayPlayer({ topology: loadBalanced, records: seedRun(1), header: { dropped: 12 } }, sink, clock).play();
    expect(sink.events.flatMap((e) => (e.type === 'trace' ? [e.batch.dropped] : []))).toEqual([12]);
  });

  it('a long quiet stretch does not emit more periods than the page keeps', () => {
    const records = [
      rec(1, 0, 'client', 'REQ', 'out', 'to-server1', 1),
      rec(2, 3_600_000, 'server1', 'REP', 'in', 'to-server1', 1),
    ];
    const { sink, p } = player(records);
    p.setSpeed('max');
    p.play();
    // the first period, RATE_HISTORY quiet ones before the record, the one it ends and the final one
    expect(sink.stats().length).toBe(RATE_HISTORY + 3);
    expect(sink.stats().at(-1)?.edges[0].messages).toBe(1);
  });
});

function fakeEngine(): EngineCommands & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    start: async () => (calls.push('start'), { runId: 3, diagnostics: [] }),
    stop: async () => (calls.push('stop'), { closedSockets: 3 }),
    inject: async () => ({ msg: 1 }),
    pause: async () => ({ state: 'paused' }),
    resume: async () => ({ state: 'running' }),
    status: async () => ({
      state: 'idle',
      runId: 3,
      openSockets: 0,
      libzmq: '4.3.5',
      capabilities: { ipc: true, pgm: false, tipc: false, norm: false, curve: true, gssapi: false, draft: true },
    }),
    frames: async ({ seq }) => ({ available: false, seq, reason: 'fake' }),
    step: async () => ({ released: [], waiting: 0 }),
    fault: async (request) => request,
    nodeFault: async ({ node, action }) => ({ node, state: action === 'kill' ? ('killed' as const) : ('running' as const), sockets: 1 }),
    attach: async () => ({ diagnostics: [], nodes: [], edges: [] }),
    detach: async ({ nodes }) => ({ nodes, edges: [], closedSockets: 0 }),
  };
}

const seedFile = (records = seedRun()): string =>
  traceFileText(
    {
      format: TRACE_FORMAT,
      topology: findExample('load-balanced')!.topology,
      source: 'example:load-balanced',
      createdAt: '2025-01-01T00:00:00Z',
      tool: 'test',
    },
    records,
  );

describe('replay in the store', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('loads the topology, keeps the engine run state, and feeds the views through the live path', () => {
    vi.useFakeTimers();
    const store = createAppStore();
    store.getState().setRunState(4, 'stopped');
    expect(importTraceText(store, 'seed.trace.jsonl', seedFile())).toBe(true);
    let s = store.getState();
    expect(s.topology.nodes.map((n) => n.id)).toEqual(['client', 'server1', 'server2']);
    expect(s.runState).toBe('stopped');
    expect(s.replay).toMatchObject({ name: 'seed.trace.jsonl', phase: 'paused', played: 0, total: 40 });
    expect(s.trace.tables.edges).toEqual(['to-server1', 'to-server2']);
    expect(s.notice?.text).toBe('loaded seed.trace.jsonl: 40 records to replay');

    s.setReplaySpeed('max');
    s.playReplay();
    vi.advanceTimersByTime(100);
    s = store.getState();
    expect(s.replay?.phase).toBe('ended');
    expect(s.trace.size).toBe(40);
    expect(s.trace.recordAt(5)).toEqual(seedRun()[5]);
    expect(s.edgeStats['to-server1'].messages).toBe(10);
    expect(s.nodeStats.server2).toEqual({ node: 'server2', sent: 5, received: 5, bytesOut: 25, bytesIn: 25 });
    expect(s.rateHistory['to-server1'].length).toBeGreaterThan(1);
    expect(s.runState).toBe('stopped');
  });

  it('what it replayed exports to the same records (export -> import -> export)', () => {
    vi.useFakeTimers();
    const store = createAppStore();
    importTraceText(store, 'seed.trace.jsonl', seedFile());
    store.getState().setReplaySpeed('max');
    store.getState().playReplay();
    vi.advanceTimersByTime(100);
    const out = traceExport(store.getState(), new Date('2025-02-02T00:00:00Z'));
    expect(out.records).toBe(40);
    expect(out.name).toBe('load-balanced-request-reply.trace.jsonl');
    const again = parseTraceFile(out.text);
    if (!again.ok) throw new Error(again.error);
    expect(again.trace.records).toEqual(seedRun());
    expect(again.trace.header).toMatchObject({
      source: 'page:Load-balanced request/reply',
      createdAt: '2025-02-02T00:00:00.000Z',
    });
    expect(again.trace.topology).toEqual(loadBalanced);
  });

  it('a bad file changes nothing and names the line', () => {
    const store = createAppStore();
    const before = store.getState().topology;
    const text = seedFile().replace('"dir":"in"', '"dir":"up"');
    expect(importTraceText(store, 'bad.jsonl', text)).toBe(false);
    expect(store.getState().notice).toMatchObject({
      kind: 'error',
      text: expect.stringMatching(/^cannot replay bad\.jsonl: line 3: not a trace record: dir: /),
    });
    expect(store.getState().topology).toBe(before);
    expect(store.getState().replay).toBeUndefined();
  });

  it('is refused while a run is active, and a Run ends the replay', async () => {
    const store = createAppStore();
    store.getState().setRunState(1, 'running');
    expect(importTraceText(store, 'seed.trace.jsonl', seedFile())).toBe(false);
    expect(store.getState().notice?.text).toMatch(/Stop the run before replaying/);
    store.getState().setRunState(1, 'stopped');
    expect(importTraceText(store, 'seed.trace.jsonl', seedFile())).toBe(true);
    const engine = fakeEngine();
    store.getState().attachEngine(engine);
    store.getState().setConnection('connected');
    await store.getState().runTopology();
    expect(engine.calls).toEqual(['start']);
    expect(store.getState().replay).toBeUndefined();
  });
});
