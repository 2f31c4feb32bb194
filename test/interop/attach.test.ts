/**
 * Taps attached to and detached from a live outside system while the run goes on, and an
 * outside publisher that dies and comes back: pyzmq peers on loopback tcp, started and stopped
 * here.
 *
 *   python PUB (external, binds tcp:P) --e1--> listener (SUB 'germany')       from the start
 *                                      --e-tap--> tap (SUB 'netherlands')      attached, detached
 */
import { expect, it } from 'vitest';
import { topology } from '../engine/topologies';
import { FOOTBALL_LINES } from '../../shared/examples';
import { PythonPeer, freePort } from './python';
import { pythonPeerTests } from './peerTests';

const peers = pythonPeerTests();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function radioListener(endpoint: string) {
  return topology(
    [
      { id: 'py', kind: 'external', socket: 'PUB', label: 'radio (Python)' },
      { id: 'listener', kind: 'socket', socket: 'SUB', behavior: { type: 'subscribe', topics: ['germany'] } },
    ],
    [{ id: 'e1', pattern: 'pubsub', source: 'py', target: 'listener', endpoint, bind: 'source' }],
  );
}

it('attaches a tap to a running Python PUB, sees only its topic, and detaches it without disturbing the rest', async () => {
  const endpoint = `tcp://127.0.0.1:${await freePort()}`;
  await PythonPeer.start('pub_server.py', [endpoint, '10', ...FOOTBALL_LINES]);
  const t = peers.engine();
  expect(await t.start(radioListener(endpoint))).toEqual([]);
  await t.waitFor('log', (e) => e.node === 'listener' && e.line.startsWith('germany'));

  const reply = await t.engine.attach({
    nodes: [{ id: 'tap', kind: 'socket', socket: 'SUB', label: 'tap', behavior: { type: 'subscribe', topics: ['netherlands'] } }],
    edges: [{ id: 'e-tap', pattern: 'pubsub', source: 'py', target: 'tap', endpoint, bind: 'source' }],
  });
  expect(reply).toEqual({ diagnostics: [], nodes: ['tap'], edges: ['e-tap'] });
  await t.waitFor('log', (e) => e.node === 'tap' && e.line.startsWith('netherlands'), 5000);
  await t.waitFor('log', (e) => e.node === 'tap' && t.logs('tap').filter((l) => l.startsWith('netherlands')).length >= 3, 5000);
  expect(t.logs('tap').filter((l) => !l.startsWith('attached')).every((l) => l.startsWith('netherlands'))).toBe(true);

  await t.engine.detach({ nodes: ['tap'] });
  await sleep(60);
  const tapRecords = t.records.filter((r) => r.node === 'tap').length;
  const listened = t.logs('listener').length;
  await sleep(300);
  expect(t.records.filter((r) => r.node === 'tap').length).toBe(tapRecords);
  expect(t.logs('listener').length).toBeGreaterThan(listened);
  // The tap's records, from outside, came over its one edge.
  expect(t.records.filter((r) => r.node === 'tap' && r.dir === 'in').every((r) => r.edge === 'e-tap')).toBe(true);
  await t.engine.stop();
  expect(t.errors()).toEqual([]);
});

it('an outside publisher that dies and comes back: the tap shows disconnected, retrying, connected, and its flow resumes', async () => {
  const endpoint = `tcp://127.0.0.1:${await freePort()}`;
  const first = await PythonPeer.start('pub_server.py', [endpoint, '10', ...FOOTBALL_LINES]);
  const t = peers.engine();
  expect(await t.start(radioListener(endpoint))).toEqual([]);
  await t.engine.attach({
    nodes: [{ id: 'tap', kind: 'socket', socket: 'SUB', behavior: { type: 'subscribe', topics: ['netherlands'] } }],
    edges: [{ id: 'e-tap', pattern: 'pubsub', source: 'py', target: 'tap', endpoint, bind: 'source' }],
  });
  await t.waitFor('log', (e) => e.node === 'tap' && e.line.startsWith('netherlands'), 5000);
  await first.stop();
  await t.waitFor('monitor', (e) => e.node === 'tap' && e.kind === 'disconnected', 5000);
  await t.waitFor('monitor', (e) => e.node === 'tap' && e.kind === 'connect-retried', 5000);
  const before = t.logs('tap').length;
  await PythonPeer.start('pub_server.py', [endpoint, '10', ...FOOTBALL_LINES]);
  // The SUB re-subscribes on reconnect (its receive loop is running): the flow resumes.
  await t.waitFor('log', (e) => e.node === 'tap' && t.logs('tap').length > before + 2, 8000);
  const kinds = t.events.flatMap((e) => (e.type === 'monitor' && e.node === 'tap' ? [e.kind] : []));
  const down = kinds.indexOf('disconnected');
  expect(kinds.slice(down)).toEqual(expect.arrayContaining(['disconnected', 'connect-retried', 'connected', 'handshake-ok']));
  expect(kinds.lastIndexOf('handshake-ok')).toBeGreaterThan(down);
  await t.engine.stop();
});
