// Which way each message went over its edge, counted from the page's trace ring.
import { describe, expect, it } from 'vitest';
import { TraceRing } from '../../renderer/store/traceRing';
import { DirectionCounts, countDeliveries, edgeEnds, latencyAt, laneOf } from '../../renderer/canvas/live/edgeCounts';
import { findExample } from '../../shared/examples';
import { loadTopology } from '../../shared/load';
import type { Topology } from '../../shared/topology';
import type { TraceBatch, TraceTables } from '../../shared/trace';

/** One trace row: socket index, out/in, edge index (-1 unknown), message id, time. */
type Row = [socket: number, dir: 'out' | 'in', edge: number, msg: number, t: number];

let batchNo = 0;
function batch(rows: Row[], firstSeq = 1): TraceBatch {
  const n = rows.length;
  return {
    batch: ++batchNo,
    firstSeq,
    count: n,
    dropped: 0,
    t: Float64Array.from(rows, (r) => r[4]),
    socket: Uint16Array.from(rows, (r) => r[0]),
    dir: Uint8Array.from(rows, (r) => (r[1] === 'out' ? 0 : 1)),
    edge: Int32Array.from(rows, (r) => r[2]),
    frames: new Uint32Array(n).fill(1),
    bytes: new Uint32Array(n).fill(5),
    msg: Uint32Array.from(rows, (r) => r[3]),
    cause: new Uint32Array(n),
    preview: rows.map(() => 'x'),
  };
}

function doc(id: string): Topology {
  const { topology } = loadTopology(findExample(id)?.topology);
  if (!topology) throw new Error(`${id} does not load`);
  return topology;
}

// load-balanced: sockets 0 client, 1 server1, 2 server2; edges 0 to-server1, 1 to-server2.
const lbTables: TraceTables = {
  sockets: [
    { node: 'client', port: '', socket: 'REQ' },
    { node: 'server1', port: '', socket: 'REP' },
    { node: 'server2', port: '', socket: 'REP' },
  ],
  edges: ['to-server1', 'to-server2'],
};

/** The seed's 10 round trips: request i goes to server 1 + i % 2, its reply comes back. */
function seedRun(): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < 10; i++) {
    const server = 1 + (i % 2);
    const edge = i % 2;
    const t = i * 2;
    // The client's send: its edge is not known yet when the batch leaves (the client has two).
    rows.push([0, 'out', -1, 2 * i + 1, t], [server, 'in', edge, 2 * i + 1, t + 0.2]);
    rows.push([server, 'out', edge, 2 * i + 2, t + 0.5], [0, 'in', edge, 2 * i + 2, t + 0.9]);
  }
  return rows;
}

describe('deliveries per edge and direction', () => {
  it('counts load-balanced as 5 requests and 5 replies on each client -> server edge', () => {
    const ring = new TraceRing(1000);
    ring.clear(lbTables);
    ring.append(batch(seedRun()));
    const counts = new DirectionCounts();
    const lanes: number[] = [];
    countDeliveries(ring, 0, edgeEnds(lbTables, doc('load-balanced')), counts, (lane) => lanes.push(lane));
    expect([counts.forward(0), counts.back(0), counts.forward(1), counts.back(1)]).toEqual([5, 5, 5, 5]);
    // One delivery per receive, in the order they happened: request then reply.
    expect(lanes.slice(0, 4)).toEqual([laneOf(0, false), laneOf(0, true), laneOf(1, false), laneOf(1, true)]);
  });

  it('counts only what is new when called from where it left off', () => {
    const ring = new TraceRing(1000);
    ring.clear(lbTables);
    const ends = edgeEnds(lbTables, doc('load-balanced'));
    const counts = new DirectionCounts();
    const rows = seedRun();
    ring.append(batch(rows.slice(0, 8)));
    countDeliveries(ring, 0, ends, counts);
    const seen = ring.total;
    ring.append(batch(rows.slice(8), 9));
    countDeliveries(ring, ring.positionAfter(seen), ends, counts);
    expect([counts.forward(0), counts.back(0)]).toEqual([5, 5]);
  });

  it("tells a device's ports apart: the queue's backend receiving a reply is the back way", () => {
    // broker: queue-s1 runs from the queue's backend (DEALER) to server1 (REP).
    const tables: TraceTables = {
      sockets: [
        { node: 'queue', port: 'frontend', socket: 'ROUTER' },
        { node: 'queue', port: 'backend', socket: 'DEALER' },
        { node: 'server1', port: '', socket: 'REP' },
      ],
      edges: ['queue-s1'],
    };
    const ring = new TraceRing(100);
    ring.clear(tables);
    ring.append(batch([[1, 'out', 0, 1, 0], [2, 'in', 0, 1, 1], [2, 'out', 0, 2, 2], [1, 'in', 0, 2, 3]]));
    const lanes: number[] = [];
    countDeliveries(ring, 0, edgeEnds(tables, doc('broker')), new DirectionCounts(), (lane) => lanes.push(lane));
    expect(lanes).toEqual([laneOf(0, false), laneOf(0, true)]);
  });

  it('does not take a receive at the wrong port of a device as a delivery over the edge', () => {
    const tables: TraceTables = {
      sockets: [
        { node: 'queue', port: 'frontend', socket: 'ROUTER' },
        { node: 'server1', port: '', socket: 'REP' },
      ],
      edges: ['queue-s1'],
    };
    const ring = new TraceRing(100);
    ring.clear(tables);
    ring.append(batch([[0, 'in', 0, 1, 0]]));
    const counts = new DirectionCounts();
    countDeliveries(ring, 0, edgeEnds(tables, doc('broker')), counts);
    expect([counts.forward(0), counts.back(0)]).toEqual([0, 0]);
  });

  it('counts a send to an external program (its receives are never traced), and nothing twice', () => {
    const topology: Topology = {
      ...doc('hello-world'),
      nodes: doc('hello-world').nodes.map((n) => (n.id === 'hwserver' ? { id: n.id, kind: 'external', socket: 'REP', label: 'py' } : n)),
    } as Topology;
    const tables: TraceTables = { sockets: [{ node: 'hwclient', port: '', socket: 'REQ' }], edges: ['hello'] };
    const ring = new TraceRing(100);
    ring.clear(tables);
    ring.append(batch([[0, 'out', 0, 1, 0], [0, 'in', 0, 2, 1], [0, 'out', 0, 3, 2]]));
    const counts = new DirectionCounts();
    countDeliveries(ring, 0, edgeEnds(tables, topology), counts);
    expect([counts.forward(0), counts.back(0)]).toEqual([2, 1]);
  });

  it('ignores records whose edge is unknown or not in the document', () => {
    const ring = new TraceRing(100);
    ring.clear({ ...lbTables, edges: ['to-server1', 'gone'] });
    ring.append(batch([[1, 'in', -1, 1, 0], [2, 'in', 1, 2, 0]]));
    const counts = new DirectionCounts();
    const lanes: number[] = [];
    countDeliveries(ring, 0, edgeEnds(ring.tables, doc('load-balanced')), counts, (l) => lanes.push(l));
    expect(lanes).toEqual([]);
  });

  it('finds how long a message took from its send (0 when the send is out of reach)', () => {
    const ring = new TraceRing(100);
    ring.clear(lbTables);
    ring.append(batch(seedRun().slice(0, 4)));
    expect(latencyAt(ring, 1)).toBeCloseTo(0.2, 9);
    expect(latencyAt(ring, 3)).toBeCloseTo(0.4, 9);
    expect(latencyAt(ring, 3, 0)).toBe(0);
  });
});
