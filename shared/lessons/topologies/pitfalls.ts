/** The pitfalls' topologies: each one shows one classic mistake (or limit) on real sockets. */
import { lessonTopology } from './build';

/**
 * REQ's strict state machine: a REQ driven by hand (the lesson injects "Hello" twice) and a REP
 * that takes 300 ms to answer. The REQ's send timeout is short so the refused send says so fast.
 */
export const reqTwice = lessonTopology(
  'REQ sends twice',
  'A REQ client sends "Hello", then tries to send again before the slow REP server answered: EFSM.',
  [
    {
      id: 'client', kind: 'socket', socket: 'REQ', label: 'client', options: { sendTimeout: 100 },
      behavior: { type: 'manual' }, position: { x: 80, y: 120 },
    },
    {
      id: 'server', kind: 'socket', socket: 'REP', label: 'slow server',
      behavior: { type: 'reply', payload: 'World', delayMs: 300 }, position: { x: 420, y: 120 },
    },
  ],
  [{ id: 'hello', pattern: 'reqrep', source: 'client', target: 'server', endpoint: 'tcp://127.0.0.1:5566', bind: 'target' }],
);

/** Messages each socket queues per peer here: small, so the limit is reached at once. */
export const HWM = 5;
export const FLOOD = 50;

/**
 * The high-water mark over inproc (no kernel buffers in between, so the queue limit is exactly
 * the sockets' high-water marks): a PUB and a PUSH each flood 50 messages at a slow reader that
 * takes 5 ms per message. The PUB drops what does not fit; the PUSH waits.
 */
export const highWaterMark = lessonTopology(
  'High-water mark: PUB drops, PUSH blocks',
  'A PUB and a PUSH, each with a high-water mark of 5, flood 50 messages at a slow reader (5 ms each).',
  [
    {
      id: 'radio', kind: 'socket', socket: 'PUB', label: 'radio', options: { sendHighWaterMark: HWM },
      behavior: { type: 'publish', payload: 'news {i}', count: FLOOD }, position: { x: 60, y: 60 },
    },
    {
      id: 'slowListener', kind: 'worker', label: 'slow listener', input: 'SUB', subscribe: [''], output: 'PUSH',
      inputOptions: { receiveHighWaterMark: HWM }, behavior: { type: 'work', delayMs: 5, transform: 'none', payload: '{msg}' },
      position: { x: 380, y: 60 },
    },
    {
      id: 'ventilator', kind: 'socket', socket: 'PUSH', label: 'ventilator', options: { sendHighWaterMark: HWM },
      behavior: { type: 'produce', payload: 'task {i}', count: FLOOD }, position: { x: 60, y: 300 },
    },
    {
      id: 'slowWorker', kind: 'worker', label: 'slow worker', input: 'PULL', output: 'PUSH',
      inputOptions: { receiveHighWaterMark: HWM }, behavior: { type: 'work', delayMs: 5, transform: 'none', payload: '{msg}' },
      position: { x: 380, y: 300 },
    },
    { id: 'sink', kind: 'socket', socket: 'PULL', label: 'sink', behavior: { type: 'consume' }, position: { x: 700, y: 180 } },
  ],
  [
    { id: 'news', pattern: 'pubsub', source: 'radio', target: 'slowListener', targetPort: 'in', endpoint: 'inproc://lesson-hwm-news', bind: 'source' },
    { id: 'tasks', pattern: 'pipeline', source: 'ventilator', target: 'slowWorker', targetPort: 'in', endpoint: 'inproc://lesson-hwm-tasks', bind: 'source' },
    { id: 'listener-sink', pattern: 'pipeline', source: 'slowListener', sourcePort: 'out', target: 'sink', endpoint: 'inproc://lesson-hwm-sink', bind: 'target' },
    { id: 'worker-sink', pattern: 'pipeline', source: 'slowWorker', sourcePort: 'out', target: 'sink', endpoint: 'inproc://lesson-hwm-sink', bind: 'target' },
  ],
);

export const NEWS = 10;

/** Two SUBs on one radio: all-ears subscribed to "" (everything), deaf subscribed to nothing at all. */
export const noSubscription = lessonTopology(
  'A SUB with no subscription',
  'The same ten publications reach a SUB subscribed to "" (everything) and a SUB with no subscription.',
  [
    {
      id: 'radio', kind: 'socket', socket: 'PUB', label: 'radio',
      behavior: { type: 'publish', payload: 'news {i}', count: NEWS, intervalMs: 5 }, position: { x: 80, y: 160 },
    },
    {
      id: 'allEars', kind: 'socket', socket: 'SUB', label: 'all-ears',
      behavior: { type: 'subscribe', topics: [''] }, position: { x: 460, y: 60 },
    },
    {
      id: 'deaf', kind: 'socket', socket: 'SUB', label: 'deaf',
      behavior: { type: 'subscribe', topics: [] }, position: { x: 460, y: 260 },
    },
  ],
  [
    { id: 'to-all-ears', pattern: 'pubsub', source: 'radio', target: 'allEars', endpoint: 'tcp://127.0.0.1:5567', bind: 'source' },
    { id: 'to-deaf', pattern: 'pubsub', source: 'radio', target: 'deaf', endpoint: 'tcp://127.0.0.1:5567', bind: 'source' },
  ],
);

export const TRANSPORTS = ['inproc', 'ipc', 'tcp'] as const;
export type Transport = (typeof TRANSPORTS)[number];
export const ROUND_TRIPS = 20;

const ENDPOINTS: Record<Transport, string> = {
  inproc: 'inproc://lesson-transports',
  ipc: 'ipc:///tmp/zmq-studio-lesson-transports.ipc',
  tcp: 'tcp://127.0.0.1:5568',
};

/** The same request/reply three times, side by side: inside one process, between processes, over the network stack. */
export const transports = lessonTopology(
  'Transports compared',
  'Three REQ/REP pairs doing the same 20 round trips: over inproc, ipc and tcp.',
  TRANSPORTS.flatMap((t, k) => [
    {
      id: `${t}Client`, kind: 'socket' as const, socket: 'REQ' as const, label: `${t} client`,
      behavior: { type: 'request' as const, count: ROUND_TRIPS, payload: `${t} ping {i}`, printReplies: false },
      position: { x: 80, y: 40 + k * 160 },
    },
    {
      id: `${t}Server`, kind: 'socket' as const, socket: 'REP' as const, label: `${t} server`,
      behavior: { type: 'reply' as const, payload: 'pong' }, position: { x: 440, y: 40 + k * 160 },
    },
  ]),
  TRANSPORTS.map((t) => ({
    id: t, pattern: 'reqrep' as const, source: `${t}Client`, target: `${t}Server`, endpoint: ENDPOINTS[t], bind: 'target' as const,
  })),
);
