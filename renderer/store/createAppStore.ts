/** The one store of the page: every slice combined once. A factory, so each test gets its own. */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from './types';
import { createTopologySlice } from './topologySlice';
import { createSelectionSlice } from './selectionSlice';
import { createRunSlice } from './runSlice';
import { createTraceSlice } from './traceSlice';
import { createUiSlice } from './uiSlice';
import { createTraceViewSlice } from './traceViewSlice';
import { createLessonSlice } from './lessonSlice';
import { createReplaySlice } from './replaySlice';
import { createLiveRunSlice } from './liveRunSlice';

export type AppStore = StoreApi<AppState>;

export function createAppStore(): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createTopologySlice(...a),
    ...createSelectionSlice(...a),
    ...createRunSlice(...a),
    ...createTraceSlice(...a),
    ...createTraceViewSlice(...a),
    ...createLessonSlice(...a),
    ...createUiSlice(...a),
    ...createReplaySlice(...a),
    ...createLiveRunSlice(...a),
  }));
}
