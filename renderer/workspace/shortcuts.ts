/** Keyboard shortcuts: one table drives both the handler and the "?" help overlay. */
import { useEffect } from 'react';
import type { AppStore } from '../store/createAppStore';

export interface Shortcut {
  keys: string;
  what: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'F5', what: 'run the topology on real sockets' },
  { keys: 'Shift+F5', what: 'stop the run (closes every socket)' },
  { keys: 'F6', what: 'pause / resume the run' },
  { keys: 'F7', what: 'step: let exactly the next hop go (while paused)' },
  { keys: 'Ctrl+Z', what: 'undo' },
  { keys: 'Ctrl+Shift+Z / Ctrl+Y', what: 'redo' },
  { keys: 'Delete / Backspace', what: 'delete the selection' },
  { keys: 'Ctrl+A', what: 'select everything' },
  { keys: 'Ctrl+D', what: 'duplicate the selected nodes' },
  { keys: 'Ctrl+C / Ctrl+V', what: 'copy and paste nodes' },
  { keys: 'Ctrl+S', what: 'save (download the topology file)' },
  { keys: 'Shift+drag', what: 'box select' },
  { keys: 'Ctrl+click', what: 'add to the selection' },
  { keys: 'Escape', what: 'clear the selection, close overlays' },
  { keys: '?', what: 'this help' },
];

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** Handles the shortcuts on the whole page, except while the user types in a field. */
export function useShortcuts(store: AppStore, save: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const s = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      let handled = true;
      if (e.key === 'F5') void (e.shiftKey ? s.stopRun() : s.runTopology());
      else if (e.key === 'F6') void s.togglePause();
      else if (e.key === 'F7') void s.stepRun();
      else if (mod && key === 'z') (e.shiftKey ? s.redo : s.undo)();
      else if (mod && key === 'y') s.redo();
      else if (mod && key === 'a') s.selectAll();
      else if (mod && key === 'd') s.duplicateSelection();
      else if (mod && key === 'c') s.copySelection();
      else if (mod && key === 'v') s.paste();
      else if (mod && key === 's') save();
      else if (!mod && (key === 'delete' || key === 'backspace')) s.removeSelection();
      else if (key === 'escape') {
        if (s.overlay !== 'none') s.setOverlay('none');
        else s.clearSelection();
      } else if (e.key === '?') s.setOverlay(s.overlay === 'help' ? 'none' : 'help');
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, save]);
}
