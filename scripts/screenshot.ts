/**
 * Regenerates the designer screenshots in docs/ (1280x800, light theme), from a fresh build served
 * by the browser-mode server in real Chromium:  npx tsx scripts/screenshot.ts
 *   docs/screenshot.png         the load-balanced example (the seed's program)
 *   docs/screenshot-broker.png  the broker example (queue device)
 *   docs/screenshot-run.png     the broker after a run: live counters, badges, one request's route
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { startHarness } from '../test/e2e/harness';
import { openExample, settle } from '../test/e2e/driver';

const docs = resolve(fileURLToPath(new URL('.', import.meta.url)), '../docs');
const SHOTS: readonly [string, string][] = [
  ['load-balanced', 'screenshot.png'],
  ['broker', 'screenshot-broker.png'],
];

const h = await startHarness();
try {
  for (const [example, file] of SHOTS) {
    const page = await h.newPage({ width: 1280, height: 800 });
    await page.getByTestId('libzmq').waitFor();
    await openExample(page, example);
    await settle(page);
    // Select the first node so the inspector shows what editing looks like.
    await page.locator('.react-flow__node').first().click();
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: resolve(docs, file) });
    console.log(`wrote docs/${file}`);
    await page.context().close();
  }
  const page = await h.newPage({ width: 1440, height: 900 });
  await page.getByTestId('libzmq').waitFor();
  await openExample(page, 'broker');
  await settle(page);
  await page.getByLabel('free ports').check();
  await page.getByTestId('run').click();
  await page.getByText('behaviours done').waitFor({ timeout: 15_000 });
  // Follow the third request of client 1 through the queue and back.
  await page.getByTestId('tab-route').click();
  await page.getByTestId('route-query').fill('client 1 msg 2');
  await page.getByTestId('route-follow').click();
  await page.getByTestId('route-diagram').waitFor();
  await page.waitForTimeout(800);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: resolve(docs, 'screenshot-run.png') });
  console.log('wrote docs/screenshot-run.png');
  await page.context().close();
} finally {
  await h.close();
}
