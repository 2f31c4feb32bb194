// Live flow on the canvas, in real Chromium against the browser-mode server: edge counters per
// direction, node counts and socket badges, dots and bands drawn on the overlay while messages
// travel, nothing of it before a run, greyed after, and no motion for prefers-reduced-motion.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import type { Harness } from './harness';
import { startHarness } from './harness';
import { openExample } from './driver';
import { findExample } from '../../shared/examples';
import type { TopologyInput } from '../../shared/topology';

interface PageGlobals {
  __zmqStudio: { store: { getState(): { stopRun(): Promise<void>; loadTopology(doc: unknown): unknown; finished: boolean } } };
}

let h: Harness;
const pages: Page[] = [];

beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterEach(async () => {
  // Every run stopped, every page closed, whatever the test did.
  for (const p of pages.splice(0)) {
    await p.evaluate(() => (globalThis as unknown as PageGlobals).__zmqStudio.store.getState().stopRun()).catch(() => undefined);
    await p.context().close();
  }
});
afterAll(async () => {
  await h?.close();
});

async function page(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const p = await context.newPage();
  pages.push(p);
  p.setDefaultTimeout(8000);
  p.on('dialog', (d) => void d.accept());
  await p.goto(h.url);
  await p.locator('.react-flow__renderer').waitFor();
  await expect.poll(() => p.getByTestId('connection').textContent(), { timeout: 10_000 }).toContain('connected');
  await p.getByLabel('free ports').check();
  return p;
}

const runState = (p: Page) => p.getByTestId('run-state').getAttribute('data-state');
const finished = (p: Page) => p.evaluate(() => (globalThis as unknown as PageGlobals).__zmqStudio.store.getState().finished);

async function run(p: Page): Promise<void> {
  await p.getByTestId('run').click();
  await expect.poll(() => runState(p)).toBe('running');
}

async function stop(p: Page): Promise<void> {
  await p.getByTestId('stop').click();
  await expect.poll(() => runState(p)).toBe('stopped');
}

async function load(p: Page, doc: TopologyInput): Promise<void> {
  await p.evaluate((d) => (globalThis as unknown as PageGlobals).__zmqStudio.store.getState().loadTopology(d), doc);
  await expect.poll(() => p.locator('.react-flow__node').count()).toBe(doc.nodes.length);
}

/** hello-world slowed down: `count` requests, one every `intervalMs`. */
function slowHello(count: number, intervalMs: number): TopologyInput {
  const doc = structuredClone(findExample('hello-world')!.topology);
  doc.nodes = doc.nodes.map((n) => (n.kind === 'socket' && n.behavior?.type === 'request' ? { ...n, behavior: { ...n.behavior, count, intervalMs } } : n));
  return doc;
}

/** One PUSH flooding one PULL. */
const FLOOD: TopologyInput = {
  format: 'zmq-studio.topology/1',
  name: 'flood',
  nodes: [
    { id: 'push', kind: 'socket', socket: 'PUSH', behavior: { type: 'produce', count: 500_000, payload: 'm{i}' }, position: { x: 80, y: 120 } },
    { id: 'pull', kind: 'socket', socket: 'PULL', behavior: { type: 'consume' }, position: { x: 480, y: 120 } },
  ],
  edges: [{ id: 'flood', pattern: 'pipeline', source: 'push', target: 'pull', endpoint: 'tcp://127.0.0.1:5590', bind: 'target' }],
};

/** The few canvas members read in the page (the test project has no DOM types). */
interface OverlayCanvas {
  width: number;
  height: number;
  dataset: Record<string, string | undefined>;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}

/** The overlay's state: what it says it draws, and how many of its pixels are painted. */
function overlay(p: Page): Promise<{ dots: number; bands: number; painted: number }> {
  return p.getByTestId('flow-overlay').evaluate((el) => {
    const c = el as unknown as OverlayCanvas;
    const data = c.width > 0 && c.height > 0 ? c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data : undefined;
    let painted = 0;
    if (data) for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
    return { dots: Number(c.dataset.dots ?? 0), bands: Number(c.dataset.bands ?? 0), painted };
  });
}

// A page script as a string: the test project has no DOM types, and the page none of the bundler's helpers.
const COUNT_FRAMES = `new Promise((resolve) => {
  let frames = 0;
  const t0 = performance.now();
  const tick = () => { frames++; if (performance.now() - t0 < 2000) requestAnimationFrame(tick); else resolve((frames * 1000) / (performance.now() - t0)); };
  requestAnimationFrame(tick);
})`;

const attr = (p: Page, selector: string, name: string) => p.locator(selector).getAttribute(name);

describe('live flow on the canvas', () => {
  it('shows no counters, badges or motion before the first run', async () => {
    const p = await page();
    await openExample(p, 'load-balanced');
    expect(await p.locator('.zs-edge-label').count()).toBe(2);
    expect(await p.getByTestId('edge-live').count()).toBe(0);
    expect(await p.getByTestId('node-live').count()).toBe(0);
    expect(await overlay(p)).toMatchObject({ dots: 0, bands: 0, painted: 0 });
  });

  it('load-balanced: 5 requests and 5 replies on each edge, node counts and socket badges, greyed after Stop', async () => {
    const p = await page();
    await openExample(p, 'load-balanced');
    await run(p);
    await expect.poll(() => finished(p)).toBe(true);
    for (const edge of ['to-server1', 'to-server2']) {
      const live = `.zs-edge-label[data-edge="${edge}"] [data-testid="edge-live"]`;
      await expect.poll(() => p.locator(live).textContent()).toBe('→ 5 · ← 5');
      expect(await attr(p, live, 'title')).toContain('5 delivered client →');
    }
    const counts = (node: string) => p.locator(`[data-testid="node-counts"][data-node="${node}"]`);
    await expect.poll(() => counts('client').textContent()).toBe('sent 10 · recv 10');
    await expect.poll(() => counts('server1').getAttribute('data-received')).toBe('5');
    expect(await counts('server2').textContent()).toBe('sent 5 · recv 5');
    // Each socket's latest monitor event: the servers bound and listened, then everyone handshook.
    for (const node of ['client', 'server1', 'server2']) {
      const badge = p.locator(`[data-testid="socket-badge"][data-node="${node}"]`);
      expect(['listening', 'connected']).toContain(await badge.textContent());
      expect(await badge.getAttribute('title')).toMatch(/^(listening|accepted|connected|handshake-ok) tcp:\/\/127\.0\.0\.1:\d+ at [\d.]+ ms$/);
    }
    expect(await p.locator('.zs-live-ended').count()).toBe(0);

    await stop(p);
    // The last figures stay, greyed, until the next run.
    await expect.poll(() => p.locator('[data-testid="node-live"].zs-live-ended').count()).toBe(3);
    expect(await p.locator('[data-testid="edge-live"].zs-live-ended').allTextContents()).toEqual(['→ 5 · ← 5', '→ 5 · ← 5']);
    expect(await counts('client').textContent()).toBe('sent 10 · recv 10');
  });

  it('draws a dot per message while they travel, and stops drawing when they stop', async () => {
    const p = await page();
    await load(p, slowHello(30, 40));
    await run(p);
    // Sampled while the run sends: dots on the overlay, really painted.
    await expect.poll(async () => (await overlay(p)).dots, { timeout: 5000, interval: 50 }).toBeGreaterThan(0);
    const during = await overlay(p);
    expect(during.bands).toBe(0);
    expect(during.painted).toBeGreaterThan(50);
    // The overlay lets the pointer through: the edge under it still takes a click.
    await p.locator('.zs-edge-label[data-edge="hello"]').click();
    await expect.poll(() => p.locator('.zs-edge-label[data-edge="hello"]').getAttribute('class')).toContain('selected');
    await expect.poll(() => finished(p), { timeout: 10_000 }).toBe(true);
    // Once the last reply has crossed, the overlay is empty again (its loop has stopped).
    await expect.poll(() => overlay(p), { timeout: 3000 }).toEqual({ dots: 0, bands: 0, painted: 0 });
    // The rate goes once a stats period (250 ms) passed without traffic; the counts stay.
    await expect.poll(() => p.locator('.zs-edge-label[data-edge="hello"] [data-testid="edge-live"]').textContent(), { timeout: 3000 }).toBe('→ 30 · ← 30');
  });

  it('draws a flood as a band with its rate, and measures the frame rate meanwhile', async () => {
    const p = await page();
    await load(p, FLOOD);
    await run(p);
    await expect.poll(async () => (await overlay(p)).bands, { timeout: 5000, interval: 50 }).toBe(1);
    expect((await overlay(p)).dots).toBe(0);
    await expect.poll(() => p.locator('[data-testid="edge-live"]').textContent()).toMatch(/msgs · [\d.,]+k?\/s$/);
    const fps = (await p.evaluate(COUNT_FRAMES)) as number;
    const rate = await p.locator('[data-testid="edge-live"]').textContent();
    // Measured, not asserted: the flood and the page share this machine's cores.
    console.log(`[live] flood ${rate}: page at ${fps.toFixed(1)} fps with the band drawn`);
    // The page drains what the flood queued before it hears "stopped": slow when the cores are busy.
    await p.getByTestId('stop').click();
    await expect.poll(() => runState(p), { timeout: 20_000 }).toBe('stopped');
  }, 45_000);

  it('moves nothing for prefers-reduced-motion: the counters alone tell the flow', async () => {
    const p = await page({ reducedMotion: 'reduce' });
    await load(p, slowHello(20, 30));
    await run(p);
    let seen = { dots: 0, bands: 0, painted: 0 };
    for (let i = 0; i < 10 && !(await finished(p)); i++) {
      const o = await overlay(p);
      seen = { dots: Math.max(seen.dots, o.dots), bands: Math.max(seen.bands, o.bands), painted: Math.max(seen.painted, o.painted) };
      await p.waitForTimeout(60);
    }
    expect(seen).toEqual({ dots: 0, bands: 0, painted: 0 });
    await expect.poll(() => p.locator('[data-testid="edge-live"]').textContent(), { timeout: 10_000 }).toBe('→ 20 · ← 20');
  });
});
