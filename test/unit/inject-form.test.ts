// The inject form's rules: which ports can send by hand, frame validation per payload kind, the request.
import { describe, expect, it } from 'vitest';
import { loadTopology } from '../../shared/load';
import type { TopologyNode } from '../../shared/topology';
import {
  MAX_FRAMES,
  buildInject,
  frameError,
  injectHint,
  injectTargets,
} from '../../renderer/panels/inject/injectForm';

const doc = loadTopology({
  format: 'zmq-studio.topology/1',
  nodes: [
    { id: 'client', kind: 'socket', socket: 'REQ', behavior: { type: 'manual' } },
    { id: 'sub', kind: 'socket', socket: 'SUB', behavior: { type: 'subscribe' } },
    { id: 'queue', kind: 'device', device: 'queue' },
    { id: 'streamer', kind: 'device', device: 'streamer' },
    { id: 'worker', kind: 'worker', input: 'PULL', output: 'PUSH', behavior: { type: 'work' } },
    { id: 'py', kind: 'external', socket: 'PUB' },
  ],
  edges: [],
}).topology!;
const node = (id: string): TopologyNode => doc.nodes.find((n) => n.id === id)!;

describe('inject targets', () => {
  it('a socket that sends has one port; one that cannot says why', () => {
    expect(injectTargets(node('client'))).toEqual({ ports: [{ port: '', socket: 'REQ', label: 'REQ' }] });
    expect(injectTargets(node('sub'))).toEqual({ ports: [], reason: 'a SUB socket cannot send' });
  });

  it('devices and workers offer only the ports whose socket sends', () => {
    expect(injectTargets(node('queue')).ports.map((p) => p.label)).toEqual(['frontend (ROUTER)', 'backend (DEALER)']);
    expect(injectTargets(node('streamer')).ports.map((p) => p.port)).toEqual(['backend']);
    expect(injectTargets(node('worker')).ports.map((p) => p.port)).toEqual(['out']);
  });

  it('an external program sends on its own', () => {
    expect(injectTargets(node('py'))).toEqual({
      ports: [],
      reason: 'an external node is a program outside the app: it sends on its own',
    });
  });
});

describe('frame validation', () => {
  it('text takes anything, including an empty frame (an envelope delimiter)', () => {
    expect(frameError('', 'text')).toBeUndefined();
    expect(frameError('héllo {"x"', 'text')).toBeUndefined();
  });

  it('JSON must parse', () => {
    expect(frameError('{"a": [1, 2]}', 'json')).toBeUndefined();
    expect(frameError('"just a string"', 'json')).toBeUndefined();
    expect(frameError('{"a": 1,}', 'json')).toMatch(/^not JSON: /);
    expect(frameError('', 'json')).toMatch(/^not JSON: /);
  });

  it('hex: digits only, two per byte, spaces between bytes allowed', () => {
    expect(frameError('deadBEEF', 'hex')).toBeUndefined();
    expect(frameError('de ad\nbe ef', 'hex')).toBeUndefined();
    expect(frameError('', 'hex')).toBeUndefined();
    expect(frameError('abc', 'hex')).toBe('odd number of hex digits (3): each byte is two');
    expect(frameError('0x01', 'hex')).toBe('not hex: "x" at digit 2 (use 0-9 and a-f)');
    expect(frameError('zz', 'hex')).toBe('not hex: "z" at digit 1 (use 0-9 and a-f)');
  });
});

describe('the inject request', () => {
  it('text and JSON go as their text; hex as bytes without the spaces; the port only when there is one', () => {
    expect(buildInject('client', '', ['hello', ''], 'text')).toEqual({
      ok: true,
      request: { node: 'client', frames: ['hello', ''], encoding: 'text' },
    });
    expect(buildInject('client', '', ['{"n": 1}'], 'json')).toEqual({
      ok: true,
      request: { node: 'client', frames: ['{"n": 1}'], encoding: 'text' },
    });
    expect(buildInject('queue', 'backend', ['de ad', 'BE EF'], 'hex')).toEqual({
      ok: true,
      request: { node: 'queue', port: 'backend', frames: ['dead', 'BEEF'], encoding: 'hex' },
    });
  });

  it('refuses with every bad frame marked, or no frame at all', () => {
    expect(buildInject('client', '', ['ok', '{'], 'json')).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^not JSON/), expect.stringMatching(/^not JSON/)],
    });
    expect(buildInject('client', '', ['"ok"', '{'], 'json')).toEqual({
      ok: false,
      errors: [undefined, expect.stringMatching(/^not JSON/)],
    });
    expect(buildInject('client', '', [], 'text')).toEqual({
      ok: false,
      errors: [],
      error: 'a message needs at least one frame',
    });
    expect(buildInject('client', '', Array<string>(MAX_FRAMES + 1).fill('x'), 'text')).toMatchObject({
      ok: false,
      error: `at most ${MAX_FRAMES} frames`,
    });
  });
});

describe('a refusal explained', () => {
  const errors = [
    {
      node: 'asker',
      code: 'EFSM',
      message: 'inject failed: Operation cannot be accomplished in current state',
      hint: 'REQ and REP are lock-step',
    },
    { node: 'asker', code: 'TIMEOUT', message: 'no reply within 5000 ms', hint: 'is a REP connected?' },
    {
      node: 'other',
      code: 'EAGAIN',
      message: 'inject failed: Resource temporarily unavailable',
      hint: 'no peer took it',
    },
  ];

  it("takes the engine's hint of this node's inject error, sent after the send", () => {
    expect(injectHint(errors, 'asker', 0)).toBe('EFSM: REQ and REP are lock-step');
    expect(injectHint(errors, 'asker', 1)).toBeUndefined(); // that error came before this send
    expect(injectHint(errors, 'other', 0)).toBe('EAGAIN: no peer took it');
    expect(injectHint(errors, 'nobody', 0)).toBeUndefined();
  });
});
