// The run panels in real Chromium against the browser-mode server: node logs, a message's route
// (sequence diagram + canvas highlight), charts, and lost messages, after real runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Harness } from './harness';
import { startHarness } from './harness';
import { openExample, settle } from './driver';
import type { TopologyInput } from '../../shared/topology';

let h: Harness;
/** One page for the file: each test opens its example and runs it (a page load costs seconds on a busy machine). */
let p: Page;
beforeAll(async () => {
  h = await startHarness();
  p = await h.newPage();
}, 60_000);
afterAll(async () => {
  await p?.context().close();
  await h?.close();
});

// The page's globals, typed here: this file is type-checked without the DOM library.
interface PageWindow {
  __zmqStudio: { store: { getState(): { loadTopology(doc: unknown): unknown } } };
  getComputedStyle(el: unknown): { getPropertyValue(prop: string): string };
}

/** Opens an example (or loads a document), ticks free ports and runs it until every behaviour is done. */
async function runToEnd(p: Page, example: string | TopologyInput): Promise<void> {
  if (typeof example === 'string') await openExample(p, example);
  else await p.evaluate((doc) => (globalThis as unknown as PageWindow).__zmqStudio.store.getState().loadTopology(doc), example);
  await settle(p);
  await p.getByLabel('free ports').check();
  await p.getByTestId('run').click();
  // Locator waits, not expect.poll: this runs in beforeAll too.
  await p.getByTestId('run-state').filter({ hasText: 'behaviours done' }).waitFor({ timeout: 10_000 });
}

async function stopRun(p: Page): Promise<void> {
  await p.getByTestId('stop').click();
  await p.locator('[data-testid="run-state"][data-state="stopped"]').waitFor({ timeout: 10_000 });
}

/** Attribute values of every element a locator matches (as text, '' when absent). */
async function attrs(l: Locator, names: readonly string[]): Promise<Record<string, string>[]> {
  const out: Record<string, string>[] = [];
  for (const el of await l.all()) out.push(Object.fromEntries(await Promise.all(names.map(async (n) => [n, (await el.getAttribute(n)) ?? ''] as const))));
  return out;
}

/** The console lines on screen, as "[label] text". */
async function logLines(p: Page): Promise<string[]> {
  const nodes = await p.getByTestId('log-line').locator('.zs-log-node').allTextContents();
  const texts = await p.getByTestId('log-line').locator('.zs-log-text').allTextContents();
  return nodes.map((n, i) => `${n} ${texts[i]}`);
}

async function hops(p: Page): Promise<{ from: string; to: string; edge: string; text: string }[]> {
  const hop = p.getByTestId('route-hop');
  const a = await attrs(hop, ['data-from', 'data-to', 'data-edge']);
  const labels = await hop.locator('.zs-route-label').allTextContents();
  return a.map((x, i) => ({ from: x['data-from'], to: x['data-to'], edge: x['data-edge'], text: labels[i] }));
}

async function lanes(p: Page): Promise<string[]> {
  return (await attrs(p.getByTestId('route-lane'), ['data-node', 'data-port'])).map((x) => [x['data-node'], x['data-port']].filter(Boolean).join('.'));
}

/** A computed style property of the first element matching a selector. */
const style = (p: Page, selector: string, prop: string): Promise<string> =>
  p.locator(selector).first().evaluate((el, pr) => (globalThis as unknown as PageWindow).getComputedStyle(el).getPropertyValue(pr), prop);

async function followMessage(p: Page, query: string): Promise<void> {
  await p.getByTestId('tab-route').click();
  await p.getByTestId('route-query').fill(query);
  await p.getByTestId('route-follow').click();
  await p.getByTestId('route-diagram').waitFor();
}

describe('after a load-balanced run', () => {
  beforeAll(async () => {
    await runToEnd(p, 'load-balanced');
  }, 30_000);
  afterAll(async () => {
    if ((await p.getByTestId('run-state').getAttribute('data-state')) !== 'stopped') await stopRun(p);
  });

  it('the logs show the seed lines per node; the node and text filters narrow them', async () => {
    await p.getByTestId('tab-logs').click();
    await p.getByTestId('log-filter').fill('msg 3');
    await expect.poll(() => logLines(p)).toEqual(['[client] Sending msg 3', '[server 2] Got msg 3']);
    await p.getByTestId('log-filter').fill('Sending msg 0');
    await expect.poll(() => logLines(p)).toEqual(['[client] Sending msg 0']);

    await p.getByTestId('log-filter').fill('Got');
    await p.getByTestId('log-node').selectOption('server2');
    await expect.poll(() => logLines(p)).toEqual(['[server 2] Got msg 1', '[server 2] Got msg 3', '[server 2] Got msg 5', '[server 2] Got msg 7', '[server 2] Got msg 9']);
    await p.getByTestId('log-node').selectOption('server1');
    await expect.poll(() => logLines(p)).toEqual(['[server 1] Got msg 0', '[server 1] Got msg 2', '[server 1] Got msg 4', '[server 1] Got msg 6', '[server 1] Got msg 8']);

    // Socket events are lines too, and can be left out.
    await p.getByTestId('log-filter').fill('');
    await p.getByTestId('log-node').selectOption('');
    await p.getByTestId('log-source-log').uncheck();
    await expect.poll(async () => (await logLines(p)).some((l) => l.includes('listening'))).toBe(true);
    expect((await logLines(p)).some((l) => l.includes('Sending'))).toBe(false);
    await p.getByTestId('log-source-log').check();

    // A node's label selects it on the canvas.
    await p.getByTestId('log-filter').fill('Got msg 3');
    await p.getByTestId('log-line').locator('.zs-log-node').click();
    await expect.poll(() => p.locator('.react-flow__node[data-id="server2"]').getAttribute('class')).toContain('selected');
  });

  it('the route of msg 3: client -> server 2 and back, with latencies, highlighted on the canvas', async () => {
    await followMessage(p, 'msg 3');
    expect(await lanes(p)).toEqual(['client', 'server2']);
    const got = await hops(p);
    expect(got.map((x) => `${x.from}->${x.to} ${x.edge}`)).toEqual(['client->server2 to-server2', 'server2->client to-server2']);
    for (const x of got) expect(x.text).toMatch(/^to-server2 · \d+(\.\d+)? (µs|ms)$/);
    expect(await p.getByTestId('route-internal').count()).toBe(1); // server 2 answering
    expect(await p.getByTestId('route-total').textContent()).toMatch(/^round trip \d+(\.\d+)? (µs|ms)$/);
    expect(await p.getByTestId('route-summary').textContent()).toContain('client → server 2 → client');

    // The canvas: the route's edge drawn thick, the other edge dimmed, both nodes ringed.
    await expect.poll(() => style(p, '.react-flow__edge[data-id="to-server2"] .react-flow__edge-path', 'stroke-width')).toBe('5px');
    expect(await style(p, '.react-flow__edge[data-id="to-server1"]', 'opacity')).toBe('0.25');
    expect(await style(p, '.react-flow__edge[data-id="to-server2"]', 'opacity')).toBe('1');
    expect(await style(p, '.react-flow__node[data-id="server2"] .zs-node', 'box-shadow')).not.toBe('none');
    expect(await style(p, '.react-flow__node[data-id="server1"] .zs-node', 'box-shadow')).not.toMatch(/3px/);

    // Clearing the route lifts the highlight.
    await p.getByTestId('route-clear').click();
    await expect.poll(() => style(p, '.react-flow__edge[data-id="to-server1"]', 'opacity')).toBe('1');
    expect(await p.getByTestId('route-badge').count()).toBe(0);
  });

  it('the charts: a sparkline per edge and the round-trip histogram with p50 and p99', async () => {
    await p.getByTestId('tab-charts').click();
    const sparks = p.getByTestId('sparkline');
    await expect.poll(async () => (await attrs(sparks, ['data-edge'])).map((x) => x['data-edge'])).toEqual(['to-server1', 'to-server2']);
    expect(Number(await sparks.first().getAttribute('data-samples'))).toBeGreaterThan(0);
    expect(await sparks.locator('canvas').count()).toBe(2);
    expect(await p.getByTestId('latency-count').textContent()).toBe('10 round trips');
    expect(await p.getByTestId('latency-p50').textContent()).toMatch(/^\d+(\.\d+)? (µs|ms)$/);
    expect(await p.getByTestId('latency-p99').textContent()).toMatch(/^\d+(\.\d+)? (µs|ms)$/);
    expect(await p.getByTestId('latency-histogram').locator('canvas').count()).toBe(1);
  });

  it('the console follows new lines, unless the user scrolled up to read', async () => {
    await p.getByTestId('tab-logs').click();
    await p.getByTestId('log-filter').fill('');
    const lines = p.getByTestId('log-lines');
    const scrollTop = () => lines.evaluate((el) => (el as unknown as { scrollTop: number }).scrollTop);
    await expect.poll(() => logLines(p).then((l) => l.at(-1))).toMatch(/Got msg 9$/);
    expect(await p.getByTestId('log-newest').count()).toBe(0);
    await lines.evaluate((el) => void ((el as unknown as { scrollTop: number }).scrollTop = 0));
    await p.getByTestId('log-newest').waitFor();
    // Stopping closes every socket: new socket-event lines arrive, and the view stays where the user is.
    const before = await p.getByTestId('log-count').textContent();
    await stopRun(p);
    await expect.poll(() => p.getByTestId('log-count').textContent()).not.toBe(before);
    expect(await scrollTop()).toBe(0);
    expect((await logLines(p))[0]).toMatch(/listening/);
    await p.getByTestId('log-newest').click();
    await expect.poll(() => logLines(p).then((l) => l.at(-1))).toMatch(/(closed|disconnected) tcp:/);
    expect(await p.getByTestId('log-newest').count()).toBe(0);
  });
});

describe('after a broker run', () => {
  it('follows one request through the queue and back: frontend, backend, a server, and back', async () => {
    await runToEnd(p, 'broker');
    await followMessage(p, 'client 1 msg 2');
    const ls = await lanes(p);
    expect(ls.slice(0, 3)).toEqual(['client1', 'queue.frontend', 'queue.backend']);
    expect(ls).toHaveLength(4);
    const server = ls[3];
    expect(server).toMatch(/^server[123]$/);
    const got = await hops(p);
    const edge = `queue-s${server.slice(-1)}`;
    expect(got.map((x) => `${x.from}->${x.to} ${x.edge}`)).toEqual([`client1->queue c1-queue`, `queue->${server} ${edge}`, `${server}->queue ${edge}`, `queue->client1 c1-queue`]);
    // Inside the queue, each way, and the server's answer.
    const insideNodes = await attrs(p.getByTestId('route-internal'), ['data-node']);
    const insideTexts = await p.getByTestId('route-internal').locator('text').allTextContents();
    const inside = insideNodes.map((x, i) => `${x['data-node']}: ${insideTexts[i]}`);
    expect(inside).toHaveLength(3);
    expect(inside.filter((x) => x.startsWith('queue: forwarded in'))).toHaveLength(2);
    expect(await p.getByTestId('route-summary').textContent()).toMatch(/client 1 → queue → server \d → queue → client 1 · 4 hops · round trip/);
    await stopRun(p);
  });
});

describe('lost messages', () => {
  //   radio (PUB) --tcp--> late (SUB), which connects 300 ms after the start: the slow joiner
  const slowJoiner: TopologyInput = {
    format: 'zmq-studio.topology/1',
    name: 'slow joiner',
    nodes: [
      { id: 'radio', kind: 'socket', socket: 'PUB', behavior: { type: 'publish', payload: 'news {i}', count: 30, intervalMs: 20 }, position: { x: 0, y: 0 } },
      { id: 'late', kind: 'socket', socket: 'SUB', behavior: { type: 'subscribe', topics: [''] }, position: { x: 320, y: 0 } },
    ],
    edges: [{ id: 'e', pattern: 'pubsub', source: 'radio', target: 'late', endpoint: 'tcp://127.0.0.1:5871', bind: 'source', connectDelayMs: 300 }],
  };

  it('are listed above the logs after the run, owed to the late subscriber, and their route ends unreceived', async () => {
    await runToEnd(p, slowJoiner);
    // The engine counts what was never received when the run ends.
    await stopRun(p);
    await p.getByTestId('tab-logs').click();
    const lost = p.getByTestId('run-lost');
    await expect.poll(() => lost.locator('strong').textContent(), { timeout: 5000 }).toMatch(/^\d+ messages? sent but never received$/);
    expect(await lost.locator('li').first().textContent()).toMatch(/^#\d+ at .* from \[radio\] owed to \[late\]: news 0$/);
    await lost.locator('li').first().locator('.zs-linkish').click();
    await p.getByTestId('route-diagram').waitFor();
    const got = await hops(p);
    expect(got).toEqual([{ from: 'radio', to: '', edge: 'e', text: 'e · not received' }]);
  });
});
