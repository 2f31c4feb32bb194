// The designer's store without React: the document, its wiring rules and undo history.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../renderer/store/createAppStore';
import { selectDiagnostics, selectDirty } from '../../renderer/store/selectors';
import { HISTORY_LIMIT } from '../../renderer/store/topologySlice';
import { EXAMPLES } from '../../shared/examples';
import { Topology } from '../../shared/topology';

const at = (x: number, y: number) => ({ x, y });

describe('topology slice', () => {
  it('adds socket nodes with an id and a fitting default behaviour', () => {
    const store = createAppStore();
    const id = store.getState().addNode({ kind: 'socket', socket: 'REQ' }, at(10.4, 20.6));
    expect(id).toBe('req1');
    const node = store.getState().topology.nodes[0];
    expect(node).toMatchObject({ id: 'req1', kind: 'socket', socket: 'REQ', position: { x: 10, y: 21 } });
    expect(node.kind === 'socket' && node.behavior).toMatchObject({ type: 'request', count: 10, payload: 'msg {i}' });
    expect(store.getState().addNode({ kind: 'socket', socket: 'REQ' }, at(0, 0))).toBe('req2');
  });

  it('adds devices, workers and external nodes', () => {
    const store = createAppStore();
    const s = store.getState();
    s.addNode({ kind: 'device', device: 'queue' }, at(0, 0));
    s.addNode({ kind: 'worker' }, at(0, 0));
    s.addNode({ kind: 'external', socket: 'PUB' }, at(0, 0));
    expect(store.getState().topology.nodes.map((n) => `${n.id}:${n.kind}`)).toEqual(['queue1:device', 'worker1:worker', 'external1:external']);
    expect(Topology.safeParse(store.getState().topology).success).toBe(true);
  });

  it('connect derives the pattern, assigns a free loopback endpoint and binds the target', () => {
    const store = createAppStore();
    const s = store.getState();
    const req = s.addNode({ kind: 'socket', socket: 'REQ' }, at(0, 0));
    const rep = s.addNode({ kind: 'socket', socket: 'REP' }, at(300, 0));
    const result = store.getState().connect(req, 'R', rep, 'L');
    expect(result).toEqual({ ok: true, edgeId: 'e1' });
    expect(store.getState().topology.edges).toEqual([
      { id: 'e1', pattern: 'reqrep', source: 'req1', target: 'rep1', endpoint: 'tcp://127.0.0.1:5555', bind: 'target' },
    ]);
  });

  it('connect refuses REQ -> PUB with the reason and creates no edge', () => {
    const store = createAppStore();
    const s = store.getState();
    const req = s.addNode({ kind: 'socket', socket: 'REQ' }, at(0, 0));
    const pub = s.addNode({ kind: 'socket', socket: 'PUB' }, at(300, 0));
    expect(store.getState().connect(req, 'R', pub, 'L')).toEqual({ ok: false, reason: 'REQ talks to REP or ROUTER, not PUB' });
    expect(store.getState().topology.edges).toEqual([]);
  });

  it('orients one-way edges from the sender and lets a device bind', () => {
    const store = createAppStore();
    const s = store.getState();
    const sub = s.addNode({ kind: 'socket', socket: 'SUB' }, at(0, 0));
    const fwd = s.addNode({ kind: 'device', device: 'forwarder' }, at(300, 0));
    // Drawn from the SUB to the forwarder's XPUB backend: the edge still runs XPUB -> SUB.
    expect(store.getState().connect(sub, 'R', fwd, 'backend').ok).toBe(true);
    expect(store.getState().topology.edges[0]).toMatchObject({ source: 'forwarder1', sourcePort: 'backend', target: 'sub1', bind: 'source', pattern: 'pubsub' });
  });

  it('gives each new bound endpoint the next unused port and reuses an endpoint the binder already has', () => {
    const store = createAppStore();
    const s = store.getState();
    const [c1, c2, rep, pull] = [
      s.addNode({ kind: 'socket', socket: 'REQ' }, at(0, 0)),
      s.addNode({ kind: 'socket', socket: 'REQ' }, at(0, 100)),
      s.addNode({ kind: 'socket', socket: 'REP' }, at(300, 0)),
      s.addNode({ kind: 'socket', socket: 'PULL' }, at(300, 200)),
    ];
    const push = store.getState().addNode({ kind: 'socket', socket: 'PUSH' }, at(0, 200));
    store.getState().connect(c1, 'R', rep, 'L');
    store.getState().connect(c2, 'R', rep, 'L');
    store.getState().connect(push, 'R', pull, 'L');
    expect(store.getState().topology.edges.map((e) => e.endpoint)).toEqual(['tcp://127.0.0.1:5555', 'tcp://127.0.0.1:5555', 'tcp://127.0.0.1:5556']);
    expect(selectDiagnostics(store.getState()).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('refuses wiring a node to itself, a duplicate edge and a second PAIR peer', () => {
    const store = createAppStore();
    const s = store.getState();
    const q = s.addNode({ kind: 'device', device: 'queue' }, at(0, 0));
    expect(store.getState().connect(q, 'frontend', q, 'backend')).toMatchObject({ ok: false, reason: 'a node cannot be wired to itself' });
    const [a, b, c] = ['PAIR', 'PAIR', 'PAIR'].map(() => store.getState().addNode({ kind: 'socket', socket: 'PAIR' }, at(0, 0)));
    expect(store.getState().connect(a, 'R', b, 'L').ok).toBe(true);
    expect(store.getState().connect(b, 'L', a, 'R')).toMatchObject({ ok: false, reason: 'these two sockets are already connected' });
    expect(store.getState().connect(c, 'R', a, 'L')).toMatchObject({ ok: false, reason: 'a PAIR socket has exactly one peer' });
  });

  it('removeSelection removes the nodes, their edges and prunes the selection', () => {
    const store = createAppStore();
    const s = store.getState();
    const req = s.addNode({ kind: 'socket', socket: 'REQ' }, at(0, 0));
    const rep = s.addNode({ kind: 'socket', socket: 'REP' }, at(300, 0));
    store.getState().connect(req, 'R', rep, 'L');
    store.getState().select({ nodes: [rep] });
    store.getState().removeSelection();
    expect(store.getState().topology.nodes.map((n) => n.id)).toEqual(['req1']);
    expect(store.getState().topology.edges).toEqual([]);
    expect(store.getState().selection).toEqual({ nodes: [], edges: [] });
  });

  it('duplicates the selected nodes with fresh ids, offset', () => {
    const store = createAppStore();
    store.getState().addNode({ kind: 'socket', socket: 'REP' }, at(100, 100));
    store.getState().select({ nodes: ['rep1'] });
    store.getState().duplicateSelection();
    expect(store.getState().topology.nodes.map((n) => [n.id, n.position])).toEqual([
      ['rep1', { x: 100, y: 100 }],
      ['rep2', { x: 140, y: 140 }],
    ]);
    expect(store.getState().selection.nodes).toEqual(['rep2']);
  });
});

describe('clipboard', () => {
  it('pastes copies of the copied nodes, each paste further off', () => {
    const store = createAppStore();
    store.getState().addNode({ kind: 'socket', socket: 'SUB' }, at(0, 0));
    store.getState().select({ nodes: ['sub1'] });
    store.getState().copySelection();
    store.getState().paste();
    store.getState().paste();
    expect(store.getState().topology.nodes.map((n) => [n.id, n.position])).toEqual([
      ['sub1', { x: 0, y: 0 }],
      ['sub2', { x: 40, y: 40 }],
      ['sub3', { x: 80, y: 80 }],
    ]);
    expect(store.getState().selection.nodes).toEqual(['sub3']);
  });
});

describe('undo history', () => {
  it('undo and redo step through edits', () => {
    const store = createAppStore();
    const s = store.getState();
    const req = s.addNode({ kind: 'socket', socket: 'REQ' }, at(0, 0));
    const rep = s.addNode({ kind: 'socket', socket: 'REP' }, at(300, 0));
    store.getState().connect(req, 'R', rep, 'L');
    store.getState().undo();
    expect(store.getState().topology.edges).toEqual([]);
    expect(store.getState().topology.nodes).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().topology.nodes).toHaveLength(1);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().topology.edges).toHaveLength(1);
    store.getState().redo();
    expect(store.getState().topology.edges).toHaveLength(1);
  });

  it('coalesces one drag into one undo step', () => {
    const store = createAppStore();
    const id = store.getState().addNode({ kind: 'socket', socket: 'PUB' }, at(0, 0));
    for (let x = 1; x <= 20; x++) store.getState().moveNodes(new Map([[id, at(x, x)]]));
    store.getState().moveNodes(new Map(), true);
    store.getState().moveNodes(new Map([[id, at(50, 50)]]), true);
    store.getState().undo();
    expect(store.getState().topology.nodes[0].position).toEqual({ x: 20, y: 20 });
    store.getState().undo();
    expect(store.getState().topology.nodes[0].position).toEqual({ x: 0, y: 0 });
  });

  it('makes typing in one field one undo step', () => {
    const store = createAppStore();
    const id = store.getState().addNode({ kind: 'socket', socket: 'REP' }, at(0, 0));
    for (const label of ['s', 'se', 'ser', 'server']) store.getState().updateNode(id, { label });
    store.getState().updateNode(id, { description: 'answers' });
    store.getState().undo();
    expect(store.getState().topology.nodes[0]).toMatchObject({ label: 'server' });
    store.getState().undo();
    expect(store.getState().topology.nodes[0].label).toBeUndefined();
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    const store = createAppStore();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) store.getState().addNode({ kind: 'socket', socket: 'PUSH' }, at(i, 0));
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
  });

  it('a new edit clears the redo list', () => {
    const store = createAppStore();
    store.getState().addNode({ kind: 'socket', socket: 'PUSH' }, at(0, 0));
    store.getState().undo();
    store.getState().addNode({ kind: 'socket', socket: 'PULL' }, at(0, 0));
    store.getState().redo();
    expect(store.getState().topology.nodes.map((n) => n.id)).toEqual(['pull1']);
  });
});

describe('files', () => {
  it.each(EXAMPLES.map((e) => [e.id, e] as const))('loadTopology of example %s round-trips through JSON', (_id, example) => {
    const store = createAppStore();
    expect(store.getState().loadTopology(example.topology, `${example.id}.zmqtopo.json`)).toEqual({ ok: true });
    const text = JSON.stringify(store.getState().topology);
    const again = createAppStore();
    expect(again.getState().loadTopology(JSON.parse(text))).toEqual({ ok: true });
    expect(again.getState().topology).toEqual(store.getState().topology);
    expect(selectDirty(store.getState())).toBe(false);
  });

  it('loadTopology refuses a bad document with diagnostics and keeps the current one', () => {
    const store = createAppStore();
    store.getState().addNode({ kind: 'socket', socket: 'REQ' }, at(0, 0));
    const before = store.getState().topology;
    const result = store.getState().loadTopology({ format: 'zmq-studio.topology/1', nodes: [{ id: 'x', kind: 'socket', socket: 'NOPE' }], edges: [] });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.diagnostics[0]).toMatchObject({ severity: 'error', code: 'schema', nodeId: 'x' });
    expect(store.getState().topology).toBe(before);
  });

  it('tracks unsaved changes until marked saved; newTopology starts empty', () => {
    const store = createAppStore();
    store.getState().addNode({ kind: 'socket', socket: 'REQ' }, at(0, 0));
    expect(selectDirty(store.getState())).toBe(true);
    store.getState().markSaved('mine.zmqtopo.json');
    expect(selectDirty(store.getState())).toBe(false);
    store.getState().newTopology();
    expect(store.getState().topology.nodes).toEqual([]);
    expect(store.getState().fileName).toBeUndefined();
  });
});

describe('diagnostics', () => {
  it('follow the document and are reused while only positions change', () => {
    const store = createAppStore();
    const req = store.getState().addNode({ kind: 'socket', socket: 'REQ' }, at(0, 0));
    const first = selectDiagnostics(store.getState());
    expect(first).toEqual([expect.objectContaining({ code: 'no-peer', nodeId: 'req1', severity: 'warning' })]);
    store.getState().moveNodes(new Map([[req, at(5, 5)]]), true);
    expect(selectDiagnostics(store.getState())).toBe(first);
    const rep = store.getState().addNode({ kind: 'socket', socket: 'REP' }, at(300, 0));
    store.getState().connect(req, 'R', rep, 'L');
    expect(selectDiagnostics(store.getState())).toEqual([]);
  });

  it('update when an edit makes the document invalid', () => {
    const store = createAppStore();
    store.getState().loadTopology(EXAMPLES.find((e) => e.id === 'load-balanced')!.topology);
    expect(selectDiagnostics(store.getState())).toEqual([]);
    store.getState().updateEdge('to-server2', { endpoint: 'tcp://127.0.0.1:5000' });
    expect(selectDiagnostics(store.getState())).toContainEqual(expect.objectContaining({ code: 'endpoint-conflict', severity: 'error' }));
  });
});
