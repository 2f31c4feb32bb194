/**
 * Pause and resume: sends wait at a gate, receives go on, a stop releases everything.
 *
 *   producer (PUSH, a task every 20 ms) --tcp--> sink (PULL)
 */
import { afterEach, expect, it } from 'vitest';
import { TestEngine } from './testEngine';
import { address, topology } from './topologies';

let t: TestEngine;
afterEach(() => t.dispose());

const slowPipeline = () =>
  topology(
    [
      { id: 'producer', kind: 'socket', socket: 'PUSH', behavior: { type: 'produce', count: 40, intervalMs: 20 } },
      { id: 'sink', kind: 'socket', socket: 'PULL', behavior: { type: 'consume', count: 40 } },
    ],
    [{ id: 'e', pattern: 'pipeline', source: 'producer', target: 'sink', endpoint: address('tcp'), bind: 'target' }],
  );

const sends = (t: TestEngine): number => t.logs('producer').filter((l) => l.startsWith('Sending')).length;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('holds every send while paused and goes on where it stopped after resume', async () => {
  t = new TestEngine();
  await t.start(slowPipeline());
  await t.waitFor('log', (e) => e.node === 'sink' && e.line === 'task 3');
  expect(await t.engine.pause()).toEqual({ state: 'paused' });
  await t.waitFor('state', (e) => e.state === 'paused');
  await sleep(100); // let the send that was already on its way arrive
  const heldAt = t.logs('sink').length;
  await sleep(300); // 15 sends' worth of time
  expect(t.logs('sink')).toHaveLength(heldAt);
  expect(sends(t)).toBeLessThanOrEqual(heldAt + 1); // at most one send waits at the gate
  expect((await t.engine.status()).state).toBe('paused');

  expect(await t.engine.resume()).toEqual({ state: 'running' });
  await t.runUntilFinished();
  expect(t.logs('sink').at(-1)).toBe('Received 40 messages');
  expect(t.logs('sink').slice(0, 40)).toEqual(Array.from({ length: 40 }, (_, i) => `task ${i}`));
});

it('a message injected by hand goes through while paused', async () => {
  t = new TestEngine();
  await t.start(slowPipeline());
  await t.engine.pause();
  await t.engine.inject({ node: 'producer', frames: ['by hand'] });
  await t.waitFor('log', (e) => e.node === 'sink' && e.line === 'by hand');
});

it('stop while paused releases the gate and closes every socket', async () => {
  t = new TestEngine();
  await t.start(slowPipeline());
  await t.waitFor('log', (e) => e.node === 'sink' && e.line === 'task 1');
  await t.engine.pause();
  await sleep(100); // what was sent before the pause arrives
  expect(await t.engine.stop()).toEqual({ closedSockets: 2 });
  expect((await t.engine.status()).openSockets).toBe(0);
  expect(t.errors()).toEqual([]);
  // The send held at the gate never happened: it is neither traced nor counted.
  const out = t.records.filter((r) => r.node === 'producer' && r.dir === 'out');
  const got = t.records.filter((r) => r.node === 'sink' && r.dir === 'in');
  expect(out.map((r) => r.msg)).toEqual(got.map((r) => r.msg));
});

it('pause and resume are refused when there is nothing to pause or resume', async () => {
  t = new TestEngine();
  await expect(t.engine.pause()).rejects.toThrow('nothing is running');
  await t.start(slowPipeline());
  await expect(t.engine.resume()).rejects.toThrow('only a paused run can be resumed (state: running)');
});
