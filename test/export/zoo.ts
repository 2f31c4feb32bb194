/**
 * One topology with every behaviour the examples leave out, for the compile and run tests:
 *
 *   dealer (DEALER) ---- reqrep ----> router (ROUTER, binds)
 *   publisher (XPUB, binds) --+--> xsub (XSUB: subscribes "a" by message, takes 2)
 *                             +--> worker in (SUB "b") -> worker out (PUSH) --> sink (PULL, binds, takes 2)
 *                             +--> late (SUB "", connects 200 ms late: the slow joiner, hears nothing)
 *   shouter (PUB, manual, binds) --> ear (SUB "", manual: prints what arrives)
 */
import type { TopologyInput } from '../../shared/topology';

/** `extras: false` leaves out the nodes that print nothing (late, shouter, ear): fewer processes. */
export function zoo({ extras = true }: { extras?: boolean } = {}): TopologyInput {
  const ep = (n: number): string => `tcp://127.0.0.1:${26000 + n}`;
  const doc: TopologyInput = {
    format: 'zmq-studio.topology/1',
    name: 'Behaviour zoo',
    nodes: [
      {
        id: 'dealer',
        kind: 'socket',
        socket: 'DEALER',
        behavior: { type: 'dealer', count: 3, payload: 'job {i} from {node}' },
      },
      {
        id: 'router',
        kind: 'socket',
        socket: 'ROUTER',
        behavior: { type: 'router', payload: '{msg} ok #{i}', delayMs: 1 },
      },
      {
        id: 'publisher',
        kind: 'socket',
        socket: 'XPUB',
        behavior: { type: 'publish', topics: ['a', 'b'], payload: '{topic} {i}', count: 4 },
      },
      { id: 'xsub', kind: 'socket', socket: 'XSUB', behavior: { type: 'subscribe', topics: ['a'], count: 2 } },
      {
        id: 'worker',
        kind: 'worker',
        input: 'SUB',
        output: 'PUSH',
        subscribe: ['b'],
        behavior: { type: 'work', transform: 'reverse', payload: '{msg}!' },
      },
      { id: 'sink', kind: 'socket', socket: 'PULL', behavior: { type: 'consume', count: 2 } },
      { id: 'late', kind: 'socket', socket: 'SUB', behavior: { type: 'subscribe', topics: [''] } },
      { id: 'shouter', kind: 'socket', socket: 'PUB', behavior: { type: 'manual' } },
      { id: 'ear', kind: 'socket', socket: 'SUB', options: { receiveHighWaterMark: 100 } },
    ],
    edges: [
      { id: 'dr', pattern: 'reqrep', source: 'dealer', target: 'router', endpoint: ep(1) },
      { id: 'px', pattern: 'pubsub', source: 'publisher', target: 'xsub', endpoint: ep(2), bind: 'source' },
      {
        id: 'pw',
        pattern: 'pubsub',
        source: 'publisher',
        target: 'worker',
        targetPort: 'in',
        endpoint: ep(2),
        bind: 'source',
      },
      {
        id: 'pl',
        pattern: 'pubsub',
        source: 'publisher',
        target: 'late',
        endpoint: ep(2),
        bind: 'source',
        connectDelayMs: 200,
      },
      { id: 'ws', pattern: 'pipeline', source: 'worker', sourcePort: 'out', target: 'sink', endpoint: ep(3) },
      { id: 'se', pattern: 'pubsub', source: 'shouter', target: 'ear', endpoint: ep(4), bind: 'source' },
    ],
  };
  if (extras) return doc;
  const quiet = new Set(['late', 'shouter', 'ear']);
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => !quiet.has(n.id)),
    edges: doc.edges.filter((e) => !quiet.has(e.source) && !quiet.has(e.target)),
  };
}

/** What each node of the zoo prints, in order (the router's peer identity is random: `<id>`). */
export const ZOO_LINES: Record<string, string[]> = {
  dealer: [
    'Sending job 0 from dealer',
    'Sending job 1 from dealer',
    'Sending job 2 from dealer',
    'Received job 0 from dealer ok #0',
    'Received job 1 from dealer ok #1',
    'Received job 2 from dealer ok #2',
  ],
  router: ['Got job 0 from dealer from <id>', 'Got job 1 from dealer from <id>', 'Got job 2 from dealer from <id>'],
  publisher: ['-> a 0', '-> b 1', '-> a 2', '-> b 3'],
  xsub: ['a 0', 'a 2', 'Received 2 messages'],
  worker: ['Got b 1', 'Got b 3'],
  sink: ['1 b!', '3 b!', 'Received 2 messages'],
};
