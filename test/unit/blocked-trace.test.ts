/**
 * Blocked sends through the trace: the recorder's in-flight gauge and blocked amendments, the
 * engine ring carrying them in the next batch, the page ring applying them to records already
 * held, the trace file and the wire keeping them, and the Hops list explaining them.
 */
import { describe, expect, it } from 'vitest';
import { TraceRecorder } from '../../main/trace/recorder';
import type { TracedSocket } from '../../main/trace/recorder';
import { TraceRing as PageRing } from '../../renderer/store/traceRing';
import { recentHops } from '../../renderer/panels/hops/hops';
import type { TraceBatch, TraceRecord } from '../../shared/trace';
import { amendBlocked, batchRecords } from '../../shared/trace';
import { parseTraceFile, traceFileText, traceRecordLine, TRACE_FORMAT } from '../../shared/traceFile';
import { decodeWireMessage, encodeWireMessage } from '../../shared/wire';
import { ObservationCollector } from '../../shared/lessons/observation';
import { findExample } from '../../shared/examples';
import { loadTopology } from '../../shared/load';

const b = (s: string): Uint8Array => new Uint8Array(Buffer.from(s));
const sock = (type: TracedSocket['type'], peers: number[], peerEdges: number[], external = false): TracedSocket => ({
  node: `n${type}${peers.join('')}`, port: '', type, peers, peerEdges, edges: peerEdges, hasExternalPeer: external, subscriptions: undefined,
});
function recorder(sockets: TracedSocket[], batches: TraceBatch[] = [], maxPending = 1000): TraceRecorder {
  return new TraceRecorder(sockets, ['e0', 'e1'], { capacity: 100, flushMs: 50, maxPendingAgeMs: 60_000, maxPending, onBatch: (x) => batches.push(x) });
}

describe('the recorder', () => {
  it('counts in flight per sender: +1 a send, -1 its receive, its failure or its eviction; fan-out copies never', () => {
    // PUSH 0 and PUSH 1 both feed PULL 2 (hashed matching); PUB 3 feeds nobody of ours here.
    const r = recorder([sock('PUSH', [2], [0]), sock('PUSH', [2], [1]), sock('PULL', [0, 1], [0, 1]), sock('PUB', [2], [0])], [], 2);
    r.send(0, [b('a')], 0);
    r.send(0, [b('b')], 0);
    expect(r.inFlight[0]).toBe(2);
    r.receive(2, [b('b')]);
    r.send(1, [b('c')], 0);
    expect([...r.inFlight.slice(0, 2)]).toEqual([1, 1]);
    const failed = r.send(1, [b('d')], 0);
    // Three pending with room for two: the oldest ('a' of socket 0) is evicted.
    expect([...r.inFlight.slice(0, 2)]).toEqual([0, 2]);
    r.unsend(failed, 1);
    r.unsend(failed, 1); // a second withdraw of the same send takes nothing more
    expect(r.inFlight[1]).toBe(1);
    r.send(3, [b('news')], 0);
    expect(r.inFlight[3]).toBe(0);
    r.receive(2, [b('c')]);
    expect([...r.inFlight]).toEqual([0, 0, 0, 0]);
  });

  it('counts a direct pipe the same, and marks the send going on until it returns', () => {
    const r = recorder([sock('PUSH', [1], [0]), sock('PULL', [0], [0])]);
    const p = r.send(0, [b('x')], 0);
    expect(r.inFlight[0]).toBe(1);
    expect(r.sendingSince[0]).toBe(p.t);
    expect(r.sendDone(p)).toBeGreaterThanOrEqual(0);
    expect(r.sendingSince[0]).toBe(0);
    r.receive(1, [b('x')]);
    expect(r.inFlight[0]).toBe(0);
  });

  it('a blocked send is told in the next batch, even one with no new record, with why it waited', () => {
    const batches: TraceBatch[] = [];
    const r = recorder([sock('PUSH', [1], [0]), sock('PULL', [0], [0]), sock('PAIR', [], [1], true)], batches);
    const first = r.send(0, [b('t0')], 0);
    r.flush();
    expect(batches[0].blocked).toBeUndefined();
    expect(r.blocked(first, 240.04, 0)).toBe('no-peer');
    const second = r.send(0, [b('t1')], 0);
    expect(r.blocked(second, 31.26, 1)).toBe('high-water-mark');
    r.flush();
    expect(batches[1].count).toBe(1);
    expect(batches[1].blocked).toEqual([
      { seq: first.seq, ms: 240, by: 'no-peer' },
      { seq: second.seq, ms: 31.3, by: 'high-water-mark' },
    ]);
    expect(r.blockedMs[0]).toBeCloseTo(271.3, 1);
    // An outside program holds what it holds: the engine cannot tell why.
    const outside = r.send(2, [b('p')], 0);
    r.blocked(outside, 50, 0);
    r.flush();
    expect(batches[2]).toMatchObject({ count: 1, blocked: [{ seq: outside.seq, ms: 50, by: 'unknown' }] });
    // Only amendments: still a batch, with no rows.
    r.blocked(outside, 25, 0);
    r.flush();
    expect(batches[3]).toMatchObject({ count: 0, blocked: [{ seq: outside.seq, by: 'unknown' }] });
    expect(batchRecords(batches[1], r.tables())[0]).toMatchObject({ seq: second.seq, blockedMs: 31.3, blockedBy: 'high-water-mark' });
  });
});

const tables = { sockets: [{ node: 'producer', port: '', socket: 'PUSH' }, { node: 'worker', port: 'in', socket: 'PULL' }], edges: ['tasks'] };

/** Rows [socket, dir, msg] from firstSeq on. */
function batchOf(n: number, rows: number[][], firstSeq: number, blocked?: TraceBatch['blocked']): TraceBatch {
  const c = rows.length;
  return {
    batch: n, firstSeq, count: c, dropped: 0,
    t: Float64Array.from(rows, (_, k) => firstSeq + k), socket: Uint16Array.from(rows, (r) => r[0]), dir: Uint8Array.from(rows, (r) => r[1]),
    edge: new Int32Array(c), frames: new Uint32Array(c).fill(1), bytes: new Uint32Array(c).fill(6), msg: Uint32Array.from(rows, (r) => r[2]),
    cause: new Uint32Array(c), preview: rows.map((r) => `task ${r[2]}`), ...(blocked ? { blocked } : {}),
  };
}

describe("the page's ring", () => {
  it('amends records it already holds, and records of the same batch; sends that did not wait stay unmarked', () => {
    const ring = new PageRing(10);
    ring.clear(tables);
    ring.append(batchOf(1, [[0, 0, 1], [0, 0, 2], [1, 1, 1]], 1, [{ seq: 2, ms: 12.5, by: 'high-water-mark' }]));
    ring.append(batchOf(2, [], 4, [{ seq: 1, ms: 240, by: 'no-peer' }, { seq: 99, ms: 1, by: 'unknown' }]));
    expect(ring.recordAt(0)).toMatchObject({ seq: 1, blockedMs: 240, blockedBy: 'no-peer' });
    expect(ring.recordAt(1)).toMatchObject({ seq: 2, blockedMs: 12.5, blockedBy: 'high-water-mark' });
    expect(ring.recordAt(2)).not.toHaveProperty('blockedMs');
    expect([0, 1, 2].map(ring.blockedAt)).toEqual([240, 12.5, 0]);
  });

  it('a slot reused after the ring wrapped is not blocked; an amendment for a record gone is skipped', () => {
    const ring = new PageRing(2);
    ring.clear(tables);
    ring.append(batchOf(1, [[0, 0, 1], [0, 0, 2]], 1, [{ seq: 1, ms: 30, by: 'high-water-mark' }]));
    ring.append(batchOf(2, [[0, 0, 3]], 3, [{ seq: 1, ms: 30, by: 'high-water-mark' }]));
    expect([ring.seqAt(0), ring.seqAt(1)]).toEqual([2, 3]);
    expect([ring.blockedAt(0), ring.blockedAt(1)]).toEqual([0, 0]);
  });

  it('keeps blockedMs of records replayed from a file', () => {
    const ring = new PageRing(5);
    ring.clear(tables);
    const send: TraceRecord = { seq: 7, t: 1, node: 'producer', port: '', socket: 'PUSH', dir: 'out', edge: 'tasks', frames: 1, bytes: 6, preview: 'task 7', msg: 7, cause: 0, blockedMs: 99.5, blockedBy: 'high-water-mark' };
    ring.appendRecords([send, { ...send, seq: 8, msg: 8, blockedMs: undefined, blockedBy: undefined }]);
    expect(ring.recordAt(0)).toEqual(send);
    expect(ring.recordAt(1)).not.toHaveProperty('blockedMs');
  });

  it("the Hops list explains a held PUSH send with the wait", () => {
    const topology = loadTopology(findExample('pipeline')!.topology).topology!;
    const push = topology.nodes.find((n) => n.kind === 'socket' && n.socket === 'PUSH')!;
    const ring = new PageRing(10);
    ring.clear({ sockets: [{ node: push.id, port: '', socket: 'PUSH' }], edges: [] });
    ring.append(batchOf(1, [[0, 0, 1]], 1));
    ring.append(batchOf(2, [], 2, [{ seq: 1, ms: 240, by: 'high-water-mark' }]));
    const [hop] = recentHops(ring, topology);
    expect(hop.explanation).toMatch(/^PUSH blocks: high water mark reached — this send waited 240 ms for room \(sndhwm 1000, libzmq's default\)/);
  });
});

describe('carrying it', () => {
  const send: TraceRecord = { seq: 3, t: 2.5, node: 'producer', port: '', socket: 'PUSH', dir: 'out', edge: 'tasks', frames: 1, bytes: 6, preview: 'task 3', msg: 3, cause: 0 };

  it('the trace file writes the pair only for a send that waited, and reads it back', () => {
    expect(traceRecordLine(send)).not.toContain('blocked');
    const waited = { ...send, blockedMs: 31.3, blockedBy: 'high-water-mark' as const };
    expect(traceRecordLine(waited)).toMatch(/"cause":0,"blockedMs":31.3,"blockedBy":"high-water-mark"\}$/);
    const header = { format: TRACE_FORMAT, topology: findExample('pipeline')!.topology, source: 'test', createdAt: 'now', tool: 'test' } as const;
    const parsed = parseTraceFile(traceFileText(header, [waited, { ...send, seq: 4 }]));
    expect(parsed.ok && parsed.trace.records).toEqual([waited, { ...send, seq: 4 }]);
    const bad = parseTraceFile(traceFileText(header, [waited]).replace('high-water-mark', 'tired'));
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/^line 2: not a trace record: .*blockedBy/) });
  });

  it('the wire keeps the amendments of a batch', () => {
    const batch = batchOf(5, [[0, 0, 1]], 1, [{ seq: 1, ms: 20.5, by: 'no-peer' }]);
    const back = decodeWireMessage(encodeWireMessage({ kind: 'event', event: { type: 'trace', runId: 1, batch } }));
    expect(back?.kind === 'event' && back.event.type === 'trace' && back.event.batch.blocked).toEqual([{ seq: 1, ms: 20.5, by: 'no-peer' }]);
  });

  it("a lesson's observation, and any kept records, take a late amendment", () => {
    const c = new ObservationCollector();
    c.add({ type: 'tables', runId: 1, tables });
    c.add({ type: 'trace', runId: 1, batch: batchOf(1, [[0, 0, 1], [0, 0, 2]], 1) });
    c.add({ type: 'trace', runId: 1, batch: batchOf(2, [], 3, [{ seq: 2, ms: 28.7, by: 'high-water-mark' }]) });
    const records = c.observation('main', loadTopology(findExample('pipeline')!.topology).topology!, 'finished').records;
    expect(records.map((r) => r.blockedMs)).toEqual([undefined, 28.7]);
    const kept = [{ ...send, seq: 1 }, { ...send, seq: 5 }];
    expect(amendBlocked(kept, [{ seq: 5, ms: 40, by: 'unknown' }, { seq: 2, ms: 1, by: 'unknown' }])).toBe(1);
    expect(kept[1]).toMatchObject({ blockedMs: 40, blockedBy: 'unknown' });
  });
});
