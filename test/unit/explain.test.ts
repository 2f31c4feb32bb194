// The teaching mode's one-line explanation of each hop, from the topology and the hop's records.
import { describe, expect, it } from 'vitest';
import { blockedSentence, explainHop } from '../../shared/explain';
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

  it('a PUSH send that waited at the high-water mark says how long and at which mark', () => {
    const t = example('pipeline');
    const push = t.nodes.find((n) => n.kind === 'socket' && n.socket === 'PUSH')!;
    const marked: Topology = { ...t, nodes: t.nodes.map((n) => (n.id === push.id && n.kind === 'socket' ? { ...n, options: { sendHighWaterMark: 10 } } : n)) };
    const send = { ...rec(push.id, 'PUSH', 'out', 'task 7'), blockedMs: 240, blockedBy: 'high-water-mark' as const };
    const line = explainHop({ topology: marked, send, receives: [] });
    expect(line).toMatch(/^PUSH blocks: high water mark reached — this send waited 240 ms for room \(sndhwm 10\); then PUSH sent "task 7"; no receive matched it yet/);
    // Without a mark in the topology, libzmq's default is the one that applied.
    expect(explainHop({ topology: t, send, receives: [] })).toMatch(/^PUSH blocks: high water mark reached — this send waited 240 ms for room \(sndhwm 1000, libzmq's default\); /);
    // Once received, the routing follows the wait, without repeating that PUSH blocks.
    const worker = t.edges.find((e) => e.source === push.id)!.target;
    const got = explainHop({ topology: marked, send, receives: [rec(worker, 'PULL', 'in', 'task 7', t.edges.find((e) => e.source === push.id)!.targetPort ?? '')] });
    expect(got).toMatch(/^PUSH blocks: high water mark reached — this send waited 240 ms for room \(sndhwm 10\); then PUSH (round-robins tasks over its \d+ pullers|has one puller)/);
    expect(got).not.toContain('PUSH blocks (never drops)');
  });

  it('a send that waited for want of a peer says no peer connected yet', () => {
    const t = example('pipeline');
    const push = t.nodes.find((n) => n.kind === 'socket' && n.socket === 'PUSH')!;
    const send = { ...rec(push.id, 'PUSH', 'out', 'task 0'), blockedMs: 1234, blockedBy: 'no-peer' as const };
    expect(explainHop({ topology: t, send, receives: [] })).toMatch(/^PUSH blocks: no peer connected yet — this send waited 1\.2 s for one; then /);
  });

  it("each blocking type's mute rule: DEALER, REQ and PAIR block; a dropping type that waited is told plainly", () => {
    expect(blockedSentence('DEALER', 'high-water-mark', 30.4, 5)).toBe('DEALER blocks: high water mark reached — this send waited 30 ms for room (sndhwm 5)');
    expect(blockedSentence('REQ', 'no-peer', 999.6)).toBe('REQ blocks: no peer connected yet — this send waited 1.0 s for one');
    expect(blockedSentence('PAIR', 'unknown', 2500, 1000, '"ping"', true)).toBe(
      `PAIR blocks: no peer could take it (every queue full at the high water mark, or no peer connected) — "ping" waited 2.5 s (sndhwm 1000, libzmq's default)`,
    );
    expect(blockedSentence('XPUB', 'high-water-mark', 50)).toBe('XPUB could not send at once — this send waited 50 ms in libzmq before it went out');
  });

  it("a device's blocked forward keeps the device's lead and reads the port's own mark", () => {
    const t = example('broker');
    const queue = t.nodes.find((n) => n.kind === 'device')!;
    const withMark: Topology = { ...t, nodes: t.nodes.map((n) => (n.id === queue.id && n.kind === 'device' ? { ...n, backendOptions: { sendHighWaterMark: 3 } } : n)) };
    const send = { ...rec(queue.id, 'DEALER', 'out', 'Hello', 'backend'), blockedMs: 45, blockedBy: 'high-water-mark' as const };
    expect(explainHop({ topology: withMark, send, receives: [rec('server3', 'REP', 'in', 'Hello')] })).toBe(
      "queue passes the request on: DEALER blocks: high water mark reached — this send waited 45 ms for room (sndhwm 3); then DEALER round-robins messages over its 3 peers: server 3 was next (DEALER load-balances without REQ's lock-step)",
    );
  });
});
