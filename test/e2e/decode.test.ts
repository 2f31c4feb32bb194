// Payload decoding per node in real Chromium: the node inspector's "decode payloads as" during a
// run, the Trace table's preview column and the message inspector in that decoder, the saved file.
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { documentOf, openExample } from './driver';
import { e2eSession, runStepwise, slow, stepHops } from './session';

const session = e2eSession();

/** The preview cells of one node's rows in the Trace table, top to bottom. */
const previews = (p: Page, node: string): Promise<string[]> => p.locator(`.zs-trace-row[data-node="${node}"] .zs-tc-preview`).allTextContents();

it('decodes a node as hex from the node inspector while the run is going, and saves the choice', async () => {
  const p = await session.page();
  await openExample(p, 'hello-world');
  await runStepwise(p);
  // Two hops: the client's Hello and the server's World (each received at once).
  await stepHops(p, 2);
  await p.getByTestId('tab-trace').click();
  await expect.poll(() => previews(p, 'hwserver'), slow).toEqual(['Hello', 'World']);

  await p.locator('.react-flow__node[data-id="hwserver"]').click();
  const select = p.getByTestId('node-decode');
  expect(await select.inputValue()).toBe('auto');
  await select.selectOption('hex');
  // Allowed while the run stands paused: no lock notice, and the run is still on.
  expect(await p.getByTestId('run-state').getAttribute('data-state')).toBe('paused');
  await expect.poll(() => previews(p, 'hwserver'), slow).toEqual(['48 65 6c 6c 6f', '57 6f 72 6c 64']);
  expect(await p.locator('.zs-trace-row[data-node="hwserver"] .zs-tc-decoded').count()).toBe(2);
  // Only that node: the client's rows keep their text.
  expect(await previews(p, 'hwclient')).toEqual(['Hello', 'World']);
  await p.screenshot({ path: '/tmp/zs-decode-light.png' });

  // The message inspector shows the server's record in hex too, and its own choice says so.
  await p.locator('.zs-trace-row[data-node="hwserver"][data-dir="in"]').click();
  await expect.poll(() => p.locator('[data-testid="frame"] .zs-hex-bytes').allTextContents(), slow).toEqual(['48 65 6c 6c 6f']);
  expect(await p.getByTestId('frames-hex').getAttribute('aria-checked')).toBe('true');

  // The inspector's choice writes the same field: back to Text there, text in the table.
  await p.getByTestId('frames-text').click();
  await expect.poll(() => previews(p, 'hwserver'), slow).toEqual(['Hello', 'World']);
  expect(await select.inputValue()).toBe('text');
  await p.getByTestId('frames-hex').click();
  await expect.poll(() => previews(p, 'hwserver'), slow).toEqual(['48 65 6c 6c 6f', '57 6f 72 6c 64']);

  // Saved with the document: the file a user shares keeps the choice.
  expect((await documentOf(p)).nodes.find((n) => n.id === 'hwserver')?.decode).toBe('hex');
  const download = p.waitForEvent('download');
  await p.getByTestId('save').click();
  const text = await readFile((await (await download).path())!, 'utf8');
  expect(text).toContain('"decode": "hex"');
  expect((JSON.parse(text) as { nodes: { id: string; decode?: string }[] }).nodes.map((n) => n.decode)).toEqual([undefined, 'hex']);
  expect(await p.getByTestId('run-state').getAttribute('data-state')).toBe('paused');

  await p.getByTestId('theme').click();
  await p.screenshot({ path: '/tmp/zs-decode-dark.png' });
}, 60_000);

it('shows the trace preview with a marker, and why, when the frames are not kept (a replayed trace)', async () => {
  const p = await session.page();
  const topology = {
    format: 'zmq-studio.topology/1',
    name: 'hex replay',
    nodes: [
      { id: 'pusher', kind: 'socket', socket: 'PUSH', decode: 'hex', position: { x: 80, y: 120 } },
      { id: 'puller', kind: 'socket', socket: 'PULL', position: { x: 420, y: 120 } },
    ],
    edges: [{ id: 'feed', pattern: 'pipeline', source: 'pusher', target: 'puller', endpoint: 'tcp://127.0.0.1:5603', bind: 'target' }],
  };
  const record = (seq: number, node: string, socket: string, dir: 'out' | 'in') => ({ seq, t: seq, node, port: '', socket, dir, edge: 'feed', frames: 1, bytes: 5, preview: 'Hello', msg: 1, cause: 0 });
  const lines = [
    { format: 'zmq-studio.trace/1', topology, source: 'test', createdAt: new Date(0).toISOString(), tool: 'e2e' },
    record(1, 'pusher', 'PUSH', 'out'),
    record(2, 'puller', 'PULL', 'in'),
  ];
  await p.getByTestId('import-trace-file').setInputFiles({ name: 'hex.trace.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n') + '\n') });
  await expect.poll(() => p.getByTestId('run-state').getAttribute('data-replay'), slow).toBe('paused');
  await p.getByTestId('replay-speed').selectOption('max');
  await p.getByTestId('replay-play').click();
  await p.getByTestId('tab-trace').click();
  await expect.poll(() => p.locator('.zs-trace-row').count(), slow).toBe(2);
  // The file's topology kept the pusher's decoder: its row cannot be decoded, and says why.
  const cell = p.locator('.zs-trace-row[data-node="pusher"] .zs-tc-preview');
  await expect.poll(() => cell.getAttribute('data-decoded'), slow).toBe('preview');
  expect(await cell.textContent()).toBe('≈Hello');
  expect(await cell.getAttribute('title')).toBe("Not decoded as Hex: a replayed trace keeps previews, not frames. This is the trace's text preview.");
  // The puller decodes as auto: its text preview is shown as it is, unmarked.
  expect(await previews(p, 'puller')).toEqual(['Hello']);
  expect(await p.locator('.zs-trace-row[data-node="puller"] .zs-tc-mark').count()).toBe(0);
  await p.screenshot({ path: '/tmp/zs-decode-replay.png' });
}, 30_000);
