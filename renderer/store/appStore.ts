/** The page's store instance and the React hook over it (tests use createAppStore() directly). */
import { useStore } from 'zustand';
import { createAppStore } from './createAppStore';
import type { AppState } from './types';

export const appStore = createAppStore();

/** Reads the store in a component; pass `useShallow(...)` for derived objects and arrays. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
