/** Small page actions for the e2e tests, in the user's terms. */
import type { Page } from 'playwright-core';
import type { Topology } from '../../shared/topology';

interface PageGlobals {
  __zmqStudio: { store: { getState(): { topology: Topology } } };
}

/** The store's document, read from the page. */
export function documentOf(page: Page): Promise<Topology> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).__zmqStudio.store.getState().topology);
}

export async function openExample(page: Page, id: string): Promise<void> {
  await page.getByTestId('open-examples').click();
  await page.getByTestId(`example-${id}`).click();
  await page.getByTestId('examples').waitFor({ state: 'detached' });
}

/** The page's elements as far as these helpers read them (the test config has no DOM library). */
interface Attributed {
  getAttribute(name: string): string | null;
}

/** Node ids on the canvas, in document order. */
export function flowNodes(page: Page): Promise<string[]> {
  return page.locator('.react-flow__node').evaluateAll((els: Attributed[]) => els.map((e) => e.getAttribute('data-id') ?? ''));
}

export function flowEdges(page: Page): Promise<string[]> {
  return page.locator('.react-flow__edge').evaluateAll((els: Attributed[]) => els.map((e) => e.getAttribute('data-id') ?? ''));
}

/** Drags a palette item onto the canvas at a point of the pane. */
export async function addFromPalette(page: Page, testId: string, at: { x: number; y: number }): Promise<void> {
  const before = await page.locator('.react-flow__node').count();
  await page.getByTestId(`palette-${testId}`).dragTo(page.locator('.react-flow__pane'), { targetPosition: at });
  await page.locator('.react-flow__node').nth(before).waitFor();
}

async function centre(page: Page, node: string, handle: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`.react-flow__node[data-id="${node}"] .react-flow__handle[data-handleid="${handle}"]`).boundingBox();
  if (!box) throw new Error(`no handle ${node}.${handle}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a connection with the mouse from one handle to another, as a user would. */
export async function connectHandles(page: Page, from: [string, string], to: [string, string]): Promise<void> {
  const a = await centre(page, ...from);
  const b = await centre(page, ...to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
}

/** Waits until the viewport stops moving (fit and layout animate for a few hundred ms). */
export async function settle(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = await page.locator('.react-flow__viewport').getAttribute('style');
    if (now === last) return;
    last = now ?? '';
    await page.waitForTimeout(100);
  }
}
