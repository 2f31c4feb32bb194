/**
 * Step mode: a paused run lets exactly the next held send through per step (teaching mode).
 *
 *   client (REQ) --+--> server1 (REP)      the seed's load-balanced request/reply
 *                  +--> server2 (REP)
 */
import { afterEach, expect, it } from 'vitest';
import { TestEngine } from './testEngine';

let t: TestEngine;
afterEach(() => t.dispose());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const outs = (t: TestEngine) => t.records.filter((r) => r.dir === 'out').map((r) => `${r.node}: ${r.preview}`);

it('releases exactly one hop per step, in the order the seed describes', async () => {
  t = new TestEngine();
  await t.startExample('load-balanced', { freePorts: true, startPaused: true });
  await t.waitFor('state', (e) => e.state === 'paused');
  await sleep(150);
  expect(outs(t)).toEqual([]); // nothing leaves before the first step

  const hops: string[] = [];
  for (let i = 0; i < 6; i++) {
    const reply = await t.engine.step();
    expect(reply.released).toHaveLength(1);
    hops.push(reply.released[0].node);
    await sleep(60); // the hop's records reach the trace in the next batch
    expect(outs(t)).toHaveLength(i + 1);
  }
  expect(hops).toEqual(['client', 'server1', 'client', 'server2', 'client', 'server1']);
  const world = (server: string) => expect.stringMatching(new RegExp(`^${server}: World from \\d+$`));
  expect(outs(t)).toEqual(['client: msg 0', world('server1'), 'client: msg 1', world('server2'), 'client: msg 2', world('server1')]);

  // Several at once, then the rest by resuming.
  expect((await t.engine.step({ count: 4 })).released.map((r) => r.node)).toEqual(['client', 'server2', 'client', 'server1']);
  await t.engine.resume();
  await t.runUntilFinished();
  expect(t.logs('server2')).toEqual(['Got msg 1', 'Got msg 3', 'Got msg 5', 'Got msg 7', 'Got msg 9']);
});

it('a step asked for more hops than the run makes waits for them, then returns what went out', async () => {
  t = new TestEngine();
  await t.startExample('hello-world', { freePorts: true, startPaused: true });
  await t.waitFor('state', (e) => e.state === 'paused');
  const all = await t.engine.step({ count: 1000 });
  expect(all.released.length).toBeGreaterThan(1);
  expect(all.waiting).toBe(0);
  await t.engine.resume();
  await t.runUntilFinished();
});

it('refuses to step a run that is not paused, and stop releases the gate', async () => {
  t = new TestEngine();
  await t.startExample('load-balanced', { freePorts: true, startPaused: true });
  await t.waitFor('state', (e) => e.state === 'paused');
  await t.engine.step();
  expect(await t.engine.stop()).toEqual({ closedSockets: 3 });
  await expect(t.engine.step()).rejects.toThrow(/nothing is running/);
  expect(t.errors()).toEqual([]);
});
