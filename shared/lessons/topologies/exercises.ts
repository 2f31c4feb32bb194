/** Starters and solutions of the "build it yourself" exercises, derived from the examples they extend. */
import { broker } from '../../examples/broker';
import { football } from '../../examples/football';
import { pipelineStreamer } from '../../examples/pipeline';
import type { TopologyInput } from '../../topology';

/** The broker with two servers: the student adds the third. */
export const brokerTwoServers: TopologyInput = {
  ...structuredClone(broker),
  name: 'Broker with two servers',
  description: 'Two REQ clients -> queue device -> two REP servers. Add a third server without touching the clients.',
  nodes: structuredClone(broker.nodes.filter((n) => n.id !== 'server3')),
  edges: structuredClone(broker.edges.filter((e) => e.target !== 'server3')),
};

/** The football radio with a second listener that hears only brazil. */
export const footballTwoListeners: TopologyInput = {
  ...structuredClone(football),
  name: 'Football radio, two listeners',
  nodes: [
    ...structuredClone(football.nodes),
    {
      id: 'brazilFan', kind: 'socket', socket: 'SUB', label: 'brazil fan',
      behavior: { type: 'subscribe', topics: ['brazil'] }, position: { x: 460, y: 300 },
    },
  ],
  edges: [
    ...structuredClone(football.edges),
    { id: 'to-brazil-fan', pattern: 'pubsub', source: 'radio', target: 'brazilFan', endpoint: 'tcp://127.0.0.1:5556', bind: 'source' },
  ],
};

/** The streamer pipeline with one worker: the student connects two more. */
export const streamerOneWorker: TopologyInput = {
  ...structuredClone(pipelineStreamer),
  name: 'Streamer with one worker',
  description: 'ventilator -> streamer -> one worker -> sink. Connect three workers to the streamer.',
  nodes: structuredClone(pipelineStreamer.nodes.filter((n) => n.id !== 'worker2' && n.id !== 'worker3')),
  edges: structuredClone(pipelineStreamer.edges.filter((e) => !/worker[23]/.test(`${e.source} ${e.target}`))),
};
