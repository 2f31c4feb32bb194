/**
 * Judges the student's own runs while a lesson is open: the run's events are collected the way
 * the CLI collects them (shared/lessons ObservationCollector), the lesson run's scripted actions
 * are performed once it runs (the same performAction the headless driver uses: a worker is
 * killed by itself), the run is stopped once its behaviours are done (lost messages are only
 * known at stop), and the lesson's check says what it saw. Lessons with several runs or a fixed
 * duration are judged by their Check button instead.
 */
import { findLesson, judge, ObservationCollector, performAction, Waiters } from '../../shared/lessons';
import type { Lesson } from '../../shared/lessons';
import type { EngineCommands, EngineEvent } from '../../shared/ipc';
import type { AppStore } from './createAppStore';

/** A lesson whose single run the student can make by pressing Run (no timer: it ends when its behaviours are done). */
export function judgedFromYourRun(lesson: Lesson): boolean {
  const [run, ...more] = lesson.runs;
  return more.length === 0 && run.durationMs === undefined;
}

/**
 * Whether the page performs the run's scripted actions (a kill, an inject) on the student's run
 * of this lesson. It does not in a run that starts paused (step mode): timed steps make no sense
 * between hops, so the student does them by hand there.
 */
export function performsActions(lesson: Lesson): boolean {
  return judgedFromYourRun(lesson) && (lesson.runs[0].actions?.length ?? 0) > 0;
}

/** One student run being watched: its events, and the scripted actions once it runs. */
class WatchedRun {
  readonly collector = new ObservationCollector();
  private readonly waiters = new Waiters();
  private acting = false;
  private over = false;

  constructor(private readonly lesson: Lesson) {}

  add(event: EngineEvent, engine: EngineCommands | undefined): void {
    this.collector.add(event);
    this.waiters.wake();
    if (event.type !== 'state') return;
    if (event.state === 'paused' && !this.acting) this.acting = true; // started stepwise: the student acts
    if (event.state === 'running' && !this.acting && engine) {
      this.acting = true;
      void this.act(engine);
    }
  }

  /** The run ended: pending waits end too, and no further action is sent. */
  end(): void {
    this.over = true;
    this.waiters.cancel();
  }

  private async act(engine: EngineCommands): Promise<void> {
    for (const action of this.lesson.runs[0].actions ?? []) {
      if (this.over) return;
      await performAction(engine, action, this.collector, this.waiters);
    }
  }
}

export function observeLessonRuns(store: AppStore): () => void {
  const events = store.getState().engineEvents;
  if (!events) return () => undefined;
  let watched: WatchedRun | undefined;
  const forget = (): void => {
    watched?.end();
    watched = undefined;
  };
  return events((event) => {
    const s = store.getState();
    const lesson = s.lessonId ? findLesson(s.lessonId) : undefined;
    if (!lesson || s.lessonChecking || !judgedFromYourRun(lesson)) return forget();
    if (event.type === 'state' && event.state === 'building') {
      forget();
      watched = new WatchedRun(lesson);
      s.setLessonVerdict(undefined);
    }
    if (!watched) return;
    const run = watched;
    run.add(event, s.engine);
    if (event.type === 'finished') void s.stopRun();
    if (event.type === 'state' && (event.state === 'stopped' || event.state === 'failed')) {
      forget();
      const [spec] = lesson.runs;
      const c = run.collector;
      const ending = c.failed ? 'failed' : c.finished ? 'finished' : 'duration';
      const observation = c.observation(spec.id, s.topology, ending, s.capabilities);
      s.setLessonVerdict({ ...judge(lesson, { [spec.id]: observation }), source: 'your run' });
    }
  });
}
