import type { TopologyInput } from '../topology';

type NodeInput = TopologyInput['nodes'][number];
type EdgeInput = TopologyInput['edges'][number];

const TASKS = 30;
const WORKERS = [1, 2, 3];

const ventilator: NodeInput = {
  id: 'ventilator', kind: 'socket', socket: 'PUSH', label: 'ventilator',
  behavior: { type: 'produce', count: TASKS, payload: 'task {i}' }, position: { x: 60, y: 180 },
};
const sink: NodeInput = {
  id: 'sink', kind: 'socket', socket: 'PULL', label: 'sink',
  behavior: { type: 'consume', count: TASKS }, position: { x: 720, y: 180 },
};
const workers: NodeInput[] = WORKERS.map((n) => ({
  id: `worker${n}`, kind: 'worker', label: `worker ${n}`, input: 'PULL', output: 'PUSH',
  behavior: { type: 'work', delayMs: 1, transform: 'upper', payload: '{msg} done by worker ' + n },
  position: { x: 380, y: 20 + (n - 1) * 160 },
}));
const toSink: EdgeInput[] = WORKERS.map((n) => ({
  id: `worker${n}-sink`, pattern: 'pipeline', source: `worker${n}`, sourcePort: 'out', target: 'sink',
  endpoint: 'tcp://127.0.0.1:5558', bind: 'target',
}));

/** Ventilator -> three workers -> sink: PUSH round-robins 30 tasks, 10 to each worker. */
export const pipeline: TopologyInput = {
  format: 'zmq-studio.topology/1',
  name: 'Pipeline (ventilator, workers, sink)',
  description: 'A PUSH ventilator spreads 30 tasks over three workers in turn; the PULL sink fair-queues their results.',
  nodes: [ventilator, ...workers, sink],
  edges: [
    ...WORKERS.map((n): EdgeInput => ({
      id: `ventilator-worker${n}`, pattern: 'pipeline', source: 'ventilator', target: `worker${n}`, targetPort: 'in',
      endpoint: 'tcp://127.0.0.1:5557', bind: 'source',
    })),
    ...toSink,
  ],
};

/** The same pipeline through a streamer device (PULL front, PUSH back). */
export const pipelineStreamer: TopologyInput = {
  format: 'zmq-studio.topology/1',
  name: 'Pipeline through a streamer',
  description: 'ventilator -> streamer (PULL/PUSH) -> three workers -> sink. Workers connect to the streamer, a stable point.',
  nodes: [
    ventilator,
    { id: 'streamer', kind: 'device', device: 'streamer', label: 'streamer', position: { x: 330, y: 180 } },
    ...workers.map((w) => ({ ...w, position: { x: 660, y: (w.position?.y ?? 0) } }) as NodeInput),
    { ...sink, position: { x: 1000, y: 180 } } as NodeInput,
  ],
  edges: [
    { id: 'ventilator-streamer', pattern: 'pipeline', source: 'ventilator', target: 'streamer', targetPort: 'frontend',
      endpoint: 'tcp://127.0.0.1:5557', bind: 'target' },
    ...WORKERS.map((n): EdgeInput => ({
      id: `streamer-worker${n}`, pattern: 'pipeline', source: 'streamer', sourcePort: 'backend', target: `worker${n}`,
      targetPort: 'in', endpoint: 'tcp://127.0.0.1:5561', bind: 'source',
    })),
    ...toSink,
  ],
};

