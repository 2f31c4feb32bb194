/** 100 start/stop cycles leave the process's open file descriptors where they were. */
import { readdirSync, readlinkSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { TestEngine } from './testEngine';
import { reqRep, address } from './topologies';

let t: TestEngine;
afterEach(() => t.dispose());

const fdTargets = (): string[] =>
  readdirSync('/proc/self/fd').map((fd) => {
    try {
      return `${fd} -> ${readlinkSync(`/proc/self/fd/${fd}`)}`;
    } catch {
      return `${fd} -> (gone)`;
    }
  });
const openFds = (): number => readdirSync('/proc/self/fd').length;

/**
 * libzmq's reaper thread releases a closed socket's mailbox (an eventfd) a moment after close()
 * returns: sample until the count holds still, so both measurements see a quiet process.
 */
async function settledFds(): Promise<string[]> {
  let last = -1;
  for (let stable = 0, i = 0; stable < 3 && i < 100; i++) {
    await new Promise((r) => setTimeout(r, 30));
    const n = openFds();
    stable = n === last ? stable + 1 : 0;
    last = n;
  }
  return fdTargets();
}

it('100 start/stop cycles on the same port leak no file descriptor and rebind every time', async () => {
  t = new TestEngine();
  // First cycle warms up libzmq's context (its I/O threads and their fds live for the process).
  await t.start(reqRep(address('tcp'), 1), { freePorts: true });
  const bound = await t.waitFor('monitor', (e) => e.kind === 'listening');
  await t.engine.stop();
  const fixed = reqRep(bound.endpoint, 1); // the same port every cycle: EADDRINUSE races are retried
  await t.start(fixed, {});
  await t.engine.stop();
  const before = await settledFds();
  for (let i = 0; i < 100; i++) {
    const diagnostics = await t.start(fixed, {});
    expect(diagnostics).toEqual([]);
    const { closedSockets } = await t.engine.stop();
    expect(closedSockets).toBe(2);
  }
  const after = await settledFds();
  expect(after.filter((fd) => !before.includes(fd))).toEqual([]);
  expect(after.length).toBe(before.length);
}, 60_000);
