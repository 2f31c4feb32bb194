/**
 * Recent files, for the browser where the page cannot reopen a path: the documents the user
 * opened or saved last, kept (bounded) in local storage with their content.
 */
import type { KeyValueStorage } from './autosave';

export const RECENT_KEY = 'zmq-studio.recent';
export const RECENT_LIMIT = 8;
/** Bigger documents are not remembered: local storage holds a few MB for the whole page. */
export const RECENT_MAX_CHARS = 256 * 1024;

export interface RecentFile {
  fileName: string;
  name: string;
  at: number;
  topology: unknown;
}

function isRecent(v: unknown): v is RecentFile {
  const o = v as Partial<RecentFile> | null;
  return typeof o === 'object' && o !== null && typeof o.fileName === 'string' && typeof o.name === 'string' && typeof o.at === 'number';
}

export function listRecent(storage: KeyValueStorage): RecentFile[] {
  try {
    const v: unknown = JSON.parse(storage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter(isRecent) : [];
  } catch {
    return [];
  }
}

/** Puts the file first (replacing an entry of the same name), keeping at most RECENT_LIMIT. */
export function rememberRecent(storage: KeyValueStorage, file: RecentFile): void {
  if (JSON.stringify(file.topology).length > RECENT_MAX_CHARS) return;
  const list = [file, ...listRecent(storage).filter((f) => f.fileName !== file.fileName)].slice(0, RECENT_LIMIT);
  try {
    storage.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    // Storage full: the list is a comfort, saving the file itself already happened.
  }
}
