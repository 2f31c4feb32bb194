/**
 * Lessons on this process's engine (DESIGN.md: the CLI may run it in-process): the course's
 * driver (shared/lessons/drive.ts) over a fresh engine whose sockets are all closed before the
 * promise settles.
 */
import { rmSync, statSync } from 'node:fs';
import type { EngineEvent } from '../../shared/ipc';
import type { Lesson } from '../../shared/lessons/types';
import type { Exercise } from '../../shared/lessons/types';
import type { DriveOptions, LessonHost, LessonReport } from '../../shared/lessons/drive';
import { driveExercise, driveLesson } from '../../shared/lessons/drive';
import type { CheckResult } from '../../shared/lessons/types';
import type { Observation } from '../../shared/lessons/observation';
import { createEngine } from '../engine';
import type { EngineOptions } from '../engineApi';

let runs = 0;

/** Runs `fn` against a new engine and disposes of it (every socket closed) whatever happens. */
export async function withEngine<T>(fn: (host: LessonHost) => Promise<T>, options?: EngineOptions): Promise<T> {
  const listeners = new Set<(event: EngineEvent) => void>();
  const engine = createEngine((event) => {
    for (const listener of [...listeners]) listener(event);
  }, options);
  const host: LessonHost = {
    engine,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  try {
    return await fn(host);
  } finally {
    await engine.dispose();
  }
}

/** ipc paths and inproc names unique to this process and run: lessons may run side by side. */
function tag(): string {
  return `${process.pid}-${++runs}`;
}

/** Plays every run of a lesson on real sockets (free ports) and judges what it observed. */
export async function runLesson(lesson: Lesson, options: DriveOptions = {}): Promise<LessonReport> {
  const report = await withEngine((host) => driveLesson(host, lesson, { endpointTag: tag(), ...options }));
  removeIpcFiles(Object.values(report.observations));
  return report;
}

/** Runs a student's topology and compares it with an exercise's goal. */
export async function runExercise(
  exercise: Exercise,
  doc: unknown,
  options: DriveOptions = {},
): Promise<CheckResult & { observation: Observation }> {
  const result = await withEngine((host) => driveExercise(host, exercise, doc, { endpointTag: tag(), ...options }));
  removeIpcFiles([result.observation]);
  return result;
}

/**
 * libzmq does not always unlink an ipc listener's file when it closes (DESIGN.md); the paths a
 * run used were tagged for that run alone, so the socket files it left behind can go.
 */
function removeIpcFiles(observations: readonly Observation[]): void {
  for (const obs of observations) {
    for (const edge of obs.topology.edges) {
      if (!edge.endpoint.startsWith('ipc://') || edge.endpoint.startsWith('ipc://@')) continue;
      const path = edge.endpoint.slice('ipc://'.length);
      try {
        if (statSync(path).isSocket()) rmSync(path, { force: true });
      } catch {
        // Already gone: nothing to do.
      }
    }
  }
}
