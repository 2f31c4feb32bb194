/** The lesson texts (docs/lessons/<id>.md), read from the repository the CLI runs from. */
import { readFile } from 'node:fs/promises';
import type { Lesson } from '../../shared/lessons/types';

/** The repository root: the lesson's `doc` path is relative to it. */
const ROOT = new URL('../../', import.meta.url);

export async function lessonText(lesson: Lesson): Promise<string> {
  return readFile(new URL(lesson.doc, ROOT), 'utf8');
}
