/**
 * The devices' lessons and the pipeline, headless on real sockets, plus the "build it yourself"
 * exercises: each solution passes and each starter fails, saying what is missing.
 *
 *   client 1, client 2 (REQ) -> queue (ROUTER/DEALER) -> server 1..3 (REP)
 *   radio (PUB) -> forwarder (XSUB/XPUB) -> listener (SUB)
 *   ventilator (PUSH) -> [streamer (PULL/PUSH) ->] worker 1..3 -> sink (PULL)
 */
import { describe, expect, it } from 'vitest';
import { resolveTopology } from '../../shared/lessons';
import { pipelineWith } from '../../shared/lessons/topologies/pipelineWorkers';
import { runExercise, runLesson } from '../../main/lessons/run';
import { lesson } from './lesson';
import { brokerClientOnServer, example } from './wrong';

describe.each(['queue-device', 'forwarder', 'pipeline', 'streamer'])('lesson %s', (id) => {
  it('passes on its own topology', async () => {
    const report = await runLesson(lesson(id));
    expect(report, report.findings.join('\n')).toMatchObject({ passed: true });
  });
});

describe('checks fail on a wrong topology, in words', () => {
  it('a server wired straight to a client defeats the queue', async () => {
    const r = await runLesson(lesson('queue-device'), { topologies: { main: brokerClientOnServer() } });
    expect(r.passed).toBe(false);
    expect(r.findings[0]).toBe('client 1 is wired straight to server 3: adding a server that way changes every client');
  });

  it('without a forwarder there is nothing to carry subscriptions upstream', async () => {
    const r = await runLesson(lesson('forwarder'), { topologies: { main: example('football') } });
    expect(r).toMatchObject({
      passed: false,
      findings: ['there is no forwarder device in this topology: the radio and the listener are wired to each other'],
    });
  });

  // Whether equal runs read as "not faster" depends on the clock; course.test.ts checks that sentence on fixed times.
  it('"3 workers" that are really one are not three', async () => {
    const r = await runLesson(lesson('pipeline'), { topologies: { 'three-workers': pipelineWith(1) } });
    expect(r.passed).toBe(false);
    expect(r.findings[0]).toBe('the second run has 1 worker, not 3');
  });

  it('a pipeline without a streamer is not this lesson', async () => {
    const r = await runLesson(lesson('streamer'), { topologies: { main: example('pipeline') } });
    expect(r).toMatchObject({
      passed: false,
      findings: ['there is no streamer device in this topology: the ventilator feeds the workers directly'],
    });
  });
});

describe.each(['queue-device', 'pubsub-radio', 'streamer'])('the exercise of %s', (id) => {
  const exercise = lesson(id).exercise;
  if (!exercise) throw new Error(`${id} has no exercise`);

  it('accepts its solution', async () => {
    const r = await runExercise(exercise, exercise.solution);
    expect(r, r.findings.join('\n')).toMatchObject({ passed: true });
  });

  it('says what the starter is missing', async () => {
    const r = await runExercise(exercise, resolveTopology(exercise.starter));
    expect(r.passed).toBe(false);
    expect(r.findings).toEqual([MISSING[id]]);
  });
});

const MISSING: Record<string, string> = {
  'queue-device':
    "only 2 servers are connected to the queue's backend: connect a third REP to it (the backend binds tcp://127.0.0.1:5560)",
  'pubsub-radio': 'there is no second SUB yet: add one, subscribe it to "brazil" and connect it to the radio',
  streamer:
    '1 worker is connected to the streamer\'s backend: connect 2 more (a worker\'s "in" port to the streamer\'s "backend")',
};
