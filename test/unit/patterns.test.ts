import { describe, expect, it } from 'vitest';
import type { Pattern, SocketType } from '../../shared/patterns';
import {
  SOCKET_INFO,
  SOCKET_TYPES,
  areCompatible,
  describePeers,
  incompatibilityReason,
  isFanOut,
  isSocketType,
  patternOf,
} from '../../shared/patterns';

/*
 * The ZMTP compatibility matrix (RFC 23/28/29/30/31, draft RFC 41/48/49), written out by hand from
 * DESIGN.md so a change in shared/patterns.ts cannot quietly change what the validator accepts.
 * Row = one end, column = the other; 1 = libzmq completes the handshake.
 */
const COLUMNS = 'REQ REP DEALER ROUTER PUB SUB XPUB XSUB PUSH PULL PAIR CLIENT SERVER RADIO DISH SCATTER GATHER'.split(
  ' ',
);
// prettier-ignore
const MATRIX: Record<SocketType, string> = {
  //         REQ REP DEA ROU PUB SUB XPU XSU PUS PUL PAI CLI SER RAD DIS SCA GAT
  REQ:      '.   1   .   1   .   .   .   .   .   .   .   .   .   .   .   .   .',
  REP:      '1   .   1   .   .   .   .   .   .   .   .   .   .   .   .   .   .',
  DEALER:   '.   1   1   1   .   .   .   .   .   .   .   .   .   .   .   .   .',
  ROUTER:   '1   .   1   1   .   .   .   .   .   .   .   .   .   .   .   .   .',
  PUB:      '.   .   .   .   .   1   .   1   .   .   .   .   .   .   .   .   .',
  SUB:      '.   .   .   .   1   .   1   .   .   .   .   .   .   .   .   .   .',
  XPUB:     '.   .   .   .   .   1   .   1   .   .   .   .   .   .   .   .   .',
  XSUB:     '.   .   .   .   1   .   1   .   .   .   .   .   .   .   .   .   .',
  PUSH:     '.   .   .   .   .   .   .   .   .   1   .   .   .   .   .   .   .',
  PULL:     '.   .   .   .   .   .   .   .   1   .   .   .   .   .   .   .   .',
  PAIR:     '.   .   .   .   .   .   .   .   .   .   1   .   .   .   .   .   .',
  CLIENT:   '.   .   .   .   .   .   .   .   .   .   .   .   1   .   .   .   .',
  SERVER:   '.   .   .   .   .   .   .   .   .   .   .   1   .   .   .   .   .',
  RADIO:    '.   .   .   .   .   .   .   .   .   .   .   .   .   .   1   .   .',
  DISH:     '.   .   .   .   .   .   .   .   .   .   .   .   .   1   .   .   .',
  SCATTER:  '.   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   1',
  GATHER:   '.   .   .   .   .   .   .   .   .   .   .   .   .   .   .   1   .',
};

function expected(a: SocketType, b: SocketType): boolean {
  return MATRIX[a].split(/\s+/)[COLUMNS.indexOf(b)] === '1';
}

const ORDERED_PAIRS = SOCKET_TYPES.flatMap((a) => SOCKET_TYPES.map((b) => [a, b] as [SocketType, SocketType]));

describe('the compatibility matrix', () => {
  it('covers all 17 types in the order of SOCKET_TYPES', () => {
    expect(SOCKET_TYPES).toEqual(COLUMNS);
    expect(ORDERED_PAIRS).toHaveLength(289);
  });

  it('is symmetric as written', () => {
    for (const [a, b] of ORDERED_PAIRS) expect(expected(a, b), `${a}-${b}`).toBe(expected(b, a));
  });

  it('has the 15 pairs of DESIGN.md and no more', () => {
    const unordered = ORDERED_PAIRS.filter(
      ([a, b]) => expected(a, b) && SOCKET_TYPES.indexOf(a) <= SOCKET_TYPES.indexOf(b),
    );
    expect(unordered.map(([a, b]) => `${a}-${b}`)).toEqual([
      'REQ-REP',
      'REQ-ROUTER',
      'REP-DEALER',
      'DEALER-DEALER',
      'DEALER-ROUTER',
      'ROUTER-ROUTER',
      'PUB-SUB',
      'PUB-XSUB',
      'SUB-XPUB',
      'XPUB-XSUB',
      'PUSH-PULL',
      'PAIR-PAIR',
      'CLIENT-SERVER',
      'RADIO-DISH',
      'SCATTER-GATHER',
    ]);
  });

  it.each(ORDERED_PAIRS)('areCompatible(%s, %s) follows the table', (a, b) => {
    expect(areCompatible(a, b)).toBe(expected(a, b));
  });
});

describe('patternOf', () => {
  const PATTERN_OF_PAIR: Record<string, Pattern> = {
    'REQ-REP': 'reqrep',
    'REQ-ROUTER': 'reqrep',
    'REP-DEALER': 'reqrep',
    'DEALER-DEALER': 'reqrep',
    'DEALER-ROUTER': 'reqrep',
    'ROUTER-ROUTER': 'reqrep',
    'PUB-SUB': 'pubsub',
    'PUB-XSUB': 'pubsub',
    'SUB-XPUB': 'pubsub',
    'XPUB-XSUB': 'pubsub',
    'PUSH-PULL': 'pipeline',
    'PAIR-PAIR': 'pair',
    'CLIENT-SERVER': 'clientserver',
    'RADIO-DISH': 'radiodish',
    'SCATTER-GATHER': 'scattergather',
  };

  it.each(ORDERED_PAIRS)('patternOf(%s, %s)', (a, b) => {
    const [first, second] = SOCKET_TYPES.indexOf(a) <= SOCKET_TYPES.indexOf(b) ? [a, b] : [b, a];
    expect(patternOf(a, b)).toBe(PATTERN_OF_PAIR[`${first}-${second}`]);
  });
});

describe('describePeers and incompatibilityReason', () => {
  it.each<[SocketType, string]>([
    ['REQ', 'REQ talks to REP or ROUTER'],
    ['REP', 'REP talks to REQ or DEALER'],
    ['DEALER', 'DEALER talks to REP, DEALER or ROUTER'],
    ['ROUTER', 'ROUTER talks to REQ, DEALER or ROUTER'],
    ['PUB', 'PUB talks to SUB or XSUB'],
    ['SUB', 'SUB talks to PUB or XPUB'],
    ['XPUB', 'XPUB talks to SUB or XSUB'],
    ['XSUB', 'XSUB talks to PUB or XPUB'],
    ['PUSH', 'PUSH talks to PULL'],
    ['PULL', 'PULL talks to PUSH'],
    ['PAIR', 'PAIR talks to PAIR'],
    ['CLIENT', 'CLIENT talks to SERVER'],
    ['SERVER', 'SERVER talks to CLIENT'],
    ['RADIO', 'RADIO talks to DISH'],
    ['DISH', 'DISH talks to RADIO'],
    ['SCATTER', 'SCATTER talks to GATHER'],
    ['GATHER', 'GATHER talks to SCATTER'],
  ])('describePeers(%s)', (type, text) => {
    expect(describePeers(type)).toBe(text);
  });

  it('explains a refused pair and stays silent on a good one', () => {
    expect(incompatibilityReason('REQ', 'PUB')).toBe('REQ talks to REP or ROUTER, not PUB');
    expect(incompatibilityReason('PUSH', 'SUB')).toBe('PUSH talks to PULL, not SUB');
    expect(incompatibilityReason('REQ', 'REP')).toBeUndefined();
  });
});

describe('socket type facts', () => {
  it('marks exactly the six RFC draft types as draft', () => {
    expect(SOCKET_TYPES.filter((t) => SOCKET_INFO[t].draft)).toEqual([
      'CLIENT',
      'SERVER',
      'RADIO',
      'DISH',
      'SCATTER',
      'GATHER',
    ]);
  });

  it('knows the fan-out senders', () => {
    expect(SOCKET_TYPES.filter(isFanOut)).toEqual(['PUB', 'XPUB', 'XSUB', 'RADIO']);
  });

  it('recognises socket type names exactly', () => {
    expect([isSocketType('REQ'), isSocketType('req'), isSocketType(3), isSocketType('ROUTER ')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
