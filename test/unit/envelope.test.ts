// The message inspector's pure parts: which frames are envelope (identity, delimiter, topic) for
// each socket type and direction, and how a frame shows as text, hex and JSON.
import { describe, expect, it } from 'vitest';
import { labelFrames, subscriberTopics } from '../../renderer/panels/trace/envelope';
import type { EnvelopeInput } from '../../renderer/panels/trace/envelope';
import { decodeBase64, frameText, hexRows, prettyJson } from '../../renderer/panels/trace/frameFormat';
import { framesState } from '../../renderer/panels/trace/useFrames';
import type { TraceRecord } from '../../shared/trace';
import { Topology } from '../../shared/topology';
import { findExample } from '../../shared/examples';

const b = (s: string): Uint8Array => new TextEncoder().encode(s);
const empty = new Uint8Array(0);
/** A libzmq-generated peer identity: 0 then a 4-byte counter. */
const id = new Uint8Array([0x00, 0x80, 0x00, 0x00, 0x29]);

/** "role:label" per frame, and the hidden frames' labels. */
function roles(input: EnvelopeInput): { frames: string[]; hidden: string[] } {
  const e = labelFrames(input);
  return { frames: e.labels.map((l) => `${l.role}:${l.label}`), hidden: e.hidden.map((l) => l.label) };
}

describe('labelFrames', () => {
  it("ROUTER in (the queue's frontend receiving from a REQ): identity, delimiter, body", () => {
    const e = labelFrames({ socket: 'ROUTER', dir: 'in', frames: [id, empty, b('msg 3')] });
    expect(e.labels.map((l) => l.role)).toEqual(['identity', 'delimiter', 'body']);
    expect(e.labels[0].detail).toMatch(/came from/);
    expect(e.hidden).toEqual([]);
  });

  it('ROUTER out: the first frame is the destination', () => {
    const e = labelFrames({ socket: 'ROUTER', dir: 'out', frames: [id, empty, b('msg 3 done')] });
    expect(e.labels.map((l) => l.role)).toEqual(['identity', 'delimiter', 'body']);
    expect(e.labels[0].detail).toMatch(/destination/);
  });

  it('ROUTER with a stacked envelope (two hops) and a multipart body', () => {
    expect(roles({ socket: 'ROUTER', dir: 'in', frames: [id, b('A'), empty, b('head'), b('tail')] }).frames).toEqual([
      'identity:identity',
      'identity:identity (hop 2)',
      'delimiter:delimiter',
      'body:body 1',
      'body:body 2',
    ]);
  });

  it('ROUTER without a delimiter (a DEALER peer that sends none): identity, then body', () => {
    expect(roles({ socket: 'ROUTER', dir: 'in', frames: [id, b('hello')] }).frames).toEqual(['identity:identity', 'body:body']);
  });

  it("DEALER (the queue's backend, both ways): the carried identity, delimiter, body", () => {
    for (const dir of ['out', 'in'] as const) {
      expect(roles({ socket: 'DEALER', dir, frames: [id, empty, b('msg 3')] }).frames).toEqual(['identity:identity', 'delimiter:delimiter', 'body:body']);
    }
  });

  it('DEALER talking to a REP directly: delimiter first, then the body; without one, all body', () => {
    expect(roles({ socket: 'DEALER', dir: 'out', frames: [empty, b('hi')] }).frames).toEqual(['delimiter:delimiter', 'body:body']);
    expect(roles({ socket: 'DEALER', dir: 'out', frames: [b('a'), b('b')] }).frames).toEqual(['body:body 1', 'body:body 2']);
  });

  it('REQ/REP: every frame is body; the delimiter libzmq adds and strips is named as hidden', () => {
    expect(roles({ socket: 'REQ', dir: 'out', frames: [b('msg 3')] })).toEqual({ frames: ['body:body'], hidden: ['delimiter'] });
    const rep = labelFrames({ socket: 'REP', dir: 'in', frames: [b('part 1'), b('part 2')] });
    expect(rep.labels.map((l) => l.label)).toEqual(['body 1', 'body 2']);
    expect(rep.hidden[0].detail).toMatch(/stripped by REP/);
    expect(labelFrames({ socket: 'REP', dir: 'out', frames: [b('ok')] }).hidden[0].detail).toMatch(/put back by REP/);
    expect(labelFrames({ socket: 'REQ', dir: 'in', frames: [b('ok')] }).hidden[0].detail).toMatch(/stripped by REQ/);
  });

  it('PUB/SUB: the first frame is the topic when a subscription matches it', () => {
    const topics = ['netherlands', 'germany'];
    expect(roles({ socket: 'PUB', dir: 'out', frames: [b('germany'), b('goal')], topics }).frames).toEqual(['topic:topic', 'body:body']);
    expect(roles({ socket: 'SUB', dir: 'in', frames: [b('netherlands'), b('red'), b('card')], topics }).frames).toEqual(['topic:topic', 'body:body 1', 'body:body 2']);
    const single = labelFrames({ socket: 'SUB', dir: 'in', frames: [b('netherlands goal')], topics });
    expect(single.labels).toEqual([{ role: 'topic', label: 'topic + body', detail: 'matches the subscription "netherlands"' }]);
  });

  it('PUB/SUB: no matching subscription (or only "everything") leaves the frames plain', () => {
    expect(roles({ socket: 'PUB', dir: 'out', frames: [b('brazil'), b('goal')], topics: ['netherlands'] }).frames).toEqual(['body:body 1', 'body:body 2']);
    expect(roles({ socket: 'PUB', dir: 'out', frames: [b('brazil goal')], topics: [] }).frames).toEqual(['body:body']);
    // A PUSH is not a publisher: its first frame is never a topic.
    expect(roles({ socket: 'PUSH', dir: 'out', frames: [b('netherlands')], topics: ['netherlands'] }).frames).toEqual(['body:body']);
  });

  it('XSUB out / XPUB in: subscription messages', () => {
    expect(labelFrames({ socket: 'XSUB', dir: 'out', frames: [new Uint8Array([1, ...b('germany')])] }).labels).toEqual([
      { role: 'subscription', label: 'subscribe', detail: 'to "germany"' },
    ]);
    expect(labelFrames({ socket: 'XPUB', dir: 'in', frames: [new Uint8Array([0])] }).labels).toEqual([{ role: 'subscription', label: 'unsubscribe', detail: 'to everything' }]);
    // The data an XPUB forwards downstream is a published message.
    expect(roles({ socket: 'XPUB', dir: 'out', frames: [b('germany corner')], topics: ['germany'] }).frames).toEqual(['topic:topic + body']);
  });

  it('multipart on other sockets: body frames numbered', () => {
    expect(roles({ socket: 'PAIR', dir: 'in', frames: [b('a'), empty, b('c')] }).frames).toEqual(['body:body 1', 'body:body 2', 'body:body 3']);
  });
});

describe('subscriberTopics', () => {
  it("collects the topology's subscription prefixes", () => {
    const football = Topology.parse(findExample('football')!.topology);
    expect(subscriberTopics(football)).toEqual(['netherlands', 'germany']);
    const lb = Topology.parse(findExample('load-balanced')!.topology);
    expect(subscriberTopics(lb)).toEqual([]);
  });
});

describe('frame formatting', () => {
  it('decodes base64 frames from the engine', () => {
    expect(Array.from(decodeBase64(Buffer.from([0, 128, 255]).toString('base64')))).toEqual([0, 128, 255]);
    expect(decodeBase64('')).toEqual(new Uint8Array(0));
  });

  it('shows UTF-8 text as it is and binary escaped', () => {
    expect(frameText(b('msg 3'))).toEqual({ text: 'msg 3', binary: false });
    expect(frameText(b('grüße\n'))).toEqual({ text: 'grüße\n', binary: false });
    expect(frameText(id)).toEqual({ text: '\\x00\\x80\\x00\\x00)', binary: true });
    expect(frameText(new Uint8Array([0xff, 0x41, 0x5c]))).toEqual({ text: '\\xffA\\\\', binary: true });
  });

  it('dumps hex rows of 16 bytes with offsets and ASCII', () => {
    const rows = hexRows(b('Hello, ZeroMQ world! \x01'));
    expect(rows).toEqual([
      { offset: '00000000', hex: '48 65 6c 6c 6f 2c 20 5a  65 72 6f 4d 51 20 77 6f', ascii: 'Hello, ZeroMQ wo' },
      { offset: '00000010', hex: '72 6c 64 21 20 01', ascii: 'rld! .' },
    ]);
    expect(hexRows(new Uint8Array(100), 2)).toHaveLength(2);
  });

  it('pretty-prints JSON objects and arrays only', () => {
    expect(prettyJson('{"a":1,"b":[true]}')).toBe('{\n  "a": 1,\n  "b": [\n    true\n  ]\n}');
    expect(prettyJson(' [1,2] ')).toBe('[\n  1,\n  2\n]');
    expect(prettyJson('42')).toBeUndefined();
    expect(prettyJson('{not json}')).toBeUndefined();
  });
});

describe("the engine's frames for a record", () => {
  const record: TraceRecord = { seq: 7, t: 1, node: 'queue', port: 'frontend', socket: 'ROUTER', dir: 'in', edge: 'c1-queue', frames: 3, bytes: 19, preview: 'client 1 msg 0', msg: 3, cause: 0 };
  const b64 = (s: string): string => Buffer.from(s, 'latin1').toString('base64');
  const frames = [b64('\x00\x80\x00\x00\x29'), '', b64('client 1 msg 0')];

  it('decodes the frames that match the record', () => {
    const state = framesState({ available: true, seq: 7, frames, truncated: false }, record, 'k');
    expect(state.status).toBe('ok');
    expect(state.status === 'ok' && state.frames.map((f) => f.length)).toEqual([5, 0, 14]);
  });

  it("refuses another run's record with the same seq, and passes the engine's reason on", () => {
    const other = framesState({ available: true, seq: 7, frames: [b64('task 7')], truncated: false }, record, 'k');
    expect(other).toEqual({ status: 'unavailable', key: 'k', reason: "the engine's record 7 is another message (this trace is not its last run)" });
    const gone = framesState({ available: false, seq: 7, reason: 'record 7 is no longer kept' }, record, 'k');
    expect(gone).toEqual({ status: 'unavailable', key: 'k', reason: 'record 7 is no longer kept' });
  });

  it('accepts fewer bytes than the record when the engine cut big frames', () => {
    const big = { ...record, bytes: 100_000 };
    expect(framesState({ available: true, seq: 7, frames, truncated: true }, big, 'k').status).toBe('ok');
  });
});
