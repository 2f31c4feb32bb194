/**
 * `zmq-studio lessons` and `zmq-studio lesson <id> [--check] [--json] [--topology f] [--exercise f]`:
 * the course on the command line. A check runs the lesson headless on real sockets and exits 0
 * when what it asserts was observed, 1 otherwise (the findings say why, in words).
 */
import {
  COURSE,
  findLesson,
  lessonNumber,
  lessonTopology,
  resolveTopology,
  splitLessonText,
} from '../../shared/lessons';
import type { CheckResult, Lesson } from '../../shared/lessons/types';
import type { LessonReport } from '../../shared/lessons/drive';
import { CliError, EXIT, usageError } from '../cli/errors';
import { loadSource } from '../cli/input';
import type { CliIo } from '../cli/io';
import { answerLines, courseLines, lessonPage, verdictLines } from './print';
import { lessonText } from './text';

export interface LessonFlags {
  /** Run the lesson headless and check what it shows. */
  check: boolean;
  json: boolean;
  /** A file or example id that replaces the lesson's (first) topology in the check. */
  topology?: string;
  /** A file or example id checked against the lesson's exercise. */
  exercise?: string;
}

export function lessonsCommand(json: boolean, io: CliIo): number {
  if (json) io.out(JSON.stringify(COURSE.map(summary)));
  else for (const line of courseLines()) io.out(line);
  return EXIT.ok;
}

export async function lessonCommand(id: string, flags: LessonFlags, io: CliIo): Promise<number> {
  const lesson = findLesson(id);
  if (!lesson) throw new CliError(EXIT.input, `no lesson named "${id}"`, 'zmq-studio lessons lists the lesson ids');
  if (flags.exercise !== undefined && !lesson.exercise) {
    const some = COURSE.filter((l) => l.exercise).map((l) => l.id);
    throw usageError(`lesson ${id} has no exercise`, `the lessons with one: ${some.join(', ')}`);
  }
  const text = await lessonText(lesson);
  const parts = splitLessonText(text);
  const mine = flags.topology !== undefined ? (await loadSource(flags.topology)).doc : undefined;
  const attempt = flags.exercise !== undefined ? (await loadSource(flags.exercise)).doc : undefined;
  const checking = flags.check || mine !== undefined || attempt !== undefined;
  if (!flags.json) io.out(lessonPage(lesson, parts.before, checking).join('\n'));
  if (!checking) {
    if (flags.json) io.out(JSON.stringify({ ...detail(lesson), text }));
    return EXIT.ok;
  }

  // Loaded only now: reading a lesson needs neither libzmq nor the engine.
  const { runExercise, runLesson } = await import('./run');
  const progress = (title: string): void => {
    if (!flags.json) io.out(`\nrunning "${title}" on real sockets...`);
  };
  let verdict: CheckResult;
  let report: LessonReport | undefined;
  if (attempt !== undefined && lesson.exercise) {
    progress('your topology');
    const { observation: _observation, ...result } = await runExercise(lesson.exercise, attempt);
    verdict = result;
  } else {
    report = await runLesson(lesson, {
      topologies: mine !== undefined ? { [lesson.runs[0].id]: mine } : undefined,
      onRun: (run) => progress(run.title),
    });
    verdict = { passed: report.passed, findings: report.findings };
  }
  if (flags.json) {
    const runs = report?.runs ?? [];
    io.out(
      JSON.stringify({
        ...detail(lesson),
        text,
        check: { kind: attempt !== undefined ? 'exercise' : 'lesson', ...verdict, runs },
      }),
    );
  } else {
    const explained =
      attempt === undefined ? ['', ...answerLines(lesson), ...(parts.after ? ['', parts.after] : [])] : [];
    io.out(
      [...explained, '', ...verdictLines(attempt !== undefined ? 'exercise' : 'check', verdict, report)].join('\n'),
    );
  }
  if (!verdict.passed && !flags.json)
    io.err(
      `zmq-studio: lesson ${lesson.id}: the ${attempt !== undefined ? 'exercise' : 'check'} failed (${verdict.findings.length} finding${verdict.findings.length === 1 ? '' : 's'} above)`,
    );
  return verdict.passed ? EXIT.ok : EXIT.failed;
}

function summary(lesson: Lesson) {
  return {
    id: lesson.id,
    number: lessonNumber(lesson),
    title: lesson.title,
    summary: lesson.summary,
    doc: lesson.doc,
    runs: lesson.runs.map((r) => ({ id: r.id, title: r.title })),
    exercise: lesson.exercise !== undefined,
  };
}

/** Everything a page or a script needs to show the lesson (the starter lets `jq` write a file to edit). */
function detail(lesson: Lesson) {
  return {
    ...summary(lesson),
    topology: lessonTopology(lesson),
    watch: lesson.watch,
    prediction: lesson.prediction,
    exercise: lesson.exercise
      ? { goal: lesson.exercise.goal, starter: resolveTopology(lesson.exercise.starter) }
      : undefined,
  };
}
