/**
 * A page that stops reading must not grow the server: past the drop bound its trace batches are
 * skipped (counted), other events still queue; past the hard bound it is disconnected. The engine
 * here is a fixed fake (no zeromq involved): events are broadcast by hand so the volumes are exact.
 *
 *   test --broadcast--> SocketBridge --ws--> page (paused: reads nothing)
 */
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineCommands, EngineEvent } from '../../shared/ipc';
import type { TraceBatch } from '../../shared/trace';
import type { BridgeLimits } from '../../main/host/socketBridge';
import { SocketBridge } from '../../main/host/socketBridge';
import { hostPolicy } from '../../main/host/hostPolicy';
import { LaunchToken } from '../../main/host/launchToken';
import { PageClient, waitUntil } from './helpers';

const idle: EngineCommands = {
  start: async () => ({ runId: 1, diagnostics: [] }),
  stop: async () => ({ closedSockets: 0 }),
  inject: async () => ({ msg: 1 }),
  pause: async () => ({ state: 'idle' }),
  resume: async () => ({ state: 'idle' }),
  frames: async ({ seq }) => ({ available: false, seq, reason: 'idle' }),
  step: async () => ({ released: [], waiting: 0 }),
  fault: async (request) => request,
  nodeFault: async ({ node, action }) => ({ node, state: action === 'kill' ? ('killed' as const) : ('running' as const), sockets: 1 }),
  attach: async () => ({ diagnostics: [], nodes: [], edges: [] }),
  detach: async ({ nodes }) => ({ nodes, edges: [], closedSockets: 0 }),
  status: async () => ({
    state: 'idle',
    runId: 0,
    openSockets: 0,
    libzmq: 'fake',
    capabilities: { ipc: true, pgm: false, tipc: false, norm: false, curve: false, gssapi: false, draft: false },
  }),
};

/** ~64 KiB of JSON per batch. */
function traceEvent(batch: number): EngineEvent {
  const n = 512;
  const preview = Array.from({ length: n }, () => 'x'.repeat(100));
  const zeros = (): number[] => new Array<number>(n).fill(0);
  const trace: TraceBatch = {
    batch,
    firstSeq: batch * n,
    count: n,
    dropped: 0,
    t: Float64Array.from(zeros()),
    socket: Uint16Array.from(zeros()),
    dir: Uint8Array.from(zeros()),
    edge: Int32Array.from(zeros()),
    frames: Uint32Array.from(zeros()),
    bytes: Uint32Array.from(zeros()),
    msg: Uint32Array.from(zeros()),
    cause: Uint32Array.from(zeros()),
    preview,
  };
  return { type: 'trace', runId: 1, batch: trace };
}

const opened: { http: Server; bridge: SocketBridge; page: PageClient }[] = [];
afterEach(async () => {
  for (const { http, bridge, page } of opened.splice(0)) {
    page.ws.terminate();
    await bridge.close();
    await new Promise<void>((r) => http.close(() => r()));
  }
});

async function bridgeWithPage(limits: BridgeLimits): Promise<{ bridge: SocketBridge; page: PageClient }> {
  const http = createServer();
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const port = (http.address() as AddressInfo).port;
  const token = new LaunchToken(port);
  const bridge = new SocketBridge(idle, hostPolicy(port, '127.0.0.1'), token, limits);
  http.on('upgrade', (req, socket, head) => bridge.upgrade(req, socket, head));
  const page = await PageClient.open(`http://127.0.0.1:${port}/?token=${token.value}`);
  opened.push({ http, bridge, page });
  return { bridge, page };
}

describe('backpressure per page', { timeout: 30_000 }, () => {
  it('drops trace batches for a page that does not read, keeps other events, and catches up after', async () => {
    const { bridge, page } = await bridgeWithPage({ traceDropBytes: 1024 * 1024, disconnectBytes: 1024 * 1024 * 1024 });
    page.ws.pause();
    // ~64 MiB offered: far more than the kernel's socket buffers take.
    for (let i = 1; i <= 1000; i++) bridge.broadcast(traceEvent(i));
    bridge.broadcast({ type: 'finished', runId: 1 });
    const dropped = bridge.stats().droppedTraces;
    expect(dropped).toBeGreaterThan(500);
    expect(dropped).toBeLessThan(1000);

    page.ws.resume();
    await page.waitFor('finished after the traces', (m) =>
      m.kind === 'event' && m.event.type === 'finished' ? true : undefined,
    );
    const batches = page.events().flatMap((e) => (e.type === 'trace' ? [e.batch.batch] : []));
    expect(batches.length).toBe(1000 - dropped);
    // What arrives is in order, and the first gap in batch numbers shows the page what it missed.
    expect(batches).toEqual([...batches].sort((a, b) => a - b));
    expect(batches.at(-1)).toBeLessThan(1000);
    expect(bridge.stats().slowDisconnects).toBe(0);
  });

  it('disconnects a page whose unsent data passes the hard bound', async () => {
    const { bridge, page } = await bridgeWithPage({ traceDropBytes: 1024 * 1024, disconnectBytes: 4 * 1024 * 1024 });
    page.ws.pause();
    const line = 'y'.repeat(64 * 1024);
    for (let i = 0; i < 1000 && bridge.stats().clients > 0; i++) {
      bridge.broadcast({ type: 'log', runId: 1, t: i, node: 'n', line, level: 'info' });
    }
    expect(bridge.stats()).toMatchObject({ clients: 0, slowDisconnects: 1 });
    page.ws.resume();
    await waitUntil('the page to see the disconnect', () => page.closeCode !== undefined);
    expect(page.closeCode).toBe(1006);
  });
});
