/** Lesson 8: a streamer device (PULL/PUSH) — the pipeline's stable point in the middle. */
import type { Topology } from '../../topology';
import { pipelineStreamer } from '../../examples/pipeline';
import { Findings } from '../findings';
import { devicesOf, edgesAt, nameOf, otherEnd, plural, recordsOf } from '../facts';
import type { Observation } from '../observation';
import { streamerOneWorker } from '../topologies/exercises';
import type { Exercise, Lesson } from '../types';

const TASKS = 30;

/** Worker nodes fed by a streamer's backend. */
function workersOn(topology: Topology, streamer: string): string[] {
  return edgesAt(topology, streamer, 'backend')
    .map((e) => otherEnd(e, streamer))
    .filter((end) => end.port === 'in')
    .map((end) => end.node);
}

/** Every task went in at the streamer's frontend and out of its backend, every worker took some, the sink got all. */
function flowThrough(obs: Observation, streamer: string, f: Findings): void {
  const name = nameOf(obs.topology, streamer);
  const inCount = recordsOf(obs, streamer, 'in', 'frontend').length;
  const outCount = recordsOf(obs, streamer, 'out', 'backend').length;
  f.expect(
    inCount === TASKS && outCount === TASKS,
    `all ${TASKS} tasks went through the ${name}: in at its frontend, out of its backend`,
    `the ${name} took in ${inCount} and passed on ${outCount} tasks, not ${TASKS}`,
  );
  const workers = workersOn(obs.topology, streamer);
  const counts = workers.map((w) => `${nameOf(obs.topology, w)} ${recordsOf(obs, w, 'in', 'in').length}`);
  const idle = workers.filter((w) => recordsOf(obs, w, 'in', 'in').length === 0);
  f.expect(
    workers.length > 0 && idle.length === 0,
    `the ${name} dealt them over ${plural(workers.length, 'worker')}: ${counts.join(', ')}`,
    workers.length === 0
      ? `no worker is connected to the ${name}'s backend`
      : `${idle.map((w) => nameOf(obs.topology, w)).join(', ')} got no task`,
  );
  const done = recordsOf(obs, 'sink', 'in').length;
  f.expect(
    done === TASKS,
    `the sink collected all ${TASKS} results`,
    `the sink collected ${done} results, not ${TASKS}`,
  );
}

const exercise: Exercise = {
  goal: 'Connect three workers to the streamer (its backend), each sending its results to the sink, and run it.',
  starter: { topology: streamerOneWorker },
  solution: pipelineStreamer,
  check(topology, observed) {
    const f = new Findings();
    const streamer = devicesOf(topology, 'streamer')[0];
    if (!streamer) return { passed: false, findings: ['there is no streamer any more: keep it in the middle'] };
    const workers = workersOn(topology, streamer.id);
    f.expect(
      workers.length >= 3,
      `${plural(workers.length, 'worker')} take tasks from the streamer`,
      `${plural(workers.length, 'worker')} ${workers.length === 1 ? 'is' : 'are'} connected to the streamer's backend: connect ${3 - workers.length} more (a worker's "in" port to the streamer's "backend")`,
    );
    const toSink = workers.filter((w) => edgesAt(topology, w, 'out').some((e) => otherEnd(e, w).node === 'sink'));
    f.expect(
      toSink.length === workers.length,
      'every worker sends its results to the sink',
      `${workers
        .filter((w) => !toSink.includes(w))
        .map((w) => nameOf(topology, w))
        .join(
          ', ',
        )} ${workers.length - toSink.length === 1 ? 'does' : 'do'} not send to the sink: wire its "out" port to the sink`,
    );
    flowThrough(observed, streamer.id, f);
    return f.result();
  },
};

export const streamerLesson: Lesson = {
  id: 'streamer',
  title: 'A streamer device: a stable point for pipelines',
  summary:
    'ventilator -> streamer (PULL/PUSH) -> three workers -> sink: workers come and go, only the streamer is known.',
  doc: 'docs/lessons/streamer.md',
  runs: [{ id: 'main', title: 'pipeline through a streamer', topology: { example: 'pipeline-streamer' } }],
  watch: [
    'the ventilator has one edge: to the streamer; the workers connect to the streamer too',
    "every task enters the streamer's frontend and leaves its backend (follow one in the route view)",
    "the streamer's PUSH deals the tasks over the workers in turn",
  ],
  prediction: {
    question:
      'The ventilator pushes 30 tasks into the streamer, and three workers are connected behind it. How are the tasks shared?',
    choices: [
      'worker 1 takes all of them: it connected first',
      "about 10 each: the streamer's PUSH deals them in turn",
      'each worker gets all 30: the streamer copies them',
    ],
    answer: 1,
    why: 'A streamer is a PULL socket in front and a PUSH socket behind. The PUSH round-robins over the connected workers; it never copies (that is what publish/subscribe does).',
  },
  check(observed) {
    const obs = observed.main;
    const f = new Findings();
    const streamer = devicesOf(obs.topology, 'streamer')[0];
    if (!streamer)
      return {
        passed: false,
        findings: ['there is no streamer device in this topology: the ventilator feeds the workers directly'],
      };
    const direct = edgesAt(obs.topology, 'ventilator')
      .map((e) => otherEnd(e, 'ventilator'))
      .filter((end) => end.node !== streamer.id);
    f.expect(
      direct.length === 0,
      'the ventilator knows only the streamer',
      `the ventilator is wired straight to ${direct.map((d) => nameOf(obs.topology, d.node)).join(', ')}`,
    );
    flowThrough(obs, streamer.id, f);
    return f.result();
  },
  exercise,
};
