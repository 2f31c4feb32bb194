/**
 * The server's engine child over its life: a crash is reported to every page and the engine comes
 * back; close() ends the pages' connections and leaves no engine process behind.
 *
 *   page --ws--> server --fork--> engine child   (killed with SIGKILL from the test)
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent, StatusReply } from '../../shared/ipc';
import type { RunningServer } from '../../main/host/server';
import { startServer } from '../../main/host/server';
import { PageClient, httpGet, isGone, makeSite, removeSite, waitUntil } from './helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(): Promise<RunningServer> {
  const site = await makeSite();
  const server = await startServer({ staticDir: site });
  cleanups.push(
    () => removeSite(site),
    () => server.close(),
  );
  return server;
}

type EngineNotice = Extract<EngineEvent, { type: 'engine' }>;

describe('engine child lifecycle', { timeout: 60_000 }, () => {
  it('tells every page when the engine dies and comes back, then serves commands again', async () => {
    const server = await serve();
    const pages = [await PageClient.open(server.url), await PageClient.open(server.url)];
    cleanups.push(async () => void (await Promise.all(pages.map((p) => p.close()))));
    const first = server.enginePid() as number;
    process.kill(first, 'SIGKILL');

    for (const page of pages) {
      const exited = await page.waitFor('engine exited', (m) =>
        m.kind === 'event' && m.event.type === 'engine' && m.event.status === 'exited'
          ? (m.event as EngineNotice)
          : undefined,
      );
      expect(exited.reason).toBe('engine process killed by SIGKILL');
      await page.waitFor('engine restarted', (m) =>
        m.kind === 'event' && m.event.type === 'engine' && m.event.status === 'restarted' ? true : undefined,
      );
    }
    const reply = await pages[0].call('status');
    expect(reply.ok && (reply.value as StatusReply).libzmq).toBe('4.3.5');
    expect(server.enginePid()).not.toBe(first);
    expect((await httpGet(server, '/api/health')).status).toBe(200);
  });

  it('close() closes the pages with 1001 and leaves no engine process', async () => {
    const server = await serve();
    const page = await PageClient.open(server.url);
    expect((await page.call('status')).ok).toBe(true);
    const pid = server.enginePid() as number;
    expect(isGone(pid)).toBe(false);

    await server.close();
    expect(isGone(pid)).toBe(true);
    expect(server.enginePid()).toBeUndefined();
    await waitUntil('the page to see the close', () => page.closeCode !== undefined);
    expect(page.closeCode).toBe(1001);
    await expect(httpGet(server, '/')).rejects.toThrow(/ECONNREFUSED/);
    await server.close(); // a second close is a no-op
  });

  it('close() during a run stops it and still leaves no engine process', async () => {
    const server = await serve();
    const page = await PageClient.open(server.url);
    const slow = {
      format: 'zmq-studio.topology/1',
      nodes: [
        {
          id: 'src',
          kind: 'socket',
          socket: 'PUSH',
          behavior: { type: 'produce', count: 100000, payload: 'task {i}', intervalMs: 5 },
        },
        { id: 'sink', kind: 'socket', socket: 'PULL', behavior: { type: 'consume' } },
      ],
      edges: [
        {
          id: 'e',
          pattern: 'pipeline',
          source: 'src',
          target: 'sink',
          endpoint: 'tcp://127.0.0.1:5999',
          bind: 'target',
        },
      ],
    };
    const reply = await page.call('start', [slow, { freePorts: true }]);
    expect(reply).toMatchObject({ ok: true, value: { diagnostics: [] } });
    await page.waitFor('a trace batch', (m) => (m.kind === 'event' && m.event.type === 'trace' ? true : undefined));
    const pid = server.enginePid() as number;
    await server.close();
    expect(isGone(pid)).toBe(true);
  });

  it('serves the same contract with the engine in-process', async () => {
    const site = await makeSite();
    const server = await startServer({ staticDir: site, engine: 'in-process' });
    cleanups.push(
      () => removeSite(site),
      () => server.close(),
    );
    expect(server.enginePid()).toBe(process.pid);
    const page = await PageClient.open(server.url);
    const reply = await page.call('status');
    expect(reply.ok && (reply.value as StatusReply).libzmq).toBe('4.3.5');
    await page.close();
  });
});
