/**
 * One harness per e2e file, and pages that are cleaned up after each test: every run stopped,
 * every page's context closed, whatever the test did. Call at the top of a test file.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from './harness';
import { startHarness } from './harness';

interface PageGlobals {
  __zmqStudio: { store: { getState(): { stopRun(): Promise<void> } } };
}

/** Waits on the engine and the page: generous, a busy machine is slow. */
export const slow = { timeout: 10_000 };

export function e2eSession(): { harness(): Harness; page(): Promise<Page> } {
  let h: Harness | undefined;
  const pages: Page[] = [];
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
  const harness = (): Harness => {
    if (!h) throw new Error('the harness is not started yet');
    return h;
  };
  return {
    harness,
    /** A fresh page at the designer, connected to the engine. */
    async page() {
      const p = await harness().newPage();
      pages.push(p);
      await expect.poll(() => p.getByTestId('connection').textContent(), slow).toContain('connected');
      return p;
    },
  };
}

/** Ticks "free ports" and "step", presses Run, and waits for the run to stand paused at its first hop. */
export async function runStepwise(p: Page): Promise<void> {
  await p.getByLabel('free ports').check();
  await p.getByTestId('step-mode').check();
  await p.getByTestId('run').click();
  await expect.poll(() => p.getByTestId('run-state').getAttribute('data-state'), slow).toBe('paused');
}

/** Presses Step `count` times, each time waiting for its hop to be listed; returns the hop rows. */
export async function stepHops(p: Page, count: number): Promise<ReturnType<Page['getByTestId']>> {
  const hops = p.getByTestId('hop');
  const before = await hops.count();
  for (let i = 1; i <= count; i++) {
    await p.getByTestId('step').click();
    await expect.poll(() => hops.count(), slow).toBe(before + i);
  }
  return hops;
}
