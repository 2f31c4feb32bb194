// The Trace tab in real Chromium against the browser-mode server: the table of a real run, its
// filters, the message inspector with envelope labels, and a full 200,000-record ring.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from './harness';
import { startHarness } from './harness';
import { openExample } from './driver';
import type { AppStore } from '../../renderer/store/createAppStore';

interface PageGlobals {
  __zmqStudio?: { store: AppStore };
}

/** The DOM members the page callbacks below use (this side is type-checked without the DOM lib). */
interface El {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
}

let h: Harness;
const pages: Page[] = [];

beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterEach(async () => {
  for (const p of pages.splice(0)) {
    await p.evaluate(() => (globalThis as unknown as PageGlobals).__zmqStudio?.store.getState().stopRun()).catch(() => undefined);
    await p.context().close();
  }
});
afterAll(async () => {
  await h?.close();
});

async function page(viewport?: { width: number; height: number }): Promise<Page> {
  const p = await h.newPage(viewport);
  pages.push(p);
  await expect.poll(() => p.getByTestId('connection').textContent(), { timeout: 10_000 }).toContain('connected');
  await p.getByLabel('free ports').check();
  return p;
}

const runText = (p: Page) => p.getByTestId('run-state').textContent();
const runState = (p: Page) => p.getByTestId('run-state').getAttribute('data-state');
const shown = (p: Page) => p.getByTestId('trace-count').getAttribute('data-rows').then(Number);

/** Runs the open example until its behaviours are done. */
async function runToEnd(p: Page): Promise<void> {
  await p.getByTestId('run').click();
  await expect.poll(() => runText(p), { timeout: 10_000 }).toBe('running · behaviours done');
}

async function stop(p: Page): Promise<void> {
  await p.getByTestId('stop').click();
  await expect.poll(() => runState(p)).toBe('stopped');
}

/** The rows the table drew: "node dir preview". */
function drawnRows(p: Page): Promise<string[]> {
  return p.locator('.zs-trace-row[data-seq]').evaluateAll((els) =>
    (els as unknown as El[]).map((e) => `${e.getAttribute('data-node')} ${e.getAttribute('data-dir')} ${e.querySelector('.zs-tc-preview')?.textContent ?? ''}`),
  );
}

/** "role:label" of every frame the inspector shows. */
function frameLabels(p: Page): Promise<string[]> {
  return p.getByTestId('frame').evaluateAll((els) => (els as unknown as El[]).map((e) => `${e.getAttribute('data-role')}:${e.querySelector('.zs-frame-label')?.textContent ?? ''}`));
}

describe('trace table and message inspector', () => {
  it('load-balanced: 40 records, filters by node and regex, msg 3 at server 2 in the inspector', async () => {
    const p = await page();
    await openExample(p, 'load-balanced');
    await runToEnd(p);
    await p.getByTestId('tab-trace').click();
    // 10 requests and 10 replies, each sent and received.
    await expect.poll(() => shown(p)).toBe(40);
    expect(await p.getByTestId('trace-count').textContent()).toBe('40 records');

    await p.getByTestId('trace-filter-node').selectOption('server1');
    await expect.poll(() => shown(p)).toBe(10);
    expect(await p.getByTestId('trace-count').textContent()).toBe('10 of 40 records');
    expect(new Set((await drawnRows(p)).map((r) => r.split(' ')[0]))).toEqual(new Set(['server1']));
    await p.getByTestId('trace-filter-node').selectOption('');

    await p.getByTestId('trace-filter-regex').check();
    await p.getByTestId('trace-filter-text').fill('msg [1');
    await expect.poll(() => p.getByTestId('trace-filter-error').textContent()).toBe('invalid regular expression: Unterminated character class (payload filter ignored)');
    await p.getByTestId('trace-filter-text').fill('msg [13]$');
    await expect.poll(() => shown(p)).toBe(4);
    expect(await p.getByTestId('trace-filter-error').count()).toBe(0);
    expect(await drawnRows(p)).toEqual(['client out msg 1', 'server2 in msg 1', 'client out msg 3', 'server2 in msg 3']);

    await p.locator('.zs-trace-row[data-node="server2"][data-dir="in"]').filter({ hasText: 'msg 3' }).click();
    await expect.poll(() => p.getByTestId('frame-text').allTextContents()).toEqual(['msg 3']);
    expect(await frameLabels(p)).toEqual(['body:body']);
    expect(await p.getByTestId('inspector-hidden').textContent()).toContain('delimiter');
    const facts = await p.locator('.zs-msg-facts').textContent();
    expect(facts).toContain('server 2');
    expect(facts).toContain('to-server2');
    expect(await p.locator('.zs-trace-row.selected').count()).toBe(1);
    await p.screenshot({ path: '/tmp/zs-trace-light.png' });

    // Up and Down walk the rows: up from the receive is the client's send of msg 3.
    await p.getByTestId('trace-scroll').press('ArrowUp');
    await expect.poll(() => p.locator('.zs-trace-row.selected').getAttribute('data-node')).toBe('client');
    await expect.poll(() => p.locator('.zs-msg-facts').textContent()).toContain('REQ → sent');
    expect(await p.getByTestId('frame-text').allTextContents()).toEqual(['msg 3']);
    await stop(p);
  });

  it('broker: the queue backend forward names its cause, which is the frontend receive with identity and delimiter', async () => {
    const p = await page();
    await openExample(p, 'broker');
    await runToEnd(p);
    await p.getByTestId('tab-trace').click();
    await p.getByTestId('trace-filter-node').selectOption('queue');
    await p.getByTestId('trace-filter-dir').selectOption('out');
    await p.getByTestId('trace-filter-text').fill('client 1 msg 0');
    // The forward of client 1's first request on the backend, then its reply on the frontend.
    await expect.poll(() => shown(p)).toBe(2);
    await p.locator('.zs-trace-row').filter({ hasText: 'backend' }).click();
    await expect.poll(() => frameLabels(p)).toEqual(['identity:identity', 'delimiter:delimiter', 'body:body']);
    expect(await p.locator('.zs-frame-body [data-testid="frame-text"]').textContent()).toBe('client 1 msg 0');
    // libzmq's generated identity: 5 bytes, a zero then a counter; auto (the default) shows binary as hex.
    expect(await p.locator('.zs-frame-identity .zs-frame-size').textContent()).toBe('hex · 5 B · binary');
    expect(await p.locator('.zs-frame-identity .zs-hex-bytes').textContent()).toMatch(/^00 /);

    await p.getByTestId('inspector-cause').click();
    // The cause: the request as the queue's ROUTER frontend received it from client 1.
    await expect.poll(() => p.locator('.zs-msg-facts').textContent()).toContain('frontend');
    expect(await p.locator('.zs-msg-facts').textContent()).toContain('ROUTER ← received');
    expect(await frameLabels(p)).toEqual(['identity:identity', 'delimiter:delimiter', 'body:body']);
    expect(await p.locator('.zs-frame-identity .zs-frame-detail').textContent()).toBe('added by this ROUTER: the peer the message came from');
    await p.getByTestId('frames-hex').click();
    expect(await p.locator('.zs-frame-body .zs-hex-ascii').textContent()).toBe('client 1 msg 0');

    await p.getByTestId('theme').click();
    await p.getByTestId('frames-text').click();
    await p.screenshot({ path: '/tmp/zs-trace-dark.png' });
    await stop(p);
  });

  it('shows a JSON payload pretty-printed, and its bytes as hex rows', async () => {
    const p = await page();
    const doc = {
      format: 'zmq-studio.topology/1',
      name: 'json tasks',
      nodes: [
        { id: 'producer', kind: 'socket', socket: 'PUSH', behavior: { type: 'produce', count: 3, payload: '{"task":{i},"tags":["a"]}' }, position: { x: 80, y: 120 } },
        { id: 'consumer', kind: 'socket', socket: 'PULL', behavior: { type: 'consume', count: 3 }, position: { x: 420, y: 120 } },
      ],
      edges: [{ id: 'tasks', pattern: 'pipeline', source: 'producer', target: 'consumer', endpoint: 'tcp://127.0.0.1:5601', bind: 'target' }],
    };
    await p.getByTestId('open-file').setInputFiles({ name: 'json.zmqtopo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await expect.poll(() => p.getByTestId('run').isEnabled()).toBe(true);
    await runToEnd(p);
    await p.getByTestId('tab-trace').click();
    await p.getByTestId('trace-filter-pattern').selectOption('pipeline');
    await expect.poll(() => shown(p)).toBe(6);
    await p.locator('.zs-trace-row[data-node="consumer"]').filter({ hasText: '"task":2' }).click();
    // Auto (the default) picks JSON for an object, pretty-printed; Text shows it as sent.
    await expect.poll(() => p.getByTestId('frame-text').textContent()).toBe('{\n  "task": 2,\n  "tags": [\n    "a"\n  ]\n}');
    expect(await p.locator('.zs-frame-auto').textContent()).toBe('json · ');
    await p.getByTestId('frames-text').click();
    await expect.poll(() => p.getByTestId('frame-text').textContent()).toBe('{"task":2,"tags":["a"]}');
    await p.getByTestId('frames-json').click();
    expect(await p.getByTestId('frame-text').textContent()).toBe('{\n  "task": 2,\n  "tags": [\n    "a"\n  ]\n}');
    await p.getByTestId('frames-hex').click();
    expect(await p.locator('.zs-hex-row').allTextContents()).toEqual([
      '000000007b 22 74 61 73 6b 22 3a  32 2c 22 74 61 67 73 22{"task":2,"tags"',
      '000000103a 5b 22 61 22 5d 7d:["a"]}',
    ]);
    await stop(p);
  });

  it('decodes a MessagePack payload injected into a running topology, per node and automatically', async () => {
    const p = await page();
    const doc = {
      format: 'zmq-studio.topology/1',
      name: 'msgpack feed',
      nodes: [
        { id: 'sender', kind: 'socket', socket: 'PUSH', behavior: { type: 'manual' }, position: { x: 80, y: 120 } },
        { id: 'receiver', kind: 'socket', socket: 'PULL', behavior: { type: 'consume' }, position: { x: 420, y: 120 } },
      ],
      edges: [{ id: 'feed', pattern: 'pipeline', source: 'sender', target: 'receiver', endpoint: 'tcp://127.0.0.1:5602', bind: 'target' }],
    };
    await p.getByTestId('open-file').setInputFiles({ name: 'msgpack.zmqtopo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await expect.poll(() => p.getByTestId('run').isEnabled()).toBe(true);
    await p.getByTestId('run').click();
    await expect.poll(() => runState(p), { timeout: 10_000 }).toBe('running');
    // {"a":1,"b":[true,"x"]} as MessagePack.
    await p.evaluate(() => (globalThis as unknown as PageGlobals).__zmqStudio!.store.getState().engine!.inject({ node: 'sender', frames: ['82a16101a16292c3a178'], encoding: 'hex' }));
    await p.getByTestId('tab-trace').click();
    await expect.poll(() => shown(p)).toBe(2);
    await p.locator('.zs-trace-row[data-node="receiver"]').click();
    // Auto (the default) decodes these non-text bytes as MessagePack; Text shows them escaped.
    await expect.poll(() => p.getByTestId('frame-msgpack').textContent()).toBe('{\n  "a": 1,\n  "b": [\n    true,\n    "x"\n  ]\n}');
    expect(await p.getByTestId('frames-auto').getAttribute('aria-checked')).toBe('true');
    await p.getByTestId('frames-text').click();
    await expect.poll(() => p.getByTestId('frame-text').textContent()).toContain('\\x82');
    // The choice is the node's: the sender's record of the same message is still auto.
    await p.locator('.zs-trace-row[data-node="sender"]').click();
    await expect.poll(() => p.getByTestId('frame').getAttribute('data-decoder')).toBe('msgpack');
    expect(await p.getByTestId('frames-auto').getAttribute('aria-checked')).toBe('true');
    // Auto picks MessagePack for these non-text bytes, and hex for bytes that are not MessagePack.
    expect(await p.locator('.zs-frame-auto').textContent()).toBe('msgpack · ');
    // The table agrees: the sender's row (auto) decodes the binary body, the receiver's (now text) keeps the engine's preview.
    await expect.poll(() => p.locator('.zs-trace-row[data-node="sender"] .zs-tc-preview').textContent()).toBe('{"a":1,"b":[true,"x"]}');
    expect(await p.locator('.zs-trace-row[data-node="receiver"] .zs-tc-preview').textContent()).toBe('0x82a16101a16292c3a178');
    await p.screenshot({ path: '/tmp/zs-msgpack-light.png' });
    await p.evaluate(() => (globalThis as unknown as PageGlobals).__zmqStudio!.store.getState().engine!.inject({ node: 'sender', frames: ['00ffc1'], encoding: 'hex' }));
    await expect.poll(() => shown(p)).toBe(4);
    await p.locator('.zs-trace-row[data-node="sender"]').last().click();
    await expect.poll(() => p.getByTestId('frame').getAttribute('data-decoder')).toBe('hex');
    // Forced MessagePack on bytes that are not: the error inline, the bytes as hex.
    await p.getByTestId('frames-msgpack').click();
    await expect.poll(() => p.getByTestId('frame-decode-error').textContent()).toMatch(/^not MessagePack: /);
    expect(await p.locator('.zs-hex-bytes').textContent()).toBe('00 ff c1');
    await p.getByTestId('theme').click();
    await p.screenshot({ path: '/tmp/zs-msgpack-dark.png' });
    await stop(p);
  });

  it('holds 200,000 records, shows what the bounds dropped, follows the newest and pauses on scroll up', async () => {
    const p = await page();
    await p.getByTestId('tab-trace').click();
    // What the bridge would hand over from a flood: 21 batches of 10,000, the engine's own bound
    // having dropped 12,345 before they were sent.
    await p.evaluate(() => {
      const store = (globalThis as unknown as PageGlobals).__zmqStudio!.store;
      const tables = { sockets: [{ node: 'pusher', port: '', socket: 'PUSH' }, { node: 'puller', port: '', socket: 'PULL' }], edges: ['flood'] };
      const batch = (no: number, first: number, n: number, dropped: number) => ({
        batch: no, firstSeq: first, count: n, dropped,
        t: Float64Array.from({ length: n }, (_, i) => (first + i) / 50), socket: Uint16Array.from({ length: n }, (_, i) => (first + i) % 2),
        dir: Uint8Array.from({ length: n }, (_, i) => (first + i) % 2), edge: new Int32Array(n), frames: new Uint32Array(n).fill(1),
        bytes: new Uint32Array(n).fill(9), msg: Uint32Array.from({ length: n }, (_, i) => (first + i + 1) >> 1), cause: new Uint32Array(n),
        preview: Array.from({ length: n }, (_, i) => `task ${(first + i + 1) >> 1}`),
      });
      store.getState().applyEngineEvents([{ type: 'tables', runId: 0, tables }]);
      for (let b = 0; b < 21; b++) store.getState().applyEngineEvents([{ type: 'trace', runId: 0, batch: batch(b + 1, b * 10_000 + 1, 10_000, b === 0 ? 12_345 : 0) }]);
    });
    await expect.poll(() => shown(p)).toBe(200_000);
    expect(await p.getByTestId('trace-dropped').textContent()).toBe('22,345 older records dropped (ring holds 200,000)');
    // Following: the newest record is drawn, and only a window of rows exists.
    await expect.poll(() => p.locator('.zs-trace-row[data-seq="210000"]').count()).toBe(1);
    expect(await p.locator('.zs-trace-row').count()).toBeLessThan(60);

    await p.getByTestId('trace-scroll').hover();
    await p.mouse.wheel(0, -2000);
    await expect.poll(() => p.evaluate(() => (globalThis as unknown as PageGlobals).__zmqStudio!.store.getState().followTail)).toBe(false);
    await p.evaluate(() => {
      const store = (globalThis as unknown as PageGlobals).__zmqStudio!.store;
      const n = 500;
      const first = 210_001;
      store.getState().applyEngineEvents([{ type: 'trace', runId: 0, batch: {
        batch: 22, firstSeq: first, count: n, dropped: 0, t: new Float64Array(n), socket: new Uint16Array(n), dir: new Uint8Array(n), edge: new Int32Array(n),
        frames: new Uint32Array(n).fill(1), bytes: new Uint32Array(n), msg: new Uint32Array(n), cause: new Uint32Array(n), preview: new Array<string>(n).fill('late'),
      } }]);
    });
    await expect.poll(() => p.getByTestId('trace-jump').textContent()).toBe('500 new — jump to latest ↓');
    expect(await p.locator('.zs-trace-row[data-seq="210500"]').count()).toBe(0);
    await p.getByTestId('trace-jump').click();
    await expect.poll(() => p.locator('.zs-trace-row[data-seq="210500"]').count()).toBe(1);
    expect(await p.getByTestId('trace-jump').count()).toBe(0);

    // Records the engine no longer keeps frames for: the inspector says why and shows the preview.
    await p.locator('.zs-trace-row[data-seq="210500"]').click();
    await expect.poll(() => p.getByTestId('inspector-unavailable').textContent()).toMatch(/^Frames unavailable: .+\. The preview kept in the trace:$/);
    expect(await p.getByTestId('frame-text').textContent()).toBe('late');

    await p.getByTestId('trace-pause-scroll').click();
    expect(await p.getByTestId('trace-pause-scroll').textContent()).toBe('Follow newest ↓');
    await p.screenshot({ path: '/tmp/zs-trace-full.png' });
  });
});
