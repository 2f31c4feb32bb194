import { expect, it } from 'vitest';
import { decodeWireCommand, decodeWireMessage, encodeWireMessage } from '../../shared/wire';
import type { TraceBatch } from '../../shared/trace';

it('carries a trace batch through JSON with its typed columns rebuilt', () => {
  const batch: TraceBatch = {
    batch: 1, firstSeq: 5, count: 2, dropped: 0,
    t: Float64Array.from([1.5, 2.25]), socket: Uint16Array.from([0, 1]), dir: Uint8Array.from([0, 1]),
    edge: Int32Array.from([-1, 0]), frames: Uint32Array.from([1, 1]), bytes: Uint32Array.from([5, 5]),
    msg: Uint32Array.from([1, 1]), cause: Uint32Array.from([0, 0]), preview: ['msg 0', 'msg 0'],
  };
  const back = decodeWireMessage(encodeWireMessage({ kind: 'event', event: { type: 'trace', runId: 3, batch } }));
  expect(back?.kind).toBe('event');
  const event = back?.kind === 'event' ? back.event : undefined;
  expect(event?.type).toBe('trace');
  if (event?.type !== 'trace') return;
  expect(event.batch.edge).toBeInstanceOf(Int32Array);
  expect(Array.from(event.batch.edge)).toEqual([-1, 0]);
  expect(Array.from(event.batch.t)).toEqual([1.5, 2.25]);
  expect(event.batch.preview).toEqual(['msg 0', 'msg 0']);
});

it('refuses what is not a command: unknown names, bad ids, not JSON', () => {
  expect(decodeWireCommand('{"kind":"command","id":1,"name":"status","args":[]}')).toEqual({ kind: 'command', id: 1, name: 'status', args: [] });
  expect(decodeWireCommand('{"kind":"command","id":1,"name":"rm -rf","args":[]}')).toBeUndefined();
  expect(decodeWireCommand('{"kind":"command","id":0,"name":"status","args":[]}')).toBeUndefined();
  expect(decodeWireCommand('{"kind":"command","id":1,"name":"status","args":{}}')).toBeUndefined();
  expect(decodeWireCommand('not json')).toBeUndefined();
  expect(decodeWireMessage('{"kind":"event","event":{"type":"nope"}}')).toBeUndefined();
});
