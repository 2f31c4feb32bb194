/**
 * The desktop menu's commands (shared/menu.ts) on the page: each id runs the same store action or
 * view action as the toolbar, the keyboard or the run controls. Also wires the shell's other
 * messages: files the OS opens, and the document state main shows in the title bar. Free of DOM
 * globals (the page's context is made in viewActions.ts), so tests drive it in Node.
 */
import type { OpenedFile } from '../../shared/ipc';
import type { DocumentState, MenuCommand, NativeEdit, ShellApi } from '../../shared/menu';
import type { AppStore } from '../store/createAppStore';
import type { AppState } from '../store/types';
import { selectDirty } from '../store/selectors';
import type { FileAccess } from './fileActions';
import { openText, openWithDialog, saveTopology } from './fileActions';
import { traceExport } from '../replay/traceExport';

/** What the canvas's view can do (workspace/viewActions.ts implements it over React Flow). */
export interface ViewActions {
  autoLayout(): void;
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
  exportAs(kind: 'png' | 'svg'): Promise<void>;
}

/** Everything a menu command needs from the page; DOM-free here, so tests pass fakes. */
export interface MenuContext {
  store: AppStore;
  files: FileAccess;
  /** The canvas's view actions while it is mounted. */
  view(): ViewActions | undefined;
  shell?: Pick<ShellApi, 'nativeEdit'>;
  /** True while the user types in a field: edit commands then edit that field, natively. */
  typing(): boolean;
  confirm(question: string): boolean;
  download(name: string, text: string, type: string): void;
  togglePanels(): void;
}

/** Actions a later store may add; used when present, with a working fallback until then. */
interface OptionalActions {
  stepRun?(): unknown;
  openLessons?(): unknown;
  togglePanels?(): unknown;
}

const state = (ctx: MenuContext): AppState & OptionalActions => ctx.store.getState();

function confirmDiscard(ctx: MenuContext): boolean {
  return !selectDirty(ctx.store.getState()) || ctx.confirm('Discard the unsaved changes of this topology?');
}

/** In a field, the shell edits the text; elsewhere the edit applies to the diagram. */
function edit(native: NativeEdit, onDiagram: (s: AppState) => void) {
  return (ctx: MenuContext) => {
    if (ctx.typing() && ctx.shell) ctx.shell.nativeEdit(native);
    else onDiagram(ctx.store.getState());
  };
}

function withView(what: string, act: (view: ViewActions) => unknown) {
  return (ctx: MenuContext) => {
    const view = ctx.view();
    if (view) return act(view);
    ctx.store.getState().notify(`${what}: the canvas is not shown`, 'error');
    return undefined;
  };
}

/** The same export as the trace panel's button: the CLI's trace-file format, every record held. */
function exportTrace(ctx: MenuContext): void {
  const s = ctx.store.getState();
  if (s.trace.size === 0) {
    s.notify('no trace to export yet: run the topology first', 'error');
    return;
  }
  const file = traceExport(s);
  ctx.download(file.name, file.text, 'application/x-ndjson');
  s.notify(`exported ${file.records.toLocaleString('en-US')} records to ${file.name}`);
}

/** Every menu command: the compiler holds this table to shared/menu's list. */
export const MENU_ACTIONS: Readonly<Record<MenuCommand, (ctx: MenuContext) => unknown>> = {
  'file.new': (ctx) => confirmDiscard(ctx) && ctx.store.getState().newTopology(),
  'file.open': (ctx) => confirmDiscard(ctx) && openWithDialog(ctx.store, ctx.files),
  'file.save': (ctx) => saveTopology(ctx.store, ctx.files),
  'file.save-as': (ctx) => saveTopology(ctx.store, ctx.files, { saveAs: true }),
  'file.export-png': withView('Export PNG', (v) => v.exportAs('png')),
  'file.export-svg': withView('Export SVG', (v) => v.exportAs('svg')),
  'file.export-trace': exportTrace,
  'file.export-code': (ctx) => ctx.store.getState().setOverlay('export-code'),
  'file.examples': (ctx) => ctx.store.getState().setOverlay('examples'),
  'edit.undo': edit('undo', (s) => s.undo()),
  'edit.redo': edit('redo', (s) => s.redo()),
  'edit.cut': edit('cut', (s) => {
    s.copySelection();
    s.removeSelection();
  }),
  'edit.copy': edit('copy', (s) => s.copySelection()),
  'edit.paste': edit('paste', (s) => s.paste()),
  'edit.delete': edit('delete', (s) => s.removeSelection()),
  'edit.select-all': edit('selectAll', (s) => s.selectAll()),
  'run.start': (ctx) => ctx.store.getState().runTopology(),
  'run.stop': (ctx) => ctx.store.getState().stopRun(),
  'run.pause': (ctx) => ctx.store.getState().togglePause(),
  'run.step': (ctx) => {
    const s = state(ctx);
    if (s.stepRun) return s.stepRun();
    s.notify('Step is not offered by this engine: Pause holds every send, Resume releases them in order', 'error');
    return undefined;
  },
  'view.zoom-in': withView('Zoom in', (v) => v.zoomIn()),
  'view.zoom-out': withView('Zoom out', (v) => v.zoomOut()),
  'view.fit': withView('Fit', (v) => v.fit()),
  'view.auto-layout': withView('Auto-layout', (v) => v.autoLayout()),
  'view.theme': (ctx) => {
    const s = ctx.store.getState();
    s.setTheme(s.theme === 'dark' ? 'light' : 'dark');
  },
  'view.toggle-panels': (ctx) => {
    const s = state(ctx);
    if (s.togglePanels) s.togglePanels();
    else ctx.togglePanels();
  },
  'help.lessons': (ctx) => {
    const s = state(ctx);
    if (s.openLessons) return s.openLessons();
    // The classic guide set among the examples is the course: each one is a lesson to run.
    s.setOverlay('examples');
    return undefined;
  },
  'help.shortcuts': (ctx) => ctx.store.getState().setOverlay('help'),
};

/** Runs one menu command; a failure becomes a notice, never an unhandled rejection. */
export function runMenuCommand(command: MenuCommand, ctx: MenuContext): void {
  const report = (err: unknown) => ctx.store.getState().notify(`${command} failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
  try {
    void Promise.resolve(MENU_ACTIONS[command](ctx)).catch(report);
  } catch (err) {
    report(err);
  }
}

/** A file the OS, the command line or Open Recent handed the app: opened like one from the dialog. */
export function openShellFile(ctx: MenuContext, file: OpenedFile): boolean {
  return confirmDiscard(ctx) && openText(ctx.store, file.name, file.text, ctx.files);
}

export function documentState(s: AppState): DocumentState {
  const state: DocumentState = { title: s.topology.name || 'Untitled', dirty: selectDirty(s) };
  if (s.fileName) state.fileName = s.fileName;
  return state;
}

/** Subscribes the page to the desktop shell: menu commands, opened files, and the document state it reports. */
export function wireDesktopShell(shell: ShellApi, ctx: MenuContext): () => void {
  const offMenu = shell.onMenuCommand((command) => runMenuCommand(command, ctx));
  const offOpen = shell.onOpenFile((file) => void openShellFile(ctx, file));
  let last = '';
  const report = (s: AppState) => {
    const next = documentState(s);
    const key = JSON.stringify(next);
    if (key === last) return;
    last = key;
    shell.setDocumentState(next);
  };
  report(ctx.store.getState());
  const offStore = ctx.store.subscribe(report);
  return () => {
    offMenu();
    offOpen();
    offStore();
  };
}

