/** The combined store's state: every slice's fields and actions in one object. */
import type { StateCreator } from 'zustand/vanilla';
import type { TopologySlice } from './topologySlice';
import type { SelectionSlice } from './selectionSlice';
import type { RunSlice } from './runSlice';
import type { TraceSlice } from './traceSlice';
import type { UiSlice } from './uiSlice';
import type { TraceViewSlice } from './traceViewSlice';
import type { LessonSlice } from './lessonSlice';
import type { ReplaySlice } from './replaySlice';
import type { LiveRunSlice } from './liveRunSlice';

export type AppState = TopologySlice & SelectionSlice & RunSlice & TraceSlice & TraceViewSlice & UiSlice & ReplaySlice & LessonSlice & LiveRunSlice;

/** A slice creator that sees the whole state (slices read each other, e.g. removal prunes selection). */
export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
