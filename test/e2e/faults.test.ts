// Fault injection in real Chromium: drop every 2nd message on an edge from the edge inspector.
import { expect, it } from 'vitest';
import { e2eSession, slow } from './session';

interface PageGlobals {
  __zmqStudio: { store: { getState(): { loadTopology(doc: unknown): unknown; setTheme(theme: 'light' | 'dark'): void } } };
}

interface LogGlobals {
  __zmqStudio: { store: { getState(): { logs: { node: string; line: string }[] } } };
}

const session = e2eSession();

/** producer (PUSH) -> consumer (PULL), one message every 40 ms: slow enough to act on mid-run. */
const slowPipeline = {
  format: 'zmq-studio.topology/1',
  name: 'slow pipeline',
  nodes: [
    { id: 'producer', kind: 'socket', socket: 'PUSH', behavior: { type: 'produce', count: 2000, payload: 'task {i}', intervalMs: 40 }, position: { x: 60, y: 160 } },
    { id: 'consumer', kind: 'socket', socket: 'PULL', behavior: { type: 'consume' }, position: { x: 520, y: 160 } },
  ],
  edges: [{ id: 'e1', pattern: 'pipeline', source: 'producer', target: 'consumer', endpoint: 'tcp://127.0.0.1:5590', bind: 'target' }],
};

it('drops every 2nd message on an edge: the badge is on the edge and the drops are in the logs', async () => {
  const p = await session.page();
  await p.evaluate((doc) => (globalThis as unknown as PageGlobals).__zmqStudio.store.getState().loadTopology(doc), slowPipeline);
  await p.getByLabel('free ports').check();
  await p.getByTestId('run').click();
  await expect.poll(() => p.getByTestId('run-state').getAttribute('data-state'), slow).toBe('running');

  await p.locator('.zs-edge-label[data-edge="e1"]').click();
  const faults = p.getByTestId('edge-faults');
  await faults.getByLabel('drop every').fill('2');
  await faults.getByRole('button', { name: 'drop', exact: true }).click();
  await expect.poll(() => p.getByTestId('fault-badge-e1').textContent(), slow).toBe('✂ 1/2');

  await p.getByTestId('tab-logs').click();
  const drops = p.getByTestId('log-line').filter({ hasText: 'by the fault on edge e1 (every 2nd' });
  await expect.poll(() => drops.count(), slow).toBeGreaterThanOrEqual(2);
  // In the Trace, the receives the fault dropped carry a mark that says so.
  await p.getByTestId('tab-trace').click();
  const marked = p.locator('.zs-trace-row .zs-tc-mark[data-mark="dropped"]');
  await expect.poll(() => marked.count(), slow).toBeGreaterThanOrEqual(1);
  expect(await marked.first().getAttribute('title')).toMatch(/^the fault on edge e1 dropped it.*its reader never got it$/);
  await p.getByTestId('tab-logs').click();
  await p.screenshot({ path: '/tmp/faults-light.png' });
  await p.evaluate(() => (globalThis as unknown as PageGlobals).__zmqStudio.store.getState().setTheme('dark'));
  await p.screenshot({ path: '/tmp/faults-dark.png' });

  // Clearing takes the badge off the edge.
  await faults.getByRole('button', { name: 'clear faults' }).click();
  await expect.poll(() => p.getByTestId('fault-badge-e1').count(), slow).toBe(0);
}, 60_000);

it('kills a node and it comes back by itself: the badge shows on the node, the logs say what happened', async () => {
  const p = await session.page();
  await p.evaluate((doc) => (globalThis as unknown as PageGlobals).__zmqStudio.store.getState().loadTopology(doc), slowPipeline);
  await p.getByLabel('free ports').check();
  await p.getByTestId('run').click();
  await expect.poll(() => p.getByTestId('run-state').getAttribute('data-state'), slow).toBe('running');

  await p.locator('.react-flow__node[data-id="consumer"]').click();
  const life = p.getByTestId('node-life');
  await life.getByLabel('restart after ms').fill('1500');
  await life.getByRole('button', { name: 'kill & restart' }).click();
  await expect.poll(() => p.getByTestId('killed-badge-consumer').textContent(), slow).toBe('✖ killed · back in 1500 ms');
  await expect.poll(() => life.textContent(), slow).toContain('killed: back in 1500 ms');
  await p.screenshot({ path: '/tmp/kill-light.png' });
  await expect.poll(() => p.getByTestId('killed-badge-consumer').count(), { timeout: 10_000 }).toBe(0);

  // The log (a long one: read from the store, the panel shows only the rows in view).
  const lines = () => p.evaluate(() => (globalThis as unknown as LogGlobals).__zmqStudio.store.getState().logs.map((l) => `${l.node}: ${l.line}`));
  await expect.poll(async () => (await lines()).filter((l) => l.startsWith('consumer: killed: closed 1 socket')).length, slow).toBe(1);
  await expect.poll(async () => (await lines()).filter((l) => l.startsWith('consumer: restarted: 1 socket bound and connected again')).length, slow).toBe(1);
  // Its peer saw it go.
  expect((await lines()).some((l) => l.startsWith('producer: disconnected'))).toBe(true);
}, 60_000);
