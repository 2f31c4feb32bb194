// The designer in real Chromium against the browser-mode server (engine included).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import type { Harness } from './harness';
import { startHarness } from './harness';
import { addFromPalette, connectHandles, documentOf, flowEdges, flowNodes, openExample, settle } from './driver';
import { EXAMPLES } from '../../shared/examples';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});

async function page(): Promise<Page> {
  return h.newPage();
}

describe('designer', () => {
  it('shows the engine connection and its libzmq version', async () => {
    const p = await page();
    await expect.poll(() => p.getByTestId('connection').textContent(), { timeout: 10_000 }).toContain('connected');
    await expect.poll(() => p.getByTestId('libzmq').textContent()).toContain('libzmq 4.3.5');
    await p.context().close();
  });

  it('opens load-balanced from the examples gallery: 3 nodes, 2 edges, their endpoints', async () => {
    const p = await page();
    await openExample(p, 'load-balanced');
    expect(await flowNodes(p)).toEqual(['client', 'server1', 'server2']);
    expect(await flowEdges(p)).toEqual(['to-server1', 'to-server2']);
    const labels = await p.locator('.zs-edge-label').allTextContents();
    expect(labels.sort()).toEqual(['tcp://127.0.0.1:5000', 'tcp://127.0.0.1:6000']);
    await p.context().close();
  });

  it('opens every example without diagnostics errors', async () => {
    const p = await page();
    for (const e of EXAMPLES) {
      await openExample(p, e.id);
      await expect.poll(() => p.locator('.zs-diag-error').count()).toBe(0);
      expect(await p.locator('.react-flow__node').count()).toBe(e.topology.nodes.length);
    }
    await p.context().close();
  });

  it('refuses REQ -> PUB with the reason and wires REQ -> REP with a loopback endpoint', async () => {
    const p = await page();
    await addFromPalette(p, 'REQ', { x: 120, y: 120 });
    await addFromPalette(p, 'PUB', { x: 460, y: 80 });
    await addFromPalette(p, 'REP', { x: 460, y: 300 });
    expect(await flowNodes(p)).toEqual(['req1', 'pub1', 'rep1']);
    // Drops land where the user let go; auto-layout makes sure no node hides another's handle.
    await p.getByTestId('layout').click();
    await settle(p);

    await connectHandles(p, ['req1', 'R'], ['pub1', 'L']);
    await expect.poll(() => p.getByTestId('canvas-status').textContent()).toContain('REQ talks to REP or ROUTER, not PUB');
    expect(await flowEdges(p)).toEqual([]);

    await connectHandles(p, ['req1', 'R'], ['rep1', 'L']);
    await expect.poll(() => flowEdges(p)).toEqual(['e1']);
    expect(await p.locator('.zs-edge-label[data-edge="e1"]').textContent()).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/);
    expect((await documentOf(p)).edges[0]).toMatchObject({ source: 'req1', target: 'rep1', pattern: 'reqrep', bind: 'target' });

    // Undo takes the edge away again.
    await p.getByTestId('undo').click();
    await expect.poll(() => flowEdges(p)).toEqual([]);
    expect(await flowNodes(p)).toEqual(['req1', 'pub1', 'rep1']);
    await p.context().close();
  });

  it('lists an unconnected node in diagnostics; clicking the entry selects it', async () => {
    const p = await page();
    await addFromPalette(p, 'PUSH', { x: 200, y: 200 });
    await p.locator('.react-flow__pane').click({ position: { x: 420, y: 120 } });
    const entry = p.locator('.zs-diag-warning[data-node="push1"]').first();
    await expect.poll(() => entry.count()).toBe(1);
    // The problem is marked on the canvas too.
    expect(await p.locator('.react-flow__node[data-id="push1"] .zs-node.problem-warning').count()).toBe(1);
    await entry.click();
    await expect.poll(() => p.locator('.react-flow__node[data-id="push1"] .zs-node.selected').count()).toBe(1);
    expect(await p.getByTestId('node-inspector').textContent()).toContain('push1');
    await p.context().close();
  });

  it('shows an inline error for a negative count and leaves the document unchanged', async () => {
    const p = await page();
    await openExample(p, 'load-balanced');
    await p.locator('.react-flow__node[data-id="client"]').click();
    const before = await documentOf(p);
    const count = p.getByTestId('behavior-count');
    await count.fill('-3');
    await expect.poll(() => p.getByRole('alert').first().textContent()).toContain('>=0');
    expect(await count.getAttribute('aria-invalid')).toBe('true');
    expect(await documentOf(p)).toEqual(before);
    await count.fill('4');
    await expect.poll(async () => (await documentOf(p)).nodes[0]).toMatchObject({ behavior: { count: 4 } });
    await p.context().close();
  });

  it('shows an inline error for an invalid endpoint', async () => {
    const p = await page();
    await openExample(p, 'load-balanced');
    await p.locator('.zs-edge-label[data-edge="to-server1"]').click();
    const endpoint = p.getByTestId('edge-endpoint');
    await endpoint.fill('TCP://127.0.0.1:5000');
    await expect.poll(() => p.getByRole('alert').first().textContent()).toContain('lower case');
    expect((await documentOf(p)).edges[0].endpoint).toBe('tcp://127.0.0.1:5000');

    // A valid address that collides with another bind is applied, and diagnosed on the edge.
    await p.locator('.zs-edge-label[data-edge="to-server2"]').click();
    await p.getByTestId('edge-endpoint').fill('tcp://127.0.0.1:5000');
    const conflict = p.locator('.zs-diag-error[data-code="endpoint-conflict"]').first();
    await expect.poll(() => conflict.count()).toBe(1);
    await expect.poll(() => p.locator('.zs-edge-label.problem-error').count()).toBeGreaterThan(0);
    await p.locator('.react-flow__node[data-id="client"]').click();
    const edgeId = await conflict.getAttribute('data-edge');
    await conflict.click();
    await expect.poll(() => p.locator(`.zs-edge-label.selected[data-edge="${edgeId}"]`).count()).toBe(1);
    expect(await p.getByTestId('edge-inspector').textContent()).toContain(edgeId);
    await p.context().close();
  });

  it('keeps the unsaved topology across a reload (autosave)', async () => {
    const p = await page();
    await addFromPalette(p, 'SUB', { x: 200, y: 200 });
    await addFromPalette(p, 'PUB', { x: 500, y: 200 });
    const before = await documentOf(p);
    await p.reload();
    await p.locator('.react-flow__node').first().waitFor();
    expect(await flowNodes(p)).toEqual(['sub1', 'pub1']);
    expect(await documentOf(p)).toEqual(before);
    await p.context().close();
  });

  it('saves a file whose JSON is the store topology, and opening it gives the same topology', async () => {
    const p = await page();
    await openExample(p, 'broker');
    const download = p.waitForEvent('download');
    await p.getByTestId('save').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('request-reply-broker-queue-device.zmqtopo.json');
    const path = await file.path();
    const saved: unknown = JSON.parse(await readFile(path, 'utf8'));
    const doc = await documentOf(p);
    expect(saved).toEqual(doc);

    await p.getByTestId('open-examples').click();
    await p.getByTestId('example-pair').click();
    await p.getByTestId('open-file').setInputFiles(path);
    await expect.poll(() => documentOf(p)).toEqual(doc);
    await p.context().close();
  });
});
