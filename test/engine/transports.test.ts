/** The same request/reply over tcp, ipc and inproc (DESIGN.md: every transport, real sockets). */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { TestEngine } from './testEngine';
import { address, removeIpcFiles, reqRep } from './topologies';

let t: TestEngine;
afterEach(() => t.dispose());
afterAll(removeIpcFiles);

describe.each(['tcp', 'ipc', 'inproc'] as const)('request/reply over %s', (transport) => {
  it('answers every request and traces each hop on the edge', async () => {
    t = new TestEngine();
    expect(await t.start(reqRep(address(transport), 4))).toEqual([]);
    await t.runUntilFinished();
    expect(t.logs('client')).toEqual([0, 1, 2, 3].flatMap((i) => [`Sending msg ${i}`, `Received ok msg ${i}`]));
    // 4 requests + 4 replies, each a send and a receive
    expect(t.records).toHaveLength(16);
    expect(new Set(t.records.map((r) => r.edge))).toEqual(new Set(['e1']));
    const req = t.records.find((r) => r.node === 'client' && r.dir === 'out' && r.preview === 'msg 2')!;
    const got = t.records.find((r) => r.node === 'server' && r.dir === 'in' && r.msg === req.msg)!;
    expect(got.preview).toBe('msg 2');
    const answer = t.records.find((r) => r.node === 'server' && r.dir === 'out' && r.cause === req.msg)!;
    expect(answer.preview).toBe('ok msg 2');
  });
});

it('a socket bound on every interface (tcp://*) is reached by the app over loopback', async () => {
  t = new TestEngine();
  const diagnostics = await t.start(reqRep('tcp://*:5999', 2), { freePorts: true });
  expect(diagnostics.map((d) => d.code)).toEqual(['public-bind']); // a warning: other machines can reach it
  await t.runUntilFinished();
  expect(t.logs('client')).toEqual(['Sending msg 0', 'Received ok msg 0', 'Sending msg 1', 'Received ok msg 1']);
  const connected = t.events.find((e) => e.type === 'monitor' && e.node === 'client' && e.kind === 'handshake-ok');
  expect(connected && 'endpoint' in connected && connected.endpoint).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/);
});
