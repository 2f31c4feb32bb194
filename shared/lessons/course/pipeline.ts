/** Lesson 7: ventilator, workers, sink — fair distribution, and more workers finish faster (measured). */
import { Findings } from '../findings';
import { nameOf, plural, recordsOf } from '../facts';
import type { Observation } from '../observation';
import { pipelineWith, TASKS, WORK_MS } from '../topologies/pipelineWorkers';
import type { Lesson } from '../types';

/** Workers the ventilator feeds, and how many tasks each took. */
function shares(obs: Observation): { id: string; tasks: number }[] {
  return obs.topology.nodes
    .filter((n) => n.kind === 'worker')
    .map((n) => ({ id: n.id, tasks: recordsOf(obs, n.id, 'in', 'in').length }));
}

/** From the ventilator's first task to the sink's last result (the trace clock): the job's duration. */
function jobMs(obs: Observation): number | undefined {
  const start = recordsOf(obs, 'ventilator', 'out')[0]?.t;
  const end = recordsOf(obs, 'sink', 'in').at(-1)?.t;
  return start === undefined || end === undefined ? undefined : end - start;
}

export const pipelineLesson: Lesson = {
  id: 'pipeline',
  title: 'Pipeline: ventilator, workers, sink',
  summary: `PUSH deals ${TASKS} tasks fairly over the workers, PULL collects the results; 3 workers finish faster than 1 (measured).`,
  doc: 'docs/lessons/pipeline.md',
  runs: [
    { id: 'one-worker', title: '1 worker', topology: { topology: pipelineWith(1) } },
    { id: 'three-workers', title: '3 workers', topology: { topology: pipelineWith(3) } },
  ],
  watch: [
    "each worker's log: with three workers, tasks 0, 3, 6 go to worker 1, tasks 1, 4, 7 to worker 2, ...",
    `each task takes a worker ${WORK_MS} ms: compare the time from the first task to the last result`,
    'the sink takes results from every worker as they come (fair queuing)',
  ],
  prediction: {
    question: `${TASKS} tasks of ${WORK_MS} ms each: with 1 worker the job takes about ${TASKS * WORK_MS} ms. About how long with 3 workers?`,
    choices: [
      `about the same, ${TASKS * WORK_MS} ms: the ventilator is the bottleneck`,
      `about a third, ${(TASKS * WORK_MS) / 3} ms: each worker gets ${TASKS / 3} tasks`,
      `longer: three workers fight over every task`,
    ],
    answer: 1,
    why: 'PUSH hands each task to the next worker in turn, so each of the three gets a third of them, and they work at the same time.',
  },
  check(observed) {
    const f = new Findings();
    const one = observed['one-worker'];
    const three = observed['three-workers'];
    for (const obs of [one, three]) {
      const done = recordsOf(obs, 'sink', 'in').length;
      f.expect(
        done === TASKS,
        `with ${plural(shares(obs).length, 'worker')} the sink collected all ${TASKS} results`,
        `with ${plural(shares(obs).length, 'worker')} the sink collected ${done} results, not ${TASKS}`,
      );
    }
    const split = shares(three);
    const counts = split.map((s) => s.tasks);
    f.expect(
      split.length === 3 && Math.min(...counts) > 0 && Math.max(...counts) - Math.min(...counts) <= 1,
      `the ventilator dealt the tasks fairly: ${split.map((s) => `${nameOf(three.topology, s.id)} ${s.tasks}`).join(', ')}`,
      split.length !== 3
        ? `the second run has ${plural(split.length, 'worker')}, not 3`
        : `the tasks were not shared fairly: ${split.map((s) => `${nameOf(three.topology, s.id)} ${s.tasks}`).join(', ')}`,
    );
    const slow = jobMs(one);
    const fast = jobMs(three);
    if (slow === undefined || fast === undefined) {
      f.fail("the job's duration could not be measured (no task or no result in the trace)");
      return f.result();
    }
    f.expect(
      fast < slow * 0.75,
      `measured: 1 worker took ${Math.round(slow)} ms, 3 workers took ${Math.round(fast)} ms (${(slow / fast).toFixed(1)}x faster)`,
      `3 workers took ${Math.round(fast)} ms and 1 worker ${Math.round(slow)} ms: more workers should finish clearly faster`,
    );
    return f.result();
  },
};
