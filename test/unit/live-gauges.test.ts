// The canvas's socket gauges (in flight, blocked) and per-edge drop counts, over a store without React.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../renderer/store/createAppStore';
import type { LiveFigures } from '../../renderer/canvas/live/liveFigures';
import { createLiveFigures, nodeGauges, nodeKey } from '../../renderer/canvas/live/liveFigures';
import { edgeLine, edgeTitle, gaugeLine, gaugeTitle } from '../../renderer/canvas/live/liveText';
import { findExample } from '../../shared/examples';
import type { EngineEvent, NodeStats, SocketGauge } from '../../shared/ipc';

const idle: SocketGauge = { port: '', inFlight: 0, blockedMs: 0, blockedTotalMs: 0, sndhwm: 1000 };

describe('gauge words', () => {
  it('shows in flight against the mark and the time blocked, naming the port on a two-socket node', () => {
    const g = { port: 'backend', inFlight: 1000, blockedMs: 240, blockedTotalMs: 1234, sndhwm: 1000 };
    expect(gaugeLine(g, false)).toBe('in flight 1,000 (sndhwm 1,000) · blocked 240 ms');
    expect(gaugeLine(g, true)).toBe('backend: in flight 1,000 (sndhwm 1,000) · blocked 240 ms');
    expect(gaugeLine({ ...g, inFlight: 0 }, false)).toBe('blocked 240 ms');
    expect(gaugeLine({ ...g, blockedMs: 0, inFlight: 12, sndhwm: 5 }, false)).toBe('in flight 12 (sndhwm 5)');
    expect(gaugeTitle(g)).toBe(
      "backend: 1000 messages sent and not yet received by the app's own peers (the send high-water mark is 1000 per peer; a receiver's own mark adds to it); sends waited 240 ms in the last stats period, 1.2 s in all (blocked: the queue was full or no peer was there)",
    );
  });

  it('keeps only the gauges with something to show', () => {
    const n: NodeStats = { node: 'q', sent: 1, received: 1, bytesOut: 1, bytesIn: 1, sockets: [idle, { ...idle, port: 'backend', inFlight: 3 }] };
    expect(nodeGauges(n)).toEqual([{ ...idle, port: 'backend', inFlight: 3 }]);
    expect(nodeGauges({ ...n, sockets: [idle] })).toBeUndefined();
    expect(nodeGauges({ ...n, sockets: undefined })).toBeUndefined();
  });

  it("adds the fault's drops to an edge's line and title", () => {
    const f = { forward: 6, back: 0, messages: 9, rate: 0, dropped: 3 };
    expect(edgeLine(f, false)).toBe('9 msgs · 3 dropped');
    expect(edgeLine({ ...f, rate: 12 }, false)).toBe('9 msgs · 12/s · 3 dropped');
    expect(edgeTitle(f, 'producer', 'consumer')).toBe(
      "6 delivered producer → consumer, 0 consumer → producer; 9 in all; 3 dropped by the edge's fault (received, never handed to the reader)",
    );
    expect(edgeLine({ ...f, dropped: undefined }, false)).toBe('9 msgs');
  });
});

describe('live figures', () => {
  let live: LiveFigures | undefined;
  afterEach(() => live?.dispose());

  const tables = { sockets: [{ node: 'client', port: '', socket: 'REQ' }, { node: 'server1', port: '', socket: 'REP' }], edges: ['to-server1', 'to-server2'] };
  const stats = (client: SocketGauge, dropped?: number): EngineEvent => ({
    type: 'stats',
    runId: 1,
    nodes: [{ node: 'client', sent: 5, received: 4, bytesOut: 25, bytesIn: 20, sockets: [client] }],
    edges: [
      { edge: 'to-server1', messages: 9, bytes: 45, rate: 0, ...(dropped === undefined ? {} : { dropped }) },
      { edge: 'to-server2', messages: 1, bytes: 5, rate: 0, dropped: 0 },
    ],
  });

  it('publish a gauge while live, drop it when nothing is in flight or at the end, and an edge its drops', () => {
    const store = createAppStore();
    store.getState().loadTopology(findExample('load-balanced')?.topology);
    live = createLiveFigures(store);
    const apply = (...events: EngineEvent[]) => store.getState().applyEngineEvents(events);
    apply({ type: 'state', runId: 1, state: 'building' }, { type: 'tables', runId: 1, tables }, { type: 'state', runId: 1, state: 'running' });
    apply(stats({ ...idle, inFlight: 1, blockedMs: 240, blockedTotalMs: 240 }, 2));
    live.flush();
    expect(live.node('client')?.gauges).toEqual([{ ...idle, inFlight: 1, blockedMs: 240, blockedTotalMs: 240 }]);
    expect(live.edge('to-server1')).toMatchObject({ messages: 9, dropped: 2 });
    expect(live.edge('to-server2')).not.toHaveProperty('dropped');

    // The same numbers again: the node's components are not told.
    const told = vi.fn();
    live.subscribe(nodeKey('client'), told);
    apply(stats({ ...idle, inFlight: 1, blockedMs: 240, blockedTotalMs: 240 }, 2));
    live.flush();
    expect(told).not.toHaveBeenCalled();
    apply(stats({ ...idle, blockedTotalMs: 240 }, 2));
    live.flush();
    expect(told).toHaveBeenCalledTimes(1);
    expect(live.node('client')).not.toHaveProperty('gauges');

    apply(stats({ ...idle, inFlight: 4, blockedTotalMs: 240 }, 3), { type: 'state', runId: 1, state: 'stopped' });
    live.flush();
    // Ended: what is left "in flight" was lost (the trace says so), not a queue to watch.
    expect(live.node('client')).toEqual({ sent: 5, received: 4, bytesOut: 25, bytesIn: 20 });
    expect(live.edge('to-server1')).toMatchObject({ dropped: 3, rate: 0 });
  });
});
