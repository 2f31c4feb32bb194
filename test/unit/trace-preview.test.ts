/** The ring's preview column: copies taken when a record is written, from its frames or from its send's slot. */
import { expect, it } from 'vitest';
import { TraceRing } from '../../main/trace/ring';
import { TraceRecorder } from '../../main/trace/recorder';
import type { TraceBatch } from '../../shared/trace';

const b = (s: string): Uint8Array => new Uint8Array(Buffer.from(s));

it('a receive in a later batch than its send shows its own body, taken over from the send only when the lengths agree', () => {
  const ring = new TraceRing(8);
  const sent = ring.push(0, 0, 0, 0, [b('x'.repeat(60))], 0, 60, 1, 0);
  const other = ring.push(0, 0, 0, 0, [b('short')], 0, 5, 2, 0);
  expect(ring.cut()!.preview).toEqual(['x'.repeat(48) + '…', 'short']);
  ring.push(1, 1, 1, 0, [b('x'.repeat(60))], 0, 60, 1, 0, sent);
  // A matched send of another length (a collision, or an envelope mix-up) is never copied from.
  ring.push(1, 1, 1, 0, [b('longer body')], 0, 11, 2, 0, other);
  expect(ring.cut()!.preview).toEqual(['x'.repeat(48) + '…', 'longer body']);
});

it('short frames, several body frames and an envelope keep their preview', () => {
  const ring = new TraceRing(4);
  ring.push(0, 0, 0, 0, [b('id'), new Uint8Array(0), b('hi'), b('more')], 2, 8, 1, 0);
  ring.push(0, 0, 0, 0, [b('only envelope')], 1, 13, 2, 0);
  expect(ring.cut()!.preview).toEqual(['hi (+1 frame)', '']);
  expect(ring.previewOf(1)).toBe('hi (+1 frame)');
});

it('a receive linked to its send shows nothing rather than another message once that send was overwritten', () => {
  const ring = new TraceRing(8);
  const sent = ring.push(0, 0, 0, 0, [b('task 1')], 0, 6, 1, 0);
  ring.push(1, 1, 1, 0, [b('task 1')], 0, 6, 1, 0, sent); // linked: same shape, recent send
  expect(ring.previewOf(2)).toBe('task 1');
  // Without a recorder nobody cuts at half the ring: let it wrap past the send.
  for (let k = 0; k < 7; k++) ring.push(2, 0, 0, 0, [b(`other ${k}`)], 0, 7, 10 + k, 0);
  expect(ring.previewOf(sent)).toBeUndefined();
  expect(ring.previewOf(2)).toBeUndefined();
  expect(ring.previewOf(3)).toBe('other 0');
});

it('the recorder cuts a batch once half its ring is waiting, so a flood between two timer flushes loses nothing', () => {
  const batches: TraceBatch[] = [];
  const r = new TraceRecorder(
    [
      { node: 'push', port: '', type: 'PUSH', peers: [1], peerEdges: [0], edges: [0], hasExternalPeer: false, subscriptions: undefined },
      { node: 'pull', port: '', type: 'PULL', peers: [0], peerEdges: [0], edges: [0], hasExternalPeer: false, subscriptions: undefined },
    ],
    ['e0'],
    { capacity: 16, flushMs: 60_000, maxPendingAgeMs: 60_000, maxPending: 1000, onBatch: (x) => batches.push(x) },
  );
  for (let k = 0; k < 20; k++) {
    r.send(0, [b(`m${k}`)], 0);
    r.receive(1, [b(`m${k}`)]);
  }
  r.flush();
  r.dispose();
  const previews = batches.flatMap((x) => x.preview);
  expect(batches.reduce((n, x) => n + x.dropped, 0)).toBe(0);
  expect(previews).toHaveLength(40);
  expect(previews.filter((_, k) => k % 2 === 1)).toEqual(Array.from({ length: 20 }, (_, k) => `m${k}`)); // every receive shows its body
});
