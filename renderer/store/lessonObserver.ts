/**
 * Judges the student's own runs while a lesson is open: the run's events are collected the way
 * the CLI collects them (shared/lessons ObservationCollector), the run is stopped once its
 * behaviours are done (lost messages are only known at stop), and the lesson's check says what
 * it saw. Lessons with several runs or scripted actions are judged by their Check button instead.
 */
import { findLesson, judge, ObservationCollector } from '../../shared/lessons';
import type { Lesson } from '../../shared/lessons';
import type { AppStore } from './createAppStore';

/** A lesson whose single run the student can make by pressing Run (no scripted actions, no timer). */
export function judgedFromYourRun(lesson: Lesson): boolean {
  const [run, ...more] = lesson.runs;
  return more.length === 0 && (run.actions?.length ?? 0) === 0 && run.durationMs === undefined;
}

export function observeLessonRuns(store: AppStore): () => void {
  const events = store.getState().engineEvents;
  if (!events) return () => undefined;
  let collector: ObservationCollector | undefined;
  return events((event) => {
    const s = store.getState();
    const lesson = s.lessonId ? findLesson(s.lessonId) : undefined;
    if (!lesson || s.lessonChecking || !judgedFromYourRun(lesson)) {
      collector = undefined;
      return;
    }
    if (event.type === 'state' && event.state === 'building') {
      collector = new ObservationCollector();
      s.setLessonVerdict(undefined);
    }
    if (!collector) return;
    collector.add(event);
    if (event.type === 'finished') void s.stopRun();
    if (event.type === 'state' && (event.state === 'stopped' || event.state === 'failed')) {
      const run = lesson.runs[0];
      const ending = collector.failed ? 'failed' : collector.finished ? 'finished' : 'duration';
      const observation = collector.observation(run.id, s.topology, ending, s.capabilities);
      collector = undefined;
      s.setLessonVerdict({ ...judge(lesson, { [run.id]: observation }), source: 'your run' });
    }
  });
}
