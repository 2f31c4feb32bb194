import type { TopologyInput } from '../topology';

/**
 * Clients and servers meet at a queue device (ROUTER front, DEALER back), the stable point of
 * the seed's step 2: adding a server means connecting it to the queue, no client changes.
 */
export const broker: TopologyInput = {
  format: 'zmq-studio.topology/1',
  name: 'Request/reply broker (queue device)',
  description: 'Two REQ clients -> queue device -> three REP servers. The queue routes each reply back by the client identity frame.',
  nodes: [
    { id: 'client1', kind: 'socket', socket: 'REQ', label: 'client 1',
      behavior: { type: 'request', count: 6, payload: 'client 1 msg {i}' }, position: { x: 40, y: 80 } },
    { id: 'client2', kind: 'socket', socket: 'REQ', label: 'client 2',
      behavior: { type: 'request', count: 6, payload: 'client 2 msg {i}' }, position: { x: 40, y: 280 } },
    { id: 'queue', kind: 'device', device: 'queue', label: 'queue', position: { x: 380, y: 180 } },
    { id: 'server1', kind: 'socket', socket: 'REP', label: 'server 1',
      behavior: { type: 'reply', payload: '{msg} done by server 1' }, position: { x: 740, y: 20 } },
    { id: 'server2', kind: 'socket', socket: 'REP', label: 'server 2',
      behavior: { type: 'reply', payload: '{msg} done by server 2' }, position: { x: 740, y: 180 } },
    { id: 'server3', kind: 'socket', socket: 'REP', label: 'server 3',
      behavior: { type: 'reply', payload: '{msg} done by server 3' }, position: { x: 740, y: 340 } },
  ],
  edges: [
    { id: 'c1-queue', pattern: 'reqrep', source: 'client1', target: 'queue', targetPort: 'frontend', endpoint: 'tcp://127.0.0.1:5559', bind: 'target' },
    { id: 'c2-queue', pattern: 'reqrep', source: 'client2', target: 'queue', targetPort: 'frontend', endpoint: 'tcp://127.0.0.1:5559', bind: 'target' },
    { id: 'queue-s1', pattern: 'reqrep', source: 'queue', sourcePort: 'backend', target: 'server1', endpoint: 'tcp://127.0.0.1:5560', bind: 'source' },
    { id: 'queue-s2', pattern: 'reqrep', source: 'queue', sourcePort: 'backend', target: 'server2', endpoint: 'tcp://127.0.0.1:5560', bind: 'source' },
    { id: 'queue-s3', pattern: 'reqrep', source: 'queue', sourcePort: 'backend', target: 'server3', endpoint: 'tcp://127.0.0.1:5560', bind: 'source' },
  ],
};
