/**
 * Topology files on disk, for the page: read or written only at a path the user chose (an open or
 * save dialog they answered, a file the OS or the command line handed us, an entry of Open
 * Recent). The page suggests names, main owns paths; any other path is refused.
 */
import { basename, dirname, join } from 'node:path';
import type { BaseWindow, OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { OpenedFile, SaveFileRequest } from '../shared/ipc';
import { MAX_FILE_BYTES } from './limits';
import type { RecentFiles } from './recentFiles';

export interface FileDialogs {
  showOpenDialog(window: BaseWindow, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(window: BaseWindow, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

export interface TopologyDisk {
  size(path: string): Promise<number>;
  read(path: string): Promise<string>;
  write(path: string, text: string): Promise<void>;
}

export interface TopologyFilesDeps {
  dialogs: FileDialogs;
  disk: TopologyDisk;
  recent: RecentFiles;
  /** The window dialogs belong to; undefined while there is none (then nothing is asked). */
  window(): BaseWindow | undefined;
  /** Where the first dialog opens (the user's documents folder). */
  defaultDir: string;
}

/** How a path reached us: each is a choice the user made. */
export type PathSource = 'dialog' | 'recent' | 'os';

/** A refused or failed file operation: the page shows its message. */
export class FileAccessError extends Error {
  readonly code = 'FILE_ACCESS';
}

const FILTERS = [
  { name: 'zmq-studio topology', extensions: ['zmqtopo.json', 'json'] },
  { name: 'All files', extensions: ['*'] },
];

export class TopologyFiles {
  /** Paths the user chose in this session: the only ones written without asking again. */
  private readonly granted = new Set<string>();
  /** The document's file, while the page's document is the one read from or saved to it. */
  private current: string | undefined;
  private lastDir: string | undefined;

  constructor(private readonly deps: TopologyFilesDeps) {}

  /** The open dialog; undefined when cancelled. */
  async openWithDialog(): Promise<OpenedFile | undefined> {
    const win = this.deps.window();
    if (!win) return undefined;
    const answer = await this.deps.dialogs.showOpenDialog(win, {
      title: 'Open a topology',
      defaultPath: this.lastDir ?? this.deps.defaultDir,
      filters: FILTERS,
      properties: ['openFile'],
    });
    const path = answer.canceled ? undefined : answer.filePaths[0];
    return path === undefined ? undefined : this.open(path, 'dialog');
  }

  /** Reads a path the user chose some other way; throws FileAccessError for any other path. */
  async open(path: string, source: PathSource): Promise<OpenedFile> {
    if (source === 'recent' && !this.deps.recent.has(path)) throw new FileAccessError(`${basename(path)} is not among the recent files`);
    this.granted.add(path);
    const text = await this.readGranted(path);
    this.current = path;
    this.lastDir = dirname(path);
    await this.deps.recent.add(path);
    return { name: basename(path), text };
  }

  /** Saves to the document's file, or where the save dialog says; undefined when cancelled. */
  async save(request: SaveFileRequest): Promise<{ name: string } | undefined> {
    const known = this.current && basename(this.current) === request.suggestedName ? this.current : undefined;
    const path = request.saveAs || !known ? await this.askWhere(request.suggestedName) : known;
    if (path === undefined) return undefined;
    await this.writeGranted(path, request.text);
    this.current = path;
    this.lastDir = dirname(path);
    await this.deps.recent.add(path);
    return { name: basename(path) };
  }

  /** The page's document now has this file name (undefined: a new document): forget a stale path. */
  documentIs(fileName: string | undefined): void {
    if (this.current && basename(this.current) !== fileName) this.current = undefined;
  }

  /** Reads a granted path, bounded; throws FileAccessError otherwise. */
  async readGranted(path: string): Promise<string> {
    if (!this.granted.has(path)) throw new FileAccessError('the app reads only files you chose');
    let size: number;
    try {
      size = await this.deps.disk.size(path);
    } catch (err) {
      throw new FileAccessError(`cannot open ${basename(path)}: ${(err as Error).message}`);
    }
    if (size > MAX_FILE_BYTES) throw new FileAccessError(`${basename(path)} is over ${MAX_FILE_BYTES / 1024 / 1024} MiB: not a topology file`);
    try {
      return await this.deps.disk.read(path);
    } catch (err) {
      throw new FileAccessError(`cannot open ${basename(path)}: ${(err as Error).message}`);
    }
  }

  /** Writes a granted path; throws FileAccessError otherwise. */
  async writeGranted(path: string, text: string): Promise<void> {
    if (!this.granted.has(path)) throw new FileAccessError('the app writes only where you chose');
    try {
      await this.deps.disk.write(path, text);
    } catch (err) {
      throw new FileAccessError(`cannot save ${basename(path)}: ${(err as Error).message}`);
    }
  }

  private async askWhere(suggestedName: string): Promise<string | undefined> {
    const win = this.deps.window();
    if (!win) return undefined;
    const answer = await this.deps.dialogs.showSaveDialog(win, {
      title: 'Save the topology',
      defaultPath: join(this.lastDir ?? this.deps.defaultDir, suggestedName),
      filters: FILTERS,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (answer.canceled || !answer.filePath) return undefined;
    this.granted.add(answer.filePath);
    return answer.filePath;
  }
}
