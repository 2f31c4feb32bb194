// Receives an injected edge fault dropped or held: carried as amendments, kept by the page's ring, written to trace files, explained.
import { describe, expect, it } from 'vitest';
import { amendRecords, batchRecords } from '../../shared/trace';
import type { TraceBatch, TraceRecord } from '../../shared/trace';
import { TraceRing } from '../../renderer/store/traceRing';
import { parseTraceFile, traceFileText } from '../../shared/traceFile';
import { explainHop } from '../../shared/explain';
import { findExample } from '../../shared/examples';
import { loadTopology } from '../../shared/load';

const tables = { sockets: [{ node: 'producer', port: '', socket: 'PUSH' }, { node: 'consumer', port: '', socket: 'PULL' }], edges: ['e1'] };

function batch(firstSeq: number, count: number, faulted?: TraceBatch['faulted']): TraceBatch {
  return {
    batch: firstSeq,
    firstSeq,
    count,
    dropped: 0,
    t: Float64Array.from({ length: count }, (_, i) => firstSeq + i),
    socket: Uint16Array.from({ length: count }, (_, i) => (firstSeq + i) % 2 === 1 ? 0 : 1),
    dir: Uint8Array.from({ length: count }, (_, i) => ((firstSeq + i) % 2 === 1 ? 0 : 1)),
    edge: new Int32Array(count),
    frames: new Uint32Array(count).fill(1),
    bytes: new Uint32Array(count).fill(6),
    msg: Uint32Array.from({ length: count }, (_, i) => Math.ceil((firstSeq + i) / 2)),
    cause: new Uint32Array(count),
    preview: Array.from({ length: count }, (_, i) => `task ${Math.ceil((firstSeq + i) / 2)}`),
    ...(faulted ? { faulted } : {}),
  };
}

describe('faulted receives', () => {
  it('a batch marks its own rows, and a later batch marks rows of earlier ones', () => {
    const first = batchRecords(batch(1, 4, [{ seq: 2, mark: 'dropped', heldMs: 0 }]), tables);
    expect(first[1]).toMatchObject({ seq: 2, dir: 'in', faulted: 'dropped', heldMs: 0 });
    expect(first[3].faulted).toBeUndefined();
    amendRecords(first, batch(5, 2, [{ seq: 4, mark: 'held', heldMs: 200.5 }]));
    expect(first[3]).toMatchObject({ seq: 4, faulted: 'held', heldMs: 200.5 });
  });

  it("the page's ring keeps the marks, also when they arrive a batch later", () => {
    const ring = new TraceRing(16);
    ring.clear(tables);
    ring.append(batch(1, 4, [{ seq: 2, mark: 'dropped', heldMs: 0 }]));
    ring.append(batch(5, 2, [{ seq: 4, mark: 'held', heldMs: 200.5 }]));
    expect([0, 1, 2, 3, 4, 5].map((i) => ring.faultAt(i))).toEqual([undefined, 'dropped', undefined, 'held', undefined, undefined]);
    expect(ring.recordAt(3)).toMatchObject({ faulted: 'held', heldMs: 200.5 });
    expect(ring.recordAt(0).faulted).toBeUndefined();
  });

  it('a trace file carries them and reads them back', () => {
    const records: TraceRecord[] = batchRecords(batch(1, 4, [{ seq: 2, mark: 'dropped', heldMs: 0 }, { seq: 4, mark: 'held', heldMs: 12 }]), tables);
    const topology = findExample('hello-world')!.topology;
    const text = traceFileText({ format: 'zmq-studio.trace/1', topology, source: 'example:hello-world', createdAt: '2026-11-25T00:00:00Z', tool: 'test' }, records);
    expect(text).toContain('"faulted":"dropped","heldMs":0');
    const parsed = parseTraceFile(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.trace.records.map((r) => r.faulted)).toEqual([undefined, "dropped", undefined, "held"]);
  });

  it('the hop explanation says what the fault did', () => {
    const t = loadTopology(findExample('pipeline')!.topology).topology!;
    const [send, got] = batchRecords(batch(1, 2, [{ seq: 2, mark: 'dropped', heldMs: 0 }]), {
      sockets: [{ node: 'ventilator', port: '', socket: 'PUSH' }, { node: 'worker1', port: 'in', socket: 'PULL' }],
      edges: ['e1'],
    });
    const line = explainHop({ topology: t, send, receives: [{ ...got, edge: 'e1' }] });
    expect(line).toMatch(/; the fault on edge e1 dropped it at worker ?1 \(in\): its socket received it, its reader never got it$/);
    const held = explainHop({ topology: t, send, receives: [{ ...got, edge: 'e1', faulted: 'held', heldMs: 1500 }] });
    expect(held).toMatch(/; the fault on edge e1 held it 1\.5 s before worker ?1 \(in\) got it$/);
  });
});
