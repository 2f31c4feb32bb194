/** ZeroMQ behaviour the simulator must show as it is: routing, filtering, loss, errors. */
import { afterEach, describe, expect, it } from 'vitest';
import { TestEngine } from './testEngine';
import { topology, address, reqRep } from './topologies';

let t: TestEngine;
afterEach(() => t.dispose());

describe('routing', () => {
  //   producer (PUSH) --> a (PULL)
  //                   \-> b (PULL)
  //                   \-> c (PULL)
  it('PUSH round-robins: 12 tasks over 3 pullers is 4 each', async () => {
    t = new TestEngine();
    const ep = address('tcp');
    await t.start(topology(
      [
        { id: 'producer', kind: 'socket', socket: 'PUSH', behavior: { type: 'produce', count: 12 } },
        ...['a', 'b', 'c'].map((id) => ({ id, kind: 'socket' as const, socket: 'PULL' as const, behavior: { type: 'consume' as const, count: 4 } })),
      ],
      ['a', 'b', 'c'].map((id) => ({ id: `to-${id}`, pattern: 'pipeline' as const, source: 'producer', target: id, endpoint: ep, bind: 'source' as const })),
    ));
    await t.runUntilFinished();
    expect(t.edgeCount('to-a')).toBe(4);
    expect(t.edgeCount('to-b')).toBe(4);
    expect(t.edgeCount('to-c')).toBe(4);
    expect(t.logs('a').slice(0, 4)).toEqual(['task 0', 'task 3', 'task 6', 'task 9']);
  });

  //   p1 (PUSH) --\
  //   p2 (PUSH) ----> sink (PULL)
  it('PULL fair-queues: two producers of 5 each deliver all 10', async () => {
    t = new TestEngine();
    const ep = address('tcp');
    await t.start(topology(
      [
        { id: 'p1', kind: 'socket', socket: 'PUSH', behavior: { type: 'produce', count: 5, payload: 'p1 {i}' } },
        { id: 'p2', kind: 'socket', socket: 'PUSH', behavior: { type: 'produce', count: 5, payload: 'p2 {i}' } },
        { id: 'sink', kind: 'socket', socket: 'PULL', behavior: { type: 'consume', count: 10 } },
      ],
      [
        { id: 'e1', pattern: 'pipeline', source: 'p1', target: 'sink', endpoint: ep, bind: 'target' },
        { id: 'e2', pattern: 'pipeline', source: 'p2', target: 'sink', endpoint: ep, bind: 'target' },
      ],
    ));
    await t.runUntilFinished();
    expect(t.edgeCount('e1')).toBe(5);
    expect(t.edgeCount('e2')).toBe(5);
    expect(t.logs('sink').at(-1)).toBe('Received 10 messages');
  });
});

describe('publish/subscribe', () => {
  it('a SUB receives only what matches its prefixes', async () => {
    t = new TestEngine();
    await t.start(topology(
      [
        { id: 'pub', kind: 'socket', socket: 'PUB', behavior: { type: 'publish', messages: ['a 1', 'b 1', 'ab 2', 'c 3'], count: 4 } },
        { id: 'sub', kind: 'socket', socket: 'SUB', behavior: { type: 'subscribe', topics: ['a'] } },
      ],
      [{ id: 'e', pattern: 'pubsub', source: 'pub', target: 'sub', endpoint: address('tcp'), bind: 'source' }],
    ));
    await t.runUntilFinished();
    expect(t.logs('sub')).toEqual(['a 1', 'ab 2']);
    expect(t.lost().total).toBe(0); // b and c were not owed to this subscriber
  });

  //   radio (PUB) --tcp--> late (SUB), which connects 300 ms after the start
  it('slow joiner: messages published before the subscriber connects are lost, and the trace says so', async () => {
    t = new TestEngine();
    await t.start(topology(
      [
        { id: 'radio', kind: 'socket', socket: 'PUB', behavior: { type: 'publish', payload: 'news {i}', count: 40, intervalMs: 20 } },
        { id: 'late', kind: 'socket', socket: 'SUB', behavior: { type: 'subscribe', topics: [''] } },
      ],
      [{ id: 'e', pattern: 'pubsub', source: 'radio', target: 'late', endpoint: address('tcp'), bind: 'source', connectDelayMs: 300 }],
    ));
    await t.runUntilFinished();
    const got = t.logs('late');
    expect(got.length).toBeGreaterThan(5);
    expect(got.length).toBeLessThan(40);
    expect(got).not.toContain('news 0');
    // Once connected, nothing is lost in between: what arrived is one unbroken run to the end.
    const first = Number(got[0].split(' ')[1]);
    expect(got).toEqual(Array.from({ length: 40 - first }, (_, k) => `news ${first + k}`));
    const lost = t.lost();
    expect(lost.total).toBe(first);
    expect(lost.messages[0]).toMatchObject({ node: 'radio', owedTo: 'late', preview: 'news 0' });
    const connected = t.events.find((e) => e.type === 'monitor' && e.node === 'late' && e.kind === 'handshake-ok');
    expect(connected).toBeDefined();
  });
});

describe('errors become events naming the node', () => {
  it('REQ strict send/recv: a second send before the reply is EFSM', async () => {
    t = new TestEngine();
    await t.start(topology(
      [
        { id: 'client', kind: 'socket', socket: 'REQ', behavior: { type: 'manual' } },
        { id: 'server', kind: 'socket', socket: 'REP', behavior: { type: 'reply', delayMs: 2500 } },
      ],
      [{ id: 'e1', pattern: 'reqrep', source: 'client', target: 'server', endpoint: address('tcp'), bind: 'target' }],
    ));
    await t.engine.inject({ node: 'client', frames: ['first'] });
    await expect(t.engine.inject({ node: 'client', frames: ['second'] })).rejects.toThrow();
    const err = await t.waitFor('error', (e) => e.code === 'EFSM');
    expect(err.node).toBe('client');
    expect(err.hint).toMatch(/lock-step/);
    await t.waitFor('log', (e) => e.node === 'client' && e.line === 'Received first');
  });

  it('EADDRINUSE when two runs bind one port', async () => {
    t = new TestEngine();
    const other = new TestEngine();
    try {
      await other.start(reqRep(address('tcp'), 1000), { freePorts: true });
      const tables = await other.waitFor('monitor', (e) => e.kind === 'listening');
      const diagnostics = await t.start(reqRep(tables.endpoint, 1), {});
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ code: 'bind-failed', nodeId: 'server', edgeId: 'e1' });
      expect(diagnostics[0].message).toMatch(/EADDRINUSE/);
      expect((await t.engine.status()).state).toBe('failed');
      expect((await t.engine.status()).openSockets).toBe(0);
    } finally {
      await other.dispose();
    }
  });

  it('a bad endpoint is refused before any socket is made', async () => {
    t = new TestEngine();
    const diagnostics = await t.start(reqRep('tcp://127.0.0.1:notaport', 1), {});
    expect(diagnostics.some((d) => d.severity === 'error' && d.edgeId === 'e1' && d.field === 'edges[0].endpoint')).toBe(true);
    expect((await t.engine.status()).openSockets).toBe(0);
  });
});
