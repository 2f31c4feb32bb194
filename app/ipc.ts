/**
 * ipcMain handlers of the desktop app. Every message first passes the sender check (our window's
 * main frame, at our page), then its arguments are validated (main/host/commandArgs.ts, the same
 * checks browser mode applies, plus a size bound); only then do the engine or the file system see
 * it. Errors go back as data with a code; a refused message never reaches the engine.
 */
import type { EngineCommands } from '../shared/ipc';
import { COMMAND_NAMES } from '../shared/ipc';
import type { DocumentState, NativeEdit } from '../shared/menu';
import { isNativeEdit } from '../shared/menu';
import { invoke, parseCall } from '../main/host/commandArgs';
import type { IpcReply } from './channels';
import { CHANNELS } from './channels';
import { parseDocumentState, parseSaveRequest } from './fileArgs';
import { MAX_PAYLOAD_CHARS, withinPayloadLimit } from './limits';
import type { AppWindowRef, SenderEvent } from './senderCheck';
import { senderProblem } from './senderCheck';
import type { TopologyFiles } from './topologyFiles';

/** The part of Electron's ipcMain used here (tests pass a fake that records the handlers). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, ...args: unknown[]) => Promise<unknown>): void;
  on(channel: string, listener: (event: SenderEvent, ...args: unknown[]) => void): unknown;
  removeHandler(channel: string): void;
  removeAllListeners(channel: string): unknown;
}

export interface IpcDeps {
  ipcMain: IpcMainLike;
  /** Our window, undefined while there is none. */
  window(): AppWindowRef | undefined;
  /** Whether a frame URL is our page (app:// in a build, the dev server in `npm run dev`). */
  isAppUrl(url: string): boolean;
  engine: EngineCommands;
  files: Pick<TopologyFiles, 'openWithDialog' | 'save' | 'documentIs'>;
  onDocumentState(state: DocumentState): void;
  onNativeEdit(edit: NativeEdit): void;
  /** Where refusals are logged (main's stderr). */
  warn(message: string): void;
}

/** A refusal: its code tells the page (and the tests) which rule said no. */
class Refusal extends Error {
  constructor(
    readonly code: 'FORBIDDEN_SENDER' | 'UNKNOWN_COMMAND' | 'BAD_ARGS' | 'PAYLOAD_TOO_LARGE',
    message: string,
  ) {
    super(message);
  }
}

function replyOf(err: unknown): IpcReply {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  return { ok: false, error: { message, code: typeof code === 'string' ? code : 'ERROR' } };
}

/** Registers every handler; returns the function that removes them again. */
export function registerIpcHandlers(deps: IpcDeps): () => void {
  const { ipcMain } = deps;

  const guard = (channel: string, event: SenderEvent): void => {
    const problem = senderProblem(event, deps.window(), deps.isAppUrl);
    if (problem) {
      deps.warn(`zmq-studio: refused ${channel} from ${String(event?.senderFrame?.url ?? 'an unknown frame').slice(0, 200)}: ${problem}`);
      throw new Refusal('FORBIDDEN_SENDER', problem);
    }
  };

  const handle = (channel: string, run: (args: unknown[]) => Promise<unknown>): void => {
    ipcMain.handle(channel, async (event, ...args) => {
      try {
        guard(channel, event);
        if (!withinPayloadLimit(args)) throw new Refusal('PAYLOAD_TOO_LARGE', `the request is over ${MAX_PAYLOAD_CHARS} characters or nested too deep`);
        return { ok: true, value: await run(args) } satisfies IpcReply;
      } catch (err) {
        return replyOf(err);
      }
    });
  };

  handle(CHANNELS.command, ([name, args, ...rest]) => {
    if (typeof name !== 'string' || !(COMMAND_NAMES as readonly string[]).includes(name))
      throw new Refusal('UNKNOWN_COMMAND', `"${String(name).slice(0, 60)}" is not a command of the engine contract`);
    if (!Array.isArray(args) || rest.length > 0) throw new Refusal('BAD_ARGS', `${name}: the arguments must come as one array`);
    const call = parseCall({ kind: 'command', id: 1, name: name as (typeof COMMAND_NAMES)[number], args });
    if (typeof call === 'string') throw new Refusal('BAD_ARGS', call);
    return invoke(deps.engine, call);
  });

  handle(CHANNELS.openTopologyFile, (args) => {
    if (args.length !== 0) throw new Refusal('BAD_ARGS', 'openTopologyFile takes no arguments');
    return deps.files.openWithDialog();
  });

  handle(CHANNELS.saveTopologyFile, (args) => {
    const request = args.length === 1 ? parseSaveRequest(args[0]) : 'saveTopologyFile takes one request';
    if (typeof request === 'string') throw new Refusal('BAD_ARGS', request);
    return deps.files.save(request);
  });

  // One-way messages have no reply: a refusal is logged and dropped.
  const listen = (channel: string, run: (value: unknown) => string | undefined): void => {
    ipcMain.on(channel, (event, ...args) => {
      try {
        guard(channel, event);
        const problem = args.length === 1 ? run(args[0]) : 'one argument expected';
        if (problem) deps.warn(`zmq-studio: ignored ${channel}: ${problem}`);
      } catch {
        // refused by the guard, already logged
      }
    });
  };

  listen(CHANNELS.documentState, (value) => {
    const state = parseDocumentState(value);
    if (typeof state === 'string') return state;
    // A new or renamed document must not be saved over the file of the previous one.
    deps.files.documentIs(state.fileName);
    deps.onDocumentState(state);
    return undefined;
  });

  listen(CHANNELS.nativeEdit, (value) => {
    if (!isNativeEdit(value)) return 'not a text edit';
    deps.onNativeEdit(value);
    return undefined;
  });

  return () => {
    for (const channel of [CHANNELS.command, CHANNELS.openTopologyFile, CHANNELS.saveTopologyFile]) ipcMain.removeHandler(channel);
    for (const channel of [CHANNELS.documentState, CHANNELS.nativeEdit]) ipcMain.removeAllListeners(channel);
  };
}
