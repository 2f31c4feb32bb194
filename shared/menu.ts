/**
 * What the desktop shell adds around the engine contract: the commands its native menu sends to
 * the page, files the OS asks it to open, and the page's document state that main needs (title,
 * unsaved changes on quit). The page maps each command to the same actions its toolbar uses.
 */
import type { OpenedFile } from './ipc';

/** Every command id a native menu item can send to the page. */
export const MENU_COMMANDS = [
  'file.new',
  'file.open',
  'file.save',
  'file.save-as',
  'file.export-png',
  'file.export-svg',
  'file.export-trace',
  'file.export-code',
  'file.examples',
  'edit.undo',
  'edit.redo',
  'edit.cut',
  'edit.copy',
  'edit.paste',
  'edit.delete',
  'edit.select-all',
  'run.start',
  'run.stop',
  'run.pause',
  'run.step',
  'view.zoom-in',
  'view.zoom-out',
  'view.fit',
  'view.auto-layout',
  'view.theme',
  'view.toggle-panels',
  'help.lessons',
  'help.shortcuts',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** Text edits the shell performs natively while the user types in a field of the page. */
export const NATIVE_EDITS = ['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll'] as const;
export type NativeEdit = (typeof NATIVE_EDITS)[number];

export function isNativeEdit(value: unknown): value is NativeEdit {
  return typeof value === 'string' && (NATIVE_EDITS as readonly string[]).includes(value);
}

/** The page's document as the window shows it: title bar, and the question on quit. */
export interface DocumentState {
  /** The topology's name (or its file's). */
  title: string;
  /** The file the document was last opened from or saved to; undefined for a new document. */
  fileName?: string;
  /** Unsaved changes: quitting asks first. */
  dirty: boolean;
}

/** Longest title the page may set: a window title, not a document. */
export const MAX_TITLE_CHARS = 200;

/** The desktop shell's part of the preload API (`window.zmqStudio.shell`); absent in a browser. */
export interface ShellApi {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** A topology file given on the command line, by the OS, or picked under Open Recent. */
  onOpenFile(listener: (file: OpenedFile) => void): () => void;
  setDocumentState(state: DocumentState): void;
  nativeEdit(edit: NativeEdit): void;
}
