/** The course as data: its order, its texts, its topologies, and the driver's rules — no sockets. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  AFTER_THE_RUN,
  COURSE,
  driveLesson,
  findLesson,
  lessonNumber,
  resolveTopology,
  splitLessonText,
  uniqueLocalEndpoints,
} from '../../shared/lessons';
import type { LessonHost, Observation } from '../../shared/lessons';
import { validate } from '../../shared/validate';
import type { EngineEvent } from '../../shared/ipc';
import { pipelineWith } from '../../shared/lessons/topologies/pipelineWorkers';
import { lesson } from './lesson';
import { observed } from './observed';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the course', () => {
  it('keeps its order (ids are what students and links refer to)', () => {
    expect(COURSE.map((l) => l.id)).toEqual([
      'hello-world',
      'load-balancing',
      'queue-device',
      'pubsub-radio',
      'slow-joiner',
      'forwarder',
      'pipeline',
      'streamer',
      'worker-crash',
      'exclusive-pair',
      'req-state-machine',
      'high-water-mark',
      'no-subscription',
      'transports',
    ]);
    expect(lessonNumber(lesson('pipeline'))).toBe(7);
    expect(findLesson('nope')).toBeUndefined();
  });

  it.each(COURSE.map((l) => [l.id, l] as const))(
    '%s has its text in docs/lessons, a question with one right answer, and things to watch',
    (id, l) => {
      expect(l.doc).toBe(`docs/lessons/${id}.md`);
      const path = join(ROOT, l.doc);
      expect(existsSync(path), path).toBe(true);
      const text = readFileSync(path, 'utf8');
      expect(text.split('\n')[0]).toBe(`# ${l.title}`);
      // Read before the run, explained after it: the first part must leave the question open.
      const { before, after } = splitLessonText(text);
      expect(before.length).toBeGreaterThan(200);
      expect(after.startsWith(AFTER_THE_RUN)).toBe(true);
      expect(l.summary).not.toMatch(/\n/);
      expect(l.prediction.choices.length).toBeGreaterThanOrEqual(3);
      expect(l.prediction.choices[l.prediction.answer]).toBeDefined();
      expect(l.prediction.why.length).toBeGreaterThan(20);
      expect(l.watch.length).toBeGreaterThanOrEqual(2);
      expect(new Set(l.runs.map((r) => r.id)).size).toBe(l.runs.length);
    },
  );

  it('runs only topologies that validate without errors (runs, exercise starters and solutions)', () => {
    const docs = COURSE.flatMap((l) => [
      ...l.runs.map((r) => [`${l.id}/${r.id}`, resolveTopology(r.topology)] as const),
      ...(l.exercise
        ? [
            [`${l.id}/starter`, resolveTopology(l.exercise.starter)] as const,
            [`${l.id}/solution`, l.exercise.solution] as const,
          ]
        : []),
    ]);
    for (const [name, doc] of docs) {
      const problems = validate(doc).filter((d) => d.severity === 'error' || d.code !== 'no-subscription');
      expect(problems, name).toEqual([]);
    }
  });

  it('makes ipc paths and inproc names unique to a run, the same way on every edge, and leaves tcp alone', () => {
    const doc = uniqueLocalEndpoints(resolveTopology(lesson('transports').runs[0].topology), 'x1');
    expect(doc.edges.map((e) => e.endpoint)).toEqual([
      'inproc://lesson-transports-x1',
      'ipc:///tmp/zmq-studio-lesson-transports-x1.ipc',
      'tcp://127.0.0.1:5568',
    ]);
    const hwm = uniqueLocalEndpoints(resolveTopology(lesson('high-water-mark').runs[0].topology), 'x2');
    expect(hwm.edges.filter((e) => e.endpoint === 'inproc://lesson-hwm-sink-x2')).toHaveLength(2);
  });
});

/** 9 tasks dealt over `workers`, the job taking `ms` from the first task to the last result. */
function pipelineRun(workers: number, ms: number): Observation {
  const tasks = Array.from({ length: 9 }, (_, i) => i);
  return observed(pipelineWith(workers), [
    ...tasks.map((i) => ({ node: 'ventilator', t: i * 0.1, preview: `task ${i}` })),
    ...tasks.map((i) => ({
      node: `worker${(i % workers) + 1}`,
      port: 'in',
      socket: 'PULL',
      dir: 'in' as const,
      t: 1,
      preview: `task ${i}`,
    })),
    ...tasks.map((i) => ({
      node: 'sink',
      socket: 'PULL',
      dir: 'in' as const,
      t: ((i + 1) * ms) / 9,
      preview: `task ${i} done`,
    })),
  ]);
}

describe('the pipeline lesson measures', () => {
  it('passes when 3 workers finish clearly faster, and says by how much', () => {
    const r = lesson('pipeline').check({ 'one-worker': pipelineRun(1, 360), 'three-workers': pipelineRun(3, 120) });
    expect(r.passed).toBe(true);
    expect(r.findings).toContain('measured: 1 worker took 360 ms, 3 workers took 120 ms (3.0x faster)');
  });

  it('fails when 3 workers are no faster, in words', () => {
    const r = lesson('pipeline').check({ 'one-worker': pipelineRun(1, 360), 'three-workers': pipelineRun(3, 350) });
    expect(r).toEqual({
      passed: false,
      findings: ['3 workers took 350 ms and 1 worker 360 ms: more workers should finish clearly faster'],
    });
  });
});

/** A host whose engine only records commands and plays back scripted events. */
function fakeHost(
  onStart: (emit: (e: EngineEvent) => void) => {
    diagnostics: [] | [{ severity: 'error'; code: string; message: string; hint: string }];
  },
) {
  const listeners = new Set<(e: EngineEvent) => void>();
  const calls: string[] = [];
  const emit = (e: EngineEvent) => listeners.forEach((l) => l(e));
  const host: LessonHost = {
    engine: {
      start: async () => {
        calls.push('start');
        return { runId: 1, ...onStart(emit) };
      },
      stop: async () => {
        calls.push('stop');
        return { closedSockets: 0 };
      },
      inject: async (request) => {
        calls.push(`inject ${request.frames.join(' ')}`);
        if (request.frames[0] === 'twice') throw new Error('Operation cannot be accomplished in current state');
        return { msg: 1 };
      },
      nodeFault: async (request) => {
        calls.push(`nodeFault ${JSON.stringify(request)}`);
        if (request.node === 'ghost') throw new Error('no node "ghost" in this run');
        return { node: request.node, state: 'killed', sockets: 2 };
      },
      status: async () => ({
        state: 'running',
        runId: 1,
        openSockets: 0,
        libzmq: '4.3.5',
        capabilities: { ipc: true, pgm: false, tipc: false, norm: false, curve: false, gssapi: false, draft: false },
      }),
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  return { host, calls };
}

describe('the lesson driver', () => {
  it('turns a run that could not start into findings, and still stops the engine', async () => {
    const error = {
      severity: 'error' as const,
      code: 'pair-peers',
      message: 'server is a PAIR and already has its one peer',
      hint: 'remove one edge',
    };
    const { host, calls } = fakeHost((emit) => {
      emit({ type: 'diagnostics', runId: 1, diagnostics: [error] });
      emit({ type: 'state', runId: 1, state: 'failed' });
      return { diagnostics: [error] };
    });
    const r = await driveLesson(host, lesson('exclusive-pair'));
    expect(r).toMatchObject({
      passed: false,
      findings: ['run "pair" did not start: server is a PAIR and already has its one peer (hint: remove one edge)'],
    });
    expect(r.runs).toEqual([expect.objectContaining({ id: 'main', ending: 'failed' })]);
    expect(calls).toEqual(['start', 'stop']);
  });

  it('performs the scripted actions in order, observing a refused one instead of throwing', async () => {
    const { host, calls } = fakeHost((emit) => {
      queueMicrotask(() =>
        emit({ type: 'log', runId: 1, t: 5, node: 'client', line: 'Received World', level: 'info' }),
      );
      return { diagnostics: [] };
    });
    const l = lesson('req-state-machine');
    const scripted = {
      ...l,
      runs: [
        {
          ...l.runs[0],
          actions: [
            { type: 'inject' as const, node: 'client', frames: ['once'] },
            { type: 'inject' as const, node: 'client', frames: ['twice'] },
            ...(l.runs[0].actions ?? []).slice(2),
          ],
        },
      ] as typeof l.runs,
    };
    const r = await driveLesson(host, scripted);
    expect(calls).toEqual(['start', 'inject once', 'inject twice', 'stop', 'stop']);
    expect(r.observations.main.actions.map((a) => [a.ok, a.error])).toEqual([
      [true, undefined],
      [false, 'Operation cannot be accomplished in current state'],
      [true, undefined],
    ]);
    expect(r.observations.main.ending).toBe('duration');
    expect(r.observations.main.capabilities?.pgm).toBe(false);
  });

  it('performs a kill as the nodeFault command, observes the nodeFault events with their time, and a refused kill', async () => {
    const { host, calls } = fakeHost((emit) => {
      queueMicrotask(() => {
        emit({ type: 'nodeFault', runId: 1, t: 300.5, node: 'worker2', state: 'killed', restartAfterMs: 400 });
        emit({ type: 'nodeFault', runId: 1, t: 701.25, node: 'worker2', state: 'running' });
        emit({ type: 'finished', runId: 1 });
      });
      return { diagnostics: [] };
    });
    const l = lesson('worker-crash');
    const scripted = {
      ...l,
      runs: [
        {
          ...l.runs[0],
          actions: [
            { type: 'kill' as const, node: 'worker2', restartAfterMs: 400 },
            { type: 'kill' as const, node: 'ghost' },
          ],
        },
      ] as typeof l.runs,
    };
    const r = await driveLesson(host, scripted);
    expect(calls).toEqual([
      'start',
      'nodeFault {"node":"worker2","action":"kill","restartAfterMs":400}',
      'nodeFault {"node":"ghost","action":"kill"}',
      'stop',
      'stop',
    ]);
    const obs = r.observations.main;
    expect(obs.actions.map((a) => [a.action.type, a.ok, a.error])).toEqual([
      ['kill', true, undefined],
      ['kill', false, 'no node "ghost" in this run'],
    ]);
    expect(obs.nodeFaults).toEqual([
      { t: 300.5, node: 'worker2', state: 'killed', restartAfterMs: 400 },
      { t: 701.25, node: 'worker2', state: 'running' },
    ]);
    expect(obs.ending).toBe('finished');
  });
});
