/**
 * Files in the browser: download to save, upload to open. (The Electron shell will answer the
 * same actions with native dialogs through the bridge; the page keeps this as its fallback.)
 */
import { loadTopologyText } from '../../shared/load';
import { formatDiagnostic } from '../../shared/diagnostics';
import type { Topology } from '../../shared/topology';
import type { AppStore } from '../store/createAppStore';
import { rememberRecent } from '../store/recent';

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

/** Saves by download, under `as` or the current file name. */
export function downloadTopology(store: AppStore, as?: string): void {
  const { topology, fileName } = store.getState();
  const name = as ? withSuffix(as) : fileNameFor(topology, fileName);
  const url = URL.createObjectURL(new Blob([topologyText(topology)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  store.getState().markSaved(name);
  rememberRecent(localStorage, { fileName: name, name: topology.name, at: Date.now(), topology });
  store.getState().notify(`saved ${name}`);
}

/** Opens an uploaded file; a bad file leaves the current document and reports why. */
export async function openFile(store: AppStore, file: File): Promise<boolean> {
  const loaded = loadTopologyText(await file.text());
  const s = store.getState();
  if (!loaded.topology) {
    s.notify(`cannot open ${file.name}: ${loaded.diagnostics.slice(0, 3).map(formatDiagnostic).join('; ')}`, 'error');
    return false;
  }
  s.loadTopology(loaded.topology, file.name);
  rememberRecent(localStorage, { fileName: file.name, name: loaded.topology.name, at: Date.now(), topology: loaded.topology });
  s.notify(`opened ${file.name}`);
  return true;
}
