/**
 * The shape of the course (issue 6, teaching mode): a lesson is plain data plus pure check
 * functions, so the CLI, the tests and the Lessons panel all read the same course and judge a
 * run the same way. Nothing here touches sockets: a host runs the lesson's topologies, fills an
 * `Observation` per run (observation.ts) and hands them to `check`.
 */
import type { TopologyInput, Topology } from '../topology';
import type { Observation } from './observation';

/** A topology a lesson opens: a built-in example by id, or its own document. */
export type TopologyRef = { example: string } | { topology: TopologyInput };

/** A scripted step a host performs once the run has started (the UI shows it as a button press). */
export type LessonAction =
  /** Send a message by hand from a node, as the inject command does; a failure is observed, not thrown. */
  | { type: 'inject'; node: string; port?: string; frames: string[] }
  /** Let time pass before the next action. */
  | { type: 'wait'; ms: number }
  /** Wait until a node logs this exact line (e.g. "Received World"); a timeout is observed, not thrown. */
  | { type: 'waitForLog'; node: string; line: string; timeoutMs?: number }
  /**
   * Kill a node as a crash would (its sockets close at once, what it was doing stops), as the
   * nodeFault command does; with `restartAfterMs` the engine starts it again by itself on the
   * same endpoints. The action does not wait for the restart. A refusal is observed, not thrown.
   */
  | { type: 'kill'; node: string; restartAfterMs?: number };

/** One run of a lesson: most lessons have one; lesson 7 runs the same pipeline with 1 and 3 workers. */
export interface LessonRun {
  /** Stable within the lesson: the key of its Observation. */
  id: string;
  /** What the student sees on the run's button or tab, e.g. "3 workers". */
  title: string;
  topology: TopologyRef;
  /** Performed in order after the start (each awaited). */
  actions?: readonly LessonAction[];
  /**
   * Stop this long after the start (after the last action, when there are actions). Without it
   * the run ends when every behaviour that finishes by itself is done (the engine's `finished` event).
   */
  durationMs?: number;
}

/** Asked before the first run: the student commits to an answer, then the run shows who was right. */
export interface Prediction {
  question: string;
  choices: readonly string[];
  /** Index into `choices`. */
  answer: number;
  /** Why the right answer is right, in one or two sentences. */
  why: string;
}

/** What a check concluded. `findings` are sentences: what was confirmed, or what is missing or wrong. */
export interface CheckResult {
  passed: boolean;
  /** When passed: what the run confirmed. When failed: only what went wrong, each in words. */
  findings: string[];
}

/** Observations of a lesson's runs, by run id. */
export type LessonObservations = Readonly<Record<string, Observation>>;

/** "Build it yourself": the student edits a starter topology until the goal checker is satisfied. */
export interface Exercise {
  /** The task, one or two sentences. */
  goal: string;
  /** What the student starts from (opened on the canvas). */
  starter: TopologyRef;
  /** One topology that meets the goal (the tests run it; a UI may offer it as "show me"). */
  solution: TopologyInput;
  /** Stop the student's run this long after the start instead of waiting for `finished`. */
  durationMs?: number;
  /**
   * Compares the student's topology and what its run observed with the goal; the findings say
   * what is missing, in words ("server 3 is not connected to the queue's backend").
   */
  check(topology: Topology, observed: Observation): CheckResult;
}

export interface Lesson {
  /** Stable, url-safe: `zmq-studio lesson <id>`, docs/lessons/<id>.md. */
  id: string;
  title: string;
  /** One line for the course list. */
  summary: string;
  /** The lesson text, relative to the repository root: `docs/lessons/<id>.md`. */
  doc: string;
  /** The runs, in order; the first one's topology is the one the lesson opens on the canvas. */
  runs: readonly [LessonRun, ...LessonRun[]];
  /** What to look at while it runs (short phrases). */
  watch: readonly string[];
  prediction: Prediction;
  /** Pure: judges what the runs observed. Only called when every run started (no topology errors). */
  check(observed: LessonObservations): CheckResult;
  exercise?: Exercise;
}
