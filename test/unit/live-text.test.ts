// The words of the live badges and counters.
import { describe, expect, it } from 'vitest';
import { BADGES, badgeTitle, edgeLine, edgeTitle, formatCount, formatRate, nodeTitle } from '../../renderer/canvas/live/liveText';

describe('live text', () => {
  it('reads an edge both ways for req/rep and pair, in all for one-way patterns, with the rate while live', () => {
    const f = { forward: 5, back: 5, messages: 10, rate: 0 };
    expect(edgeLine(f, true)).toBe('→ 5 · ← 5');
    expect(edgeLine(f, false)).toBe('10 msgs');
    expect(edgeLine({ ...f, messages: 1 }, false)).toBe('1 msg');
    expect(edgeLine({ forward: 52_300, back: 0, messages: 52_300, rate: 48_712.4 }, false)).toBe('52.3k msgs · 48.7k/s');
    expect(edgeTitle(f, 'client', 'server1')).toBe('5 delivered client → server1, 5 server1 → client; 10 in all');
  });

  it('keeps numbers short enough for a badge', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(9_999)).toBe('9,999');
    expect(formatCount(12_345)).toBe('12.3k');
    expect(formatCount(123_456)).toBe('123k');
    expect(formatCount(2_500_000)).toBe('2.5M');
    expect(formatRate(3.25)).toBe('3.3/s');
    expect(formatRate(250)).toBe('250/s');
  });

  it('names what a monitor event means: retrying for both connect-delayed and connect-retried', () => {
    expect(BADGES['connect-retried']).toEqual({ text: 'retrying', tone: 'busy' });
    expect(BADGES['connect-delayed'].text).toBe('retrying');
    expect(BADGES['handshake-ok']).toEqual({ text: 'connected', tone: 'ok' });
    expect(BADGES['bind-failed']).toEqual({ text: 'bind failed', tone: 'error' });
    expect(BADGES.disconnected.tone).toBe('warn');
  });

  it('gives the port, the event, the endpoint and the time in the tooltip', () => {
    expect(badgeTitle('frontend', { kind: 'listening', endpoint: 'tcp://127.0.0.1:5559', t: 12.34 })).toBe('frontend: listening tcp://127.0.0.1:5559 at 12.3 ms');
    expect(badgeTitle('', { kind: 'bind-failed', endpoint: 'tcp://127.0.0.1:80', t: 2500, detail: 'EACCES' })).toBe('bind-failed tcp://127.0.0.1:80 at 2.50 s — EACCES');
    expect(nodeTitle({ sent: 1, received: 2 })).toBe('sent 1 message, received 2');
    expect(nodeTitle({ sent: 10, received: 10, bytesOut: 50, bytesIn: 80 })).toBe('sent 10 messages (50 bytes), received 10 (80 bytes)');
  });
});
