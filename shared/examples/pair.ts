import type { TopologyInput } from '../topology';

/** Exclusive pair: the server binds, the client connects, messages flow both ways. */
export const pair: TopologyInput = {
  format: 'zmq-studio.topology/1',
  name: 'Exclusive pair',
  description: 'Two PAIR sockets: the client sends "ping N" and waits; the server answers "pong N". One peer only.',
  nodes: [
    { id: 'client', kind: 'socket', socket: 'PAIR', label: 'client',
      behavior: { type: 'pair', role: 'ping', count: 5, payload: 'ping {i}' }, position: { x: 80, y: 120 } },
    { id: 'server', kind: 'socket', socket: 'PAIR', label: 'server',
      behavior: { type: 'pair', role: 'pong', count: 5, payload: 'pong {i}' }, position: { x: 420, y: 120 } },
  ],
  edges: [{ id: 'link', pattern: 'pair', source: 'client', target: 'server', endpoint: 'tcp://127.0.0.1:5562', bind: 'target' }],
};
