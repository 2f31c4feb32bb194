// Runs in real Chromium against the browser-mode server: stop report, football logs, a dead
// engine, export -> replay of a trace, and a message injected by hand.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { e2eSession, slow } from './session';
import { documentOf, openExample } from './driver';
import { FOOTBALL_LINES } from '../../shared/examples';
import type { TopologyInput } from '../../shared/topology';

const session = e2eSession();

async function page(): Promise<Page> {
  const p = await session.page();
  await p.getByLabel('free ports').check();
  return p;
}

const runState = (p: Page) => p.getByTestId('run-state').getAttribute('data-state');
const runText = (p: Page) => p.getByTestId('run-state').textContent();

async function run(p: Page): Promise<void> {
  await p.getByTestId('run').click();
  await expect.poll(() => runState(p), slow).toBe('running');
}

async function stop(p: Page): Promise<void> {
  await p.getByTestId('stop').click();
  await expect.poll(() => runState(p), slow).toBe('stopped');
}

async function openDoc(p: Page, doc: TopologyInput): Promise<void> {
  await p
    .getByTestId('open-file')
    .setInputFiles({
      name: `${doc.name}.zmqtopo.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(doc)),
    });
  await expect.poll(async () => (await documentOf(p)).name, slow).toBe(doc.name);
}

/** The message count each edge's live label shows, by edge id ('' when it shows none). */
async function edgeCounts(p: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const label of await p.locator('.zs-edge-label[data-edge]').all()) {
    const live = label.getByTestId('edge-live');
    out[(await label.getAttribute('data-edge')) ?? '?'] =
      (await live.count()) > 0 ? ((await live.getAttribute('data-messages')) ?? '') : '';
  }
  return out;
}

/** node, direction and edge of the trace rows shown for one message id */
async function rowsOf(p: Page, msg: string): Promise<string[]> {
  const out: string[] = [];
  for (const row of await p.locator(`.zs-trace-row[data-msg="${msg}"]`).all()) {
    out.push(
      `${await row.getAttribute('data-node')} ${await row.getAttribute('data-dir')} ${await row.getAttribute('data-edge')}`,
    );
  }
  return out;
}

const traceHeld = (p: Page) => p.getByTestId('trace-count').getAttribute('data-held').then(Number);

describe('run lifecycle', () => {
  it('load-balanced: Stop reports the sockets closed and zero open', async () => {
    const p = await page();
    await openExample(p, 'load-balanced');
    await run(p);
    await expect.poll(() => runText(p), slow).toBe('running · behaviours done');
    await stop(p);
    await expect.poll(() => p.getByTestId('run-status').textContent(), slow).toBe('closed 3 sockets · 0 open');
    await p.screenshot({ path: '/tmp/zs-stopped.png', clip: { x: 0, y: 0, width: 1280, height: 120 } });
    expect(await session.harness().server.enginePid()).toBeGreaterThan(0);
  });

  it('football: the listener logs only netherlands and germany lines', async () => {
    const p = await page();
    await openExample(p, 'football');
    await run(p);
    await expect.poll(() => runText(p), slow).toBe('running · behaviours done');
    await p.getByTestId('tab-logs').click();
    await p.getByTestId('log-node').selectOption('listener');
    await p.getByTestId('log-source-monitor').uncheck();
    const wanted = FOOTBALL_LINES.filter((l) => /^(netherlands|germany) /.test(l));
    await expect.poll(() => p.locator('[data-testid="log-line"] .zs-log-text').allTextContents(), slow).toEqual(wanted);
    await stop(p);
  });

  it('a killed engine is reported, restarted, and the topology is kept', async () => {
    const p = await page();
    const long: TopologyInput = {
      format: 'zmq-studio.topology/1',
      name: 'Long pipeline',
      nodes: [
        {
          id: 'producer',
          kind: 'socket',
          socket: 'PUSH',
          behavior: { type: 'produce', count: 100_000, intervalMs: 20 },
          position: { x: 80, y: 120 },
        },
        { id: 'consumer', kind: 'socket', socket: 'PULL', behavior: { type: 'consume' }, position: { x: 420, y: 120 } },
      ],
      edges: [
        {
          id: 'tasks',
          pattern: 'pipeline',
          source: 'producer',
          target: 'consumer',
          endpoint: 'tcp://127.0.0.1:5601',
          bind: 'target',
        },
      ],
    };
    await openDoc(p, long);
    const before = await documentOf(p);
    await run(p);
    await p.getByTestId('tab-trace').click();
    await expect.poll(() => traceHeld(p), slow).toBeGreaterThan(4);
    const pid = session.harness().server.enginePid();
    expect(pid).toBeGreaterThan(0);
    process.kill(pid!, 'SIGKILL');

    await expect.poll(() => runState(p), slow).toBe('failed');
    await expect
      .poll(() => p.getByTestId('run-status').textContent(), { timeout: 15_000 })
      .toBe('engine process killed by SIGKILL · engine restarted');
    expect(await runState(p)).toBe('failed'); // the engine is back and idle: the failed run stays shown
    expect(await p.getByTestId('run-state').getAttribute('title')).toContain('SIGKILL');
    expect(await p.getByTestId('canvas-status').textContent()).toMatch(
      /^engine (exited|restarted): engine process killed by SIGKILL/,
    );
    expect(await p.getByTestId('connection').textContent()).toContain('connected');
    expect(session.harness().server.enginePid()).not.toBe(pid);
    await p.screenshot({ path: '/tmp/zs-engine-killed.png' });
    expect(await documentOf(p)).toEqual(before);

    // Run works again on the new engine.
    await run(p);
    await expect.poll(() => traceHeld(p), slow).toBeGreaterThan(2);
    await stop(p);
    expect(await documentOf(p)).toEqual(before);
  }, 60_000); // two runs around an engine restart
});

describe('record and replay', () => {
  it('exports the trace, imports it back, and replays it at max speed to the same records and counters', async () => {
    const p = await page();
    await openExample(p, 'load-balanced');
    await run(p);
    await expect.poll(() => runText(p), slow).toBe('running · behaviours done');
    await stop(p);
    await p.getByTestId('tab-trace').click();
    const held = await traceHeld(p);
    expect(held).toBe(40); // 10 requests and 10 replies, each a send and a receive
    const live = await edgeCounts(p);
    expect(live).toEqual({ 'to-server1': '10', 'to-server2': '10' });

    const download = p.waitForEvent('download');
    await p.getByTestId('export-trace').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('load-balanced-request-reply.trace.jsonl');
    const path = await file.path();
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(41);
    expect(JSON.parse(lines[0])).toMatchObject({
      format: 'zmq-studio.trace/1',
      topology: { name: 'Load-balanced request/reply' },
    });

    await openExample(p, 'pair'); // something else on the canvas first
    await p.getByTestId('import-trace-file').setInputFiles(path);
    await expect.poll(async () => (await documentOf(p)).name, slow).toBe('Load-balanced request/reply');
    await expect.poll(() => p.getByTestId('run-state').getAttribute('data-replay'), slow).toBe('paused');
    expect(await traceHeld(p)).toBe(0);
    await p.getByTestId('replay-speed').selectOption('max');
    await p.getByTestId('replay-play').click();
    await expect.poll(() => p.getByTestId('run-state').getAttribute('data-replay'), slow).toBe('ended');
    expect(await runText(p)).toBe('replay done · 40 / 40');
    expect(await runState(p)).toBe('stopped'); // the engine's state, untouched by the replay
    expect(await traceHeld(p)).toBe(held);
    await expect.poll(() => edgeCounts(p), slow).toEqual(live);
    await p.screenshot({ path: '/tmp/zs-replay-light.png' });
    await p.getByTestId('theme').click();
    await p.screenshot({ path: '/tmp/zs-replay-dark.png' });

    // Back to the start: nothing shown, then it plays again.
    await p.getByTestId('replay-restart').click();
    await expect.poll(() => traceHeld(p), slow).toBe(0);
    await p.getByTestId('replay-play').click();
    await expect.poll(() => traceHeld(p), slow).toBe(held);
    await p.getByTestId('replay-close').click();
    await expect.poll(() => p.getByTestId('replay-bar').count(), slow).toBe(0);
  });

  it('a file that is not a trace is refused with its line, and the document stays', async () => {
    const p = await page();
    await openExample(p, 'broker');
    const before = await documentOf(p);
    const bad = `${JSON.stringify({ format: 'zmq-studio.trace/1', topology: before, source: 'x', createdAt: 'now', tool: 't' })}\n{"seq": 1}\n`;
    await p
      .getByTestId('import-trace-file')
      .setInputFiles({ name: 'bad.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(bad) });
    await expect
      .poll(() => p.getByTestId('canvas-status').textContent(), slow)
      .toMatch(/^cannot replay bad\.jsonl: line 2: not a trace record: /);
    expect(await documentOf(p)).toEqual(before);
    expect(await p.getByTestId('replay-bar').count()).toBe(0);
  });
});

describe('inject', () => {
  const doc: TopologyInput = {
    format: 'zmq-studio.topology/1',
    name: 'Manual senders',
    nodes: [
      { id: 'pusher', kind: 'socket', socket: 'PUSH', behavior: { type: 'manual' }, position: { x: 80, y: 60 } },
      { id: 'sink', kind: 'socket', socket: 'PULL', behavior: { type: 'consume' }, position: { x: 420, y: 60 } },
      { id: 'asker', kind: 'socket', socket: 'REQ', behavior: { type: 'manual' }, position: { x: 80, y: 260 } },
      {
        id: 'slow',
        kind: 'socket',
        socket: 'REP',
        behavior: { type: 'reply', delayMs: 3000 },
        position: { x: 420, y: 260 },
      },
    ],
    edges: [
      {
        id: 'push',
        pattern: 'pipeline',
        source: 'pusher',
        target: 'sink',
        endpoint: 'tcp://127.0.0.1:5611',
        bind: 'target',
      },
      {
        id: 'ask',
        pattern: 'reqrep',
        source: 'asker',
        target: 'slow',
        endpoint: 'tcp://127.0.0.1:5612',
        bind: 'target',
      },
    ],
  };

  it('sends a multipart message by hand, traced like any other; the engine refusal is shown', async () => {
    const p = await page();
    await openDoc(p, doc);
    await p.locator('.react-flow__node[data-id="pusher"]').click();
    expect(await p.getByTestId('inject').count()).toBe(0); // only while a run is live
    await run(p);

    await p.getByTestId('inject-kind-hex').check();
    await p.getByTestId('inject-frame-0').fill('abc');
    await expect
      .poll(() => p.getByTestId('inject-error-0').textContent(), slow)
      .toBe('odd number of hex digits (3): each byte is two');
    expect(await p.getByTestId('inject-send').isDisabled()).toBe(true);
    await p.getByTestId('inject-kind-text').check();
    await p.getByTestId('inject-frame-0').fill('by hand');
    await p.getByTestId('inject-add-frame').click();
    await p.getByTestId('inject-frame-1').fill('second part');
    await p.getByTestId('inject-send').click();
    await expect.poll(() => p.getByTestId('inject-result').textContent(), slow).toMatch(/^sent · msg \d+/);
    const msg = (await p.getByTestId('inject-result').textContent())!.match(/msg (\d+)/)![1];

    await p.getByTestId('tab-trace').click();
    await expect.poll(() => rowsOf(p, msg), slow).toEqual(['pusher out push', 'sink in push']);
    expect(await p.locator(`.zs-trace-row[data-msg="${msg}"]`).first().textContent()).toContain('by hand');
    await p.screenshot({ path: '/tmp/zs-inject-light.png' });

    // A REQ waiting for its reply may not send again: the engine says so, the form shows it.
    await p.locator('.react-flow__node[data-id="asker"]').click();
    await p.getByTestId('inject-frame-0').fill('first');
    await p.getByTestId('inject-send').click();
    await expect.poll(() => p.getByTestId('inject-result').textContent(), slow).toMatch(/^sent · msg \d+/);
    await p.getByTestId('inject-frame-0').fill('second');
    await p.getByTestId('inject-send').click();
    await expect
      .poll(() => p.getByTestId('inject-refused').textContent(), slow)
      .toMatch(/^refused: Operation cannot be accomplished in current state/);
    await expect
      .poll(() => p.getByTestId('inject-hint').textContent(), slow)
      .toMatch(/^EFSM: REQ and REP are lock-step/);

    // Sockets that cannot send say why.
    await p.locator('.react-flow__node[data-id="sink"]').click();
    expect(await p.getByTestId('inject-unavailable').textContent()).toBe('a PULL socket cannot send');
    await p.getByTestId('theme').click();
    await p.locator('.react-flow__node[data-id="pusher"]').click();
    await p.screenshot({ path: '/tmp/zs-inject-dark.png' });
    await stop(p);
  });
});
