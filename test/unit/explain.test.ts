// The teaching mode's one-line explanation of each hop, from the topology and the hop's records.
import { describe, expect, it } from 'vitest';
import { explainHop } from '../../shared/explain';
import { findExample } from '../../shared/examples';
import { loadTopology } from '../../shared/load';
import type { TraceRecord } from '../../shared/trace';
import type { Topology } from '../../shared/topology';

const example = (id: string): Topology => loadTopology(findExample(id)!.topology).topology!;
let seq = 0;
const rec = (node: string, socket: string, dir: 'out' | 'in', preview: string, port = ''): TraceRecord => ({
  seq: ++seq, t: seq, node, port, socket, dir, edge: 'e', frames: 1, bytes: preview.length, preview, msg: 1, cause: 0,
});

describe('explainHop', () => {
  it('REQ round-robins over its servers and then waits for the reply', () => {
    const t = example('load-balanced');
    const line = explainHop({ topology: t, send: rec('client', 'REQ', 'out', 'msg 1'), receives: [rec('server2', 'REP', 'in', 'msg 1')] });
    expect(line).toBe("REQ round-robins requests over its 2 peers: server 2 was next; REQ now waits for the reply before it may send again (strict send/receive lock-step)");
  });

  it('REP answers where the request came from', () => {
    const t = example('load-balanced');
    expect(explainHop({ topology: t, send: rec('server2', 'REP', 'out', 'World'), receives: [rec('client', 'REQ', 'in', 'World')] })).toBe(
      'REP answers on the pipe the request came from: the reply goes back to client',
    );
  });

  it('the queue passes requests on through its DEALER and routes replies back by identity', () => {
    const t = example('broker');
    expect(explainHop({ topology: t, send: rec('queue', 'DEALER', 'out', 'Hello', 'backend'), receives: [rec('server3', 'REP', 'in', 'Hello')] })).toBe(
      "queue passes the request on: DEALER round-robins messages over its 3 peers: server 3 was next (DEALER load-balances without REQ's lock-step)",
    );
    expect(explainHop({ topology: t, send: rec('queue', 'ROUTER', 'out', 'World', 'frontend'), receives: [rec('client1', 'REQ', 'in', 'World')] })).toBe(
      "queue routes the reply back by the client's identity frame: ROUTER sends to the peer named by the message's first frame (its identity): client 1",
    );
  });

  it('PUB names who got the copy and who dropped it', () => {
    const t = example('football');
    const pub = t.nodes.find((n) => n.kind === 'socket' && n.socket === 'PUB')!;
    const subs = t.nodes.filter((n) => n.kind === 'socket' && n.socket === 'SUB');
    expect(subs.length).toBeGreaterThan(0);
    const line = explainHop({ topology: t, send: rec(pub.id, 'PUB', 'out', 'portugal corner'), receives: [] });
    expect(line).toMatch(/^PUB sends a copy to every subscriber whose subscription matches its first frame: no subscriber got it; .+ filtered it out: its subscriptions \("netherlands", "germany"\) do not match$/);
    const got = explainHop({ topology: t, send: rec(pub.id, 'PUB', 'out', 'netherlands 2-1'), receives: [rec(subs[0].id, 'SUB', 'in', 'netherlands 2-1')] });
    expect(got).toContain(`${subs[0].label ?? subs[0].id} got it`);
  });

  it('a subscriber without a subscription, and one that was owed the message', () => {
    const t = example('football');
    const pub = t.nodes.find((n) => n.kind === 'socket' && n.socket === 'PUB')!;
    const sub = t.nodes.find((n) => n.kind === 'socket' && n.socket === 'SUB')!;
    const owed = explainHop({ topology: t, send: rec(pub.id, 'PUB', 'out', 'germany goal'), receives: [] });
    expect(owed).toMatch(/was owed it but did not get it \(not connected yet: the slow joiner/);
    const deaf: Topology = { ...t, nodes: t.nodes.map((n) => (n.id === sub.id && n.kind === 'socket' ? { ...n, behavior: { type: 'subscribe', topics: [] } } : n)) };
    expect(explainHop({ topology: deaf, send: rec(pub.id, 'PUB', 'out', 'germany goal'), receives: [] })).toMatch(/has no subscription, and a SUB without one receives nothing$/);
  });

  it('a send nobody received yet says so', () => {
    const t = example('pipeline');
    const push = t.nodes.find((n) => n.kind === 'socket' && n.socket === 'PUSH')!;
    expect(explainHop({ topology: t, send: rec(push.id, 'PUSH', 'out', 'task 0'), receives: [] })).toMatch(/no receive matched it yet/);
  });
});
