/**
 * Autosave to local storage and recovery on the next load: the user's unsaved topology survives a
 * reload or a crash. Takes a Storage-like object so tests run without a browser.
 */
import { loadTopology } from '../../shared/load';
import type { AppStore } from './createAppStore';

export const AUTOSAVE_KEY = 'zmq-studio.autosave';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

interface Snapshot {
  topology: unknown;
  saved: boolean;
  fileName?: string;
}

/** Writes the session now. */
export function saveSnapshot(store: AppStore, storage: KeyValueStorage): void {
  const { topology, saved, fileName } = store.getState();
  const snap: Snapshot = { topology, saved: topology === saved, fileName };
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify(snap));
  } catch {
    // Quota exceeded or storage disabled: autosave is a comfort, editing must go on.
  }
}

/** Restores the autosaved session, if any and still a valid document. Returns whether it did. */
export function recoverSnapshot(store: AppStore, storage: KeyValueStorage): boolean {
  let snap: Snapshot;
  try {
    const text = storage.getItem(AUTOSAVE_KEY);
    if (!text) return false;
    snap = JSON.parse(text) as Snapshot;
  } catch {
    return false;
  }
  const loaded = loadTopology(snap.topology);
  if (!loaded.topology) return false;
  store.getState().recover(loaded.topology, snap.saved === true, typeof snap.fileName === 'string' ? snap.fileName : undefined);
  return true;
}

/**
 * Saves after every document change, at most once per `delayMs` (a drag changes the document
 * on every frame). Returns `flush` (for pagehide) and `stop`.
 */
export function startAutosave(store: AppStore, storage: KeyValueStorage, delayMs = 200): { flush(): void; stop(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    saveSnapshot(store, storage);
  };
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.topology === prev.topology && state.saved === prev.saved && state.fileName === prev.fileName) return;
    if (delayMs <= 0) return flush();
    timer ??= setTimeout(flush, delayMs);
  });
  return {
    flush,
    stop: () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
