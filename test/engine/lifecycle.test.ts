/**
 * Changing a running topology: kill and restart a node (fault injection), attach a tap to a
 * running publisher and detach it again.
 *
 *   producer (PUSH) --e1--> consumer (PULL, binds)         kill / restart the consumer
 *   radio (PUB, binds) --e1--> tap (SUB 'news')            attached while the radio runs
 */
import { afterEach, expect, it } from 'vitest';
import { TestEngine } from './testEngine';
import { address, pacedPipeline, topology } from './topologies';

let t: TestEngine;
afterEach(() => t.dispose());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const pipeline = pacedPipeline;

const tasks = (t: TestEngine) => t.logs('consumer').filter((l) => l.startsWith('task'));

it('kills a node (its peer sees the disconnect) and restarts it by itself on the same port; the flow resumes', async () => {
  t = new TestEngine();
  await t.start(pipeline(60, 20), { freePorts: true });
  await t.waitFor('log', (e) => e.node === 'consumer' && e.line === 'task 5');
  const kill = await t.engine.nodeFault({ node: 'consumer', action: 'kill', restartAfterMs: 300 });
  expect(kill).toEqual({ node: 'consumer', state: 'killed', sockets: 1 });
  const killedAt = tasks(t).length;
  await t.waitFor('monitor', (e) => e.node === 'producer' && e.kind === 'disconnected');
  // Its own socket's status says so too (libzmq reports closed only for listeners).
  expect(t.events.some((e) => e.type === 'monitor' && e.node === 'consumer' && e.kind === 'closed' && e.detail === 'killed')).toBe(true);
  await sleep(150);
  // Down: nothing reaches its reader.
  expect(tasks(t).length).toBe(killedAt);
  await t.waitFor('nodeFault', (e) => e.node === 'consumer' && e.state === 'running', 3000);
  await t.waitFor('log', (e) => e.node === 'consumer' && e.line === 'task 59', 10_000);
  // The producer reconnected to the restarted consumer: a second handshake on its side.
  expect(t.events.filter((e) => e.type === 'monitor' && e.node === 'producer' && e.kind === 'handshake-ok').length).toBeGreaterThanOrEqual(2);
  const faults = t.events.flatMap((e) => (e.type === 'nodeFault' ? [`${e.node} ${e.state}${e.restartAfterMs ? ` ${e.restartAfterMs}` : ''}`] : []));
  expect(faults).toEqual(['consumer killed 300', 'consumer running']);
  expect(t.logs('consumer').some((l) => l.startsWith('killed: closed 1 socket'))).toBe(true);
  expect(t.logs('consumer').some((l) => l.startsWith('restarted: 1 socket bound and connected again'))).toBe(true);
  expect(t.errors()).toEqual([]);
});

it('a killed node stays down until restarted by hand; kill refuses what it cannot kill', async () => {
  t = new TestEngine();
  await t.start(pipeline(1000, 10), { freePorts: true });
  await t.waitFor('log', (e) => e.node === 'consumer' && e.line === 'task 2');
  await t.engine.nodeFault({ node: 'consumer', action: 'kill' });
  await expect(t.engine.nodeFault({ node: 'consumer', action: 'kill' })).rejects.toThrow(/already killed/);
  await expect(t.engine.nodeFault({ node: 'nobody', action: 'kill' })).rejects.toThrow(/no node "nobody"/);
  await expect(t.engine.nodeFault({ node: 'producer', action: 'restart' })).rejects.toThrow(/is running: kill it first/);
  await sleep(400);
  const down = tasks(t).length;
  await sleep(200);
  expect(tasks(t).length).toBe(down);
  expect(await t.engine.nodeFault({ node: 'consumer', action: 'restart' })).toEqual({ node: 'consumer', state: 'running', sockets: 1 });
  await t.waitFor('log', (e) => e.node === 'consumer' && tasks(t).length > down + 3, 5000);
  await t.engine.stop();
  expect(t.errors()).toEqual([]);
});

it('refuses to kill an external program', async () => {
  t = new TestEngine();
  const doc = topology(
    [
      { id: 'py', kind: 'external', socket: 'PUB' },
      { id: 'tap', kind: 'socket', socket: 'SUB', behavior: { type: 'subscribe', topics: [''] } },
    ],
    [{ id: 'e1', pattern: 'pubsub', source: 'py', target: 'tap', endpoint: address('tcp'), bind: 'source' }],
  );
  await t.start(doc, { freePorts: true });
  await t.waitFor('state', (e) => e.state === 'running');
  await expect(t.engine.nodeFault({ node: 'py', action: 'kill' })).rejects.toThrow(/outside the app/);
});

function radio() {
  return topology(
    [{ id: 'radio', kind: 'socket', socket: 'PUB', behavior: { type: 'publish', topics: ['news', 'weather'], payload: '{topic} {i}', count: 100_000, intervalMs: 10 } }],
    [],
  );
}

it('attaches a tap to a running publisher, traces what it receives under its own edge, and detaches it', async () => {
  t = new TestEngine();
  const doc = radio();
  // The radio binds where the tap will connect: an edge-less node binds nothing, so give it a port.
  doc.nodes.push({ id: 'log', kind: 'socket', socket: 'SUB', behavior: { type: 'subscribe', topics: ['weather'] } });
  doc.edges.push({ id: 'e0', pattern: 'pubsub', source: 'radio', target: 'log', endpoint: address('tcp'), bind: 'source' });
  await t.start(doc, { freePorts: true });
  await t.waitFor('log', (e) => e.node === 'log' && e.line.startsWith('weather'));
  const endpoint = doc.edges[0].endpoint;
  const reply = await t.engine.attach({
    nodes: [{ id: 'tap', kind: 'socket', socket: 'SUB', behavior: { type: 'subscribe', topics: ['news'] } }],
    edges: [{ id: 'e-tap', pattern: 'pubsub', source: 'radio', target: 'tap', endpoint, bind: 'source' }],
  });
  expect(reply).toEqual({ diagnostics: [], nodes: ['tap'], edges: ['e-tap'] });
  await t.waitFor('log', (e) => e.node === 'tap' && e.line.startsWith('news'));
  const tables = t.events.filter((e) => e.type === 'tables');
  expect(tables).toHaveLength(2);
  const last = tables[1].type === 'tables' ? tables[1].tables : undefined;
  expect(last?.sockets.map((s) => s.node)).toEqual(['radio', 'log', 'tap']);
  expect(last?.edges).toEqual(['e0', 'e-tap']);
  await sleep(100);
  const tapped = t.records.filter((r) => r.node === 'tap' && r.dir === 'in');
  expect(tapped.length).toBeGreaterThan(0);
  // Matched to the radio's sends: the edge is the tap's, the message id the radio's.
  expect(tapped.every((r) => r.edge === 'e-tap' && r.preview.startsWith('news'))).toBe(true);
  const sends = new Set(t.records.filter((r) => r.node === 'radio' && r.dir === 'out').map((r) => r.msg));
  expect(tapped.every((r) => sends.has(r.msg))).toBe(true);

  const detached = await t.engine.detach({ nodes: ['tap'] });
  expect(detached).toEqual({ nodes: ['tap'], edges: ['e-tap'], closedSockets: 1 });
  await sleep(60);
  const count = t.records.filter((r) => r.node === 'tap').length;
  await sleep(200);
  expect(t.records.filter((r) => r.node === 'tap').length).toBe(count);
  // The rest never noticed.
  const before = t.logs('log').length;
  await sleep(100);
  expect(t.logs('log').length).toBeGreaterThan(before);
  expect(t.events.some((e) => e.type === 'detached' && e.nodes.includes('tap'))).toBe(true);
  await t.engine.stop();
  // Nothing is reported lost for the tap that left.
  const lost = t.events.find((e) => e.type === 'lost');
  expect(lost?.type === 'lost' && lost.messages.filter((m) => m.owedTo === 'tap')).toEqual([]);
  expect(t.errors()).toEqual([]);
});

it('refuses an attach that does not check out, with the diagnostic, and changes nothing', async () => {
  t = new TestEngine();
  await t.start(pipeline(1000, 10), { freePorts: true });
  await t.waitFor('state', (e) => e.state === 'running');
  const reply = await t.engine.attach({
    nodes: [{ id: 'tap', kind: 'socket', socket: 'SUB', behavior: { type: 'subscribe', topics: [''] } }],
    edges: [{ id: 'e2', pattern: 'pubsub', source: 'producer', target: 'tap', endpoint: address('tcp'), bind: 'source' }],
  });
  expect(reply.nodes).toEqual([]);
  expect(reply.diagnostics.length).toBeGreaterThan(0);
  expect(reply.diagnostics[0]).toMatchObject({ severity: 'error', edgeId: 'e2' });
  expect(t.events.filter((e) => e.type === 'tables')).toHaveLength(1);
  await expect(t.engine.detach({ nodes: ['nobody'] })).rejects.toThrow(/no node "nobody"/);
});

it('a run with a killed and restarted node still finishes once its finite behaviours are done', async () => {
  t = new TestEngine();
  await t.start(pipeline(30, 10), { freePorts: true });
  await t.waitFor('log', (e) => e.node === 'consumer' && e.line === 'task 3');
  await t.engine.nodeFault({ node: 'consumer', action: 'kill', restartAfterMs: 100 });
  await t.waitFor('nodeFault', (e) => e.state === 'running', 3000);
  // "finished" waits for the producer's 30 sends, not for the kill or the restart.
  await t.waitFor('finished', () => true, 8000);
  expect(t.logs('producer').filter((l) => l.startsWith('Sending')).length).toBe(30);
  expect(t.events.filter((e) => e.type === 'finished')).toHaveLength(1);
});

it('inproc: a restarted binder is not reconnected to by libzmq, and the restart says so', async () => {
  t = new TestEngine();
  const doc = pipeline(1000, 10);
  doc.edges[0].endpoint = address('inproc');
  await t.start(doc);
  await t.waitFor('log', (e) => e.node === 'consumer' && e.line === 'task 3');
  await t.engine.nodeFault({ node: 'consumer', action: 'kill', restartAfterMs: 50 });
  await t.waitFor('log', (e) => e.node === 'consumer' && e.line.startsWith('restarted'));
  expect(t.logs('consumer').at(-1)).toMatch(/inproc peers do not reconnect by themselves/);
  const after = tasks(t).length;
  await sleep(300);
  expect(tasks(t).length).toBe(after);
});
