/** How the CLI shows a lesson, its question and a check's verdict: plain text, one idea per line. */
import { COURSE, lessonNumber } from '../../shared/lessons';
import type { CheckResult, Lesson } from '../../shared/lessons/types';
import type { LessonReport } from '../../shared/lessons/drive';

const letter = (i: number): string => String.fromCharCode(97 + i);

/** One line per lesson, id first (scripts take the first word). */
export function courseLines(): string[] {
  const width = Math.max(...COURSE.map((l) => l.id.length));
  return COURSE.map((l) => `${l.id.padEnd(width)}  ${String(lessonNumber(l)).padStart(2)}. ${l.title} — ${l.summary}`);
}

/** The lesson as a student reads it before running: header, text (up to "After the run"), what to watch, the question, what next. */
export function lessonPage(lesson: Lesson, before: string, checking: boolean): string[] {
  const lines = [`Lesson ${lessonNumber(lesson)} of ${COURSE.length} (${lesson.id})`, '', before, '', 'What to watch:'];
  for (const w of lesson.watch) lines.push(`  - ${w}`);
  lines.push('', `Predict first: ${lesson.prediction.question}`);
  lesson.prediction.choices.forEach((c, i) => lines.push(`  ${letter(i)}) ${c}`));
  if (lesson.exercise) lines.push('', `Build it yourself: ${lesson.exercise.goal}`);
  if (!checking) {
    lines.push('', `Run it and check what it shows: zmq-studio lesson ${lesson.id} --check`);
    if (lesson.exercise) lines.push(`Check your exercise: zmq-studio lesson ${lesson.id} --exercise my-topology.json`);
  }
  return lines;
}

export function answerLines(lesson: Lesson): string[] {
  const p = lesson.prediction;
  return [`Answer: ${letter(p.answer)}) ${p.choices[p.answer]}`, `  ${p.why}`];
}

/** The verdict and its findings in words. */
export function verdictLines(what: string, result: CheckResult, report?: LessonReport): string[] {
  const lines: string[] = [];
  if (report) for (const r of report.runs) lines.push(`run "${r.title}": ${r.ending} after ${r.ms} ms`);
  lines.push(`${what} ${result.passed ? 'passed' : 'failed'}:`);
  for (const f of result.findings) lines.push(`  - ${f}`);
  return lines;
}
