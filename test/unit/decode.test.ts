import { describe, expect, it } from 'vitest';
import { encode } from '@msgpack/msgpack';
import { decodeMsgpack, detectDecoder, isDecoder, resolveDecoder } from '../../renderer/panels/trace/decode';
import { compactBody, compactFrame, wantsFrames } from '../../renderer/panels/trace/compact';

const utf8 = (s: string) => new TextEncoder().encode(s);
const fromHex = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));

describe('payload decoding', () => {
  it('picks JSON for a JSON object or array frame', () => {
    expect(detectDecoder(utf8('{"task":2,"tags":["a"]}'))).toBe('json');
    expect(detectDecoder(utf8(' [1, 2] '))).toBe('json');
  });

  it('picks MessagePack for a map, an array, a number and a string, and decodes them', () => {
    const map = fromHex('82a16101a16292c3a178'); // {"a":1,"b":[true,"x"]}
    expect(detectDecoder(map)).toBe('msgpack');
    expect(decodeMsgpack(map)).toEqual({ ok: true, text: JSON.stringify({ a: 1, b: [true, 'x'] }, null, 2) });
    const array = encode([1, 'two', null, { k: 3.5 }]);
    expect(detectDecoder(array)).toBe('msgpack');
    expect(decodeMsgpack(array)).toEqual({ ok: true, text: JSON.stringify([1, 'two', null, { k: 3.5 }], null, 2) });
    for (const n of [300, -1, 5, 2 ** 40]) {
      const bytes = encode(n);
      expect(detectDecoder(bytes), String(n)).toBe('msgpack');
      expect(decodeMsgpack(bytes)).toEqual({ ok: true, text: String(n) });
    }
    const str = encode('héllo');
    expect(detectDecoder(str)).toBe('msgpack');
    expect(decodeMsgpack(str)).toEqual({ ok: true, text: '"héllo"' });
  });

  it('shows bin values and 64-bit integers without throwing', () => {
    const r = decodeMsgpack(encode({ id: new Uint8Array([0, 1, 255]), big: 2n ** 63n }, { useBigInt64: true }));
    expect(r).toEqual({ ok: true, text: expect.stringContaining('"<bin 3 B: 00 01 ff>"') });
    expect(r.ok && r.text).toContain('"9223372036854775808n"');
  });

  it('falls back to hex for binary garbage, and reports the decode error inline', () => {
    const garbage = fromHex('00ffc1deadbeef');
    expect(detectDecoder(garbage)).toBe('hex');
    expect(detectDecoder(fromHex('c1'))).toBe('hex'); // 0xc1 is never used by MessagePack
    const r = decodeMsgpack(garbage);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/extra|byte/i);
    expect(decodeMsgpack(fromHex('82a161'))).toMatchObject({ ok: false }); // truncated map
  });

  it('keeps printable UTF-8 as text, even when it would decode as MessagePack integers', () => {
    expect(detectDecoder(utf8('client 1 msg 0'))).toBe('text');
    expect(detectDecoder(utf8('7'))).toBe('text');
    expect(detectDecoder(utf8('naïve — 東京\n'))).toBe('text');
  });

  it('treats an empty frame as text, and MessagePack of it as an error', () => {
    expect(detectDecoder(new Uint8Array())).toBe('text');
    expect(decodeMsgpack(new Uint8Array())).toEqual({ ok: false, error: 'empty frame' });
  });

  it('resolves auto per frame and keeps an explicit choice', () => {
    expect(resolveDecoder('auto', fromHex('82a16101a16292c3a178'))).toBe('msgpack');
    expect(resolveDecoder('hex', utf8('{"a":1}'))).toBe('hex');
    expect(isDecoder('msgpack')).toBe(true);
    expect(isDecoder('yaml')).toBe(false);
  });
});

describe('the trace preview in the node\'s decoder', () => {
  it('asks for frames only when the engine\'s text preview is not already the answer', () => {
    expect(wantsFrames('text', '0x82a161')).toBe(false);
    expect(wantsFrames('auto', 'Hello')).toBe(false);
    expect(wantsFrames('auto', '{"a":1}')).toBe(false); // compact JSON is the text itself
    expect(wantsFrames('auto', '0x82a16101')).toBe(true); // binary: msgpack or hex
    for (const d of ['hex', 'json', 'msgpack'] as const) expect(wantsFrames(d, 'Hello'), d).toBe(true);
  });

  it('draws one frame on one line per decoder, falling back as the inspector does', () => {
    expect(compactFrame(utf8('Hello'), 'hex')).toBe('48 65 6c 6c 6f');
    expect(compactFrame(utf8('Hello world, hello'), 'hex', 12)).toBe('48 65 6c 6c …');
    expect(compactFrame(utf8(' {"a": [1, 2]} '), 'json')).toBe('{"a":[1,2]}');
    expect(compactFrame(utf8('not json'), 'json')).toBe('not json');
    expect(compactFrame(fromHex('82a16101a16292c3a178'), 'msgpack')).toBe('{"a":1,"b":[true,"x"]}');
    expect(compactFrame(fromHex('00ffc1'), 'msgpack')).toBe('00 ff c1');
    expect(compactFrame(fromHex('00ff'), 'text')).toBe('\\x00\\xff');
    expect(compactFrame(new Uint8Array(), 'hex')).toBe('(empty)');
  });

  it('shows the body frames only: a ROUTER\'s identity and delimiter are left to the inspector', () => {
    const frames = [fromHex('0080000029'), new Uint8Array(), utf8('Hi')];
    expect(compactBody({ socket: 'ROUTER', dir: 'in', frames, decoder: 'hex' })).toBe('48 69');
    expect(compactBody({ socket: 'DEALER', dir: 'out', frames, decoder: 'text' })).toBe('Hi');
  });

  it('joins multipart bodies, resolves auto per frame, and marks cut messages', () => {
    const frames = [utf8('weather'), encode({ t: 21 })];
    expect(compactBody({ socket: 'PUB', dir: 'out', frames, decoder: 'auto' })).toBe('weather | {"t":21}');
    expect(compactBody({ socket: 'PUSH', dir: 'out', frames: [utf8('ab')], decoder: 'hex', truncated: true })).toBe('61 62…');
    const long = compactBody({ socket: 'PUSH', dir: 'out', frames: [utf8('x'.repeat(1000))], decoder: 'text' }, 50);
    expect(long).toBe(`${'x'.repeat(50)}…`);
  });
});
