/** Looking a lesson up by id in a test (a missing one is a broken course, not a skipped test). */
import { findLesson } from '../../shared/lessons';
import type { Lesson } from '../../shared/lessons';

export function lesson(id: string): Lesson {
  const found = findLesson(id);
  if (!found) throw new Error(`no lesson ${id}`);
  return found;
}
