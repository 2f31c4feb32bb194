/** The trace recorder's parts without sockets: ring bounds, body rules, route matching, loss. */
import { describe, expect, it } from 'vitest';
import { TraceRing } from '../../main/trace/ring';
import { bodyStart, bodyHash, preview } from '../../main/trace/body';
import { TraceRecorder } from '../../main/trace/recorder';
import type { TracedSocket } from '../../main/trace/recorder';
import type { TraceBatch } from '../../shared/trace';
import { batchRecords } from '../../shared/trace';

const b = (s: string): Uint8Array => new Uint8Array(Buffer.from(s));
const empty = new Uint8Array(0);

describe('TraceRing', () => {
  it('keeps its bound, counts what it had to drop, and cuts consecutive batches', () => {
    const ring = new TraceRing(4);
    for (let i = 0; i < 6; i++) ring.push(i, 0, 0, -1, [b(`m${i}`)], 0, 10, i + 1, 0);
    const batch = ring.cut()!;
    expect(batch.count).toBe(4);
    expect(batch.dropped).toBe(2);
    expect(batch.firstSeq).toBe(3);
    expect(batch.preview).toEqual(['m2', 'm3', 'm4', 'm5']);
    expect(ring.cut()).toBeUndefined();
    ring.push(9, 0, 1, 2, [b('m6')], 0, 10, 7, 0);
    const next = ring.cut()!;
    expect(next).toMatchObject({ batch: 2, firstSeq: 7, count: 1, dropped: 0 });
    expect(ring.totalDropped).toBe(2);
  });
});

it('a receive shows the preview of the send it matched, and its own once that send left the batch', () => {
  const ring = new TraceRing(8);
  const sent = ring.push(0, 0, 0, 0, [b('hello')], 0, 5, 1, 0);
  ring.push(1, 1, 1, 0, [b('hello')], 0, 5, 1, 0, sent);
  expect(ring.cut()!.preview).toEqual(['hello', 'hello']);
  ring.push(2, 1, 1, 0, [b('late copy')], 0, 9, 1, 0, sent); // its send was in an earlier batch
  expect(ring.cut()!.preview).toEqual(['late copy']);
});

describe('message bodies', () => {
  it('skips the ROUTER identity and the empty delimiter, and nothing on REQ', () => {
    expect(bodyStart('ROUTER', [b('id'), empty, b('hello')])).toBe(2);
    expect(bodyStart('ROUTER', [b('id'), b('hello')])).toBe(1);
    expect(bodyStart('DEALER', [empty, b('hello')])).toBe(1);
    expect(bodyStart('DEALER', [b('hello')])).toBe(0);
    expect(bodyStart('REQ', [b('hello')])).toBe(0);
  });

  it('hashes the same body the same on both sides of a queue', () => {
    const atRouter = [b('\x00\x80\x00\x00\x29'), empty, b('msg 3')];
    const atRep = [b('msg 3')];
    expect(bodyHash(atRouter, bodyStart('ROUTER', atRouter))).toBe(bodyHash(atRep, 0));
    expect(bodyHash([b('msg 3')], 0)).not.toBe(bodyHash([b('msg 4')], 0));
  });

  it('previews text as text, binary as hex, truncated, further frames counted', () => {
    expect(preview([b('hello'), b('world')], 0)).toBe('hello (+1 frame)');
    expect(preview([b('id'), empty, b('hello')], 2)).toBe('hello');
    expect(preview([new Uint8Array([1, 2, 255])], 0)).toBe('0x0102ff');
    expect(preview([b('x'.repeat(100))], 0)).toBe('x'.repeat(48) + '…');
  });
});

// Three sockets: 0 and 1 are wired to 2 (e.g. two PUSH into one PULL), or a PUB (0) to SUBs.
function recorder(sockets: TracedSocket[], batches: TraceBatch[] = []): TraceRecorder {
  return new TraceRecorder(sockets, ['e0', 'e1'], { capacity: 100, flushMs: 50, maxPendingAgeMs: 60_000, maxPending: 1000, onBatch: (x) => batches.push(x) });
}
const sock = (type: TracedSocket['type'], peers: number[], peerEdges: number[], subscriptions?: string[]): TracedSocket => ({
  node: `n-${type}-${peers.join('')}`, port: '', type, peers, peerEdges, edges: peerEdges, hasExternalPeer: false,
  subscriptions: subscriptions?.map(b),
});

describe('TraceRecorder route matching', () => {
  it('matches identical payloads in FIFO order and tells which edge each took', () => {
    const batches: TraceBatch[] = [];
    const r = recorder([sock('PUSH', [2], [0]), sock('PUSH', [2], [1]), sock('PULL', [0, 1], [0, 1])], batches);
    const a = r.send(0, [b('same')], 0);
    const c = r.send(1, [b('same')], 0);
    expect(r.receive(2, [b('same')])).toBe(a.msg);
    expect(r.receive(2, [b('same')])).toBe(c.msg);
    expect(r.receive(2, [b('never sent')])).toBe(3); // a fresh id: came from outside
    r.flush();
    const records = batchRecords(batches[0], r.tables());
    expect(records.map((x) => [x.dir, x.edge, x.msg])).toEqual([
      ['out', 'e0', 1],
      ['out', 'e1', 2],
      ['in', 'e0', 1],
      ['in', 'e1', 2],
      ['in', 'unknown', 3],
    ]);
    expect(r.lost().total).toBe(0);
  });

  it('a single-destination send nobody received is lost; a failed send is not', () => {
    const r = recorder([sock('PUSH', [1], [0]), sock('PULL', [0], [0])]);
    r.send(0, [b('gone')], 0);
    const failed = r.send(0, [b('never left')], 0);
    r.unsend(failed, 10);
    expect(r.lost()).toMatchObject({ total: 1, messages: [{ msg: 1, preview: 'gone', owedTo: '' }] });
    expect(r.sent[0]).toBe(1);
    expect(r.bytesOut[0]).toBe(4);
  });

  it('fan-out: each subscriber matches on its own; only owed subscribers count as lost', () => {
    const r = recorder([sock('PUB', [1, 2], [0, 1]), sock('SUB', [0], [0], ['nl']), sock('SUB', [0], [1], ['de'])]);
    const m = r.send(0, [b('nl goal')], 0);
    r.send(0, [b('de foul')], 0);
    expect(r.receive(1, [b('nl goal')])).toBe(m.msg);
    const lost = r.lost();
    expect(lost.total).toBe(1);
    expect(lost.messages[0]).toMatchObject({ preview: 'de foul', owedTo: 'n-SUB-0' });
  });

  it('a one-to-one pipe that never drops is matched in order without hashing', () => {
    // PUSH 0 <-> PULL 1, each the other's only peer: a direct pipe.
    const r = recorder([sock('PUSH', [1], [0]), sock('PULL', [0], [0])]);
    const first = r.send(0, [b('a')], 0);
    expect(first.hash).toBe(0); // not hashed
    const failed = r.send(0, [b('b')], 0);
    r.unsend(failed, 1);
    const third = r.send(0, [b('c')], 0);
    expect(r.receive(1, [b('a')])).toBe(first.msg);
    expect(r.receive(1, [b('c')])).toBe(third.msg); // the failed send is skipped
    expect(r.receive(1, [b('from nowhere')])).toBe(4);
    expect(r.lost().total).toBe(0);
  });

  it('counts messages and bytes per edge from the receiving side', () => {
    const r = recorder([sock('PUSH', [1], [0]), sock('PULL', [0], [0])]);
    r.send(0, [b('abc')], 0);
    r.receive(1, [b('abc')]);
    expect(Array.from(r.edgeMessages)).toEqual([1, 0]);
    expect(Array.from(r.edgeBytes)).toEqual([3, 0]);
    expect(r.sent[0]).toBe(1);
    expect(r.received[1]).toBe(1);
  });
});
