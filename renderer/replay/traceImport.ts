/** Import a trace file (the page's export or the CLI's `run --trace`) and replay it; DOM-free. */
import { parseTraceFile } from '../../shared/traceFile';
import type { AppStore } from '../store/createAppStore';

/**
 * Checks the text and loads the replay, paused at its first record; a bad file changes nothing
 * and says which line is wrong. Asking about unsaved changes is the caller's (it owns the dialog).
 */
export function importTraceText(store: AppStore, name: string, text: string): boolean {
  const s = store.getState();
  const parsed = parseTraceFile(text);
  if (!parsed.ok) {
    s.notify(`cannot replay ${name}: ${parsed.error}`, 'error');
    return false;
  }
  if (!s.loadReplay(parsed.trace, name)) return false;
  const n = parsed.trace.records.length;
  s.notify(`loaded ${name}: ${n.toLocaleString('en-US')} record${n === 1 ? '' : 's'} to replay`);
  if (s.dockTab === 'diagnostics') s.setDockTab('trace');
  return true;
}
