// "Export code…" in real Chromium: the toolbar's dialog, the language choice, the zip download,
// and the refusal of a topology the programs could not run (the CLI's diagnostics).
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { e2eSession } from './session';
import { openExample } from './driver';

const session = e2eSession();
const page = (): Promise<Page> => session.page();

describe('Export code', () => {
  it('downloads load-balanced as a zip of Python programs, launcher and README', async () => {
    const p = await page();
    await openExample(p, 'load-balanced');
    await p.getByTestId('export-code-open').click();
    await p.getByTestId('export-lang-typescript').click();
    await expect.poll(() => p.getByTestId('export-files').textContent()).toContain('launch.mjs');
    await p.getByTestId('export-lang-python').click();
    await expect.poll(() => p.getByTestId('export-files').textContent()).toContain('launch.py');
    await p.screenshot({ path: '/tmp/zs-export-light.png' });
    const download = p.waitForEvent('download');
    await p.getByTestId('export-download').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('load-balanced-request-reply-python.zip');
    const zip = unzipSync(new Uint8Array(await readFile(await file.path())));
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['launch.py', 'client.py', 'server1.py', 'server2.py', 'helpers.py', 'README.md']));
    expect(new TextDecoder().decode(zip['client.py'])).toContain('import zmq');
    // The dialog closes and says what it did.
    await p.getByTestId('export-code').waitFor({ state: 'detached' });
  });

  it('refuses a topology the programs cannot run, with the diagnostics', async () => {
    const p = await page();
    const doc = {
      format: 'zmq-studio.topology/1',
      name: 'in one process',
      nodes: [
        { id: 'a', kind: 'socket', socket: 'PAIR', behavior: { type: 'manual' }, position: { x: 80, y: 120 } },
        { id: 'b', kind: 'socket', socket: 'PAIR', behavior: { type: 'manual' }, position: { x: 420, y: 120 } },
      ],
      edges: [{ id: 'link', pattern: 'pair', source: 'a', target: 'b', endpoint: 'inproc://link', bind: 'target' }],
    };
    await p.getByTestId('open-file').setInputFiles({ name: 'inproc.zmqtopo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await expect.poll(() => p.getByTestId('doc-name').textContent()).toContain('in one process');
    await p.getByTestId('theme').click();
    await p.getByTestId('export-code-open').click();
    await expect.poll(() => p.getByTestId('export-refused').textContent()).toMatch(/^Not exported: the topology has 1 error/);
    expect(await p.getByTestId('export-diagnostics').textContent()).toContain('[edge link]');
    expect(await p.getByTestId('export-download').count()).toBe(0);
    await p.screenshot({ path: '/tmp/zs-export-dark.png' });
  });
});
