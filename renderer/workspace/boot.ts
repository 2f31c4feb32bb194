/** Everything the page wires up once, outside React: recovery, autosave, theme, guard, engine bridge. */
import type { AppStore } from '../store/createAppStore';
import { recoverSnapshot, startAutosave } from '../store/autosave';
import { selectDirty } from '../store/selectors';
import type { Theme } from '../store/uiSlice';
import type { Bridge } from '../bridge';
import { connectBridge } from '../bridge';
import { download, fileAccess } from './files';
import { wireDesktopShell } from './menuCommands';
import { pageMenuContext } from './viewActions';

const THEME_KEY = 'zmq-studio.theme';

function initialTheme(): Theme {
  const saved = localStorage.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function boot(store: AppStore): Bridge {
  if (recoverSnapshot(store, localStorage)) store.getState().notify('restored your last session');
  const autosave = startAutosave(store, localStorage);
  // A reload or crash right after an edit must not lose it: write the pending snapshot now.
  window.addEventListener('pagehide', () => autosave.flush());

  window.addEventListener('beforeunload', (e) => {
    autosave.flush();
    if (selectDirty(store.getState())) e.preventDefault();
  });

  const applyTheme = (theme: Theme) => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem(THEME_KEY, theme);
  };
  store.getState().setTheme(initialTheme());
  applyTheme(store.getState().theme);
  store.subscribe((s, prev) => {
    if (s.theme !== prev.theme) applyTheme(s.theme);
  });

  // The desktop app's menu and OS-opened files drive the same actions as the toolbar.
  const shell = window.zmqStudio?.shell;
  if (shell) wireDesktopShell(shell, pageMenuContext(store, fileAccess(), shell, download));

  return connectBridge(store);
}
