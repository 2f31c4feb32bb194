/**
 * The object the preload exposes to the page as `window.zmqStudio`: every command and event of
 * shared/ipc, the file dialogs, and the shell's menu / open-file / document-state messages;
 * built from the contract's name lists, and nothing else. The page never gets ipcRenderer, an
 * IpcRendererEvent (its `sender` would be ipcRenderer) or a channel name.
 */
import type { CommandName, EngineCommands, EngineEvent, FileCommands, OpenedFile, SaveFileRequest } from '../shared/ipc';
import { COMMAND_NAMES, EVENT_TYPES } from '../shared/ipc';
import type { DocumentState, MenuCommand, NativeEdit, ShellApi } from '../shared/menu';
import { isMenuCommand, isNativeEdit } from '../shared/menu';
import type { IpcReply } from './channels';
import { CHANNELS } from './channels';

/** The name the page finds the API under. */
export const PRELOAD_KEY = 'zmqStudio';

/** What the preload needs of ipcRenderer (tests pass a fake). */
export interface PreloadIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** What the preload needs of contextBridge. */
export interface PreloadBridge {
  exposeInMainWorld(key: string, api: unknown): void;
}

/** The desktop API; renderer/bridge.ts's PreloadApi is its page-side view (test/app checks they agree). */
export type DesktopApi = EngineCommands & {
  onEvent(listener: (event: EngineEvent) => void): () => void;
  files: FileCommands;
  shell: ShellApi;
};

type Command = (...args: unknown[]) => Promise<unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEngineEvent(value: unknown): value is EngineEvent {
  return isRecord(value) && (EVENT_TYPES as readonly unknown[]).includes(value.type);
}

function isOpenedFile(value: unknown): value is OpenedFile {
  return isRecord(value) && typeof value.name === 'string' && typeof value.text === 'string';
}

/** The reply's value, or its error thrown with the code main gave it. */
function unwrap(reply: unknown): unknown {
  if (!isRecord(reply) || typeof reply.ok !== 'boolean') throw new Error('zmq-studio: malformed reply from the app');
  const r = reply as IpcReply;
  if (r.ok) return r.value;
  throw Object.assign(new Error(r.error.message), { code: r.error.code });
}

/** The function behind one engine command; a name outside shared/ipc's COMMAND_NAMES throws. */
export function commandFor(ipc: PreloadIpc, name: string): Command {
  if (!(COMMAND_NAMES as readonly string[]).includes(name)) {
    throw new Error(`zmq-studio: "${String(name).slice(0, 60)}" is not a command of the engine contract`);
  }
  const command = name as CommandName;
  return async (...args) => unwrap(await ipc.invoke(CHANNELS.command, command, args));
}

/** Subscribes to one main -> page channel, passing on only payloads that pass `accept`. */
function subscribe<T>(ipc: PreloadIpc, channel: string, accept: (v: unknown) => v is T, listener: (value: T) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('zmq-studio: a listener must be a function');
  const handler = (_event: unknown, value: unknown): void => {
    if (accept(value)) listener(value);
  };
  ipc.on(channel, handler);
  return () => void ipc.removeListener(channel, handler);
}

function documentState(state: DocumentState): DocumentState {
  // Copy the known fields only: whatever else the page hands over stays in the page.
  const copy: DocumentState = { title: String(state?.title ?? ''), dirty: state?.dirty === true };
  if (typeof state?.fileName === 'string') copy.fileName = state.fileName;
  return copy;
}

export function createDesktopApi(ipc: PreloadIpc): DesktopApi {
  const commands = Object.fromEntries(COMMAND_NAMES.map((name) => [name, commandFor(ipc, name)])) as unknown as EngineCommands;
  const files: FileCommands = Object.freeze({
    openTopologyFile: async () => unwrap(await ipc.invoke(CHANNELS.openTopologyFile)) as OpenedFile | undefined,
    saveTopologyFile: async (request: SaveFileRequest) => unwrap(await ipc.invoke(CHANNELS.saveTopologyFile, request)) as { name: string } | undefined,
  });
  const shell: ShellApi = Object.freeze({
    onMenuCommand: (listener: (command: MenuCommand) => void) => subscribe(ipc, CHANNELS.menu, isMenuCommand, listener),
    onOpenFile: (listener: (file: OpenedFile) => void) => subscribe(ipc, CHANNELS.openFile, isOpenedFile, listener),
    setDocumentState: (state: DocumentState) => ipc.send(CHANNELS.documentState, documentState(state)),
    nativeEdit: (edit: NativeEdit) => {
      if (!isNativeEdit(edit)) throw new Error(`zmq-studio: "${String(edit).slice(0, 60)}" is not a text edit`);
      ipc.send(CHANNELS.nativeEdit, edit);
    },
  });
  return Object.freeze({
    ...commands,
    onEvent: (listener: (event: EngineEvent) => void) => subscribe(ipc, CHANNELS.event, isEngineEvent, listener),
    files,
    shell,
  });
}

/** Exposes the API as `window.zmqStudio`: the preload's whole job. */
export function exposeDesktopApi(bridge: PreloadBridge, ipc: PreloadIpc): DesktopApi {
  const api = createDesktopApi(ipc);
  bridge.exposeInMainWorld(PRELOAD_KEY, api);
  return api;
}
