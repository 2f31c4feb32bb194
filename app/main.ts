/**
 * The Electron entry (bundled to out/main.cjs): the only module that imports electron's runtime.
 * It wires Electron's objects into the parts of app/, which take them as parameters so the tests
 * run them with fakes: one window, one supervised engine in a utilityProcess, the IPC handlers,
 * the menu, files the OS opens, and an orderly quit that stops the run and closes every socket.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell, utilityProcess } from 'electron';
import type { WebContents } from 'electron';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenedFile } from '../shared/ipc';
import type { DocumentState, MenuCommand, NativeEdit } from '../shared/menu';
import { aboutText } from './about';
import { APP_INDEX_URL, APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './appProtocol';
import { CHANNELS } from './channels';
import { LEAVE_BUTTON, unsavedChangesQuestion } from './closeGuard';
import { devCsp } from './csp';
import { startAppEngine } from './engine';
import { registerIpcHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import { guardContents } from './navigation';
import { topologyFilesInArgv } from './openArgs';
import { appPaths } from './paths';
import { RECENT_FILE, RecentFiles } from './recentFiles';
import { sameOrigin } from './senderCheck';
import { TopologyFiles } from './topologyFiles';
import { createAppWindow } from './window';
import { parseWindowState, placeWindow, WINDOW_STATE_FILE, windowStateText } from './windowState';

const APP_NAME = 'zmq-studio';
const isDev = !app.isPackaged;
// `npm run dev` serves the page from Vite; a packaged app never loads anything but its own files.
const devUrl = isDev ? process.env.ZMQ_STUDIO_DEV_URL : undefined;
const pageUrl = devUrl ?? APP_INDEX_URL;
const pageOrigin = devUrl ?? APP_ORIGIN;
const paths = appPaths(__dirname);
const warn = (message: string): void => console.warn(message);

// Before 'ready': the scheme the page is served from.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

let win: BrowserWindow | undefined;
let files: TopologyFiles | undefined;
let documentTitle = '';
let pageLoaded = false;
const pendingPaths: string[] = topologyFilesInArgv(process.argv, process.cwd());
const pendingOpened: OpenedFile[] = [];

function sendOpened(file: OpenedFile): void {
  if (win && pageLoaded) win.webContents.send(CHANNELS.openFile, file);
  else pendingOpened.push(file);
}

function openPath(path: string, source: 'os' | 'recent'): void {
  if (!files) {
    pendingPaths.push(path);
    return;
  }
  files.open(path, source).then(sendOpened, (err: Error) => dialog.showErrorBox('Cannot open the topology', err.message));
}

// macOS hands files over by event, possibly before 'ready'.
app.on('open-file', (event, path) => {
  event.preventDefault();
  openPath(path, 'os');
});

const NATIVE_EDITS: Readonly<Record<NativeEdit, (contents: WebContents) => void>> = {
  undo: (c) => c.undo(),
  redo: (c) => c.redo(),
  cut: (c) => c.cut(),
  copy: (c) => c.copy(),
  paste: (c) => c.paste(),
  delete: (c) => c.delete(),
  selectAll: (c) => c.selectAll(),
};

function showDocumentState(state: DocumentState): void {
  documentTitle = state.title;
  if (!win) return;
  win.setTitle(`${state.dirty ? '• ' : ''}${state.title} — ${APP_NAME}`);
  if (process.platform === 'darwin') win.setDocumentEdited(state.dirty);
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  mkdirSync(userData, { recursive: true });
  const dataFile = (name: string) => join(userData, name);

  protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.renderer, (path) => readFile(path)));
  // The page needs no camera, notifications, clipboard reads or anything else a site may ask for.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  if (devUrl) {
    // Vite's responses get the (dev) policy as a header; anything else passes as it came.
    session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
      callback(
        sameOrigin(details.url, devUrl)
          ? { responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [devCsp(devUrl)] } }
          : { responseHeaders: details.responseHeaders },
      ),
    );
  }
  app.on('web-contents-created', (_event, contents) => guardContents(contents, (url) => shell.openExternal(url)));

  const recent = new RecentFiles({
    read: () => readFile(dataFile(RECENT_FILE), 'utf8'),
    write: (text) => writeFile(dataFile(RECENT_FILE), text),
  });
  await recent.load();
  const topologyFiles = new TopologyFiles({
    dialogs: dialog,
    disk: { size: async (p) => (await stat(p)).size, read: (p) => readFile(p, 'utf8'), write: (p, text) => writeFile(p, text) },
    recent,
    window: () => win,
    defaultDir: app.getPath('documents'),
  });

  const engine = startAppEngine({
    utilityProcess,
    entry: paths.engineChild,
    deliver: (event) => {
      if (win && !win.isDestroyed()) win.webContents.send(CHANNELS.event, event);
    },
    warn,
  });

  registerIpcHandlers({
    ipcMain,
    window: () => win,
    isAppUrl: (url) => sameOrigin(url, pageOrigin),
    engine,
    files: topologyFiles,
    onDocumentState: showDocumentState,
    onNativeEdit: (edit) => win && NATIVE_EDITS[edit](win.webContents),
    warn,
  });

  const about = async (): Promise<void> => {
    const status = await Promise.race([
      engine.status(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer within 2 s')), 2000)),
    ]).catch((err: Error) => ({ error: err.message }));
    const text = aboutText({ appName: APP_NAME, version: app.getVersion(), versions: process.versions, engine: status });
    await dialog.showMessageBox({ type: 'info', title: `About ${APP_NAME}`, ...text });
  };
  const rebuildMenu = (): void => {
    const template = buildMenuTemplate({
      platform: process.platform,
      isDev,
      appName: APP_NAME,
      recent: recent.list(),
      send: (command: MenuCommand) => win?.webContents.send(CHANNELS.menu, command),
      openRecent: (path) => openPath(path, 'recent'),
      clearRecent: () => void recent.clear().then(rebuildMenu),
      about: () => void about(),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  recent.onChange = rebuildMenu;
  rebuildMenu();

  const statePath = dataFile(WINDOW_STATE_FILE);
  const openWindow = (): void => {
    let saved;
    try {
      saved = parseWindowState(readFileSync(statePath, 'utf8'));
    } catch {
      saved = undefined;
    }
    pageLoaded = false;
    const w = createAppWindow({
      BrowserWindow,
      bounds: placeWindow(saved, screen.getAllDisplays().map((d) => d.workArea)),
      maximized: saved?.maximized === true,
      preload: paths.preload,
      icon: paths.icon,
      devTools: isDev,
      url: pageUrl,
      confirmLeave: (target) => dialog.showMessageBoxSync(target, unsavedChangesQuestion(documentTitle)) === LEAVE_BUTTON,
      saveState: (state) => {
        try {
          writeFileSync(statePath, windowStateText(state));
        } catch (err) {
          warn(`zmq-studio: window state not saved: ${(err as Error).message}`);
        }
      },
    });
    w.webContents.on('did-finish-load', () => {
      pageLoaded = true;
      for (const file of pendingOpened.splice(0)) w.webContents.send(CHANNELS.openFile, file);
    });
    // Closing the window ends its run: every socket closes, the engine stays for the next window.
    w.on('closed', () => {
      if (win === w) win = undefined;
      void engine.stop().catch(() => undefined);
    });
    win = w;
  };

  files = topologyFiles;
  openWindow();
  for (const path of pendingPaths.splice(0)) openPath(path, 'os');

  app.on('second-instance', (_event, argv, cwd) => {
    if (!win) openWindow();
    for (const path of topologyFilesInArgv(argv, cwd)) openPath(path, 'os');
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('activate', () => {
    if (!win) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Quit only once the engine process has stopped its run, closed its sockets and exited.
  let shutdown: 'no' | 'running' | 'done' = 'no';
  app.on('will-quit', (event) => {
    if (shutdown === 'done') return;
    event.preventDefault();
    if (shutdown === 'running') return;
    shutdown = 'running';
    void engine
      .dispose()
      .catch((err: Error) => warn(`zmq-studio: engine shutdown: ${err.message}`))
      .finally(() => {
        shutdown = 'done';
        app.quit();
      });
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another instance runs: it got our argv through 'second-instance' and opens the files.
  app.quit();
} else {
  app.whenReady().then(start).catch((err: Error) => {
    dialog.showErrorBox(`${APP_NAME} could not start`, err.message);
    app.exit(1);
  });
}
