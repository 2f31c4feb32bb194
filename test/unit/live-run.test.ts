// Changing a run from the page: kill/restart, taps on outside publishers, detach; and the events that follow.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../renderer/store/createAppStore';
import { planTap } from '../../renderer/store/taps';
import type { EngineCommands, EngineEvent } from '../../shared/ipc';
import type { TraceBatch, TraceTables } from '../../shared/trace';
import type { TopologyInput } from '../../shared/topology';

const radio: TopologyInput = {
  format: 'zmq-studio.topology/1',
  name: 'radio',
  nodes: [
    { id: 'py', kind: 'external', socket: 'PUB', position: { x: 100, y: 100 } },
    { id: 'listener', kind: 'socket', socket: 'SUB', behavior: { type: 'subscribe', topics: ['germany'] }, position: { x: 400, y: 100 } },
    { id: 'client', kind: 'external', socket: 'REQ', position: { x: 100, y: 300 } },
    { id: 'server', kind: 'socket', socket: 'REP', behavior: { type: 'reply' }, position: { x: 400, y: 300 } },
  ],
  edges: [
    { id: 'e1', pattern: 'pubsub', source: 'py', target: 'listener', endpoint: 'tcp://127.0.0.1:5556', bind: 'source' },
    { id: 'e2', pattern: 'reqrep', source: 'client', target: 'server', endpoint: 'tcp://127.0.0.1:5555', bind: 'target' },
  ],
};

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function fakeEngine(): EngineCommands & { calls: string[] } {
  const calls: string[] = [];
  const no = async () => {
    throw new Error('not in this test');
  };
  return {
    calls,
    start: no,
    stop: no,
    inject: no,
    pause: no,
    resume: no,
    status: no,
    frames: no,
    step: no,
    fault: no,
    nodeFault: async (r) => (calls.push(JSON.stringify(r)), { node: r.node, state: r.action === 'kill' ? ('killed' as const) : ('running' as const), sockets: 1 }),
    attach: async ({ nodes, edges }) => {
      calls.push(`attach ${JSON.stringify(nodes)} ${JSON.stringify(edges)}`);
      const ids = (xs: unknown[]) => xs.map((x) => (x as { id: string }).id);
      return { diagnostics: [], nodes: ids(nodes), edges: ids(edges) };
    },
    detach: async ({ nodes }) => (calls.push(`detach ${nodes.join(',')}`), { nodes, edges: [], closedSockets: 1 }),
  };
}

function running() {
  const store = createAppStore();
  const engine = fakeEngine();
  store.getState().attachEngine(engine);
  store.getState().setConnection('connected');
  expect(store.getState().loadTopology(radio)).toEqual({ ok: true });
  store.getState().applyEngineEvents([{ type: 'state', runId: 1, state: 'running' }]);
  return { store, engine };
}

describe('planTap', () => {
  it('plans a SUB on the endpoint the outside publisher binds, with the filters given', () => {
    const { store } = running();
    const plan = planTap(store.getState().topology, 'py', ['netherlands', 'spain']);
    expect(plan).toMatchObject({
      ok: true,
      node: { id: 'tap1', kind: 'socket', socket: 'SUB', behavior: { type: 'subscribe', topics: ['netherlands', 'spain'] } },
      edge: { id: 'e-tap1', pattern: 'pubsub', source: 'py', target: 'tap1', endpoint: 'tcp://127.0.0.1:5556', bind: 'source' },
    });
  });

  it('refuses what is not an outside publisher, and a publisher that binds nothing known, saying why', () => {
    const { store } = running();
    const doc = store.getState().topology;
    expect(planTap(doc, 'listener', [])).toMatchObject({ ok: false, reason: expect.stringMatching(/not an outside publisher/) });
    expect(planTap(doc, 'client', [])).toMatchObject({ ok: false, reason: expect.stringMatching(/not an outside publisher/) });
    const lonely = { ...doc, nodes: [...doc.nodes, { id: 'py2', kind: 'external' as const, socket: 'PUB' as const }] };
    expect(planTap(lonely, 'py2', [])).toMatchObject({ ok: false, reason: expect.stringMatching(/binds no endpoint/) });
    expect(planTap(lonely, 'py2', [], 'tcp://127.0.0.1:7000')).toMatchObject({ ok: true, edge: { endpoint: 'tcp://127.0.0.1:7000' } });
  });
});

describe('changing a running topology from the page', () => {
  it('a tap is attached by the engine first, then joins the document past the edit lock, as one undo step', async () => {
    const { store, engine } = running();
    const id = await store.getState().tapExternal('py', ['netherlands']);
    expect(id).toBe('tap1');
    expect(engine.calls[0]).toMatch(/^attach \[\{"id":"tap1"/);
    const doc = store.getState().topology;
    expect(doc.nodes.map((n) => n.id)).toContain('tap1');
    expect(doc.edges.find((e) => e.target === 'tap1')).toMatchObject({ source: 'py', endpoint: 'tcp://127.0.0.1:5556' });
    // Other edits stay locked during the run.
    store.getState().updateNode('listener', { label: 'x' });
    expect(store.getState().topology).toBe(doc);
    store.getState().applyEngineEvents([{ type: 'state', runId: 1, state: 'stopped' }]);
    store.getState().undo();
    expect(store.getState().topology.nodes.map((n) => n.id)).not.toContain('tap1');
  });

  it('a refused tap changes nothing and says why', async () => {
    const { store } = running();
    const before = store.getState().topology;
    expect(await store.getState().tapExternal('server', [])).toBeUndefined();
    expect(store.getState().topology).toBe(before);
    expect(store.getState().notice?.text).toMatch(/not an outside publisher/);
  });

  it('detach takes the node and its edges out of the document', async () => {
    const { store, engine } = running();
    await store.getState().tapExternal('py', []);
    await store.getState().detachNode('tap1');
    expect(engine.calls).toContain('detach tap1');
    expect(store.getState().topology.nodes.map((n) => n.id)).not.toContain('tap1');
    expect(store.getState().topology.edges.some((e) => e.target === 'tap1')).toBe(false);
  });

  it('kill and restart ask the engine with the node and the restart delay', async () => {
    const { store, engine } = running();
    await store.getState().killNode('server', 500);
    await store.getState().killNode('listener');
    await store.getState().restartNode('listener');
    expect(engine.calls).toEqual([
      '{"node":"server","action":"kill","restartAfterMs":500}',
      '{"node":"listener","action":"kill"}',
      '{"node":"listener","action":"restart"}',
    ]);
  });
});

function batch(n: number, firstSeq: number, socket: number): TraceBatch {
  return {
    batch: firstSeq,
    firstSeq,
    count: n,
    dropped: 0,
    t: new Float64Array(n),
    socket: new Uint16Array(n).fill(socket),
    dir: new Uint8Array(n).fill(1),
    edge: new Int32Array(n).fill(socket),
    frames: new Uint32Array(n).fill(1),
    bytes: new Uint32Array(n).fill(3),
    msg: Uint32Array.from({ length: n }, (_, i) => firstSeq + i),
    cause: new Uint32Array(n),
    preview: new Array<string>(n).fill('abc'),
  };
}

describe('run events of a changing topology', () => {
  it('kill and restart events mark the node; attached and detached ones keep the list of attached nodes', () => {
    const { store } = running();
    const ev = (e: DistributiveOmit<EngineEvent, 'runId'>): EngineEvent => ({ ...e, runId: 1 }) as EngineEvent;
    store.getState().applyEngineEvents([ev({ type: 'nodeFault', t: 12, node: 'server', state: 'killed', restartAfterMs: 300 })]);
    expect(store.getState().killedNodes).toEqual({ server: { t: 12, restartAfterMs: 300 } });
    store.getState().applyEngineEvents([ev({ type: 'nodeFault', t: 312, node: 'server', state: 'running' })]);
    expect(store.getState().killedNodes).toEqual({});
    const tap = { id: 'tap1', kind: 'socket' as const, socket: 'SUB' as const, behavior: { type: 'subscribe' as const, topics: [''] } };
    store.getState().applyEngineEvents([ev({ type: 'attached', nodes: [tap], edges: [] })]);
    expect(store.getState().attachedNodes).toEqual(['tap1']);
    store.getState().applyEngineEvents([ev({ type: 'detached', nodes: ['tap1'], edges: ['e-tap1'] })]);
    expect(store.getState().attachedNodes).toEqual([]);
  });

  it('tables that grow mid-run keep the records already held; a new run starts over', () => {
    const { store } = running();
    const first: TraceTables = { sockets: [{ node: 'listener', port: '', socket: 'SUB' }], edges: ['e1'] };
    const grown: TraceTables = { sockets: [...first.sockets, { node: 'tap1', port: '', socket: 'SUB' }], edges: ['e1', 'e-tap1'] };
    store.getState().applyEngineEvents([{ type: 'tables', runId: 1, tables: first }, { type: 'trace', runId: 1, batch: batch(3, 1, 0) }]);
    store.getState().applyEngineEvents([{ type: 'tables', runId: 1, tables: grown }, { type: 'trace', runId: 1, batch: batch(2, 4, 1) }]);
    const ring = store.getState().trace;
    expect(ring.size).toBe(5);
    expect([0, 1, 2, 3, 4].map((i) => ring.nodeAt(i))).toEqual(['listener', 'listener', 'listener', 'tap1', 'tap1']);
    expect(ring.edgeAt(4)).toBe('e-tap1');
    store.getState().applyEngineEvents([{ type: 'state', runId: 2, state: 'building' }, { type: 'tables', runId: 2, tables: first }]);
    expect(store.getState().trace.size).toBe(0);
  });
});
