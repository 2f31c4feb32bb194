/**
 * The course: the lessons in the order a student takes them (issue 6). Ids are stable — they
 * name the CLI's `lesson <id>`, the text in docs/lessons/<id>.md and a student's progress.
 */
import type { Lesson } from './types';
import { helloWorldLesson } from './course/helloWorld';
import { loadBalancingLesson } from './course/loadBalancing';
import { queueDeviceLesson } from './course/queueDevice';
import { pubSubLesson } from './course/pubSub';
import { slowJoinerLesson } from './course/slowJoiner';
import { forwarderLesson } from './course/forwarder';
import { pipelineLesson } from './course/pipeline';
import { streamerLesson } from './course/streamer';
import { workerCrashLesson } from './course/workerCrash';
import { pairLesson } from './course/pair';
import { reqStateMachineLesson } from './course/reqStateMachine';
import { highWaterMarkLesson } from './course/highWaterMark';
import { noSubscriptionLesson } from './course/noSubscription';
import { transportsLesson } from './course/transports';

export const COURSE: readonly Lesson[] = [
  helloWorldLesson,
  loadBalancingLesson,
  queueDeviceLesson,
  pubSubLesson,
  slowJoinerLesson,
  forwarderLesson,
  pipelineLesson,
  streamerLesson,
  workerCrashLesson,
  pairLesson,
  // The lesson 10, "pitfalls", is four short lessons: one topology, one question, one check each.
  reqStateMachineLesson,
  highWaterMarkLesson,
  noSubscriptionLesson,
  transportsLesson,
];

export function findLesson(id: string): Lesson | undefined {
  return COURSE.find((l) => l.id === id);
}

/** The lesson's number in the course, from 1. */
export function lessonNumber(lesson: Lesson): number {
  return COURSE.indexOf(lesson) + 1;
}

export type {
  Lesson,
  LessonRun,
  LessonAction,
  Prediction,
  Exercise,
  CheckResult,
  LessonObservations,
  TopologyRef,
} from './types';
export type { Observation, MonitorRecord, NodeFaultRecord, RunError, RunEnding, ActionOutcome } from './observation';
export { ObservationCollector } from './observation';
export { driveLesson, driveExercise, driveRun, judge } from './drive';
export { describeAction, performAction, Waiters } from './actions';
export type { ActionEngine } from './actions';
export type { LessonHost, DriveOptions, LessonReport, RunSpec } from './drive';
export { resolveTopology, lessonTopology, uniqueLocalEndpoints } from './resolve';
export { splitLessonText, AFTER_THE_RUN } from './text';
