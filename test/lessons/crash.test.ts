/**
 * The worker-crash lesson: headless on real sockets (it passes; it fails when the workers bind or
 * worker 2 never comes back), its check on observations made by hand, the observation of
 * nodeFault events and the kill action in words.
 *
 *   ventilator (PUSH, binds) -> worker 1..3 (PULL in, PUSH out: connect) -> sink (PULL, binds)
 *                               worker 2 killed at 300 ms, back 400 ms later
 */
import { describe, expect, it } from 'vitest';
import { describeAction, ObservationCollector } from '../../shared/lessons';
import type { Lesson } from '../../shared/lessons';
import { Topology } from '../../shared/topology';
import { crashPipeline } from '../../shared/lessons/topologies/workerCrash';
import { runLesson } from '../../main/lessons/run';
import { lesson } from './lesson';
import { observed } from './observed';
import { crashFacts } from '../../shared/lessons/crash';
import { crashWorkersBind } from './wrong';

const crash = lesson('worker-crash');

describe('lesson worker-crash on real sockets', () => {
  it('passes: worker 2 took tasks before the kill, none while down, its share went to 1 and 3, and it came back', async () => {
    const r = await runLesson(crash);
    expect(r, r.findings.join('\n')).toMatchObject({ passed: true });
    const [before, down, elsewhere, after, sink] = r.findings;
    expect(before).toMatch(/^before the crash at \d+ ms, worker 2 got \d+ tasks? \([\d, ]+\)$/);
    expect(down).toMatch(/^while it was down \(\d+ ms\) worker 2 got nothing: its sockets were closed$/);
    expect(elsewhere).toMatch(
      /^the \d+ tasks sent while worker 2 was down all went to the workers still connected: worker 1 \d+, worker 3 \d+$/,
    );
    expect(after).toMatch(/^worker 2 connected again after its restart at \d+ ms and got \d+ more tasks? \([\d, ]+\)$/);
    expect(sink).toMatch(/^the sink collected results from all 3 workers: worker 1 \d+, worker 2 \d+, worker 3 \d+$/);
    expect(r.findings.some((f) => /died with worker 2|no task was waiting in worker 2's queue/.test(f))).toBe(true);
    const obs = r.observations.main;
    expect(obs.actions.map((a) => [a.action.type, a.ok])).toEqual([['kill', true]]);
    expect(obs.nodeFaults.map((f) => [f.node, f.state, f.restartAfterMs])).toEqual([
      ['worker2', 'killed', 400],
      ['worker2', 'running', undefined],
    ]);
    // The ventilator binds: it sees worker 2 go and come back, and retries nothing itself; worker 2 connects again.
    const since = (node: string, port: string) =>
      obs.monitor.filter((m) => m.node === node && m.port === port && m.t >= obs.nodeFaults[0].t).map((m) => m.kind);
    expect(since('ventilator', '')).toContain('disconnected');
    expect(since('ventilator', '')).toContain('accepted');
    expect(since('ventilator', '')).not.toContain('connect-retried');
    expect(since('worker2', 'in')).toContain('connected');
  }, 30_000);

  it('fails when the workers bind and the ventilator connects: the tasks wait for worker 2', async () => {
    const r = await runLesson(crash, { topologies: { main: crashWorkersBind() } });
    expect(r.passed).toBe(false);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatch(
      /^\d+ tasks? sent while worker 2 was down waited for it and reached it after its restart \(tasks [\d, ]+\): the ventilator kept a pipe to it, as a socket that connects does$/,
    );
  }, 30_000);

  it('fails when worker 2 is killed and never restarted', async () => {
    const [run] = crash.runs;
    const noRestart: Lesson = {
      ...crash,
      runs: [
        {
          ...run,
          actions: [
            { type: 'wait', ms: 300 },
            { type: 'kill', node: 'worker2' },
          ],
        },
      ],
    };
    const r = await runLesson(noRestart);
    expect(r).toMatchObject({
      passed: false,
      findings: [
        'worker 2 never came back: kill it with a restart (Run: kill & restart after N ms), or restart it by hand',
      ],
    });
  }, 30_000);
});

/** Six tasks dealt in turn, the last at 50 ms; worker 2 killed at 100 ms and back at 500 ms. */
function finishedBeforeTheCrash() {
  const tasks = [0, 1, 2, 3, 4, 5];
  return observed(
    crashPipeline(),
    [
      ...tasks.map((i) => ({ node: 'ventilator', t: i * 10, msg: i + 1, preview: `task ${i}` })),
      ...tasks.map((i) => ({
        node: `worker${(i % 3) + 1}`,
        port: 'in',
        socket: 'PULL',
        dir: 'in' as const,
        t: i * 10 + 1,
        msg: i + 1,
        preview: `task ${i}`,
      })),
    ],
    {
      nodeFaults: [
        { t: 100, node: 'worker2', state: 'killed', restartAfterMs: 400 },
        { t: 500, node: 'worker2', state: 'running' },
      ],
    },
  );
}

describe('the worker-crash check, on observations made by hand', () => {
  it('says so when no worker was killed', () => {
    expect(crash.check({ main: observed(crashPipeline(), []) })).toEqual({
      passed: false,
      findings: ['no worker was killed during the run: kill one from its inspector (Run: kill & restart after N ms)'],
    });
  });

  it('says so when the crash came after the last task: nothing to share out, nothing after the restart', () => {
    const r = crash.check({ main: finishedBeforeTheCrash() });
    expect(r.passed).toBe(false);
    expect(r.findings).toEqual([
      'the ventilator sent no task while worker 2 was down: kill it while tasks are still coming',
      'worker 2 restarted at 500 ms but got no task after that',
      'the sink got no result from worker 1, worker 2, worker 3',
    ]);
  });
});

describe('the facts around a crash', () => {
  /** Worker 2 answers task 1, takes task 2 as it is killed at 100 ms, and (impossibly) task 3 while down. */
  const straggler = () =>
    observed(
      crashPipeline(),
      [
        { node: 'ventilator', t: 0, msg: 1, preview: 'task 0' },
        { node: 'ventilator', t: 10, msg: 2, preview: 'task 1' },
        { node: 'ventilator', t: 20, msg: 3, preview: 'task 2' },
        { node: 'worker1', port: 'in', socket: 'PULL', dir: 'in', t: 1, msg: 1, preview: 'task 0' },
        { node: 'worker2', port: 'in', socket: 'PULL', dir: 'in', t: 11, msg: 2, preview: 'task 1' },
        { node: 'worker2', port: 'out', t: 15, msg: 10, cause: 2, preview: 'task 1 done by worker 2' },
        { node: 'worker2', port: 'in', socket: 'PULL', dir: 'in', t: 100.2, msg: 3, preview: 'task 2' },
        { node: 'ventilator', t: 150, msg: 4, preview: 'task 3' },
        { node: 'worker2', port: 'in', socket: 'PULL', dir: 'in', t: 160, msg: 4, preview: 'task 3' },
      ],
      {
        nodeFaults: [
          { t: 100, node: 'worker2', state: 'killed', restartAfterMs: 400 },
          { t: 500, node: 'worker2', state: 'running' },
        ],
      },
    );

  it('counts a task recorded a moment after the kill but sent before it as taken before the crash, in its hands', () => {
    const c = crashFacts(straggler(), 'ventilator', ['worker1', 'worker2', 'worker3']);
    expect(c?.before.map((r) => r.preview)).toEqual(['task 1', 'task 2']);
    expect(c?.inHand.map((r) => r.preview)).toEqual(['task 2']);
    expect(c?.during.map((r) => r.preview)).toEqual(['task 3']);
  });

  it('a task sent after the kill that reached the dead worker is a finding', () => {
    expect(crash.check({ main: straggler() }).findings).toContain('worker 2 got 1 task (3) while it was down');
  });
});

describe('observing node faults', () => {
  it('keeps every nodeFault event with its time, in order, without the run id', () => {
    const c = new ObservationCollector();
    c.add({ type: 'nodeFault', runId: 4, t: 12.5, node: 'worker2', state: 'killed', restartAfterMs: 400 });
    c.add({ type: 'log', runId: 4, t: 13, node: 'worker2', line: 'killed: closed 2 sockets', level: 'warn' });
    c.add({ type: 'nodeFault', runId: 4, t: 412.75, node: 'worker2', state: 'running' });
    c.add({ type: 'nodeFault', runId: 4, t: 500, node: 'sink', state: 'killed' });
    expect(c.observation('main', Topology.parse(crashPipeline()), 'finished').nodeFaults).toEqual([
      { t: 12.5, node: 'worker2', state: 'killed', restartAfterMs: 400 },
      { t: 412.75, node: 'worker2', state: 'running' },
      { t: 500, node: 'sink', state: 'killed' },
    ]);
  });

  it('tells the kill action in words, with the names on the canvas', () => {
    const topology = Topology.parse(crashPipeline());
    expect(crash.runs[0].actions?.map((a) => describeAction(a, topology))).toEqual([
      'wait 300 ms',
      'kill worker 2; it restarts 400 ms later',
    ]);
    expect(describeAction({ type: 'kill', node: 'worker3' })).toBe('kill worker3');
  });
});
