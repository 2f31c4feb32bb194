/**
 * A Python PUB outside the app (pyzmq), tapped by the app's SUB, seen live in the page's Trace
 * tab: the real renderer in Chromium against the browser-mode server (test/e2e/harness.ts).
 *
 *   python PUB (external, binds tcp://127.0.0.1:*) --> listener (SUB: netherlands, germany)
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from '../e2e/harness';
import { startHarness } from '../e2e/harness';
import { documentOf } from '../e2e/driver';
import { FOOTBALL_LINES } from '../../shared/examples';
import type { TopologyInput } from '../../shared/topology';
import { PythonPeer, isAlive, requirePyzmq, stopAllPeers } from './python';

interface PageGlobals {
  __zmqStudio: { store: { getState(): { stopRun(): Promise<void> } } };
}

let h: Harness;
let p: Page | undefined;
const slow = { timeout: 10_000 };

beforeAll(async () => {
  requirePyzmq(); // fails loudly when pyzmq is missing
  h = await startHarness();
}, 60_000);
afterEach(async () => {
  if (p) {
    await p
      .evaluate(() => (globalThis as unknown as PageGlobals).__zmqStudio.store.getState().stopRun())
      .catch(() => undefined);
    await p.context().close();
    p = undefined;
  }
  const pids = await stopAllPeers();
  for (const pid of pids) expect(isAlive(pid), `python peer ${pid} is still running`).toBe(false);
});
afterAll(async () => {
  await h?.close();
});

const held = (page: Page) => page.getByTestId('trace-count').getAttribute('data-held').then(Number);

describe('the page taps an outside program', () => {
  it("a Python PUB's messages show up live in the Trace tab, filtered by the app's SUB", async () => {
    const py = await PythonPeer.start('pub_server.py', ['tcp://127.0.0.1:*', '20', ...FOOTBALL_LINES]);
    const endpoint = py.first;
    expect(endpoint).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/);
    const doc: TopologyInput = {
      format: 'zmq-studio.topology/1',
      name: 'Tap a Python radio',
      nodes: [
        { id: 'pyradio', kind: 'external', socket: 'PUB', label: 'radio (Python)', position: { x: 80, y: 120 } },
        {
          id: 'listener',
          kind: 'socket',
          socket: 'SUB',
          behavior: { type: 'subscribe', topics: ['netherlands', 'germany'] },
          position: { x: 420, y: 120 },
        },
      ],
      edges: [{ id: 'broadcast', pattern: 'pubsub', source: 'pyradio', target: 'listener', endpoint, bind: 'source' }],
    };

    p = await h.newPage();
    await expect.poll(() => p!.getByTestId('connection').textContent(), slow).toContain('connected');
    await p
      .getByTestId('open-file')
      .setInputFiles({
        name: 'tap.zmqtopo.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(doc)),
      });
    await expect.poll(async () => (await documentOf(p!)).name).toBe('Tap a Python radio');
    await p.getByTestId('run').click();
    await expect.poll(() => p!.getByTestId('run-state').getAttribute('data-state'), slow).toBe('running');
    await p.getByTestId('tab-trace').click();

    // Live: the count keeps growing while Python publishes (every 20 ms, 10 of 20 lines wanted).
    await expect.poll(() => held(p!), slow).toBeGreaterThan(3);
    const first = await held(p);
    await expect.poll(() => held(p!), slow).toBeGreaterThan(first + 5);

    const rows = await p.locator('.zs-trace-row[data-seq]').all();
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      expect(await row.getAttribute('data-node')).toBe('listener');
      expect(await row.getAttribute('data-dir')).toBe('in');
      expect(await row.getAttribute('data-edge')).toBe('broadcast');
      expect(await row.locator('.zs-tc-preview').textContent()).toMatch(/^(netherlands|germany) /);
    }
    await p.getByTestId('stop').click();
    await expect.poll(() => p!.getByTestId('run-status').textContent(), slow).toBe('closed 1 socket · 0 open');
  });
});

describe('the page attaches a tap while the run goes on', () => {
  it('taps a running Python PUB from the node inspector, traces the tap, and detaches it', async () => {
    const py = await PythonPeer.start('pub_server.py', ['tcp://127.0.0.1:*', '20', ...FOOTBALL_LINES]);
    const doc: TopologyInput = {
      format: 'zmq-studio.topology/1',
      name: 'Tap a Python radio live',
      nodes: [
        { id: 'pyradio', kind: 'external', socket: 'PUB', label: 'radio (Python)', position: { x: 80, y: 120 } },
        { id: 'listener', kind: 'socket', socket: 'SUB', behavior: { type: 'subscribe', topics: ['germany'] }, position: { x: 420, y: 120 } },
      ],
      edges: [{ id: 'broadcast', pattern: 'pubsub', source: 'pyradio', target: 'listener', endpoint: py.first, bind: 'source' }],
    };
    p = await h.newPage();
    await expect.poll(() => p!.getByTestId('connection').textContent(), slow).toContain('connected');
    await p.getByTestId('open-file').setInputFiles({ name: 'tap.zmqtopo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await expect.poll(async () => (await documentOf(p!)).name).toBe('Tap a Python radio live');
    await p.getByTestId('run').click();
    await expect.poll(() => p!.getByTestId('run-state').getAttribute('data-state'), slow).toBe('running');

    await p.locator('.react-flow__node[data-id="pyradio"]').click();
    const tap = p.getByTestId('tap-form');
    await tap.getByLabel('tap topics').fill('netherlands');
    await tap.getByRole('button', { name: 'tap it' }).click();
    await expect.poll(() => p!.getByTestId('attached-badge-tap1').count(), slow).toBe(1);
    expect((await documentOf(p)).edges.find((e) => e.target === 'tap1')).toMatchObject({ source: 'pyradio', endpoint: py.first });

    await p.getByTestId('tab-trace').click();
    const tapRows = p.locator('.zs-trace-row[data-node="tap1"]');
    await expect.poll(() => tapRows.count(), slow).toBeGreaterThan(2);
    for (const row of await tapRows.all()) expect(await row.locator('.zs-tc-preview').textContent()).toMatch(/^netherlands /);
    await p.screenshot({ path: '/tmp/tap-live.png' });

    await p.locator('.react-flow__node[data-id="tap1"]').click();
    await p.getByTestId('node-life').getByRole('button', { name: 'detach' }).click();
    await expect.poll(async () => (await documentOf(p!)).nodes.map((n) => n.id), slow).toEqual(['pyradio', 'listener']);
    // The listener never noticed: it still receives.
    await p.getByTestId('stop').click();
    await expect.poll(() => p!.getByTestId('run-status').textContent(), slow).toBe('closed 1 socket · 0 open');
  });
});
