// A PUSH held at its high-water mark, live in Chromium: the node's gauge, and the Hops tab saying why it waited.
import { expect, it } from 'vitest';
import { e2eSession, slow } from './session';

interface PageGlobals {
  __zmqStudio: { store: { getState(): { loadTopology(doc: unknown): unknown; setTheme(theme: 'light' | 'dark'): void } } };
}

const session = e2eSession();

/** A ventilator (sndhwm 5) feeding a worker that takes 200 ms per task: it blocks for as long as the run goes. */
const held = {
  format: 'zmq-studio.topology/1',
  name: 'held at the mark',
  nodes: [
    { id: 'ventilator', kind: 'socket', socket: 'PUSH', options: { sendHighWaterMark: 5 }, behavior: { type: 'produce', count: 1000, payload: 'task {i}' }, position: { x: 60, y: 120 } },
    { id: 'worker', kind: 'worker', input: 'PULL', output: 'PUSH', inputOptions: { receiveHighWaterMark: 5 }, behavior: { type: 'work', delayMs: 200, transform: 'none', payload: '{msg}' }, position: { x: 420, y: 120 } },
    { id: 'sink', kind: 'socket', socket: 'PULL', behavior: { type: 'consume' }, position: { x: 760, y: 120 } },
  ],
  edges: [
    { id: 'tasks', pattern: 'pipeline', source: 'ventilator', target: 'worker', targetPort: 'in', endpoint: 'inproc://e2e-held-tasks', bind: 'source' },
    { id: 'results', pattern: 'pipeline', source: 'worker', sourcePort: 'out', target: 'sink', endpoint: 'inproc://e2e-held-results', bind: 'target' },
  ],
};

it('a blocked PUSH shows its gauge under the card and its hops say it waited at the high water mark', async () => {
  const p = await session.page();
  await p.evaluate((doc) => (globalThis as unknown as PageGlobals).__zmqStudio.store.getState().loadTopology(doc), held);
  await p.getByLabel('free ports').check();
  await p.getByTestId('run').click();

  const gauge = p.locator('[data-testid="node-gauge"][data-node="ventilator"]');
  await expect.poll(() => gauge.getAttribute('data-blocked-ms'), slow).toMatch(/^[1-9]\d*$/);
  expect(await gauge.textContent()).toMatch(/^in flight \d+ \(sndhwm 5\) · blocked \d+ ms$/);
  expect(Number(await gauge.getAttribute('data-in-flight'))).toBeGreaterThan(0);
  // The worker's own PUSH never waits: no gauge beyond what is in flight to the sink.
  expect(await p.locator('[data-testid="node-gauge"][data-node="worker"].zs-gauge-blocked').count()).toBe(0);

  await p.getByTestId('tab-hops').click();
  const why = p.getByTestId('hops').locator('.zs-hop-why', { hasText: 'PUSH blocks: high water mark reached' });
  await expect.poll(() => why.count(), slow).toBeGreaterThan(0);
  expect(await why.first().textContent()).toMatch(/^PUSH blocks: high water mark reached — this send waited (\d+ ms|\d\.\d s) for room \(sndhwm 5\); then PUSH /);

  if (process.env.ZS_SHOTS) {
    // For a person to look at (not part of the assertions): the gauge close up, the blocked hop selected.
    await why.first().click();
    const box = await p.locator('.react-flow__node[data-id="ventilator"]').boundingBox();
    if (box) await p.mouse.move(box.x + box.width / 2, box.y + box.height);
    for (let i = 0; i < 2; i++) await p.mouse.wheel(0, -200);
    await p.waitForTimeout(400);
    await p.screenshot({ path: '/tmp/hwm/blocked-light.png' });
    await p.evaluate(() => (globalThis as unknown as PageGlobals).__zmqStudio.store.getState().setTheme('dark'));
    await p.waitForTimeout(300);
    await p.screenshot({ path: '/tmp/hwm/blocked-dark.png' });
  }
}, 60_000);
