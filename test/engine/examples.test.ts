/**
 * Every built-in example on real sockets (tcp on free loopback ports), with the seed's outputs.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { TestEngine } from './testEngine';
import { FOOTBALL_LINES, findExample } from '../../shared/examples';
import type { TopologyInput } from '../../shared/topology';
import { address, removeIpcFiles } from './topologies';

type Transport = 'tcp' | 'ipc' | 'inproc';

/** The example with every distinct endpoint moved to a fresh address of the given transport. */
function over(transport: Transport, id: string): TopologyInput {
  const ex = findExample(id)!.topology;
  if (transport === 'tcp') return ex;
  const moved = new Map<string, string>();
  return {
    ...ex,
    edges: ex.edges.map((e) => {
      if (!moved.has(e.endpoint)) moved.set(e.endpoint, address(transport));
      return { ...e, endpoint: moved.get(e.endpoint)! };
    }),
  };
}

let t: TestEngine;
afterAll(removeIpcFiles);
afterEach(async () => {
  await t.dispose();
  expect((await t.engine.status()).openSockets).toBe(0);
});

describe.each(['tcp', 'ipc', 'inproc'] as const)('built-in examples over %s', (transport) => {
  //   client (REQ) --tcp:5000--> server 1 (REP)
  //                \--tcp:6000--> server 2 (REP)
  it('load-balanced: the seed split 0,2,4,6,8 / 1,3,5,7,9', async () => {
    t = new TestEngine();
    expect(await t.start(over(transport, 'load-balanced'))).toEqual([]);
    await t.runUntilFinished();
    expect(t.logs('client')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `Sending msg ${i}`));
    expect(t.logs('server1')).toEqual(['Got msg 0', 'Got msg 2', 'Got msg 4', 'Got msg 6', 'Got msg 8']);
    expect(t.logs('server2')).toEqual(['Got msg 1', 'Got msg 3', 'Got msg 5', 'Got msg 7', 'Got msg 9']);
    expect(t.edgeCount('to-server1')).toBe(10); // 5 requests + 5 replies
    expect(t.edgeCount('to-server2')).toBe(10);
    expect(t.errors()).toEqual([]);
  });

  it('hello-world: ten Hello, ten World', async () => {
    t = new TestEngine();
    await t.start(over(transport, 'hello-world'));
    await t.runUntilFinished();
    expect(t.logs('hwclient').filter((l) => l === 'Received World')).toHaveLength(10);
    expect(t.logs('hwserver')).toEqual(Array(10).fill('Got Hello'));
  });

  it('football: the listener hears only netherlands and germany', async () => {
    t = new TestEngine();
    await t.start(over(transport, 'football'));
    await t.runUntilFinished();
    const expected = FOOTBALL_LINES.filter((l) => l.startsWith('netherlands') || l.startsWith('germany'));
    expect(t.logs('listener')).toEqual(expected);
    expect(t.logs('radio')).toEqual(FOOTBALL_LINES.map((l) => `-> ${l}`));
    expect(t.lost().total).toBe(0);
  });

  it('football-forwarder: same lines through the forwarder, subscriptions traced upstream', async () => {
    t = new TestEngine();
    await t.start(over(transport, 'football-forwarder'));
    await t.runUntilFinished();
    const expected = FOOTBALL_LINES.filter((l) => l.startsWith('netherlands') || l.startsWith('germany'));
    expect(t.logs('listener')).toEqual(expected);
    const upstream = t.records.filter((r) => r.node === 'forwarder' && r.port === 'frontend' && r.dir === 'out');
    expect(upstream.map((r) => r.preview).sort()).toEqual(['0x016765726d616e79', '0x016e65746865726c616e6473']);
    expect(t.lost().total).toBe(0);
  });

  it('pipeline: 30 tasks, 10 per worker, the sink gets all 30', async () => {
    t = new TestEngine();
    await t.start(over(transport, 'pipeline'));
    await t.runUntilFinished();
    for (const w of ['worker1', 'worker2', 'worker3']) expect(t.logs(w).filter((l) => l.startsWith('Got'))).toHaveLength(10);
    expect(t.logs('sink')).toHaveLength(31);
    expect(t.logs('sink').at(-1)).toBe('Received 30 messages');
    expect(t.edgeCount('ventilator-worker1')).toBe(10);
  });

  it('pipeline-streamer: 30 tasks through the streamer, 10 per worker', async () => {
    t = new TestEngine();
    await t.start(over(transport, 'pipeline-streamer'));
    await t.runUntilFinished();
    for (const w of ['worker1', 'worker2', 'worker3']) expect(t.logs(w).filter((l) => l.startsWith('Got'))).toHaveLength(10);
    expect(t.logs('sink').at(-1)).toBe('Received 30 messages');
  });

  it('pair: ping and pong both ways', async () => {
    t = new TestEngine();
    await t.start(over(transport, 'pair'));
    await t.runUntilFinished();
    expect(t.logs('client')).toEqual([0, 1, 2, 3, 4].flatMap((i) => [`Sending ping ${i}`, `Got pong ${i}`]));
    expect(t.logs('server')).toEqual([0, 1, 2, 3, 4].flatMap((i) => [`Got ping ${i}`, `Sending pong ${i}`]));
  });

  it('broker: every request answered, routes followed through the queue by cause links', async () => {
    t = new TestEngine();
    await t.start(over(transport, 'broker'));
    await t.runUntilFinished();
    expect(t.logs('client1').filter((l) => l.startsWith('Received'))).toHaveLength(6);
    expect(t.logs('client2').filter((l) => l.startsWith('Received'))).toHaveLength(6);
    // Follow "client 1 msg 3": client1 -> queue frontend -> queue backend -> a server -> back.
    const sent = t.records.find((r) => r.node === 'client1' && r.dir === 'out' && r.preview === 'client 1 msg 3');
    expect(sent).toBeDefined();
    const hop = (cause: number, node: string, port: string, dir: 'in' | 'out') =>
      t.records.find((r) => r.cause === cause && r.node === node && r.port === port && r.dir === dir);
    const atFront = t.records.find((r) => r.msg === sent!.msg && r.node === 'queue' && r.dir === 'in');
    expect(atFront?.port).toBe('frontend');
    expect(atFront?.edge).toBe('c1-queue');
    const forwarded = hop(sent!.msg, 'queue', 'backend', 'out');
    expect(forwarded).toBeDefined();
    const atServer = t.records.find((r) => r.msg === forwarded!.msg && r.dir === 'in');
    expect(atServer?.node).toMatch(/^server[123]$/);
    const reply = t.records.find((r) => r.cause === forwarded!.msg && r.node === atServer!.node && r.dir === 'out');
    expect(reply?.preview).toBe(`client 1 msg 3 done by server ${atServer!.node.slice(-1)}`);
    const back = hop(reply!.msg, 'queue', 'frontend', 'out');
    const atClient = t.records.find((r) => r.msg === back!.msg && r.node === 'client1' && r.dir === 'in');
    expect(atClient?.edge).toBe('c1-queue');
  });
});

describe('the seed split is deterministic', () => {
  it('load-balanced gives 0,2,4,6,8 / 1,3,5,7,9 on 20 runs in a row', async () => {
    t = new TestEngine();
    for (let run = 0; run < 20; run++) {
      t.events.length = 0;
      await t.start(over('tcp', 'load-balanced'));
      await t.runUntilFinished();
      expect(t.logs('server1')).toEqual(['Got msg 0', 'Got msg 2', 'Got msg 4', 'Got msg 6', 'Got msg 8']);
      expect(t.logs('server2')).toEqual(['Got msg 1', 'Got msg 3', 'Got msg 5', 'Got msg 7', 'Got msg 9']);
    }
  }, 60_000);
});
