/**
 * The socket options a topology may set, per socket type, by their zeromq.js names.
 * A constructor option the type does not support makes zeromq.js throw and later crash
 * at exit (DESIGN.md), so the validator checks every option against this table first.
 */
import type { SocketType } from './patterns';
import { SOCKET_INFO } from './patterns';

export type OptionValueType = 'number' | 'boolean' | 'string';

export interface OptionInfo {
  name: string;
  /** The libzmq option name, shown as help. */
  zmq: string;
  type: OptionValueType;
  summary: string;
  /** Lowest legal number (numbers only). */
  min?: number;
}

const opt = (name: string, zmq: string, type: OptionValueType, summary: string, min?: number): OptionInfo =>
  min === undefined ? { name, zmq, type, summary } : { name, zmq, type, summary, min };

/** Options every socket type accepts. */
const COMMON: OptionInfo[] = [
  opt('linger', 'ZMQ_LINGER', 'number', 'ms to keep unsent messages after close (-1 forever)', -1),
  opt('reconnectInterval', 'ZMQ_RECONNECT_IVL', 'number', 'ms before reconnecting after a lost connection', -1),
  opt('reconnectMaxInterval', 'ZMQ_RECONNECT_IVL_MAX', 'number', 'upper bound of the exponential reconnect back-off', 0),
  opt('backlog', 'ZMQ_BACKLOG', 'number', 'queue length of pending TCP connections', 0),
  opt('maxMessageSize', 'ZMQ_MAXMSGSIZE', 'number', 'largest inbound message in bytes (-1 no limit)', -1),
  opt('immediate', 'ZMQ_IMMEDIATE', 'boolean', 'queue only to completed connections'),
  opt('handshakeInterval', 'ZMQ_HANDSHAKE_IVL', 'number', 'ms allowed for the ZMTP handshake', 0),
  opt('tcpKeepalive', 'ZMQ_TCP_KEEPALIVE', 'number', '-1 system default, 0 off, 1 on', -1),
];

const SENDING: OptionInfo[] = [
  opt('sendHighWaterMark', 'ZMQ_SNDHWM', 'number', 'outbound queue limit per peer, in messages (0 none)', 0),
  opt('sendTimeout', 'ZMQ_SNDTIMEO', 'number', 'ms a send may wait before failing with EAGAIN (-1 forever)', -1),
  opt('sendBufferSize', 'ZMQ_SNDBUF', 'number', 'kernel send buffer in bytes', -1),
];

const RECEIVING: OptionInfo[] = [
  opt('receiveHighWaterMark', 'ZMQ_RCVHWM', 'number', 'inbound queue limit per peer, in messages (0 none)', 0),
  opt('receiveTimeout', 'ZMQ_RCVTIMEO', 'number', 'ms a receive may wait before failing with EAGAIN (-1 forever)', -1),
  opt('receiveBufferSize', 'ZMQ_RCVBUF', 'number', 'kernel receive buffer in bytes', -1),
];

const routingId = opt('routingId', 'ZMQ_ROUTING_ID', 'string', 'the identity a ROUTER peer sees for this socket');
const probeRouter = opt('probeRouter', 'ZMQ_PROBE_ROUTER', 'boolean', 'send an empty message on connect so a ROUTER learns the peer');
const conflate = opt('conflate', 'ZMQ_CONFLATE', 'boolean', 'keep only the last message in the queue');
const invertMatching = opt('invertMatching', 'ZMQ_INVERT_MATCHING', 'boolean', 'deliver messages that do NOT match a subscription');
const noDrop = opt('noDrop', 'ZMQ_XPUB_NODROP', 'boolean', 'block (EAGAIN) instead of dropping at the high-water mark');

const SPECIFIC: Record<SocketType, OptionInfo[]> = {
  REQ: [
    routingId,
    probeRouter,
    opt('correlate', 'ZMQ_REQ_CORRELATE', 'boolean', 'match replies to requests with a request id'),
    opt('relaxed', 'ZMQ_REQ_RELAXED', 'boolean', 'allow a new request before the reply (with correlate)'),
  ],
  REP: [routingId],
  DEALER: [routingId, probeRouter, conflate],
  ROUTER: [
    routingId,
    probeRouter,
    opt('mandatory', 'ZMQ_ROUTER_MANDATORY', 'boolean', 'fail with EHOSTUNREACH instead of dropping unroutable messages'),
    opt('handover', 'ZMQ_ROUTER_HANDOVER', 'boolean', 'a new peer with a known identity takes over the old one'),
  ],
  PUB: [noDrop, conflate, invertMatching],
  SUB: [conflate, invertMatching],
  XPUB: [
    noDrop,
    opt('manual', 'ZMQ_XPUB_MANUAL', 'boolean', 'subscriptions are applied by the application, not automatically'),
    opt('welcomeMessage', 'ZMQ_XPUB_WELCOME_MSG', 'string', 'sent to each new subscriber'),
    invertMatching,
  ],
  XSUB: [],
  PUSH: [conflate],
  PULL: [conflate],
  PAIR: [],
  CLIENT: [],
  SERVER: [],
  RADIO: [],
  DISH: [],
  SCATTER: [conflate],
  GATHER: [conflate],
};

/** Every option the given socket type accepts, by zeromq.js name. */
export function optionsFor(type: SocketType): readonly OptionInfo[] {
  const i = SOCKET_INFO[type];
  return [...COMMON, ...(i.sends ? SENDING : []), ...(i.receives ? RECEIVING : []), ...SPECIFIC[type]];
}

export function findOption(type: SocketType, name: string): OptionInfo | undefined {
  return optionsFor(type).find((o) => o.name === name);
}
