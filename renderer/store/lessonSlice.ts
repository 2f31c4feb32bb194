/** The lesson a student has open: their prediction, and the verdict of the lesson's check. */
import type { CheckResult } from '../../shared/lessons';
import { findLesson, lessonTopology } from '../../shared/lessons';
import type { SliceCreator } from './types';

export interface LessonVerdict extends CheckResult {
  /** 'your run' = judged from the run the student made; 'check' = the lesson's own runs. */
  source: 'your run' | 'check';
}

export interface LessonSlice {
  lessonId?: string;
  /** The choice the student committed to before running (index into the prediction's choices). */
  lessonAnswer?: number;
  lessonVerdict?: LessonVerdict;
  /** The verdict on the student's own topology for the lesson's "build it yourself" exercise. */
  exerciseVerdict?: CheckResult;
  lessonChecking: boolean;
  /** Opens a lesson: its topology on the canvas, the Lessons tab in front, a fresh prediction. */
  openLesson(id: string): boolean;
  closeLesson(): void;
  answerLesson(choice: number): void;
  setLessonVerdict(verdict: LessonVerdict | undefined): void;
  setLessonChecking(on: boolean): void;
  setExerciseVerdict(verdict: CheckResult | undefined): void;
}

export const createLessonSlice: SliceCreator<LessonSlice> = (set, get) => ({
  lessonChecking: false,
  openLesson: (id) => {
    const lesson = findLesson(id);
    if (!lesson) return false;
    const loaded = get().loadTopology(lessonTopology(lesson));
    if (!loaded.ok) return false;
    set({ lessonId: id, lessonAnswer: undefined, lessonVerdict: undefined, exerciseVerdict: undefined, dockTab: 'lessons' });
    return true;
  },
  closeLesson: () => set({ lessonId: undefined, lessonAnswer: undefined, lessonVerdict: undefined, exerciseVerdict: undefined }),
  setExerciseVerdict: (exerciseVerdict) => set({ exerciseVerdict }),
  answerLesson: (lessonAnswer) => set({ lessonAnswer }),
  setLessonVerdict: (lessonVerdict) => set({ lessonVerdict }),
  setLessonChecking: (lessonChecking) => set({ lessonChecking }),
});
