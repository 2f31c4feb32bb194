// The run side of the store without React: the trace ring's bound, grouped updates, run controls, the edit lock.
import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../renderer/store/createAppStore';
import { TraceRing } from '../../renderer/store/traceRing';
import { RUN_LOCK_REASON } from '../../renderer/store/topologySlice';
import type { EngineCommands, EngineEvent } from '../../shared/ipc';
import type { TraceBatch } from '../../shared/trace';
import { findExample } from '../../shared/examples';

let batchNo = 0;
function batch(firstSeq: number, count: number, dropped = 0): TraceBatch {
  return {
    batch: ++batchNo,
    firstSeq,
    count,
    dropped,
    t: Float64Array.from({ length: count }, (_, i) => firstSeq + i),
    socket: new Uint16Array(count).fill(1),
    dir: Uint8Array.from({ length: count }, (_, i) => i % 2),
    edge: new Int32Array(count),
    frames: new Uint32Array(count).fill(1),
    bytes: new Uint32Array(count).fill(5),
    msg: Uint32Array.from({ length: count }, (_, i) => Math.floor((firstSeq + i) / 2)),
    cause: new Uint32Array(count),
    preview: Array.from({ length: count }, (_, i) => `msg ${firstSeq + i}`),
  };
}
const tables = { sockets: [{ node: 'client', port: '', socket: 'REQ' }, { node: 'server', port: '', socket: 'REP' }], edges: ['e1'] };

describe('trace ring', () => {
  it('keeps at most its capacity, oldest out first, and counts every record it drops', () => {
    const ring = new TraceRing(10);
    ring.clear(tables);
    ring.append(batch(1, 6));
    ring.append(batch(7, 7, 3));
    expect(ring.size).toBe(10);
    expect(ring.total).toBe(13);
    expect(ring.droppedHere).toBe(3);
    expect(ring.droppedByEngine).toBe(3);
    expect(ring.dropped).toBe(6);
    expect(ring.seqAt(0)).toBe(4);
    expect(ring.seqAt(9)).toBe(13);
    expect(ring.recordAt(9)).toEqual({ seq: 13, t: 13, node: 'server', port: '', socket: 'REP', dir: 'out', edge: 'e1', frames: 1, bytes: 5, preview: 'msg 13', msg: 6, cause: 0 });
    expect(ring.indexOfSeq(4)).toBe(0);
    expect(ring.indexOfSeq(3)).toBe(-1);
    expect(ring.indexOfSeq(12)).toBe(8);
  });

  it('takes a batch bigger than itself, keeping the newest rows', () => {
    const ring = new TraceRing(4);
    ring.append(batch(1, 9));
    expect(ring.size).toBe(4);
    expect([0, 1, 2, 3].map(ring.seqAt)).toEqual([6, 7, 8, 9]);
    expect(ring.droppedHere).toBe(5);
    expect(ring.positionAfter(7)).toBe(2);
  });

  it('counts batches that never arrived', () => {
    const ring = new TraceRing(100);
    ring.append({ ...batch(1, 1), batch: 1 });
    ring.append({ ...batch(2, 1), batch: 4 });
    expect(ring.missedBatches).toBe(2);
  });
});

describe('engine events', () => {
  it('applies a group of events with one store update', () => {
    const store = createAppStore();
    const listener = vi.fn();
    store.subscribe(listener);
    const events: EngineEvent[] = [
      { type: 'state', runId: 1, state: 'building' },
      { type: 'tables', runId: 1, tables },
      { type: 'state', runId: 1, state: 'running' },
      { type: 'log', runId: 1, t: 1, node: 'client', line: 'Sending msg 0', level: 'info' },
      { type: 'monitor', runId: 1, t: 1, node: 'server', port: '', kind: 'listening', endpoint: 'tcp://127.0.0.1:5555' },
      { type: 'trace', runId: 1, batch: batch(1, 1000) },
      { type: 'trace', runId: 1, batch: batch(1001, 1000) },
      { type: 'stats', runId: 1, nodes: [{ node: 'client', sent: 5, received: 5, bytesOut: 25, bytesIn: 25 }], edges: [{ edge: 'e1', messages: 10, bytes: 50, rate: 40 }] },
    ];
    store.getState().applyEngineEvents(events);
    expect(listener).toHaveBeenCalledTimes(1);
    const s = store.getState();
    expect(s.runState).toBe('running');
    expect(s.trace.size).toBe(2000);
    expect(s.logs.map((l) => `${l.source} ${l.node} ${l.line}`)).toEqual(['log client Sending msg 0', 'monitor server listening tcp://127.0.0.1:5555']);
    expect(s.socketStatus.server[''].kind).toBe('listening');
    expect(s.edgeStats.e1.messages).toBe(10);
    expect(s.rateHistory.e1).toEqual([40]);
  });

  it('a new run forgets the previous one', () => {
    const store = createAppStore();
    store.getState().applyEngineEvents([
      { type: 'tables', runId: 1, tables },
      { type: 'trace', runId: 1, batch: batch(1, 10) },
      { type: 'error', runId: 1, node: 'client', code: 'EFSM', message: 'send twice', hint: 'REQ alternates' },
    ]);
    expect(store.getState().runErrors).toHaveLength(1);
    store.getState().applyEngineEvents([{ type: 'state', runId: 2, state: 'building' }]);
    expect(store.getState().trace.size).toBe(0);
    expect(store.getState().runErrors).toEqual([]);
    expect(store.getState().logs).toEqual([]);
  });

  it('a dead engine process ends the run it was running', () => {
    const store = createAppStore();
    store.getState().applyEngineEvents([{ type: 'state', runId: 1, state: 'running' }]);
    store.getState().applyEngineEvents([{ type: 'engine', status: 'exited', reason: 'killed by SIGKILL' }]);
    expect(store.getState().runState).toBe('failed');
    expect(store.getState().runStateReason).toMatch(/SIGKILL/);
    expect(store.getState().notice?.kind).toBe('error');
  });
});

function fakeEngine(): EngineCommands & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    start: async () => (calls.push('start'), { runId: 1, diagnostics: [] }),
    stop: async () => (calls.push('stop'), { closedSockets: 0 }),
    inject: async () => ({ msg: 1 }),
    pause: async () => (calls.push('pause'), { state: 'paused' }),
    resume: async () => (calls.push('resume'), { state: 'running' }),
    status: async () => ({ state: 'idle', runId: 0, openSockets: 0, libzmq: '4.3.5', capabilities: { ipc: true, pgm: false, tipc: false, norm: false, curve: true, gssapi: false, draft: true } }),
    frames: async ({ seq }) => ({ available: false, seq, reason: 'fake' }),
    step: async () => ({ released: [], waiting: 0 }),
    fault: async (request) => (calls.push(`fault ${request.edge} ${JSON.stringify(request.fault)}`), request),
    nodeFault: async ({ node, action, restartAfterMs }) => (
      calls.push(`nodeFault ${node} ${action}${restartAfterMs === undefined ? '' : ` ${restartAfterMs}`}`),
      { node, state: action === 'kill' ? ('killed' as const) : ('running' as const), sockets: 1 }
    ),
    attach: async ({ nodes, edges }) => (calls.push(`attach ${nodes.length} ${edges.length}`), { diagnostics: [], nodes: [], edges: [] }),
    detach: async ({ nodes }) => (calls.push(`detach ${nodes.join(',')}`), { nodes, edges: [], closedSockets: 1 }),
  };
}

describe('run controls', () => {
  const connected = () => {
    const store = createAppStore();
    const engine = fakeEngine();
    store.getState().attachEngine(engine);
    store.getState().setConnection('connected');
    return { store, engine };
  };

  it('refuses to run a topology with errors, shows the diagnostics and never calls the engine', async () => {
    const { store, engine } = connected();
    store.getState().loadTopology(findExample('load-balanced')!.topology);
    store.getState().updateEdge(store.getState().topology.edges[0].id, { endpoint: 'tcp://nowhere' }); // no port: an error
    await store.getState().runTopology();
    expect(engine.calls).toEqual([]);
    expect(store.getState().notice?.text).toMatch(/Run refused: the topology has \d+ errors?/);
    expect(store.getState().dockTab).toBe('diagnostics');
  });

  it('runs a valid topology and switches to the logs', async () => {
    const { store, engine } = connected();
    store.getState().loadTopology(findExample('load-balanced')!.topology);
    await store.getState().runTopology();
    expect(engine.calls).toEqual(['start']);
    expect(store.getState().dockTab).toBe('logs');
  });

  it('says so when the engine is not connected', async () => {
    const store = createAppStore();
    store.getState().loadTopology(findExample('load-balanced')!.topology);
    await store.getState().runTopology();
    expect(store.getState().notice?.text).toMatch(/not connected to the engine/);
  });

  it('one key pauses a running run and resumes a paused one', async () => {
    const { store, engine } = connected();
    store.getState().setRunState(1, 'running');
    await store.getState().togglePause();
    store.getState().setRunState(1, 'paused');
    await store.getState().togglePause();
    expect(engine.calls).toEqual(['pause', 'resume']);
  });
});

describe('edit lock while running', () => {
  it('refuses structural edits and undo, allows moving nodes, and says why', () => {
    const store = createAppStore();
    store.getState().loadTopology(findExample('load-balanced')!.topology);
    const before = store.getState().topology;
    store.getState().setRunState(1, 'running');
    store.getState().addNode({ kind: 'socket', socket: 'REQ' }, { x: 0, y: 0 });
    store.getState().removeElements(['client'], []);
    expect(store.getState().topology).toBe(before);
    expect(store.getState().notice?.text).toBe(RUN_LOCK_REASON);
    expect(store.getState().connect('client', 'R', 'server1', 'L')).toEqual({ ok: false, reason: RUN_LOCK_REASON });
    store.getState().moveNodes(new Map([['client', { x: 5, y: 5 }]]), true);
    expect(store.getState().topology.nodes.find((n) => n.id === 'client')?.position).toEqual({ x: 5, y: 5 });
    store.getState().undo(); // undoing a move is allowed
    store.getState().undo(); // undoing the load is not
    expect(store.getState().topology.nodes).toHaveLength(before.nodes.length);
    store.getState().setRunState(1, 'stopped');
    store.getState().removeElements(['client'], []);
    expect(store.getState().topology.nodes.some((n) => n.id === 'client')).toBe(false);
  });

  it('opening another document stops the run', async () => {
    const store = createAppStore();
    const engine = fakeEngine();
    store.getState().attachEngine(engine);
    store.getState().setConnection('connected');
    store.getState().setRunState(1, 'running');
    expect(store.getState().loadTopology(findExample('football')!.topology)).toEqual({ ok: true });
    expect(store.getState().topology.name).toBe(findExample('football')!.topology.name);
    await Promise.resolve();
    expect(engine.calls).toEqual(['stop']);
  });
});

describe('edge faults', () => {
  it('setFault asks the engine, and the fault events set, replace and clear the edge\'s fault', async () => {
    const store = createAppStore();
    const engine = fakeEngine();
    store.getState().attachEngine(engine);
    store.getState().setConnection('connected');
    await store.getState().setFault('e1', { dropEvery: 3 });
    expect(engine.calls).toContain('fault e1 {"dropEvery":3}');
    const fault = (edge: string, f: { dropEvery?: number; delayMs?: number; suspended?: boolean } | null): EngineEvent => ({ type: 'fault', runId: 1, edge, fault: f });
    store.getState().applyEngineEvents([fault('e1', { dropEvery: 3 }), fault('e2', { suspended: true })]);
    expect(store.getState().edgeFaults).toEqual({ e1: { dropEvery: 3 }, e2: { suspended: true } });
    store.getState().applyEngineEvents([fault('e1', { delayMs: 200 }), fault('e2', null)]);
    expect(store.getState().edgeFaults).toEqual({ e1: { delayMs: 200 } });
    // A new run starts with no faults.
    store.getState().applyEngineEvent({ type: 'state', runId: 2, state: 'building' });
    expect(store.getState().edgeFaults).toEqual({});
  });
});
