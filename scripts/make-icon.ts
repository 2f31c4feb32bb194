/**
 * Renders build/icon.svg to build/icon.png (512x512, transparent corners) with the Chromium the
 * end-to-end tests use (CHROMIUM_PATH, default /usr/bin/chromium). electron-builder derives the
 * platform icons (icns, ico) from this PNG. Run: `npx tsx scripts/make-icon.ts`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const dir = fileURLToPath(new URL('../build/', import.meta.url));
const svg = await readFile(`${dir}icon.svg`, 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  await writeFile(`${dir}icon.png`, png);
  console.log(`wrote ${dir}icon.png (${png.length} bytes)`);
} finally {
  await browser.close();
}
