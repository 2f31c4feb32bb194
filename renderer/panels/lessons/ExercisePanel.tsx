import { memo } from 'react';
import { driveExercise, resolveTopology } from '../../../shared/lessons';
import type { Exercise } from '../../../shared/lessons';
import { appStore, useAppStore } from '../../store/appStore';
import { selectDirty } from '../../store/selectors';
import { isRunActive } from '../../store/runSlice';

function openStarter(exercise: Exercise): void {
  const s = appStore.getState();
  if (selectDirty(s) && !window.confirm('Open the exercise? Its starter replaces the unsaved changes on the canvas.')) return;
  const loaded = s.loadTopology(resolveTopology(exercise.starter));
  if (!loaded.ok) s.notify('the exercise starter does not load', 'error');
  s.setExerciseVerdict(undefined);
}

/** Runs what is on the canvas (free ports) and compares it with the goal, as `lesson <id> --exercise` does. */
async function checkMine(exercise: Exercise): Promise<void> {
  const s = appStore.getState();
  if (!s.engine || !s.engineEvents || s.connection !== 'connected') return s.notify('cannot check: not connected to the engine', 'error');
  s.setLessonChecking(true);
  s.setExerciseVerdict(undefined);
  try {
    const result = await driveExercise({ engine: s.engine, subscribe: s.engineEvents }, exercise, s.topology);
    appStore.getState().setExerciseVerdict({ passed: result.passed, findings: result.findings });
  } catch (err) {
    appStore.getState().notify(`the exercise check failed: ${(err as Error).message}`, 'error');
  } finally {
    appStore.getState().setLessonChecking(false);
  }
}

/** "Build it yourself": the goal, the starter on the canvas, and a check of the student's topology in words. */
export const ExercisePanel = memo(function ExercisePanel({ exercise }: { exercise: Exercise }) {
  const verdict = useAppStore((s) => s.exerciseVerdict);
  const busy = useAppStore((s) => s.lessonChecking || isRunActive(s.runState));
  return (
    <div className="zs-exercise" data-testid="exercise">
      <h4>Build it yourself</h4>
      <p>{exercise.goal}</p>
      <button type="button" onClick={() => openStarter(exercise)} data-testid="exercise-start">Open the starter</button>{' '}
      <button type="button" onClick={() => void checkMine(exercise)} disabled={busy} data-testid="exercise-check" title="run what is on the canvas and compare it with the goal">
        Check my topology
      </button>
      {verdict ? (
        <div className={`zs-verdict ${verdict.passed ? 'zs-verdict-pass' : 'zs-verdict-fail'}`} data-testid="exercise-verdict" data-passed={verdict.passed}>
          <strong>{verdict.passed ? '✓ Goal reached' : '✕ Not yet'}</strong>
          <ul>
            {verdict.findings.map((f) => <li key={f}>{f}</li>)}
          </ul>
        </div>
      ) : null}
    </div>
  );
});
