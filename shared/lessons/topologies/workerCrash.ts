/** The worker-crash lesson's pipeline: a steady stream of tasks, three workers, one of them killed mid-run. */
import type { TopologyInput } from '../../topology';
import type { EdgeInput, NodeInput } from './build';
import { lessonTopology } from './build';

const CRASH_TASKS = 80;
/** The ventilator's pace: one task every this many ms, so tasks keep coming while a worker is down. */
export const CRASH_INTERVAL_MS = 15;
/**
 * Each task takes a worker this long: longer than its share of the stream (a task every 3 × 15 ms),
 * so a few tasks wait in each worker's queue — the ones a crash takes with it.
 */
const CRASH_WORK_MS = 75;
/** The worker the lesson kills, and when. */
export const CRASHED = 'worker2';
export const KILL_AFTER_MS = 300;
export const RESTART_AFTER_MS = 400;

const WORKERS = [1, 2, 3];

/** ventilator (PUSH, binds) -> worker 1..3 (PULL in / PUSH out, connect) -> sink (PULL, binds). */
export function crashPipeline(): TopologyInput {
  const nodes: NodeInput[] = [
    {
      id: 'ventilator', kind: 'socket', socket: 'PUSH', label: 'ventilator',
      behavior: { type: 'produce', count: CRASH_TASKS, payload: 'task {i}', intervalMs: CRASH_INTERVAL_MS },
      position: { x: 60, y: 180 },
    },
    ...WORKERS.map((n): NodeInput => ({
      id: `worker${n}`, kind: 'worker', label: `worker ${n}`, input: 'PULL', output: 'PUSH',
      behavior: { type: 'work', delayMs: CRASH_WORK_MS, transform: 'none', payload: '{msg} done by worker ' + n },
      position: { x: 380, y: 20 + (n - 1) * 160 },
    })),
    {
      id: 'sink', kind: 'socket', socket: 'PULL', label: 'sink',
      behavior: { type: 'consume' }, position: { x: 720, y: 180 },
    },
  ];
  const edges: EdgeInput[] = WORKERS.flatMap((n): EdgeInput[] => [
    {
      id: `ventilator-worker${n}`, pattern: 'pipeline', source: 'ventilator', target: `worker${n}`, targetPort: 'in',
      endpoint: 'tcp://127.0.0.1:5569', bind: 'source',
    },
    {
      id: `worker${n}-sink`, pattern: 'pipeline', source: `worker${n}`, sourcePort: 'out', target: 'sink',
      endpoint: 'tcp://127.0.0.1:5570', bind: 'target',
    },
  ]);
  return lessonTopology(
    'A worker crashes',
    `A PUSH ventilator sends ${CRASH_TASKS} tasks, one every ${CRASH_INTERVAL_MS} ms, to three workers (${CRASH_WORK_MS} ms a task); worker 2 is killed mid-run and restarts ${RESTART_AFTER_MS} ms later.`,
    nodes,
    edges,
  );
}
