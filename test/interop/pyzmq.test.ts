/**
 * The app's sockets against real outside programs: pyzmq peers (Debian's python3-zmq, libzmq
 * 4.3.x) started and stopped by each test, on loopback tcp. The Python side is an `external`
 * node: the app binds or connects its own end only, and traces what its own sockets do.
 */
import { describe, expect, it } from 'vitest';
import { topology } from '../engine/topologies';
import { FOOTBALL_LINES } from '../../shared/examples';
import type { TraceRecord } from '../../shared/trace';
import { PythonPeer, freePort, isAlive } from './python';
import { pythonPeerTests } from './peerTests';

const peers = pythonPeerTests();

const at = (records: TraceRecord[], node: string, dir: 'in' | 'out', port = ''): TraceRecord[] =>
  records.filter((r) => r.node === node && r.port === port && r.dir === dir);

const range = (n: number): number[] => [...Array(n).keys()];

describe('pyzmq peers', () => {
  it('a stopped peer leaves no process behind', async () => {
    const py = await PythonPeer.start('pub_server.py', ['tcp://127.0.0.1:*', '20', 'x']);
    expect(isAlive(py.pid)).toBe(true);
    await py.stop();
    expect(await py.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(isAlive(py.pid)).toBe(false);
  });

  //   python REQ (external) --tcp:P--> server (REP, binds)
  it("a Python REQ client gets the app REP server's replies, traced at the server", async () => {
    const endpoint = `tcp://127.0.0.1:${await freePort()}`;
    const t = peers.engine();
    const doc = topology(
      [
        { id: 'pyclient', kind: 'external', socket: 'REQ', label: 'hwclient (Python)' },
        { id: 'server', kind: 'socket', socket: 'REP', behavior: { type: 'reply', payload: 'World {msg}' } },
      ],
      [{ id: 'e1', pattern: 'reqrep', source: 'pyclient', target: 'server', endpoint, bind: 'target' }],
    );
    expect(await t.start(doc)).toEqual([]);

    const py = await PythonPeer.start('req_client.py', [endpoint, '5']);
    expect(await py.finished()).toEqual({ code: 0, signal: null });
    expect(py.lines.slice(1)).toEqual(range(5).map((i) => `World hello ${i}`));
    await t.engine.stop(); // flushes the trace

    expect(t.logs('server')).toEqual(range(5).map((i) => `Got hello ${i}`));
    const requests = at(t.records, 'server', 'in');
    const replies = at(t.records, 'server', 'out');
    expect(requests.map((r) => [r.edge, r.preview])).toEqual(range(5).map((i) => ['e1', `hello ${i}`]));
    expect(replies.map((r) => [r.edge, r.preview])).toEqual(range(5).map((i) => ['e1', `World hello ${i}`]));
    expect(replies.map((r) => r.cause)).toEqual(requests.map((r) => r.msg));
    expect(new Set(requests.map((r) => r.msg)).size).toBe(5);
    expect(t.edgeCount('e1')).toBe(10); // 5 requests + 5 replies
    const kinds = t.events.flatMap((e) => (e.type === 'monitor' && e.node === 'server' ? [e.kind] : []));
    expect(kinds.slice(0, 3)).toEqual(['listening', 'accepted', 'handshake-ok']); // ZMTP 3.1 with libzmq 4.3.4
    expect(t.lost().total).toBe(0); // replies to an outside program are not owed to any socket of ours
    expect(t.errors()).toEqual([]);
  }, 10_000);

  //   python PUB (external, binds tcp://127.0.0.1:*) --> listener (SUB: netherlands, germany)
  it('the app SUB hears only its topics from a Python PUB', async () => {
    const py = await PythonPeer.start('pub_server.py', ['tcp://127.0.0.1:*', '20', ...FOOTBALL_LINES]);
    const endpoint = py.first;
    expect(endpoint).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/);
    const t = peers.engine();
    const doc = topology(
      [
        { id: 'pyradio', kind: 'external', socket: 'PUB', label: 'radio (Python)' },
        {
          id: 'listener',
          kind: 'socket',
          socket: 'SUB',
          behavior: { type: 'subscribe', topics: ['netherlands', 'germany'], count: 6 },
        },
      ],
      [{ id: 'broadcast', pattern: 'pubsub', source: 'pyradio', target: 'listener', endpoint, bind: 'source' }],
    );
    expect(await t.start(doc)).toEqual([]);
    await t.waitFor('log', (e) => e.node === 'listener' && e.line === 'Received 6 messages', 8000);
    await t.engine.stop();

    const heard = t.logs('listener').slice(0, -1);
    expect(heard).toHaveLength(6);
    for (const line of heard) expect(line).toMatch(/^(netherlands|germany) /);
    // Joined late, it starts anywhere in the match, but from then on misses nothing.
    const wanted = FOOTBALL_LINES.filter((l) => /^(netherlands|germany) /.test(l));
    const windows = wanted.map((_, k) =>
      range(6)
        .map((j) => wanted[(k + j) % wanted.length])
        .join('\n'),
    );
    expect(windows).toContain(heard.join('\n'));
    const received = at(t.records, 'listener', 'in');
    expect(received.map((r) => [r.edge, r.preview])).toEqual(heard.map((l) => ['broadcast', l]));
    expect(received.every((r) => r.socket === 'SUB' && r.cause === 0)).toBe(true);
    expect(t.records.filter((r) => r.dir === 'out')).toEqual([]);
  }, 10_000);

  //   ventilator (PUSH, binds A) --> python worker (PULL in / PUSH out) --> sink (PULL, binds B)
  it("a Python worker in the middle of the app's pipeline", async () => {
    const [a, b] = [`tcp://127.0.0.1:${await freePort()}`, `tcp://127.0.0.1:${await freePort()}`];
    const t = peers.engine();
    const doc = topology(
      [
        {
          id: 'ventilator',
          kind: 'socket',
          socket: 'PUSH',
          behavior: { type: 'produce', count: 10, payload: 'task {i}' },
        },
        { id: 'pyworker-in', kind: 'external', socket: 'PULL', label: 'worker input (Python)' },
        { id: 'pyworker-out', kind: 'external', socket: 'PUSH', label: 'worker output (Python)' },
        { id: 'sink', kind: 'socket', socket: 'PULL', behavior: { type: 'consume', count: 10 } },
      ],
      [
        { id: 'tasks', pattern: 'pipeline', source: 'ventilator', target: 'pyworker-in', endpoint: a, bind: 'source' },
        { id: 'results', pattern: 'pipeline', source: 'pyworker-out', target: 'sink', endpoint: b, bind: 'target' },
      ],
    );
    expect(await t.start(doc)).toEqual([]);
    const py = await PythonPeer.start('upper_worker.py', [a, b]);
    expect(py.first).toBe(`${a} -> ${b}`);
    await t.waitFor('finished', () => true, 8000);
    await t.engine.stop();

    const sink = t.logs('sink');
    expect(sink.at(-1)).toBe('Received 10 messages');
    expect(sink.slice(0, -1).sort()).toEqual(
      range(10)
        .map((i) => `TASK ${i}`)
        .sort(),
    );
    expect(py.lines.slice(1)).toEqual(range(10).map((i) => `Got task ${i}`)); // one worker: PUSH keeps order
    expect(at(t.records, 'ventilator', 'out').map((r) => r.edge)).toEqual(Array(10).fill('tasks'));
    expect(at(t.records, 'sink', 'in').map((r) => r.edge)).toEqual(Array(10).fill('results'));
    expect(t.edgeCount('tasks')).toBe(10);
    expect(t.edgeCount('results')).toBe(10);
    expect(t.lost().total).toBe(0);
  }, 10_000);

  //   client (REQ) --> queue (ROUTER frontend | DEALER backend, binds P) <-- python REP (connects)
  it("a Python REP server behind the app's queue device, routes followed to the backend and back", async () => {
    const backend = `tcp://127.0.0.1:${await freePort()}`;
    const t = peers.engine();
    const doc = topology(
      [
        { id: 'client', kind: 'socket', socket: 'REQ', behavior: { type: 'request', count: 4, payload: 'job {i}' } },
        { id: 'queue', kind: 'device', device: 'queue' },
        { id: 'pyserver', kind: 'external', socket: 'REP', label: 'server (Python)' },
      ],
      [
        {
          id: 'c-queue',
          pattern: 'reqrep',
          source: 'client',
          target: 'queue',
          targetPort: 'frontend',
          endpoint: 'tcp://127.0.0.1:5999',
          bind: 'target',
        },
        {
          id: 'queue-py',
          pattern: 'reqrep',
          source: 'queue',
          sourcePort: 'backend',
          target: 'pyserver',
          endpoint: backend,
          bind: 'source',
        },
      ],
    );
    const py = await PythonPeer.start('rep_server.py', [backend]); // connects first, libzmq retries
    expect(await t.start(doc)).toEqual([]);
    await t.waitFor('finished', () => true, 8000);
    await t.engine.stop();

    expect(t.logs('client')).toEqual(range(4).flatMap((i) => [`Sending job ${i}`, `Received job ${i} done by python`]));
    expect(py.lines.slice(1)).toEqual(range(4).map((i) => `Got job ${i}`));

    // Out: client -> queue frontend (same msg) -> queue backend (cause = that msg) -> Python.
    const sent = at(t.records, 'client', 'out').find((r) => r.preview === 'job 2') as TraceRecord;
    expect(sent.edge).toBe('c-queue');
    const atFront = t.records.find((r) => r.msg === sent.msg && r.dir === 'in');
    expect([atFront?.node, atFront?.port, atFront?.edge]).toEqual(['queue', 'frontend', 'c-queue']);
    const forwarded = t.records.find((r) => r.cause === sent.msg && r.dir === 'out');
    expect([forwarded?.node, forwarded?.port, forwarded?.edge, forwarded?.preview]).toEqual([
      'queue',
      'backend',
      'queue-py',
      'job 2',
    ]);

    // Back: Python's reply arrives at the backend with a fresh id (the app never saw it sent),
    // the frontend forwards it with that cause, and the client receives the frontend's message.
    const answer = at(t.records, 'queue', 'in', 'backend').find(
      (r) => r.preview === 'job 2 done by python',
    ) as TraceRecord;
    expect([answer.edge, answer.cause]).toEqual(['queue-py', 0]);
    expect(answer.msg).not.toBe(forwarded?.msg);
    const back = t.records.find((r) => r.cause === answer.msg && r.dir === 'out');
    expect([back?.node, back?.port, back?.edge, back?.preview]).toEqual([
      'queue',
      'frontend',
      'c-queue',
      'job 2 done by python',
    ]);
    const atClient = at(t.records, 'client', 'in').find((r) => r.msg === back?.msg);
    expect([atClient?.edge, atClient?.preview]).toEqual(['c-queue', 'job 2 done by python']);
    expect(t.lost().total).toBe(0);
  }, 10_000);

  //   python PUSH (the user drew a REQ) --tcp:P--> server (REP, binds)
  it('a Python peer of the wrong socket type is refused by the ZMTP handshake and reported as an error', async () => {
    const endpoint = `tcp://127.0.0.1:${await freePort()}`;
    const t = peers.engine();
    const doc = topology(
      [
        { id: 'pyclient', kind: 'external', socket: 'REQ', label: 'said to be a REQ (Python)' },
        { id: 'server', kind: 'socket', socket: 'REP', behavior: { type: 'reply' } },
      ],
      [{ id: 'e1', pattern: 'reqrep', source: 'pyclient', target: 'server', endpoint, bind: 'target' }],
    );
    expect(await t.start(doc)).toEqual([]);
    const py = await PythonPeer.start('push_lines.py', [endpoint, 'hello 0']);
    // Each side checks the other's Socket-Type and drops the connection: the app sees it accepted
    // and then disconnected, with no handshake (a 'handshake-failed' too, when it noticed first).
    await t.waitFor('monitor', (e) => e.node === 'server' && e.kind === 'disconnected', 5000);
    await t.engine.stop();

    const kinds = t.events.flatMap((e) => (e.type === 'monitor' && e.node === 'server' ? [e.kind] : []));
    expect(kinds).toContain('accepted');
    expect(kinds).not.toContain('handshake-ok');
    // Python's send may have "succeeded" (queued for a connection that never completes) or still
    // be blocked (the pipe was already gone): either way nothing reaches the app.
    expect(py.first).toBe(endpoint);
    expect(t.records).toEqual([]);
    // The silent drop becomes an error naming the node, the edge and what the REP expects.
    const refused = t.errors().find((e) => e.code === 'PEER_REFUSED');
    expect(refused).toMatchObject({ node: 'server', edge: 'e1' });
    expect(refused?.message).toBe(`a peer on ${endpoint} was dropped before its ZMTP handshake completed`);
    expect(refused?.hint).toMatch(/^REP talks to REQ or DEALER; /);
    expect(t.logs('server')).toEqual([`error PEER_REFUSED: ${refused?.message}`]);
  }, 10_000);
});
