/**
 * The hooks of a test file whose engine talks to Python peers: pyzmq is required (every test
 * fails loudly without it); after each test every peer is stopped and gone, and the engine is
 * disposed with no socket left open. `engine()` makes the test's engine.
 */
import { afterEach, beforeAll, expect } from 'vitest';
import { TestEngine } from '../engine/testEngine';
import { isAlive, requirePyzmq, stopAllPeers } from './python';

export function pythonPeerTests(): { engine(): TestEngine } {
  let current: TestEngine | undefined;
  beforeAll(() => {
    requirePyzmq();
  });
  afterEach(async () => {
    const pids = await stopAllPeers();
    if (current) {
      await current.dispose();
      expect((await current.engine.status()).openSockets).toBe(0);
      current = undefined;
    }
    for (const pid of pids) expect(isAlive(pid), `python peer ${pid} is still running`).toBe(false);
  });
  return { engine: () => (current = new TestEngine()) };
}
