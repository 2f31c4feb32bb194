/**
 * The native menu, as a template built by a pure function (tests read it without Electron).
 * Items that act on the document send a MenuCommand to the page, which runs the same store
 * actions as its toolbar; Open Recent, About, Quit and the developer items are main's own.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/menu';

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Unpackaged (`npm start`, `npm run dev`): adds Reload and the developer tools. */
  isDev: boolean;
  appName: string;
  recent: readonly { name: string; path: string }[];
  send(command: MenuCommand): void;
  openRecent(path: string): void;
  clearRecent(): void;
  about(): void;
}

type Item = MenuItemConstructorOptions;

/**
 * Keys the page handles itself (shortcuts.ts) show their accelerator without registering it, so a
 * key press never runs an action twice. On macOS the text-editing keys must be registered: there
 * the menu is what makes Cmd+C and friends work in text fields (the page then edits natively).
 */
function pageKey(accelerator: string, options: MenuOptions, textEdit = false): Pick<Item, 'accelerator' | 'registerAccelerator'> {
  return { accelerator, registerAccelerator: textEdit && options.platform === 'darwin' };
}

export function buildMenuTemplate(o: MenuOptions): Item[] {
  const mac = o.platform === 'darwin';
  const cmd = (label: string, command: MenuCommand, extra: Partial<Item> = {}): Item => ({ label, click: () => o.send(command), ...extra });
  const sep: Item = { type: 'separator' };

  const recent: Item[] = o.recent.length
    ? [...o.recent.map((r): Item => ({ label: r.name, toolTip: r.path, click: () => o.openRecent(r.path) })), sep, { label: 'Clear Recent', click: () => o.clearRecent() }]
    : [{ label: 'No recent files', enabled: false }];

  const file: Item = {
    label: '&File',
    submenu: [
      cmd('New', 'file.new', { accelerator: 'CmdOrCtrl+N' }),
      cmd('Open…', 'file.open', { accelerator: 'CmdOrCtrl+O' }),
      { label: 'Open Recent', submenu: recent },
      cmd('Examples…', 'file.examples', { accelerator: 'CmdOrCtrl+Shift+O' }),
      sep,
      cmd('Save', 'file.save', pageKey('CmdOrCtrl+S', o)),
      cmd('Save As…', 'file.save-as', { accelerator: 'CmdOrCtrl+Shift+S' }),
      sep,
      cmd('Export PNG…', 'file.export-png'),
      cmd('Export SVG…', 'file.export-svg'),
      cmd('Export Trace…', 'file.export-trace', { accelerator: 'CmdOrCtrl+E' }),
      cmd('Export Code…', 'file.export-code'),
      ...(mac ? [] : [sep, { role: 'quit' } as Item]),
    ],
  };

  const edit: Item = {
    label: '&Edit',
    submenu: [
      cmd('Undo', 'edit.undo', pageKey('CmdOrCtrl+Z', o, true)),
      cmd('Redo', 'edit.redo', pageKey('CmdOrCtrl+Shift+Z', o, true)),
      sep,
      cmd('Cut', 'edit.cut', { accelerator: 'CmdOrCtrl+X' }),
      cmd('Copy', 'edit.copy', pageKey('CmdOrCtrl+C', o, true)),
      cmd('Paste', 'edit.paste', pageKey('CmdOrCtrl+V', o, true)),
      cmd('Delete', 'edit.delete', pageKey('Delete', o)),
      sep,
      cmd('Select All', 'edit.select-all', pageKey('CmdOrCtrl+A', o, true)),
    ],
  };

  const run: Item = {
    label: '&Run',
    submenu: [
      cmd('Run', 'run.start', pageKey('F5', o)),
      cmd('Stop', 'run.stop', pageKey('Shift+F5', o)),
      cmd('Pause / Resume', 'run.pause', pageKey('F6', o)),
      cmd('Step', 'run.step', pageKey('F7', o)),
    ],
  };

  const view: Item = {
    label: '&View',
    submenu: [
      cmd('Zoom In', 'view.zoom-in', { accelerator: 'CmdOrCtrl+=' }),
      cmd('Zoom Out', 'view.zoom-out', { accelerator: 'CmdOrCtrl+-' }),
      cmd('Fit', 'view.fit', { accelerator: 'CmdOrCtrl+0' }),
      cmd('Auto-layout', 'view.auto-layout', { accelerator: 'CmdOrCtrl+L' }),
      sep,
      cmd('Toggle Theme', 'view.theme', { accelerator: 'CmdOrCtrl+Shift+T' }),
      cmd('Toggle Panels', 'view.toggle-panels', { accelerator: 'CmdOrCtrl+B' }),
      ...(o.isDev ? [sep, { role: 'reload' } as Item, { role: 'toggleDevTools' } as Item] : []),
      ...(mac ? [sep, { role: 'togglefullscreen' } as Item] : []),
    ],
  };

  const help: Item = {
    role: 'help',
    label: '&Help',
    submenu: [
      cmd('Lessons', 'help.lessons'),
      cmd('Keyboard Shortcuts', 'help.shortcuts'),
      ...(mac ? [] : [sep, { label: `About ${o.appName}`, click: () => o.about() }]),
    ],
  };

  const appMenu: Item[] = mac
    ? [
        {
          label: o.appName,
          submenu: [
            { label: `About ${o.appName}`, click: () => o.about() },
            sep,
            { role: 'services' },
            sep,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            sep,
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const windowMenu: Item[] = mac ? [{ role: 'windowMenu' }] : [];

  return [...appMenu, file, edit, run, view, ...windowMenu, help];
}
