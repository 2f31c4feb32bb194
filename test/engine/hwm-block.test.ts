/**
 * Blocked sends are measured and told (issue 6: "PUSH blocks: high water mark reached"), socket
 * gauges (in flight, time blocked) and per-edge drop counts, on real sockets.
 *
 *   producer (PUSH, sndhwm 5) --tasks--> slow worker (PULL in, 10 ms each) --done--> sink   inproc
 *   producer (PUSH) --e1--> consumer (PULL)                                                 tcp
 */
import { afterEach, expect, it } from 'vitest';
import type { EngineEvent, SocketGauge } from '../../shared/ipc';
import { amendBlocked, BLOCKED_SEND_MS } from '../../shared/trace';
import type { BlockedSend } from '../../shared/trace';
import { TestEngine } from './testEngine';
import { address, topology } from './topologies';

let t: TestEngine;
afterEach(() => t.dispose());

const TASKS = 60;

function slowPipeline(endpoint: string) {
  return topology(
    [
      { id: 'producer', kind: 'socket', socket: 'PUSH', options: { sendHighWaterMark: 5 }, behavior: { type: 'produce', count: TASKS, payload: 'task {i}' } },
      { id: 'worker', kind: 'worker', input: 'PULL', output: 'PUSH', inputOptions: { receiveHighWaterMark: 5 }, behavior: { type: 'work', delayMs: 10, transform: 'none', payload: '{msg}' } },
      { id: 'sink', kind: 'socket', socket: 'PULL', behavior: { type: 'consume' } },
    ],
    [
      { id: 'tasks', pattern: 'pipeline', source: 'producer', target: 'worker', targetPort: 'in', endpoint, bind: 'source' },
      { id: 'done', pattern: 'pipeline', source: 'worker', sourcePort: 'out', target: 'sink', endpoint: address('inproc'), bind: 'target' },
    ],
  );
}

function pipeline(count: number, edge: { connectDelayMs?: number } = {}) {
  return topology(
    [
      { id: 'producer', kind: 'socket', socket: 'PUSH', behavior: { type: 'produce', count, payload: 'task {i}' } },
      { id: 'consumer', kind: 'socket', socket: 'PULL', behavior: { type: 'consume' } },
    ],
    [{ id: 'e1', pattern: 'pipeline', source: 'producer', target: 'consumer', endpoint: address('tcp'), bind: 'source', ...edge }],
  );
}

/** Every blocked amendment of the run (they may come a batch after their record). */
function blockedOf(events: readonly EngineEvent[]): BlockedSend[] {
  return events.flatMap((e) => (e.type === 'trace' ? (e.batch.blocked ?? []) : []));
}

function producerGauges(events: readonly EngineEvent[]): SocketGauge[] {
  return events.flatMap((e) => (e.type === 'stats' ? (e.nodes.find((n) => n.node === 'producer')?.sockets ?? []) : []));
}

it('a PUSH at sndhwm 5 flooding a slow worker blocks: records amended, gauges, one log line per spell', async () => {
  t = new TestEngine();
  await t.start(slowPipeline(address('inproc')));
  await t.runUntilFinished(15_000);
  amendBlocked(t.records, blockedOf(t.events));
  const sends = t.records.filter((r) => r.node === 'producer' && r.dir === 'out');
  expect(sends).toHaveLength(TASKS);
  const blocked = sends.filter((r) => r.blockedMs !== undefined);
  expect(blocked.length).toBeGreaterThan(0);
  for (const r of blocked) {
    expect(r.blockedMs).toBeGreaterThanOrEqual(BLOCKED_SEND_MS);
    expect(r.blockedBy).toBe('high-water-mark');
  }
  // The worker never blocks: its sink takes everything at once.
  expect(t.records.filter((r) => r.node === 'worker' && r.blockedMs !== undefined)).toEqual([]);

  const gauges = producerGauges(t.events);
  expect(gauges.some((g) => g.inFlight > 0 && g.blockedMs > 0)).toBe(true);
  expect(gauges.every((g) => g.sndhwm === 5 && g.port === '')).toBe(true);
  const last = t.lastStats().nodes.find((n) => n.node === 'producer')?.sockets?.[0];
  expect(last?.inFlight).toBe(0);
  const total = blocked.reduce((sum, r) => sum + (r.blockedMs ?? 0), 0);
  expect(last?.blockedTotalMs).toBeGreaterThanOrEqual(Math.floor(total) - blocked.length);
  // Nothing of the worker's output is left in flight either, and the PULL-only sink has no gauge.
  expect(t.lastStats().nodes.find((n) => n.node === 'worker')?.sockets).toEqual([{ port: 'out', inFlight: 0, blockedMs: 0, blockedTotalMs: 0, sndhwm: 1000 }]);
  expect(t.lastStats().nodes.find((n) => n.node === 'sink')?.sockets).toEqual([]);

  // The whole flood is one blocking spell (sends block every few ms): one line, not one per send.
  const lines = t.logs('producer').filter((l) => l.startsWith('blocked:'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^blocked: PUSH blocks: high water mark reached — "task \d+" waited \d+ ms for room \(sndhwm 5\); the node's gauge counts the rest of this spell$/);
});

it('a fast PUSH -> PULL run within the marks has no blocked send and nothing left in flight', async () => {
  t = new TestEngine();
  await t.start(pipeline(500));
  await t.runUntilFinished();
  expect(t.records.filter((r) => r.dir === 'in')).toHaveLength(500);
  expect(blockedOf(t.events)).toEqual([]);
  expect(t.logs('producer').filter((l) => l.startsWith('blocked:'))).toEqual([]);
  expect(t.lastStats().nodes.find((n) => n.node === 'producer')?.sockets).toEqual([{ port: '', inFlight: 0, blockedMs: 0, blockedTotalMs: 0, sndhwm: 1000 }]);
});

it('a PUSH whose only peer connects late blocks for want of a peer, and says so', async () => {
  t = new TestEngine();
  await t.start(pipeline(3, { connectDelayMs: 300 }));
  await t.runUntilFinished();
  const blocked = blockedOf(t.events);
  expect(blocked).toHaveLength(1);
  expect(blocked[0]).toMatchObject({ by: 'no-peer' });
  expect(blocked[0].ms).toBeGreaterThan(150);
  const first = t.records.find((r) => r.node === 'producer' && r.dir === 'out');
  expect(blocked[0].seq).toBe(first?.seq);
  expect(t.logs('producer').filter((l) => l.startsWith('blocked:'))).toEqual([
    expect.stringMatching(/^blocked: PUSH blocks: no peer connected yet — "task 0" waited \d+ ms for one; /),
  ]);
  expect(t.logs('consumer')).toEqual(['task 0', 'task 1', 'task 2']);
});

it('edge stats count the drops of a drop-every-3 fault, as many as the drop lines', async () => {
  t = new TestEngine();
  await t.start(pipeline(9), { freePorts: true, startPaused: true });
  await t.waitFor('state', (e) => e.state === 'paused');
  await t.engine.fault({ edge: 'e1', fault: { dropEvery: 3 } });
  await t.engine.resume();
  await t.runUntilFinished();
  const drops = t.logs('consumer').filter((l) => l.startsWith('dropped'));
  expect(drops).toHaveLength(3);
  expect(t.lastStats().edges).toEqual([{ edge: 'e1', messages: 9, bytes: expect.any(Number), rate: expect.any(Number), dropped: drops.length }]);
});
