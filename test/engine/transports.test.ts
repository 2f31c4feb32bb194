/** The same request/reply over tcp, ipc and inproc (DESIGN.md: every transport, real sockets). */
import { afterEach, describe, expect, it } from 'vitest';
import { TestEngine } from './testEngine';
import { address, reqRep } from './topologies';

let t: TestEngine;
afterEach(() => t.dispose());

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
