/** The fault command's arguments are checked by the host before the engine sees them. */
import { describe, expect, it } from 'vitest';
import { parseCall } from '../../main/host/commandArgs';

const call = (...args: unknown[]) => parseCall({ kind: 'command', id: 1, name: 'fault', args });

describe('fault command arguments', () => {
  it.each([
    ['no request', [], /fault takes one request/],
    ['two requests', [{ edge: 'e1', fault: null }, {}], /fault takes one request/],
    ['an extra field', [{ edge: 'e1', fault: null, node: 'x' }], /fault takes one request/],
    ['an empty edge', [{ edge: '', fault: null }], /edge must be an edge id/],
    ['a numeric edge', [{ edge: 7, fault: null }], /edge must be an edge id/],
    ['a fault that is a string', [{ edge: 'e1', fault: 'drop' }], /fault must be/],
    ['dropEvery 1', [{ edge: 'e1', fault: { dropEvery: 1 } }], /dropEvery must be a whole number from 2 to 1000/],
    ['dropEvery 1001', [{ edge: 'e1', fault: { dropEvery: 1001 } }], /dropEvery must be/],
    ['dropEvery 2.5', [{ edge: 'e1', fault: { dropEvery: 2.5 } }], /dropEvery must be/],
    ['a negative delay', [{ edge: 'e1', fault: { delayMs: -1 } }], /delayMs must be a whole number of ms from 0 to 60000/],
    ['a delay over a minute', [{ edge: 'e1', fault: { delayMs: 60_001 } }], /delayMs must be/],
    ['suspended as a string', [{ edge: 'e1', fault: { suspended: 'yes' } }], /suspended must be true or false/],
    ['an unknown fault', [{ edge: 'e1', fault: { corrupt: true } }], /unknown fault "corrupt"/],
  ])('refuses %s', (_name, args, message) => {
    const parsed = call(...args);
    expect(typeof parsed).toBe('string');
    expect(parsed).toMatch(message);
  });

  it('accepts each fault at its bounds and a clear', () => {
    expect(call({ edge: 'e1', fault: { dropEvery: 2, delayMs: 60_000, suspended: false } })).toEqual({
      name: 'fault',
      request: { edge: 'e1', fault: { dropEvery: 2, delayMs: 60_000, suspended: false } },
    });
    expect(call({ edge: 'e1', fault: { dropEvery: 1000, delayMs: 0 } })).toEqual({ name: 'fault', request: { edge: 'e1', fault: { dropEvery: 1000, delayMs: 0 } } });
    expect(call({ edge: 'e1', fault: null })).toEqual({ name: 'fault', request: { edge: 'e1', fault: null } });
  });
});
