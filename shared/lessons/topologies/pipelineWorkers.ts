import type { EdgeInput, NodeInput } from './build';
import { lessonTopology } from './build';

export const TASKS = 9;
/** Each task takes a worker this long: long enough that sharing the work shows in the clock. */
export const WORK_MS = 40;

/** Ventilator -> n workers (40 ms per task) -> sink, 9 tasks: the same work with 1 or 3 workers. */
export function pipelineWith(workers: number) {
  const ids = Array.from({ length: workers }, (_, k) => k + 1);
  const nodes: NodeInput[] = [
    {
      id: 'ventilator', kind: 'socket', socket: 'PUSH', label: 'ventilator',
      behavior: { type: 'produce', count: TASKS, payload: 'task {i}' }, position: { x: 60, y: 180 },
    },
    ...ids.map((n): NodeInput => ({
      id: `worker${n}`, kind: 'worker', label: `worker ${n}`, input: 'PULL', output: 'PUSH',
      behavior: { type: 'work', delayMs: WORK_MS, transform: 'none', payload: '{msg} done by worker ' + n },
      position: { x: 380, y: 180 + (n - (workers + 1) / 2) * 160 },
    })),
    {
      id: 'sink', kind: 'socket', socket: 'PULL', label: 'sink',
      behavior: { type: 'consume', count: TASKS }, position: { x: 720, y: 180 },
    },
  ];
  const edges: EdgeInput[] = ids.flatMap((n): EdgeInput[] => [
    {
      id: `ventilator-worker${n}`, pattern: 'pipeline', source: 'ventilator', target: `worker${n}`, targetPort: 'in',
      endpoint: 'tcp://127.0.0.1:5564', bind: 'source',
    },
    {
      id: `worker${n}-sink`, pattern: 'pipeline', source: `worker${n}`, sourcePort: 'out', target: 'sink',
      endpoint: 'tcp://127.0.0.1:5565', bind: 'target',
    },
  ]);
  return lessonTopology(
    `Pipeline with ${workers} worker${workers === 1 ? '' : 's'}`,
    `A PUSH ventilator hands ${TASKS} tasks of ${WORK_MS} ms to ${workers} worker${workers === 1 ? '' : 's'}; the PULL sink collects the results.`,
    nodes,
    edges,
  );
}
