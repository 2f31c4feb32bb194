// The Hops tab's list: the latest sends in the page's ring, each with its receives and explanation.
import { expect, it } from 'vitest';
import { recentHops } from '../../renderer/panels/hops/hops';
import { TraceRing } from '../../renderer/store/traceRing';
import { findExample } from '../../shared/examples';
import { loadTopology } from '../../shared/load';
import type { TraceRecord } from '../../shared/trace';

const topology = loadTopology(findExample('load-balanced')!.topology).topology!;
const tables = {
  sockets: [
    { node: 'client', port: '', socket: 'REQ' },
    { node: 'server1', port: '', socket: 'REP' },
    { node: 'server2', port: '', socket: 'REP' },
  ],
  edges: ['to-server1', 'to-server2'],
};
let seq = 0;
const r = (node: string, socket: string, dir: 'out' | 'in', msg: number, preview: string, edge: string, cause = 0): TraceRecord => ({
  seq: ++seq, t: seq, node, port: '', socket, dir, edge, frames: 1, bytes: preview.length, preview, msg, cause,
});

it('lists each send once, oldest first, with who got it and why', () => {
  const ring = new TraceRing(100);
  ring.clear(tables);
  ring.appendRecords([
    r('client', 'REQ', 'out', 1, 'msg 0', 'to-server1'),
    r('server1', 'REP', 'in', 1, 'msg 0', 'to-server1'),
    r('server1', 'REP', 'out', 2, 'World', 'to-server1', 1),
    r('client', 'REQ', 'in', 2, 'World', 'to-server1', 1),
    r('client', 'REQ', 'out', 3, 'msg 1', 'to-server2'),
  ]);
  const hops = recentHops(ring, topology);
  expect(hops.map((h) => `${h.send.node} -> ${h.receives.map((x) => x.node).join(',')}`)).toEqual(['client -> server1', 'server1 -> client', 'client -> ']);
  expect(hops[0].explanation).toMatch(/^REQ round-robins requests over its 2 peers: server 1 was next/);
  expect(hops[1].explanation).toBe('REP answers on the pipe the request came from: the reply goes back to client');
  expect(hops[2].explanation).toMatch(/no receive matched it yet/);
  expect(recentHops(ring, topology, 1).map((h) => h.send.msg)).toEqual([3]);
});
