// The canvas's live figures over a store without React: what the badges and counters read.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../renderer/store/createAppStore';
import type { LiveFigures } from '../../renderer/canvas/live/liveFigures';
import { PHASE_KEY, createLiveFigures, edgeKey, nodeKey, socketKey } from '../../renderer/canvas/live/liveFigures';
import { findExample } from '../../shared/examples';
import type { EngineEvent } from '../../shared/ipc';
import type { TraceBatch } from '../../shared/trace';

const tables = {
  sockets: [
    { node: 'client', port: '', socket: 'REQ' },
    { node: 'server1', port: '', socket: 'REP' },
    { node: 'server2', port: '', socket: 'REP' },
  ],
  edges: ['to-server1', 'to-server2'],
};

/** A batch of rows [socket, dir (0 out, 1 in), edge, msg]. */
function batchOf(rows: number[][], batchNo: number, firstSeq: number): TraceBatch {
  const c = rows.length;
  return {
    batch: batchNo,
    firstSeq,
    count: c,
    dropped: 0,
    t: Float64Array.from(rows, (_, k) => firstSeq + k),
    socket: Uint16Array.from(rows, (r) => r[0]),
    dir: Uint8Array.from(rows, (r) => r[1]),
    edge: Int32Array.from(rows, (r) => r[2]),
    frames: new Uint32Array(c).fill(1),
    bytes: new Uint32Array(c).fill(5),
    msg: Uint32Array.from(rows, (r) => r[3]),
    cause: new Uint32Array(c),
    preview: rows.map(() => 'msg'),
  };
}

/** `n` round trips of load-balanced from request `from`: request i to server 1 + i % 2, and its reply. */
function roundTrips(from: number, n: number, batchNo: number): TraceBatch {
  const rows: number[][] = [];
  for (let i = from; i < from + n; i++) {
    const server = 1 + (i % 2);
    rows.push([0, 0, -1, 2 * i + 1], [server, 1, i % 2, 2 * i + 1], [server, 0, i % 2, 2 * i + 2], [0, 1, i % 2, 2 * i + 2]);
  }
  return batchOf(rows, batchNo, from * 4 + 1);
}

function setup(flushMs = 250) {
  const store = createAppStore();
  store.getState().loadTopology(findExample('load-balanced')?.topology);
  const live = createLiveFigures(store, flushMs);
  const apply = (...events: EngineEvent[]) => store.getState().applyEngineEvents(events);
  return { store, live, apply };
}

const started: EngineEvent[] = [
  { type: 'state', runId: 1, state: 'building' },
  { type: 'tables', runId: 1, tables },
  { type: 'state', runId: 1, state: 'running' },
];

let live: LiveFigures | undefined;
afterEach(() => {
  live?.dispose();
  vi.useRealTimers();
});

describe('live figures', () => {
  it('shows nothing while no run has happened, and tells no one anything', () => {
    const s = setup();
    live = s.live;
    const told = vi.fn();
    live.subscribe(PHASE_KEY, told);
    s.store.getState().moveNodes(new Map([['client', { x: 1, y: 2 }]]), true);
    live.flush();
    expect(live.phase()).toBe('idle');
    expect(live.edge('to-server1')).toBeUndefined();
    expect(live.node('client')).toBeUndefined();
    expect(told).not.toHaveBeenCalled();
  });

  it('counts load-balanced: 5 requests and 5 replies each way per edge, node stats, socket badges', () => {
    const s = setup();
    live = s.live;
    s.apply(
      ...started,
      { type: 'monitor', runId: 1, t: 3.5, node: 'server1', port: '', kind: 'listening', endpoint: 'tcp://127.0.0.1:5000' },
      { type: 'trace', runId: 1, batch: roundTrips(0, 10, 1) },
      { type: 'stats', runId: 1, nodes: [{ node: 'client', sent: 10, received: 10, bytesOut: 50, bytesIn: 150 }], edges: [{ edge: 'to-server1', messages: 10, bytes: 100, rate: 40 }] },
    );
    live.flush();
    expect(live.phase()).toBe('live');
    expect(live.edge('to-server1')).toEqual({ forward: 5, back: 5, messages: 10, rate: 40 });
    expect(live.edge('to-server2')).toEqual({ forward: 5, back: 5, messages: 10, rate: 0 });
    expect(live.node('client')).toEqual({ sent: 10, received: 10, bytesOut: 50, bytesIn: 150 });
    expect(live.sockets('server1')?.['']).toMatchObject({ kind: 'listening', endpoint: 'tcp://127.0.0.1:5000', t: 3.5 });
  });

  it('tells only the components whose figure changed', () => {
    const s = setup();
    live = s.live;
    s.apply(...started, { type: 'trace', runId: 1, batch: roundTrips(0, 2, 1) });
    live.flush();
    const edge1 = vi.fn();
    const edge2 = vi.fn();
    const client = vi.fn();
    live.subscribe(edgeKey('to-server1'), edge1);
    live.subscribe(edgeKey('to-server2'), edge2);
    live.subscribe(nodeKey('client'), client);
    // Request 2 goes to server 1 only.
    const b = roundTrips(2, 1, 2);
    s.apply({ type: 'trace', runId: 1, batch: b });
    live.flush();
    expect(edge1).toHaveBeenCalledTimes(1);
    expect(edge2).not.toHaveBeenCalled();
    expect(client).not.toHaveBeenCalled();
    const before = live.edge('to-server2');
    live.flush();
    expect(live.edge('to-server2')).toBe(before);
    // A socket event re-renders that node's badges only.
    const server1 = vi.fn();
    const server2 = vi.fn();
    live.subscribe(socketKey('server1'), server1);
    live.subscribe(socketKey('server2'), server2);
    s.apply({ type: 'monitor', runId: 1, t: 9, node: 'server2', port: '', kind: 'disconnected', endpoint: 'tcp://127.0.0.1:6000' });
    live.flush();
    expect(server2).toHaveBeenCalledTimes(1);
    expect(server1).not.toHaveBeenCalled();
    expect(edge1).toHaveBeenCalledTimes(1);
  });

  it('publishes at most every flushMs however many batches land, and at once when the run ends', () => {
    vi.useFakeTimers();
    const s = setup(250);
    live = s.live;
    s.apply(...started);
    vi.advanceTimersByTime(0);
    const edge = vi.fn();
    live.subscribe(edgeKey('to-server1'), edge);
    for (let k = 0; k < 20; k++) {
      s.apply({ type: 'trace', runId: 1, batch: roundTrips(k, 1, k + 1) });
      vi.advanceTimersByTime(16);
    }
    // 320 ms of batches every 16 ms: two publications, not twenty.
    expect(edge.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(edge.mock.calls.length).toBeLessThanOrEqual(2);
    vi.advanceTimersByTime(250);
    expect(live.edge('to-server1')).toMatchObject({ forward: 10, back: 10 });
    const phase = vi.fn();
    live.subscribe(PHASE_KEY, phase);
    s.apply({ type: 'state', runId: 1, state: 'stopped' });
    vi.advanceTimersByTime(0);
    expect(phase).toHaveBeenCalledTimes(1);
    expect(live.phase()).toBe('ended');
  });

  it('keeps the last figures after the run stopped (ended, no rate) and clears them at the next run', () => {
    const s = setup();
    live = s.live;
    s.apply(
      ...started,
      { type: 'trace', runId: 1, batch: roundTrips(0, 4, 1) },
      { type: 'stats', runId: 1, nodes: [{ node: 'server1', sent: 2, received: 2, bytesOut: 1, bytesIn: 1 }], edges: [{ edge: 'to-server1', messages: 4, bytes: 20, rate: 12 }] },
      { type: 'state', runId: 1, state: 'stopped' },
    );
    live.flush();
    expect(live.phase()).toBe('ended');
    expect(live.edge('to-server1')).toEqual({ forward: 2, back: 2, messages: 4, rate: 0 });
    expect(live.node('server1')).toMatchObject({ sent: 2, received: 2 });

    s.apply({ type: 'state', runId: 2, state: 'building' }, { type: 'tables', runId: 2, tables: { ...tables } }, { type: 'state', runId: 2, state: 'running' });
    live.flush();
    expect(live.phase()).toBe('live');
    expect(live.edge('to-server1')).toBeUndefined();
    expect(live.node('server1')).toBeUndefined();
    s.apply({ type: 'trace', runId: 2, batch: roundTrips(0, 1, 1) });
    live.flush();
    expect(live.edge('to-server1')).toMatchObject({ forward: 1, back: 1 });
  });

  it('hands every delivery to the flow listener, and says when a new run starts', () => {
    const s = setup();
    live = s.live;
    const lanes: number[] = [];
    const reset = vi.fn();
    live.addFlowListener({ delivered: (lane) => lanes.push(lane), reset });
    s.apply(...started, { type: 'trace', runId: 1, batch: roundTrips(0, 2, 1) });
    expect(lanes).toEqual([0, 1, 2, 3]);
    expect(reset).toHaveBeenCalled();
    expect(live.edgeIds()).toEqual(['to-server1', 'to-server2']);
  });

  it('counts for an external program from the sends and receives over its edges', () => {
    const s = setup();
    live = s.live;
    const doc = structuredClone(s.store.getState().topology);
    doc.nodes = doc.nodes.map((n) => (n.id === 'server2' ? { id: 'server2', kind: 'external', socket: 'REP', label: 'py' } : n));
    s.store.getState().loadTopology(doc);
    const t = { sockets: tables.sockets.slice(0, 2), edges: tables.edges };
    s.apply({ type: 'state', runId: 1, state: 'building' }, { type: 'tables', runId: 1, tables: t }, { type: 'state', runId: 1, state: 'running' });
    // client -> py: only the send is traced; py -> client: the client's receive.
    s.apply({ type: 'trace', runId: 1, batch: batchOf([[0, 0, 1, 1], [0, 1, 1, 2]], 1, 1) });
    live.flush();
    expect(live.node('server2')).toEqual({ sent: 1, received: 1 });
  });
});
