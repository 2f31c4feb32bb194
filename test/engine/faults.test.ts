/**
 * Fault injection on edges: drop every Nth message, delay each one, suspend the edge.
 *
 *   producer (PUSH) --e1--> consumer (PULL)     tcp on a free port
 */
import { afterEach, expect, it } from 'vitest';
import { TestEngine } from './testEngine';
import { pacedPipeline } from './topologies';

let t: TestEngine;
afterEach(() => t.dispose());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const pipeline = pacedPipeline;

/** Starts paused so the fault is in place before the first message, then lets it run. */
async function startWith(count: number, intervalMs: number, fault: Parameters<TestEngine['engine']['fault']>[0]['fault']): Promise<void> {
  await t.start(pipeline(count, intervalMs), { freePorts: true, startPaused: true });
  await t.waitFor('state', (e) => e.state === 'paused');
  expect(await t.engine.fault({ edge: 'e1', fault })).toEqual({ edge: 'e1', fault });
  await t.engine.resume();
}

const taskLines = (t: TestEngine) => t.logs('consumer').filter((l) => l.startsWith('task'));

it('drops exactly every 3rd message on the edge and names each drop in the receiver\'s log', async () => {
  t = new TestEngine();
  await startWith(9, 0, { dropEvery: 3 });
  // The 9th message (task 8) is the third one dropped.
  await t.waitFor('log', (e) => e.node === 'consumer' && e.line.endsWith('3 dropped)'));
  await sleep(100);
  expect(taskLines(t)).toEqual(['task 0', 'task 1', 'task 3', 'task 4', 'task 6', 'task 7']);
  const drops = t.logs('consumer').filter((l) => l.startsWith('dropped'));
  expect(drops).toHaveLength(3);
  expect(drops[0]).toMatch(/^dropped msg \d+ by the fault on edge e1 \(every 3rd; 1 dropped\)$/);
  expect(drops[2]).toMatch(/3 dropped\)$/);
  // Every message still shows in the trace as received: the socket got it, its reader did not; the dropped ones say so.
  const received = t.records.filter((r) => r.dir === 'in' && r.edge === 'e1');
  expect(received).toHaveLength(9);
  expect(received.filter((r) => r.faulted === 'dropped').map((r) => r.preview)).toEqual(['task 2', 'task 5', 'task 8']);
  expect(t.events.some((e) => e.type === 'fault' && e.edge === 'e1')).toBe(true);
});

it('delays every message on the edge by at least delayMs', async () => {
  t = new TestEngine();
  await startWith(3, 0, { delayMs: 200 });
  const started = performance.now();
  await t.waitFor('log', (e) => e.node === 'consumer' && e.line === 'task 2');
  // Held one after another: three messages take at least three delays.
  expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 200 - 20);
  expect(taskLines(t)).toEqual(['task 0', 'task 1', 'task 2']);
  // The trace tells how long the fault held each one (told once it let go: wait for that batch).
  await sleep(80);
  const held = t.records.filter((r) => r.dir === 'in').map((r) => r.faulted === 'held' && (r.heldMs ?? 0) >= 190);
  expect(held).toEqual([true, true, true]);
});

it('holds everything while suspended and delivers it all, in order, once cleared', async () => {
  t = new TestEngine();
  await startWith(5, 0, { suspended: true });
  await sleep(300);
  expect(taskLines(t)).toEqual([]);
  await t.engine.fault({ edge: 'e1', fault: null });
  await t.waitFor('log', (e) => e.node === 'consumer' && e.line === 'task 4');
  expect(taskLines(t)).toEqual(['task 0', 'task 1', 'task 2', 'task 3', 'task 4']);
  expect(t.events.filter((e) => e.type === 'fault').map((e) => (e.type === 'fault' ? e.fault : undefined))).toEqual([{ suspended: true }, null]);
});

it('refuses a fault on an edge the run does not have, and a fault with nothing running', async () => {
  t = new TestEngine();
  await expect(t.engine.fault({ edge: 'e1', fault: { dropEvery: 2 } })).rejects.toThrow(/nothing is running/);
  await t.start(pipeline(3, 0), { freePorts: true, startPaused: true });
  await t.waitFor('state', (e) => e.state === 'paused');
  await expect(t.engine.fault({ edge: 'nope', fault: { dropEvery: 2 } })).rejects.toThrow(/no edge "nope" in this run/);
});

it('a stop releases a receive held by a suspended edge', async () => {
  t = new TestEngine();
  await startWith(2, 0, { suspended: true });
  await sleep(150);
  const stopped = performance.now();
  await t.engine.stop();
  expect(performance.now() - stopped).toBeLessThan(2000);
  expect(taskLines(t)).toEqual([]);
});
