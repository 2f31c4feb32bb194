/**
 * The files opened or saved lately, kept by main in the app's data folder (userData): the only
 * paths besides a dialog's answer that the app reopens. The list is bounded and a damaged file
 * reads as an empty list; the page never sees the paths.
 */
import { basename } from 'node:path';

export const RECENT_LIMIT = 10;
export const RECENT_FILE = 'recent-files.json';

export interface RecentEntry {
  path: string;
  /** The file's name, for the menu. */
  name: string;
  at: number;
}

/** The entries of a recent-files.json text; anything malformed is dropped, never thrown. */
export function parseRecent(text: string): RecentEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data
    .filter((e): e is RecentEntry => {
      const r = e as Partial<RecentEntry> | null;
      return typeof r === 'object' && r !== null && typeof r.path === 'string' && r.path.length < 4096 && typeof r.at === 'number';
    })
    .map((e) => ({ path: e.path, name: basename(e.path), at: e.at }))
    .slice(0, RECENT_LIMIT);
}

/** `path` first, without an older entry of the same path, at most RECENT_LIMIT. */
export function withRecent(list: readonly RecentEntry[], path: string, at: number): RecentEntry[] {
  return [{ path, name: basename(path), at }, ...list.filter((e) => e.path !== path)].slice(0, RECENT_LIMIT);
}

export interface RecentStore {
  read(): Promise<string | undefined>;
  write(text: string): Promise<void>;
}

export class RecentFiles {
  private entries: RecentEntry[] = [];
  /** Called after every change (main rebuilds Open Recent). */
  onChange: (() => void) | undefined;

  constructor(
    private readonly store: RecentStore,
    private readonly now: () => number = Date.now,
  ) {}

  async load(): Promise<void> {
    this.entries = parseRecent((await this.store.read().catch(() => undefined)) ?? '[]');
  }

  list(): readonly RecentEntry[] {
    return this.entries;
  }

  has(path: string): boolean {
    return this.entries.some((e) => e.path === path);
  }

  async add(path: string): Promise<void> {
    this.entries = withRecent(this.entries, path, this.now());
    await this.save();
  }

  async remove(path: string): Promise<void> {
    this.entries = this.entries.filter((e) => e.path !== path);
    await this.save();
  }

  async clear(): Promise<void> {
    this.entries = [];
    await this.save();
  }

  private async save(): Promise<void> {
    // The list is a comfort: failing to write it must not fail the open or save that caused it.
    await this.store.write(`${JSON.stringify(this.entries, null, 2)}\n`).catch(() => undefined);
    this.onChange?.();
  }
}
