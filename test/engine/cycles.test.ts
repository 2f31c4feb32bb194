/** 100 start/stop cycles leave the process's open file descriptors where they were. */
import { readdirSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { TestEngine } from './testEngine';
import { reqRep, address } from './topologies';

let t: TestEngine;
afterEach(() => t.dispose());

const openFds = (): number => readdirSync('/proc/self/fd').length;

it('100 start/stop cycles on the same port leak no file descriptor and rebind every time', async () => {
  t = new TestEngine();
  // First cycle warms up libzmq's context (its I/O threads and their fds live for the process).
  await t.start(reqRep(address('tcp'), 1), { freePorts: true });
  const bound = await t.waitFor('monitor', (e) => e.kind === 'listening');
  await t.engine.stop();
  const fixed = reqRep(bound.endpoint, 1); // the same port every cycle: EADDRINUSE races are retried
  await t.start(fixed, {});
  await t.engine.stop();
  const before = openFds();
  for (let i = 0; i < 100; i++) {
    const diagnostics = await t.start(fixed, {});
    expect(diagnostics).toEqual([]);
    const { closedSockets } = await t.engine.stop();
    expect(closedSockets).toBe(2);
  }
  expect(openFds()).toBe(before);
}, 60_000);
