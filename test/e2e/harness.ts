/**
 * The end-to-end harness: the renderer built fresh with Vite into a temp dir, served by the real
 * browser-mode server (main/host/server.ts, engine included), driven in real Chromium.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startServer } from '../../main/host/server';
import type { RunningServer } from '../../main/host/server';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Harness {
  url: string;
  browser: Browser;
  server: RunningServer;
  /** A fresh page (own storage) at the designer, ready. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Builds the renderer into a temp dir (never a stale dist) and serves it. */
export async function buildRenderer(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'zs-e2e-'));
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

export async function startHarness(): Promise<Harness> {
  const dir = await buildRenderer();
  const server = await startServer({ port: 0, staticDir: dir });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    url: server.url,
    browser,
    server,
    async newPage(viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ viewport, acceptDownloads: true });
      const page = await context.newPage();
      // Fail fast and say where: each test has a 30 s budget and should take a few seconds.
      page.setDefaultTimeout(8000);
      // The unsaved-changes guard asks before a reload; the tests mean to leave.
      page.on('dialog', (d) => void d.accept());
      await page.goto(server.url);
      await page.locator('.react-flow__renderer').waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
