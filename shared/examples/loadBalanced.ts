import type { TopologyInput } from '../topology';

/**
 * The seed's program: one REQ client connected to two REP servers. REQ round-robins, so
 * server 1 gets msg 0, 2, 4, 6, 8 and server 2 gets msg 1, 3, 5, 7, 9 — every run, because
 * requests start only after both connections completed their handshake.
 */
export const loadBalanced: TopologyInput = {
  format: 'zmq-studio.topology/1',
  name: 'Load-balanced request/reply',
  description: 'One REQ client connected to server 1 (port 5000) and server 2 (port 6000): requests alternate between them.',
  nodes: [
    { id: 'client', kind: 'socket', socket: 'REQ', label: 'client',
      behavior: { type: 'request', count: 10, payload: 'msg {i}', printReplies: false }, position: { x: 80, y: 160 } },
    { id: 'server1', kind: 'socket', socket: 'REP', label: 'server 1',
      behavior: { type: 'reply', payload: 'World from 5000' }, position: { x: 440, y: 60 } },
    { id: 'server2', kind: 'socket', socket: 'REP', label: 'server 2',
      behavior: { type: 'reply', payload: 'World from 6000' }, position: { x: 440, y: 260 } },
  ],
  edges: [
    { id: 'to-server1', pattern: 'reqrep', source: 'client', target: 'server1', endpoint: 'tcp://127.0.0.1:5000', bind: 'target' },
    { id: 'to-server2', pattern: 'reqrep', source: 'client', target: 'server2', endpoint: 'tcp://127.0.0.1:6000', bind: 'target' },
  ],
};
