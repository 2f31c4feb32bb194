// Editing comforts in real Chromium: drawing by hand, keyboard, pattern tool, export, theme.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Harness } from './harness';
import { startHarness } from './harness';
import { addFromPalette, connectHandles, documentOf, flowEdges, flowNodes, openExample, settle } from './driver';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});

describe('editing', () => {
  it("draws the seed's load-balanced topology by hand, with undo and redo from the keyboard", async () => {
    const p = await h.newPage();
    // client -> server 1 / server 2: each REP binds its own fresh loopback port.
    await addFromPalette(p, 'REQ', { x: 100, y: 200 });
    await addFromPalette(p, 'REP', { x: 450, y: 100 });
    await addFromPalette(p, 'REP', { x: 450, y: 320 });
    await p.getByTestId('layout').click();
    await settle(p);
    await connectHandles(p, ['req1', 'R'], ['rep1', 'L']);
    await connectHandles(p, ['req1', 'R'], ['rep2', 'L']);
    await expect.poll(() => flowEdges(p)).toEqual(['e1', 'e2']);
    const labels = await p.locator('.zs-edge-label').allTextContents();
    expect(labels).toEqual(['tcp://127.0.0.1:5555', 'tcp://127.0.0.1:5556']);
    await expect.poll(() => p.locator('.zs-diag').count()).toBe(0);

    await p.keyboard.press('Control+z');
    await expect.poll(() => flowEdges(p)).toEqual(['e1']);
    await p.keyboard.press('Control+Shift+z');
    await expect.poll(() => flowEdges(p)).toEqual(['e1', 'e2']);
    await p.context().close();
  });

  it('deletes, duplicates, copies, pastes and selects all from the keyboard', async () => {
    const p = await h.newPage();
    await openExample(p, 'load-balanced');
    await p.locator('.react-flow__node[data-id="server2"]').click();
    await p.keyboard.press('Delete');
    await expect.poll(() => flowNodes(p)).toEqual(['client', 'server1']);
    expect(await flowEdges(p)).toEqual(['to-server1']);

    await p.locator('.react-flow__node[data-id="server1"]').click();
    await p.keyboard.press('Control+d');
    await expect.poll(() => flowNodes(p)).toEqual(['client', 'server1', 'server2']);
    await p.keyboard.press('Control+c');
    await p.keyboard.press('Control+v');
    await expect.poll(() => flowNodes(p)).toEqual(['client', 'server1', 'server2', 'server3']);

    await p.keyboard.press('Control+a');
    await expect.poll(() => p.locator('.zs-node.selected').count()).toBe(4);
    await p.keyboard.press('Delete');
    await expect.poll(() => flowNodes(p)).toEqual([]);
    await p.context().close();
  });

  it('offers only socket types compatible with the node’s edges', async () => {
    const p = await h.newPage();
    await openExample(p, 'load-balanced');
    await p.locator('.react-flow__node[data-id="client"]').click();
    const options = await p.getByTestId('socket-type').locator('option').allTextContents();
    expect(options).toEqual(['REQ (reqrep)', 'DEALER (reqrep)']);
    await p.getByTestId('socket-type').selectOption('DEALER');
    await expect.poll(async () => (await documentOf(p)).nodes[0]).toMatchObject({ socket: 'DEALER', behavior: { type: 'dealer' } });
    await p.context().close();
  });

  it('with the pub/sub pattern tool chosen, a req/rep connection is refused', async () => {
    const p = await h.newPage();
    await addFromPalette(p, 'REQ', { x: 100, y: 200 });
    await addFromPalette(p, 'REP', { x: 450, y: 200 });
    await p.getByTestId('layout').click();
    await settle(p);
    await p.getByTestId('tool-pubsub').click();
    await connectHandles(p, ['req1', 'R'], ['rep1', 'L']);
    await expect.poll(() => p.getByTestId('canvas-status').textContent()).toContain('pattern tool is set to publish/subscribe');
    expect(await flowEdges(p)).toEqual([]);
    await p.getByTestId('tool-reqrep').click();
    await connectHandles(p, ['req1', 'R'], ['rep1', 'L']);
    await expect.poll(() => flowEdges(p)).toEqual(['e1']);
    await p.context().close();
  });

  it('exports the canvas as PNG and SVG', async () => {
    const p = await h.newPage();
    await openExample(p, 'load-balanced');
    await settle(p);
    const png = p.waitForEvent('download');
    await p.getByRole('button', { name: 'PNG' }).click();
    const pngFile = await png;
    expect(pngFile.suggestedFilename()).toBe('load-balanced-request-reply.png');
    const bytes = await readFile(await pngFile.path());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(5000);

    const svg = p.waitForEvent('download');
    await p.getByRole('button', { name: 'SVG' }).click();
    const svgText = await readFile(await (await svg).path(), 'utf8');
    expect(svgText).toMatch(/^<svg/);
    expect(svgText).toContain('tcp://127.0.0.1:5000');
    await p.context().close();
  });

  it('switches to the dark theme, keeps it across a reload, and lists shortcuts on "?"', async () => {
    const p = await h.newPage();
    await p.getByTestId('theme').click();
    expect(await p.locator('html').getAttribute('data-theme')).toBe('dark');
    await p.reload();
    await p.locator('.react-flow__renderer').waitFor();
    expect(await p.locator('html').getAttribute('data-theme')).toBe('dark');
    await p.keyboard.press('?');
    await expect.poll(() => p.getByTestId('help').textContent()).toContain('Ctrl+Z');
    await p.keyboard.press('Escape');
    await expect.poll(() => p.getByTestId('help').count()).toBe(0);
    await p.context().close();
  });

  it('asks before New discards unsaved changes', async () => {
    const p = await h.newPage();
    await addFromPalette(p, 'PAIR', { x: 200, y: 200 });
    p.removeAllListeners('dialog');
    const asked: string[] = [];
    p.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await p.getByRole('button', { name: 'New' }).click();
    await expect.poll(() => asked).toEqual(['Discard the unsaved changes of this topology?']);
    expect(await flowNodes(p)).toEqual(['pair1']);
    p.once('dialog', (d) => void d.accept());
    await p.getByRole('button', { name: 'New' }).click();
    await expect.poll(() => flowNodes(p)).toEqual([]);
    await p.context().close();
  });

  it('"Save as" names the file, and the gallery reopens it from the recent files', async () => {
    const p = await h.newPage();
    await openExample(p, 'pair');
    p.removeAllListeners('dialog');
    p.once('dialog', (d) => void d.accept('my pair'));
    const download = p.waitForEvent('download');
    await p.getByTestId('save-as').click();
    expect((await download).suggestedFilename()).toBe('my pair.zmqtopo.json');
    const saved = await documentOf(p);
    await openExample(p, 'broker');
    await p.getByTestId('open-examples').click();
    await p.getByTestId('recent-my pair.zmqtopo.json').click();
    await expect.poll(() => documentOf(p)).toEqual(saved);
    await p.context().close();
  });
});
