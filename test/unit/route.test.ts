/** A message's whole route from the page's trace ring: ids, cause links both ways, lanes, latencies. */
import { describe, expect, it } from 'vitest';
import type { RouteStep } from '../../renderer/panels/route/route';
import { computeRoute, routeElements } from '../../renderer/panels/route/route';
import { findMessage, recentRoots } from '../../renderer/panels/route/pick';
import { formatDuration } from '../../renderer/panels/route/duration';
import { BROKER, FORWARDER, LOAD_BALANCED, ringOf } from './routeFixtures';

/** A step as "from-lane -> to-lane" (lane = node, or node.port for a device port). */
function hop(s: RouteStep): string {
  const end = (r: { node: string; port: string } | undefined) => (r ? (r.port ? `${r.node}.${r.port}` : r.node) : '?');
  return `${s.kind === 'internal' ? 'inside ' : ''}${end(s.from)} -> ${end(s.to)}`;
}

describe('computeRoute, load-balanced', () => {
  const ring = ringOf(LOAD_BALANCED);

  it('follows msg 3 (id 7) to server 2 and its reply back to the client', () => {
    const route = computeRoute(ring, 7)!;
    expect(route.root).toBe(7);
    expect(route.records.map((r) => r.seq)).toEqual([13, 14, 15, 16]);
    expect(route.lanes.map((l) => l.node)).toEqual(['client', 'server2']);
    expect(route.steps.map(hop)).toEqual(['client -> server2', 'inside server2 -> server2', 'server2 -> client']);
    const [request, inside, reply] = route.steps;
    expect(request).toMatchObject({ kind: 'wire', msg: 7, edge: 'to-server2' });
    expect(request.latency).toBeCloseTo(0.364, 6);
    expect(inside.latency).toBeCloseTo(0.295, 6);
    expect(reply).toMatchObject({ kind: 'wire', msg: 8, edge: 'to-server2' });
    expect(reply.latency).toBeCloseTo(2.75, 6);
    expect(route.total).toBeCloseTo(59.177 - 55.768, 6);
    expect(route.roundTrip).toBe(true);
    expect(route.partial).toBe(false);
  });

  it('picking the reply shows the same route: the cause is followed backwards', () => {
    const route = computeRoute(ring, 8)!;
    expect(route.msg).toBe(8);
    expect(route.root).toBe(7);
    expect(route.records.map((r) => r.seq)).toEqual([13, 14, 15, 16]);
  });

  it('does not pull in the next request, which no reply caused', () => {
    const route = computeRoute(ring, 5)!;
    expect(route.records.map((r) => r.seq)).toEqual([9, 10, 11, 12]);
    expect(routeElements(route)).toEqual({ nodes: ['client', 'server1'], edges: ['to-server1'] });
  });

  it('a request still in flight: its send has no receive yet', () => {
    const route = computeRoute(ringOf(LOAD_BALANCED.slice(0, 5)), 7)!;
    expect(route.steps).toHaveLength(1);
    expect(route.steps[0]).toMatchObject({ kind: 'wire', msg: 7, edge: 'to-server2', from: { seq: 13 } });
    expect(route.steps[0].to).toBeUndefined();
    expect(route.steps[0].latency).toBeUndefined();
    expect(route.roundTrip).toBe(false);
  });

  it('an id the ring does not hold has no route', () => {
    expect(computeRoute(ring, 99)).toBeUndefined();
    expect(computeRoute(ring, 0)).toBeUndefined();
  });
});

describe('computeRoute, broker', () => {
  const ring = ringOf(BROKER);

  it('follows client 1 through the queue to server 1 and back, apart from client 2 interleaved with it', () => {
    const route = computeRoute(ring, 1)!;
    expect(route.records.map((r) => r.seq)).toEqual([1, 3, 4, 7, 8, 11, 12, 15]);
    expect(route.lanes.map((l) => l.key.replace('\u0000', '.'))).toEqual(['client1.', 'queue.frontend', 'queue.backend', 'server1.']);
    expect(route.steps.map(hop)).toEqual([
      'client1 -> queue.frontend',
      'inside queue.frontend -> queue.backend',
      'queue.backend -> server1',
      'inside server1 -> server1',
      'server1 -> queue.backend',
      'inside queue.backend -> queue.frontend',
      'queue.frontend -> client1',
    ]);
    expect(route.steps.filter((s) => s.kind === 'wire').map((s) => s.edge)).toEqual(['c1-queue', 'queue-s1', 'queue-s1', 'c1-queue']);
    // The queue forwarded the request in 0.112 ms and the reply in 0.032 ms.
    expect(route.steps[1].latency).toBeCloseTo(0.112, 6);
    expect(route.steps[5].latency).toBeCloseTo(0.032, 6);
    expect(route.total).toBeCloseTo(15.526 - 12.736, 6);
    expect(route.roundTrip).toBe(true);
  });

  it('picking the hop behind the queue (id 3, backend -> server 1) finds the same whole route', () => {
    const route = computeRoute(ring, 3)!;
    expect(route.root).toBe(1);
    expect(route.records.map((r) => r.seq)).toEqual([1, 3, 4, 7, 8, 11, 12, 15]);
  });

  it('a root pushed out of the ring: the route starts at the oldest link still held', () => {
    // capacity 14 keeps seqs 4..17: client 1's send and the frontend's receive are gone.
    const small = ringOf(BROKER, 14);
    const route = computeRoute(small, 5)!;
    expect(route.partial).toBe(true);
    expect(route.root).toBe(3);
    expect(route.records.map((r) => r.seq)).toEqual([4, 7, 8, 11, 12, 15]);
    expect(route.roundTrip).toBe(false);
  });

  it('stops at the record limit and says so', () => {
    const route = computeRoute(ring, 1, 3)!;
    expect(route.records).toHaveLength(3);
    expect(route.truncated).toBe(true);
  });
});

describe('computeRoute, fan-out through a forwarder', () => {
  it('one publication: a receive per subscriber; the next publication is not in it', () => {
    const route = computeRoute(ringOf(FORWARDER), 2)!;
    expect(route.root).toBe(1);
    expect(route.steps.map(hop)).toEqual(['weather -> fwd.frontend', 'inside fwd.frontend -> fwd.backend', 'fwd.backend -> suba', 'fwd.backend -> subb']);
    expect(route.steps.slice(2).map((s) => (s.kind === 'wire' ? s.edge : s.kind))).toEqual(['fwd-a', 'fwd-b']);
    expect(route.roundTrip).toBe(false);
    expect(route.total).toBeCloseTo(0.5, 6);
  });
});

describe('picking a message', () => {
  const ring = ringOf(BROKER);

  it('by id, with or without #', () => {
    expect(findMessage(ring, '7')).toBe(7);
    expect(findMessage(ring, '#3')).toBe(3);
    expect(findMessage(ring, '42')).toBeUndefined();
  });

  it('by payload: an exact preview first, else the first send containing the text', () => {
    expect(findMessage(ringOf(LOAD_BALANCED), 'msg 3')).toBe(7);
    expect(findMessage(ring, 'client 1 msg 1')).toBe(9);
    expect(findMessage(ring, 'DONE BY SERVER 2')).toBe(6);
    expect(findMessage(ring, 'nothing like it')).toBeUndefined();
    expect(findMessage(ring, '  ')).toBeUndefined();
  });

  it('lists the newest first sends (not forwards or replies)', () => {
    expect(recentRoots(ring, 10).map((r) => [r.msg, r.node])).toEqual([[9, 'client1'], [2, 'client2'], [1, 'client1']]);
    expect(recentRoots(ring, 1)).toHaveLength(1);
  });
});

describe('formatDuration', () => {
  it('µs below a millisecond, ms above, s past ten seconds', () => {
    expect(formatDuration(0.364)).toBe('364 µs');
    expect(formatDuration(2.75)).toBe('2.75 ms');
    expect(formatDuration(18.1049)).toBe('18.1 ms');
    expect(formatDuration(12_500)).toBe('12.5 s');
  });
});
