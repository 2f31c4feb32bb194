import type { TopologyInput } from '../topology';

/** The seed's live football match: every line the radio broadcasts, in order. */
export const FOOTBALL_LINES = [
  'portugal corner',
  'portugal yellow card',
  'portugal goal',
  'netherlands yellow card',
  'germany yellow card',
  'brazil yellow card',
  'portugal goal',
  'germany corner',
  'netherlands red card',
  'brazil foul',
  'netherlands goal',
  'portugal foul',
  'germany foul',
  'brazil corner',
  'netherlands yellow card',
  'germany foul',
  'portugal red card',
  'netherlands goal',
  'netherlands corner',
  'brazil goal',
];

type NodeInput = TopologyInput['nodes'][number];

const radio: NodeInput = {
  id: 'radio', kind: 'socket', socket: 'PUB', label: 'radio',
  behavior: { type: 'publish', messages: FOOTBALL_LINES, count: FOOTBALL_LINES.length, intervalMs: 5 },
  position: { x: 80, y: 140 },
};

const listener: NodeInput = {
  id: 'listener', kind: 'socket', socket: 'SUB', label: 'listener',
  behavior: { type: 'subscribe', topics: ['netherlands', 'germany'] },
  position: { x: 460, y: 140 },
};

/** PUB/SUB like a radio station: the listener subscribes to netherlands and germany only. */
export const football: TopologyInput = {
  format: 'zmq-studio.topology/1',
  name: 'Football radio (publish/subscribe)',
  description: 'A PUB broadcasts a live match; a SUB subscribed to "netherlands" and "germany" receives only those lines.',
  nodes: [radio, listener],
  edges: [{ id: 'broadcast', pattern: 'pubsub', source: 'radio', target: 'listener', endpoint: 'tcp://127.0.0.1:5556', bind: 'source' }],
};

/** The same match through a forwarder device (XSUB front, XPUB back): subscriptions travel upstream. */
export const footballForwarder: TopologyInput = {
  format: 'zmq-studio.topology/1',
  name: 'Football radio through a forwarder',
  description: 'radio (PUB) -> forwarder (XSUB/XPUB) -> listener (SUB). The listener\'s subscriptions reach the radio through the forwarder.',
  nodes: [
    radio,
    { id: 'forwarder', kind: 'device', device: 'forwarder', label: 'forwarder', position: { x: 380, y: 140 } },
    { ...listener, position: { x: 700, y: 140 } },
  ],
  edges: [
    { id: 'radio-forwarder', pattern: 'pubsub', source: 'radio', target: 'forwarder', targetPort: 'frontend', endpoint: 'tcp://127.0.0.1:5559', bind: 'target' },
    { id: 'forwarder-listener', pattern: 'pubsub', source: 'forwarder', sourcePort: 'backend', target: 'listener', endpoint: 'tcp://127.0.0.1:5560', bind: 'source' },
  ],
};
