/**
 * Running a lesson through any host's engine commands: start each run (free ports, unique ipc
 * and inproc names), perform its scripted actions, end it (finished, its duration, or a time
 * limit), stop it, and judge what was observed. The CLI passes the engine itself; the Lessons
 * panel can pass its bridge, so both play a lesson the same way. No sockets here: commands only.
 */
import type { EngineCommands, EngineEvent } from '../ipc';
import { hasErrors } from '../diagnostics';
import type { Topology } from '../topology';
import { TOPOLOGY_FORMAT } from '../topology';
import { loadTopology } from '../load';
import type { Observation, RunEnding } from './observation';
import { ObservationCollector } from './observation';
import { resolveTopology, uniqueLocalEndpoints } from './resolve';
import { performAction, Waiters } from './actions';
import type { CheckResult, Exercise, Lesson, LessonAction, LessonObservations, LessonRun } from './types';

/** What the driver needs of a host: the engine commands and its event stream. */
export interface LessonHost {
  engine: Pick<EngineCommands, 'start' | 'stop' | 'inject' | 'status' | 'nodeFault'>;
  /** Registers a listener for every engine event; returns the function that removes it. */
  subscribe(listener: (event: EngineEvent) => void): () => void;
}

export interface DriveOptions {
  /** Longest a run without a duration may take to finish by itself (default 15 s). */
  timeoutMs?: number;
  /** Appended to ipc paths and inproc names (default: random), so concurrent runs never share one. */
  endpointTag?: string;
  /** Documents that replace run topologies, by run id: a student's changed topology, a test's wrong one. */
  topologies?: Readonly<Record<string, unknown>>;
  /** Told before each run starts (progress for a terminal or a panel). */
  onRun?(run: LessonRun, index: number): void;
}

/** A lesson's verdict with what each run did. */
export interface LessonReport extends CheckResult {
  lesson: string;
  runs: { id: string; title: string; ending: RunEnding; ms: number }[];
  observations: LessonObservations;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** A run as the driver plays it: the document to start and what to do once it runs. */
export interface RunSpec {
  id: string;
  doc: unknown;
  actions?: readonly LessonAction[];
  durationMs?: number;
}

/** Starts one run, performs its actions, waits for its end, stops it; never leaves it running. */
export async function driveRun(host: LessonHost, spec: RunSpec, options: DriveOptions = {}): Promise<Observation> {
  const collector = new ObservationCollector();
  const waiters = new Waiters();
  const unsubscribe = host.subscribe((event) => {
    collector.add(event);
    waiters.wake();
  });
  const until = (ready: () => boolean, ms: number): Promise<boolean> => waiters.until(ready, ms);
  const doc = uniqueLocalEndpoints(spec.doc, options.endpointTag ?? randomTag());
  const topology = loadTopology(doc).topology ?? EMPTY;
  try {
    const started = Date.now();
    const reply = await host.engine.start(doc, { freePorts: true });
    if (hasErrors(reply.diagnostics) || collector.failed) return collector.observation(spec.id, topology, 'failed');
    const { capabilities } = await host.engine.status();
    for (const action of spec.actions ?? []) await performAction(host.engine, action, collector, waiters);
    let ending: RunEnding;
    if (spec.durationMs !== undefined) {
      // A run with a duration plays it out, counted from its last action.
      await until(() => false, spec.durationMs);
      ending = 'duration';
    } else {
      const limit = started + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS) - Date.now();
      ending = (await until(() => collector.finished, limit)) ? 'finished' : 'timeout';
    }
    await host.engine.stop();
    return collector.observation(spec.id, topology, ending, capabilities);
  } finally {
    // Whatever happened above, the run's sockets are closed before the next run or the caller's exit.
    await host.engine.stop().catch(() => undefined);
    unsubscribe();
  }
}

/** Plays every run of a lesson in order and judges them. */
export async function driveLesson(host: LessonHost, lesson: Lesson, options: DriveOptions = {}): Promise<LessonReport> {
  const observations: Record<string, Observation> = {};
  const runs: LessonReport['runs'] = [];
  for (const [index, run] of lesson.runs.entries()) {
    options.onRun?.(run, index);
    const started = Date.now();
    const doc = options.topologies?.[run.id] ?? resolveTopology(run.topology);
    const obs = await driveRun(host, { id: run.id, doc, actions: run.actions, durationMs: run.durationMs }, options);
    observations[run.id] = obs;
    runs.push({ id: run.id, title: run.title, ending: obs.ending, ms: Date.now() - started });
  }
  return { lesson: lesson.id, ...judge(lesson, observations), runs, observations };
}

/** Runs a student's topology for an exercise and compares it with the goal. */
export async function driveExercise(
  host: LessonHost,
  exercise: Exercise,
  doc: unknown,
  options: DriveOptions = {},
): Promise<CheckResult & { observation: Observation }> {
  const observation = await driveRun(host, { id: 'exercise', doc, durationMs: exercise.durationMs }, options);
  if (observation.ending === 'failed') return { ...failedRuns([['your topology', observation]]), observation };
  return { ...safely(() => exercise.check(observation.topology, observation)), observation };
}

/** The lesson's check, unless a run never started: then the topology errors are the findings. */
export function judge(lesson: Lesson, observed: LessonObservations): CheckResult {
  const missing = lesson.runs.filter((r) => observed[r.id] === undefined);
  if (missing.length > 0) return { passed: false, findings: missing.map((r) => `run "${r.title}" was not observed`) };
  const failed = lesson.runs
    .filter((r) => observed[r.id].ending === 'failed')
    .map((r): [string, Observation] => [r.title, observed[r.id]]);
  if (failed.length > 0) return failedRuns(failed);
  return safely(() => lesson.check(observed));
}

function failedRuns(runs: [string, Observation][]): CheckResult {
  const findings = runs.flatMap(([title, obs]) => {
    const errors = obs.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0) return [`run "${title}" did not start`];
    return errors.slice(0, 5).map((d) => `run "${title}" did not start: ${d.message} (hint: ${d.hint})`);
  });
  return { passed: false, findings };
}

/** A check that throws is a bug in the course; the student still gets a sentence, not a crash. */
function safely(check: () => CheckResult): CheckResult {
  try {
    return check();
  } catch (err) {
    return {
      passed: false,
      findings: [`the check could not judge this run: ${err instanceof Error ? err.message : String(err)}`],
    };
  }
}

const EMPTY: Topology = { format: TOPOLOGY_FORMAT, name: 'unreadable', nodes: [], edges: [] };

function randomTag(): string {
  return Math.random().toString(36).slice(2, 10);
}
