/**
 * The app as an interceptor between two real outside programs (issue 7): a Python REQ client and
 * a Python REP server that know nothing of the app. The app's queue binds where the client
 * connects and connects to where the server binds, relays both ways, and traces every hop. The
 * server is killed mid-run and started again: the disconnect, the retries and the reconnect are
 * traced, and the flow resumes without restarting the client or the app.
 *
 *   python REQ (client) --tcp:F--> queue (ROUTER frontend | DEALER backend) --tcp:B--> python REP (binds)
 */
import { expect, it } from 'vitest';
import { topology } from '../engine/topologies';
import { PythonPeer, freePort } from './python';
import { pythonPeerTests } from './peerTests';

const peers = pythonPeerTests();

it('relays and traces a live Python client/server pair, through a server restart', async () => {
  const front = `tcp://127.0.0.1:${await freePort()}`;
  const back = `tcp://127.0.0.1:${await freePort()}`;
  let server = await PythonPeer.start('rep_bind.py', [back]);
  const t = peers.engine();
  const doc = topology(
    [
      { id: 'pyclient', kind: 'external', socket: 'REQ', label: 'client (Python)' },
      { id: 'tap', kind: 'device', device: 'queue', label: 'interceptor' },
      { id: 'pyserver', kind: 'external', socket: 'REP', label: 'server (Python)' },
    ],
    [
      { id: 'in', pattern: 'reqrep', source: 'pyclient', target: 'tap', targetPort: 'frontend', endpoint: front, bind: 'target' },
      { id: 'out', pattern: 'reqrep', source: 'tap', sourcePort: 'backend', target: 'pyserver', endpoint: back, bind: 'target' },
    ],
  );
  expect(await t.start(doc)).toEqual([]);
  const client = await PythonPeer.start('req_retry.py', [front, '30', '40']);

  await client.line((l) => l === 'req 7 done by python', 8000);
  await server.stop(); // the real server goes away mid-run
  await t.waitFor('monitor', (e) => e.node === 'tap' && e.port === 'backend' && e.kind === 'disconnected', 5000);
  await t.waitFor('monitor', (e) => e.node === 'tap' && e.port === 'backend' && e.kind === 'connect-retried', 5000);
  server = await PythonPeer.start('rep_bind.py', [back]); // ...and comes back on the same endpoint
  await client.line((l) => l === 'done', 15_000);
  await t.engine.stop();

  // Every request the client saw answered went client -> frontend -> backend -> server and back.
  const replies = client.lines.filter((l) => l.endsWith('done by python'));
  expect(replies).toHaveLength(30);
  expect(replies.at(-1)).toBe('req 29 done by python');
  const atFront = t.records.filter((r) => r.node === 'tap' && r.port === 'frontend' && r.dir === 'in' && r.preview === 'req 20');
  expect(atFront.length).toBeGreaterThanOrEqual(1);
  const forwarded = t.records.find((r) => r.cause === atFront[0].msg && r.dir === 'out');
  expect([forwarded?.port, forwarded?.edge, forwarded?.preview]).toEqual(['backend', 'out', 'req 20']);
  const answer = t.records.find((r) => r.port === 'backend' && r.dir === 'in' && r.preview === 'req 20 done by python');
  const returned = t.records.find((r) => r.cause === answer?.msg && r.dir === 'out');
  expect([returned?.port, returned?.edge]).toEqual(['frontend', 'in']);

  // The restart is in the socket events, in order: down, retrying, back up.
  const backend = t.events.flatMap((e) => (e.type === 'monitor' && e.node === 'tap' && e.port === 'backend' ? [e.kind] : []));
  const down = backend.indexOf('disconnected');
  expect(down).toBeGreaterThan(0);
  expect(backend.indexOf('connect-retried', down)).toBeGreaterThan(down);
  expect(backend.lastIndexOf('connected')).toBeGreaterThan(down);
  // The restarted server answered the later requests.
  expect(server.lines.slice(1)).toContain('Got req 29');
}, 40_000);
