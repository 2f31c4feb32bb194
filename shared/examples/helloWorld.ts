import type { TopologyInput } from '../topology';

/** hwclient / hwserver: the first program of every ZeroMQ guide. */
export const helloWorld: TopologyInput = {
  format: 'zmq-studio.topology/1',
  name: 'Hello world',
  description: 'hwclient (REQ) sends "Hello" ten times; hwserver (REP) answers each with "World". Lock-step: send, receive, send, receive.',
  nodes: [
    { id: 'hwclient', kind: 'socket', socket: 'REQ', label: 'hwclient',
      behavior: { type: 'request', count: 10, payload: 'Hello' }, position: { x: 80, y: 120 } },
    { id: 'hwserver', kind: 'socket', socket: 'REP', label: 'hwserver',
      behavior: { type: 'reply', payload: 'World' }, position: { x: 420, y: 120 } },
  ],
  edges: [
    { id: 'hello', pattern: 'reqrep', source: 'hwclient', target: 'hwserver', endpoint: 'tcp://127.0.0.1:5555', bind: 'target' },
  ],
};
