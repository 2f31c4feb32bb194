/**
 * The app window: the secure webPreferences, the remembered bounds, the unsaved-changes question
 * when it closes, and a reload when its page crashes. (Navigation is denied for every webContents
 * in main.ts, this one included.)
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { windowWebPreferences } from './webPreferences';
import type { Rect, WindowState } from './windowState';
import { DEFAULT_SIZE, MIN_SIZE } from './windowState';

export interface AppWindowOptions {
  /** Electron's BrowserWindow class. */
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  bounds: Rect | undefined;
  maximized: boolean;
  preload: string;
  icon: string;
  devTools: boolean;
  url: string;
  /** Asked when the page refuses to unload (unsaved changes): true lets it close. */
  confirmLeave(win: BrowserWindow): boolean;
  saveState(state: WindowState): void;
}

export function createAppWindow(o: AppWindowOptions): BrowserWindow {
  const win = new o.BrowserWindow({
    ...(o.bounds ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'zmq-studio',
    icon: o.icon,
    backgroundColor: '#f6f7f9',
    webPreferences: windowWebPreferences(o.preload, o.devTools),
  });
  if (o.maximized) win.maximize();
  win.webContents.on('will-prevent-unload', (event) => {
    if (o.confirmLeave(win)) event.preventDefault();
  });
  // A crashed page reloads; the page restores its autosaved document on load.
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit' && !win.isDestroyed()) win.webContents.reload();
  });
  win.once('ready-to-show', () => win.show());
  win.on('close', () => o.saveState({ bounds: win.getNormalBounds(), maximized: win.isMaximized() }));
  void win.loadURL(o.url);
  return win;
}
