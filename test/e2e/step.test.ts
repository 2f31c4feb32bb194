// Step mode in real Chromium: a run that starts paused, moved hop by hop, each hop explained.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from './harness';
import { startHarness } from './harness';
import { openExample } from './driver';

interface PageGlobals {
  __zmqStudio: { store: { getState(): { stopRun(): Promise<void> } } };
}

let h: Harness;
const pages: Page[] = [];
const slow = { timeout: 10_000 };

beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterEach(async () => {
  for (const p of pages.splice(0)) {
    await p.evaluate(() => (globalThis as unknown as PageGlobals).__zmqStudio.store.getState().stopRun()).catch(() => undefined);
    await p.context().close();
  }
});
afterAll(async () => {
  await h?.close();
});

it('steps through load-balanced one hop at a time, explains each, then plays to the end', async () => {
  const p = await h.newPage();
  pages.push(p);
  await expect.poll(() => p.getByTestId('connection').textContent(), slow).toContain('connected');
  await openExample(p, 'load-balanced');
  await p.getByLabel('free ports').check();
  await p.getByTestId('step-mode').check();
  await p.getByTestId('run').click();
  await expect.poll(() => p.getByTestId('run-state').getAttribute('data-state'), slow).toBe('paused');

  const hops = p.getByTestId('hop');
  for (let i = 1; i <= 4; i++) {
    await p.getByTestId('step').click();
    await expect.poll(() => hops.count(), slow).toBe(i);
  }
  // The first hop names the choice REQ made, the second the way REP answers.
  await expect.poll(() => hops.nth(0).textContent(), slow).toContain('REQ round-robins requests over its 2 peers: server 1 was next');
  await expect.poll(() => hops.nth(1).textContent(), slow).toContain('REP answers on the pipe the request came from');
  await expect.poll(() => hops.nth(2).textContent(), slow).toContain('server 2 was next');

  // Back re-shows an earlier hop (selected, so the route view and canvas follow it).
  await p.getByTestId('hop-back').click();
  await expect.poll(() => p.locator('.zs-hop.selected').getAttribute('data-seq'), slow).toBe(await hops.nth(2).getAttribute('data-seq'));

  await p.getByTestId('hop-pace').selectOption('150');
  await p.getByTestId('hop-play').click();
  await expect.poll(() => hops.count(), { timeout: 20_000 }).toBe(20);
  await expect.poll(() => p.getByTestId('run-state').textContent(), slow).toContain('behaviours done');
}, 60_000);
