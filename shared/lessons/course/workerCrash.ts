/**
 * After the pipeline lessons: a worker crashes mid-run and comes back. The ventilator binds, so
 * its PUSH drops the dead worker's pipe and deals the next tasks to the workers still connected;
 * what sat in the dead worker's queue is lost; the restarted worker connects again and gets its
 * turn. The check reads the kill and the restart from the run's nodeFault events, so it judges
 * whichever worker was killed (the scripted run kills worker 2; a student may kill another).
 */
import { Findings } from '../findings';
import { ms, nameOf, numbersOf, plural } from '../facts';
import { crashFacts, receiversOf, resultsBySender } from '../crash';
import type { CrashFacts } from '../crash';
import type { Observation } from '../observation';
import type { TraceRecord } from '../../trace';
import { CRASH_INTERVAL_MS, CRASHED, crashPipeline, KILL_AFTER_MS, RESTART_AFTER_MS } from '../topologies/workerCrash';
import type { Lesson } from '../types';

const tasks = (records: readonly { preview: string }[]): string => numbersOf(records.map((r) => r.preview));

/** Where the tasks sent while the worker was down went: to the others, to it after all, or nowhere. */
function whileDown(obs: Observation, c: CrashFacts, workers: readonly string[], f: Findings): void {
  const name = nameOf(obs.topology, c.node);
  const down = c.sentDown;
  const toIt = down.filter((d) => d.takenBy === c.node).map((d) => d.task);
  const nowhere = down.filter((d) => d.takenBy === undefined).map((d) => d.task);
  if (down.length === 0) {
    f.fail(`the ventilator sent no task while ${name} was down: kill it while tasks are still coming`);
    return;
  }
  const shares = workers
    .filter((w) => w !== c.node)
    .map((w) => `${nameOf(obs.topology, w)} ${down.filter((d) => d.takenBy === w).length}`);
  if (toIt.length === 0 && nowhere.length === 0)
    f.note(
      `the ${plural(down.length, 'task')} sent while ${name} was down all went to the workers still connected: ${shares.join(', ')}`,
    );
  if (toIt.length > 0)
    f.fail(
      `${plural(toIt.length, 'task')} sent while ${name} was down waited for it and reached it after its restart (tasks ${tasks(toIt)}): the ventilator kept a pipe to it, as a socket that connects does`,
    );
  if (nowhere.length > 0)
    f.fail(`${plural(nowhere.length, 'task')} sent while ${name} was down reached no worker (tasks ${tasks(nowhere)})`);
}

/**
 * What died with the worker: the tasks waiting in its queue (the lost report) and the one in its
 * hands. Tasks sent while it was down and lost are `whileDown`'s business; tasks lost after it
 * came back were still queued somewhere when the run stopped (a slow machine), not the crash's.
 */
function losses(obs: Observation, c: CrashFacts, f: Findings): void {
  const name = nameOf(obs.topology, c.node);
  const atCrash = c.lost.filter((m) => m.t <= c.noticed);
  f.note(
    atCrash.length === 0
      ? `no task was waiting in ${name}'s queue when it died, so none was lost`
      : `${plural(atCrash.length, 'task')} died with ${name} (${tasks(atCrash)}): sent to it before the crash, ${atCrash.length === 1 ? 'it was' : 'they were'} still waiting in its queue, and the lost report lists ${atCrash.length === 1 ? 'it' : 'them'}`,
  );
  if (c.inHand.length > 0)
    f.note(`${name} was working on task ${tasks(c.inHand)} when it died: that result never reached the sink`);
  const tail = c.lost.filter((m) => c.back !== undefined && m.t >= c.back.t);
  if (tail.length > 0)
    f.note(
      `${plural(tail.length, 'task')} (${tasks(tail)}) ${tail.length === 1 ? 'was' : 'were'} still queued in a worker when the run stopped`,
    );
}

export const workerCrashLesson: Lesson = {
  id: 'worker-crash',
  title: 'A worker crashes',
  summary: `A pipeline worker is killed mid-run and restarts ${RESTART_AFTER_MS} ms later: where do the tasks go meanwhile, and what is lost?`,
  doc: 'docs/lessons/worker-crash.md',
  runs: [
    {
      id: 'main',
      title: 'worker 2 crashes and restarts',
      topology: { topology: crashPipeline() },
      actions: [
        { type: 'wait', ms: KILL_AFTER_MS },
        { type: 'kill', node: CRASHED, restartAfterMs: RESTART_AFTER_MS },
      ],
    },
  ],
  watch: [
    `worker 2's badge on the canvas: killed, then running again ${RESTART_AFTER_MS} ms later`,
    "the ventilator's and the sink's socket badges: disconnected when worker 2 dies, connected when it is back (they bind and wait: worker 2 is the one that connects again)",
    'the Trace (filter on worker 2) or the Logs: which worker gets each task before, during and after the crash',
    'the lost messages above the Logs: the tasks that were still waiting in worker 2 when it died',
  ],
  prediction: {
    question: `The ventilator sends a task every ${CRASH_INTERVAL_MS} ms to three workers. Worker 2 crashes and is back ${RESTART_AFTER_MS} ms later. What happens to the tasks the ventilator sends while worker 2 is down?`,
    choices: [
      'they wait for worker 2 and reach it when it is back',
      'the ventilator sends them to worker 1 and worker 3, the workers still connected',
      'they are all lost until worker 2 is back',
    ],
    answer: 1,
    why: 'A PUSH deals its messages only over the peers it has a pipe to. The ventilator binds, so when worker 2 disconnected it dropped that pipe at once; until worker 2 connects again, every task goes to worker 1 or worker 3. Only the few tasks already queued inside worker 2 when it died are lost.',
  },
  check(observed) {
    const obs = observed.main;
    const f = new Findings();
    const workers = receiversOf(obs, 'ventilator');
    const c = crashFacts(obs, 'ventilator', workers);
    if (!c)
      return {
        passed: false,
        findings: ['no worker was killed during the run: kill one from its inspector (Run: kill & restart after N ms)'],
      };
    const name = nameOf(obs.topology, c.node);
    const got = (records: readonly TraceRecord[]): string => `${plural(records.length, 'task')} (${tasks(records)})`;
    f.expect(
      c.before.length > 0,
      `before the crash at ${ms(c.kill.t)}, ${name} got ${got(c.before)}`,
      `${name} got no task before it was killed at ${ms(c.kill.t)}: kill it once tasks flow`,
    );
    if (!c.back) {
      f.fail(`${name} never came back: kill it with a restart (Run: kill & restart after N ms), or restart it by hand`);
      return f.result();
    }
    f.expect(
      c.during.length === 0,
      `while it was down (${ms(c.back.t - c.kill.t)}) ${name} got nothing: its sockets were closed`,
      `${name} got ${got(c.during)} while it was down`,
    );
    whileDown(obs, c, workers, f);
    f.expect(
      c.after.length > 0,
      `${name} connected again after its restart at ${ms(c.back.t)} and got ${plural(c.after.length, 'more task')} (${tasks(c.after)})`,
      `${name} restarted at ${ms(c.back.t)} but got no task after that`,
    );
    const results = resultsBySender(obs, 'sink');
    const silent = workers.filter((w) => (results.get(w) ?? 0) === 0);
    f.expect(
      silent.length === 0,
      `the sink collected results from all ${plural(workers.length, 'worker')}: ${workers.map((w) => `${nameOf(obs.topology, w)} ${results.get(w) ?? 0}`).join(', ')}`,
      `the sink got no result from ${silent.map((w) => nameOf(obs.topology, w)).join(', ')}`,
    );
    losses(obs, c, f);
    const sent = obs.records.filter((r) => r.node === 'ventilator' && r.dir === 'out').length;
    f.note(`the sink collected ${[...results.values()].reduce((a, b) => a + b, 0)} results for the ${sent} tasks sent`);
    return f.result();
  },
};
