/**
 * The WebSocket bridge with the real engine in its supervised child (the default):
 *
 *   page A --ws--> server --fork/IPC--> engine child: client (REQ) --tcp--> server1, server2 (REP)
 *   page B --ws-->        <--events---
 *
 * Replies go to the page that asked; every event goes to every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExample } from '../../shared/examples';
import type { EngineEvent, StatusReply } from '../../shared/ipc';
import type { RunningServer } from '../../main/host/server';
import { startServer } from '../../main/host/server';
import { PageClient, makeSite, removeSite } from './helpers';

let site: string;
let server: RunningServer;
const pages: PageClient[] = [];

async function page(): Promise<PageClient> {
  const p = await PageClient.open(server.url);
  pages.push(p);
  return p;
}

beforeAll(async () => {
  site = await makeSite();
  server = await startServer({ staticDir: site });
});
afterAll(async () => {
  await Promise.all(pages.map((p) => p.close()));
  await server?.close();
  await removeSite(site);
});

const isLog = (e: EngineEvent): e is Extract<EngineEvent, { type: 'log' }> => e.type === 'log';

describe('WebSocket bridge, supervised engine', { timeout: 60_000 }, () => {
  it('runs the engine in a child process', () => {
    expect(server.enginePid()).toBeGreaterThan(0);
    expect(server.enginePid()).not.toBe(process.pid);
  });

  it('answers status with libzmq 4.3.5', async () => {
    const a = await page();
    const reply = await a.call('status');
    expect(reply.ok).toBe(true);
    const status = reply.ok ? (reply.value as StatusReply) : undefined;
    expect(status?.libzmq).toBe('4.3.5');
    expect(status?.state).toBe('idle');
  });

  it('runs load-balanced: both pages get the logs and a trace batch with typed columns; only the asker gets the reply', async () => {
    const a = await page();
    const b = await page();
    const reply = await a.call('start', [findExample('load-balanced')?.topology, { freePorts: true }], 901);
    expect(reply).toMatchObject({ kind: 'reply', id: 901, ok: true });
    const runId = reply.ok ? (reply.value as { runId: number }).runId : -1;

    for (const p of [a, b]) {
      await p.waitFor('Got msg 0 from server1', (m) =>
        m.kind === 'event' && isLog(m.event) && m.event.node === 'server1' && m.event.line === 'Got msg 0'
          ? m
          : undefined,
      );
      const trace = await p.waitFor('a trace batch', (m) =>
        m.kind === 'event' && m.event.type === 'trace' ? m.event : undefined,
      );
      expect(trace.runId).toBe(runId);
      expect(trace.batch.t).toBeInstanceOf(Float64Array);
      expect(trace.batch.edge).toBeInstanceOf(Int32Array);
      expect(trace.batch.msg).toBeInstanceOf(Uint32Array);
      expect(trace.batch.count).toBeGreaterThan(0);
      expect(trace.batch.preview.length).toBe(trace.batch.count);
    }
    await a.waitFor('the run to finish', (m) => (m.kind === 'event' && m.event.type === 'finished' ? true : undefined));
    const server1 = a
      .events()
      .filter(isLog)
      .filter((e) => e.node === 'server1')
      .map((e) => e.line);
    expect(server1).toEqual(['Got msg 0', 'Got msg 2', 'Got msg 4', 'Got msg 6', 'Got msg 8']);
    expect(b.messages.some((m) => m.kind === 'reply' && m.id === 901)).toBe(false);
    expect((await a.call('stop')).ok).toBe(true);
  });

  it('answers an engine error as a failed reply, not a dropped socket', async () => {
    const a = await page();
    const reply = await a.call('inject', [{ node: 'nobody', frames: ['hi'] }]);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toMatch(/nothing is running|no node/);
    expect((await a.call('status')).ok).toBe(true);
  });

  it('carries pause and resume to the engine through the supervised child', async () => {
    const a = await page();
    const idle = await a.call('pause');
    expect(idle.ok).toBe(false);
    if (!idle.ok) expect(idle.error.message).toBe('nothing is running: start a run before pausing');
  });

  it('survives what is not a command: counts it, answers when it has an id, and still serves', async () => {
    const a = await page();
    const before = server.stats().undecodable;
    a.ws.send('not json at all');
    a.ws.send(Buffer.from([0xff, 0x00, 0x13]), { binary: true });
    a.ws.send(JSON.stringify({ kind: 'command', id: 77, name: 'rm -rf', args: [] }));
    a.ws.send(JSON.stringify([1, 2, 3]));
    const refused = await a.waitFor('the reply to id 77', (m) => (m.kind === 'reply' && m.id === 77 ? m : undefined));
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_COMMAND' } });
    const status = await a.call('status');
    expect(status.ok).toBe(true);
    expect(server.stats().undecodable - before).toBe(4);
  });

  it('refuses arguments the engine should not see (a 10^12-record trace ring, unknown options)', async () => {
    const a = await page();
    const topology = findExample('pair')?.topology;
    const huge = await a.call('start', [topology, { traceCapacity: 1e12 }]);
    expect(huge).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    const unknown = await a.call('start', [topology, { freePorts: true, rootShell: true }]);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    expect(await a.call('status', ['extra'])).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    expect(await a.call('pause', [true])).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
  });

  it('closes a connection whose message is over 8 MiB, and keeps serving others', async () => {
    const a = await page();
    a.ws.send('x'.repeat(8 * 1024 * 1024 + 1));
    await new Promise<void>((resolve) => a.ws.once('close', () => resolve()));
    expect(a.closeCode).toBe(1009);
    const b = await page();
    expect((await b.call('status')).ok).toBe(true);
  });
});
