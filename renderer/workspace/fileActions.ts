/**
 * Saving and opening a topology through a FileAccess (native dialogs or the browser's
 * download/upload, see files.ts). Free of DOM globals, so store tests drive it in Node.
 */
import { loadTopologyText } from '../../shared/load';
import { formatDiagnostic } from '../../shared/diagnostics';
import type { FileCommands, SaveFileRequest } from '../../shared/ipc';
import type { Topology } from '../../shared/topology';
import type { AppStore } from '../store/createAppStore';
import type { RecentFile } from '../store/recent';

export const FILE_SUFFIX = '.zmqtopo.json';

/** "Load-balanced request/reply" -> "load-balanced-request-reply.zmqtopo.json" */
export function fileNameFor(topology: Topology, current?: string): string {
  if (current) return current;
  const slug = topology.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'untitled';
  return `${slug}${FILE_SUFFIX}`;
}

/** The saved text: pretty JSON, so files diff well under version control. */
export function topologyText(topology: Topology): string {
  return `${JSON.stringify(topology, null, 2)}\n`;
}

/** A file name as typed in "Save as": the suffix added when missing. */
export function withSuffix(name: string): string {
  const trimmed = name.trim().replace(/[\\/:*?"<>|]+/g, '-');
  return trimmed.endsWith('.json') ? trimmed : `${trimmed}${FILE_SUFFIX}`;
}

/** Where files go: native dialogs through the preload, or the browser's download/upload. */
export interface FileAccess {
  /** Native open dialog; absent in a browser, where the page's file input picks the file. */
  open?: FileCommands['openTopologyFile'];
  save(request: SaveFileRequest): Promise<{ name: string } | undefined>;
  /** Keeps a saved or opened file among the recent ones (the page's storage). */
  remember?(file: RecentFile): void;
}

/** Native dialogs through the desktop shell's preload. */
export function nativeAccess(native: FileCommands, remember?: (file: RecentFile) => void): FileAccess {
  return { open: () => native.openTopologyFile(), save: (r) => native.saveTopologyFile(r), remember };
}

/** Saves the document (under `as`, or the current file name); false when the user cancelled. */
export async function saveTopology(store: AppStore, access: FileAccess, options: { as?: string; saveAs?: boolean } = {}): Promise<boolean> {
  const { topology, fileName } = store.getState();
  const suggestedName = options.as ? withSuffix(options.as) : fileNameFor(topology, fileName);
  let saved: { name: string } | undefined;
  try {
    saved = await access.save({ suggestedName, text: topologyText(topology), saveAs: options.saveAs === true });
  } catch (err) {
    store.getState().notify(`cannot save ${suggestedName}: ${(err as Error).message}`, 'error');
    return false;
  }
  if (!saved) return false;
  store.getState().markSaved(saved.name);
  access.remember?.({ fileName: saved.name, name: topology.name, at: Date.now(), topology });
  store.getState().notify(`saved ${saved.name}`);
  return true;
}

/** Opens through the native dialog; false when cancelled or the file is not a topology. */
export async function openWithDialog(store: AppStore, access: FileAccess): Promise<boolean> {
  const file = await access.open?.();
  return file ? openText(store, file.name, file.text, access) : false;
}

/** Loads a topology file's text; a bad file leaves the current document and reports why. */
export function openText(store: AppStore, name: string, text: string, access?: FileAccess): boolean {
  const loaded = loadTopologyText(text);
  const s = store.getState();
  if (!loaded.topology) {
    s.notify(`cannot open ${name}: ${loaded.diagnostics.slice(0, 3).map(formatDiagnostic).join('; ')}`, 'error');
    return false;
  }
  s.loadTopology(loaded.topology, name);
  access?.remember?.({ fileName: name, name: loaded.topology.name, at: Date.now(), topology: loaded.topology });
  s.notify(`opened ${name}`);
  return true;
}

