/**
 * ZeroMQ socket types, the patterns they belong to, and which types may talk to which.
 * The single source for the validator, the engine and (later) the canvas's connection rule.
 * Compatibility follows RFC 23 (ZMTP), RFC 28 (req/rep), RFC 29 (pub/sub), RFC 30 (pipeline),
 * RFC 31 (pair) and, for the draft types, RFC 41/48/49.
 */

export const STANDARD_SOCKET_TYPES = [
  'REQ',
  'REP',
  'DEALER',
  'ROUTER',
  'PUB',
  'SUB',
  'XPUB',
  'XSUB',
  'PUSH',
  'PULL',
  'PAIR',
] as const;
export const DRAFT_SOCKET_TYPES = ['CLIENT', 'SERVER', 'RADIO', 'DISH', 'SCATTER', 'GATHER'] as const;
export const SOCKET_TYPES = [...STANDARD_SOCKET_TYPES, ...DRAFT_SOCKET_TYPES] as const;
export type SocketType = (typeof SOCKET_TYPES)[number];

export const PATTERNS = ['reqrep', 'pubsub', 'pipeline', 'pair', 'clientserver', 'radiodish', 'scattergather'] as const;
export type Pattern = (typeof PATTERNS)[number];

export const PATTERN_TITLES: Record<Pattern, string> = {
  reqrep: 'request/reply',
  pubsub: 'publish/subscribe',
  pipeline: 'pipeline',
  pair: 'exclusive pair',
  clientserver: 'client/server (draft)',
  radiodish: 'radio/dish (draft)',
  scattergather: 'scatter/gather (draft)',
};

/** How a socket picks the peer of an outgoing message. */
export type OutgoingRouting = 'round-robin' | 'fan-out' | 'by-identity' | 'last-peer' | 'single-peer' | 'none';
/** How a socket takes incoming messages from its peers. */
export type IncomingRouting = 'fair-queue' | 'last-peer' | 'single-peer' | 'none';
/** What a socket does with a message when it has no peer ready (mute state). */
export type MuteAction = 'drop' | 'block' | 'none';

export interface SocketTypeInfo {
  type: SocketType;
  pattern: Pattern;
  draft: boolean;
  /** Peer types it may connect to over ZMTP. */
  peers: readonly SocketType[];
  sends: boolean;
  receives: boolean;
  outgoing: OutgoingRouting;
  incoming: IncomingRouting;
  mute: MuteAction;
  /** A short sentence for tooltips and lessons. */
  summary: string;
}

const info = (i: SocketTypeInfo): SocketTypeInfo => i;

export const SOCKET_INFO: Record<SocketType, SocketTypeInfo> = {
  REQ: info({ type: 'REQ', pattern: 'reqrep', draft: false, peers: ['REP', 'ROUTER'], sends: true, receives: true,
    outgoing: 'round-robin', incoming: 'last-peer', mute: 'block',
    summary: 'Sends a request, then must receive its reply before the next send.' }),
  REP: info({ type: 'REP', pattern: 'reqrep', draft: false, peers: ['REQ', 'DEALER'], sends: true, receives: true,
    outgoing: 'last-peer', incoming: 'fair-queue', mute: 'drop',
    summary: 'Receives a request, then must send its reply to the same peer.' }),
  DEALER: info({ type: 'DEALER', pattern: 'reqrep', draft: false, peers: ['REP', 'DEALER', 'ROUTER'], sends: true, receives: true,
    outgoing: 'round-robin', incoming: 'fair-queue', mute: 'block',
    summary: 'An asynchronous REQ: round-robins sends, fair-queues receives, no lock-step.' }),
  ROUTER: info({ type: 'ROUTER', pattern: 'reqrep', draft: false, peers: ['REQ', 'DEALER', 'ROUTER'], sends: true, receives: true,
    outgoing: 'by-identity', incoming: 'fair-queue', mute: 'drop',
    summary: 'An asynchronous REP: prefixes each message with the sender identity and routes replies by it.' }),
  PUB: info({ type: 'PUB', pattern: 'pubsub', draft: false, peers: ['SUB', 'XSUB'], sends: true, receives: false,
    outgoing: 'fan-out', incoming: 'none', mute: 'drop',
    summary: 'Sends every message to every subscriber whose subscription matches its prefix.' }),
  SUB: info({ type: 'SUB', pattern: 'pubsub', draft: false, peers: ['PUB', 'XPUB'], sends: false, receives: true,
    outgoing: 'none', incoming: 'fair-queue', mute: 'drop',
    summary: 'Receives only messages whose prefix matches one of its subscriptions.' }),
  XPUB: info({ type: 'XPUB', pattern: 'pubsub', draft: false, peers: ['SUB', 'XSUB'], sends: true, receives: true,
    outgoing: 'fan-out', incoming: 'fair-queue', mute: 'drop',
    summary: 'A PUB that also receives the subscriptions of its subscribers as messages.' }),
  XSUB: info({ type: 'XSUB', pattern: 'pubsub', draft: false, peers: ['PUB', 'XPUB'], sends: true, receives: true,
    outgoing: 'fan-out', incoming: 'fair-queue', mute: 'drop',
    summary: 'A SUB that subscribes by sending subscription messages upstream.' }),
  PUSH: info({ type: 'PUSH', pattern: 'pipeline', draft: false, peers: ['PULL'], sends: true, receives: false,
    outgoing: 'round-robin', incoming: 'none', mute: 'block',
    summary: 'Hands each message to the next downstream PULL in turn.' }),
  PULL: info({ type: 'PULL', pattern: 'pipeline', draft: false, peers: ['PUSH'], sends: false, receives: true,
    outgoing: 'none', incoming: 'fair-queue', mute: 'none',
    summary: 'Takes messages from all upstream PUSH sockets, fairly.' }),
  PAIR: info({ type: 'PAIR', pattern: 'pair', draft: false, peers: ['PAIR'], sends: true, receives: true,
    outgoing: 'single-peer', incoming: 'single-peer', mute: 'block',
    summary: 'An exclusive two-way link to exactly one other PAIR.' }),
  CLIENT: info({ type: 'CLIENT', pattern: 'clientserver', draft: true, peers: ['SERVER'], sends: true, receives: true,
    outgoing: 'round-robin', incoming: 'fair-queue', mute: 'block',
    summary: 'Draft: a thread-safe, single-frame DEALER.' }),
  SERVER: info({ type: 'SERVER', pattern: 'clientserver', draft: true, peers: ['CLIENT'], sends: true, receives: true,
    outgoing: 'by-identity', incoming: 'fair-queue', mute: 'drop',
    summary: 'Draft: a thread-safe, single-frame ROUTER addressed by routing id.' }),
  RADIO: info({ type: 'RADIO', pattern: 'radiodish', draft: true, peers: ['DISH'], sends: true, receives: false,
    outgoing: 'fan-out', incoming: 'none', mute: 'drop',
    summary: 'Draft: a PUB with exact-match groups instead of prefix topics.' }),
  DISH: info({ type: 'DISH', pattern: 'radiodish', draft: true, peers: ['RADIO'], sends: false, receives: true,
    outgoing: 'none', incoming: 'fair-queue', mute: 'none',
    summary: 'Draft: a SUB that joins groups.' }),
  SCATTER: info({ type: 'SCATTER', pattern: 'scattergather', draft: true, peers: ['GATHER'], sends: true, receives: false,
    outgoing: 'round-robin', incoming: 'none', mute: 'block',
    summary: 'Draft: a thread-safe PUSH.' }),
  GATHER: info({ type: 'GATHER', pattern: 'scattergather', draft: true, peers: ['SCATTER'], sends: false, receives: true,
    outgoing: 'none', incoming: 'fair-queue', mute: 'none',
    summary: 'Draft: a thread-safe PULL.' }),
};

export function isSocketType(value: unknown): value is SocketType {
  return typeof value === 'string' && (SOCKET_TYPES as readonly string[]).includes(value);
}

/** True when libzmq accepts a ZMTP connection between these two types (order does not matter). */
export function areCompatible(a: SocketType, b: SocketType): boolean {
  return SOCKET_INFO[a].peers.includes(b);
}

/** The pattern an edge between these two types belongs to, or undefined when they cannot talk. */
export function patternOf(a: SocketType, b: SocketType): Pattern | undefined {
  return areCompatible(a, b) ? SOCKET_INFO[a].pattern : undefined;
}

/** "REQ talks to REP or ROUTER" — used in diagnostics and while dragging an edge. */
export function describePeers(type: SocketType): string {
  const peers = SOCKET_INFO[type].peers;
  const list = peers.length === 1 ? peers[0] : `${peers.slice(0, -1).join(', ')} or ${peers[peers.length - 1]}`;
  return `${type} talks to ${list}`;
}

/** Why two types cannot be wired, or undefined when they can. */
export function incompatibilityReason(a: SocketType, b: SocketType): string | undefined {
  return areCompatible(a, b) ? undefined : `${describePeers(a)}, not ${b}`;
}

/** Single-destination senders: one receiver claims each message (the trace's route rule). */
export function isFanOut(type: SocketType): boolean {
  return SOCKET_INFO[type].outgoing === 'fan-out';
}
