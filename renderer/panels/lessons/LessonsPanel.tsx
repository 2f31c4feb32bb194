import { memo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { COURSE, driveLesson, findLesson, lessonNumber, splitLessonText } from '../../../shared/lessons';
import type { Lesson } from '../../../shared/lessons';
import { appStore, useAppStore } from '../../store/appStore';
import { selectDirty } from '../../store/selectors';
import { isRunActive } from '../../store/runSlice';
import { judgedFromYourRun } from '../../store/lessonObserver';
import { YourRunNote } from './YourRunNote';
import { Markdown } from './Markdown';
import { lessonText } from './lessonTexts';
import { ExercisePanel } from './ExercisePanel';

function open(id: string): void {
  const s = appStore.getState();
  if (selectDirty(s) && !window.confirm('Open the lesson? Its topology replaces the unsaved changes on the canvas.')) return;
  if (!s.openLesson(id)) s.notify(`could not open lesson ${id}`, 'error');
}

/** Runs the lesson's own runs on the engine (as `zmq-studio lesson <id> --check` does) and judges them. */
async function check(lesson: Lesson): Promise<void> {
  const s = appStore.getState();
  if (!s.engine || !s.engineEvents || s.connection !== 'connected') return s.notify('cannot check: not connected to the engine', 'error');
  s.setLessonChecking(true);
  s.setLessonVerdict(undefined);
  try {
    const report = await driveLesson({ engine: s.engine, subscribe: s.engineEvents }, lesson);
    appStore.getState().setLessonVerdict({ passed: report.passed, findings: report.findings, source: 'check' });
  } catch (err) {
    appStore.getState().notify(`the check failed: ${(err as Error).message}`, 'error');
  } finally {
    appStore.getState().setLessonChecking(false);
  }
}

const Course = memo(function Course() {
  return (
    <ol className="zs-course" data-testid="course">
      {COURSE.map((l) => (
        <li key={l.id}>
          <button type="button" onClick={() => open(l.id)} data-testid={`lesson-${l.id}`}>
            <strong>{l.title}</strong>
            <span className="zs-muted">{l.summary}</span>
          </button>
        </li>
      ))}
    </ol>
  );
});

function Prediction({ lesson, answer, locked }: { lesson: Lesson; answer?: number; locked: boolean }) {
  const [choice, setChoice] = useState<number | undefined>(answer);
  const p = lesson.prediction;
  return (
    <fieldset className="zs-prediction" data-testid="prediction">
      <legend>Predict first</legend>
      <p>{p.question}</p>
      {p.choices.map((c, i) => (
        <label key={i} className={answer !== undefined && locked ? (i === p.answer ? 'right' : i === answer ? 'wrong' : '') : ''}>
          <input type="radio" name="prediction" checked={choice === i} disabled={answer !== undefined} onChange={() => setChoice(i)} /> {c}
        </label>
      ))}
      {answer === undefined ? (
        <button type="button" disabled={choice === undefined} onClick={() => choice !== undefined && appStore.getState().answerLesson(choice)} data-testid="commit-prediction">
          Commit my answer
        </button>
      ) : locked ? (
        <p className={answer === p.answer ? 'zs-ok' : 'zs-error'} data-testid="prediction-result">
          {answer === p.answer ? 'You predicted it.' : `Not quite: the answer is “${p.choices[p.answer]}”.`} {p.why}
        </p>
      ) : (
        <p className="zs-muted">Answer committed. Now run it (Run, or tick “step” to go hop by hop) and see.</p>
      )}
    </fieldset>
  );
}

/** The course, and the open lesson: its text, what to watch, the prediction, and the check's verdict. */
export const LessonsPanel = memo(function LessonsPanel() {
  const { lessonId, answer, verdict, checking, active } = useAppStore(
    useShallow((s) => ({ lessonId: s.lessonId, answer: s.lessonAnswer, verdict: s.lessonVerdict, checking: s.lessonChecking, active: isRunActive(s.runState) })),
  );
  const lesson = lessonId ? findLesson(lessonId) : undefined;
  if (!lesson) {
    return (
      <section className="zs-panel zs-lessons" aria-label="Lessons" data-testid="lessons">
        <p className="zs-muted">The course: the four patterns, the three devices and the classic pitfalls, each on real sockets. Pick a lesson.</p>
        <Course />
      </section>
    );
  }
  const text = splitLessonText(lessonText(lesson.doc));
  const seen = verdict !== undefined;
  return (
    <section className="zs-panel zs-lessons" aria-label="Lessons" data-testid="lessons">
      <div className="zs-lesson-head">
        <button type="button" onClick={() => appStore.getState().closeLesson()} title="back to the course">◀ Course</button>
        <h3 data-testid="lesson-title">
          {lessonNumber(lesson)}. {lesson.title}
        </h3>
      </div>
      <div className="zs-lesson-body">
        <div className="zs-lesson-text">
          <Markdown text={text.before} />
          {seen && text.after ? <Markdown text={text.after} /> : null}
        </div>
        <div className="zs-lesson-side">
          <Prediction key={lesson.id} lesson={lesson} answer={answer} locked={seen} />
          <h4>Watch</h4>
          <ul>
            {lesson.watch.map((w) => <li key={w}>{w}</li>)}
          </ul>
          <button type="button" onClick={() => void check(lesson)} disabled={checking || active || answer === undefined} data-testid="lesson-check"
            title={answer === undefined ? 'commit a prediction first' : "run the lesson's own runs and check what they show"}>
            {checking ? 'Checking…' : 'Check'}
          </button>
          {judgedFromYourRun(lesson) ? <YourRunNote lesson={lesson} /> : null}
          {verdict ? (
            <div className={`zs-verdict ${verdict.passed ? 'zs-verdict-pass' : 'zs-verdict-fail'}`} data-testid="lesson-verdict" data-passed={verdict.passed}>
              <strong>{verdict.passed ? '✓ Check passed' : '✕ Not yet'}</strong> <span className="zs-muted">({verdict.source})</span>
              <ul>
                {verdict.findings.map((f) => <li key={f}>{f}</li>)}
              </ul>
            </div>
          ) : null}
          {lesson.exercise ? <ExercisePanel exercise={lesson.exercise} /> : null}
        </div>
      </div>
    </section>
  );
});
