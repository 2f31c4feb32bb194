/**
 * The engine-process protocol: what a host and its supervised engine child say to each other.
 * One protocol over two pipes (Electron's parentPort, or the child_process IPC channel), so
 * both sides parse every message strictly and ignore what they do not recognise: a confused
 * peer must never be able to throw inside the other process.
 */
import type { CommandName, EngineEvent, EventType } from '../../shared/ipc';
import { COMMAND_NAMES, EVENT_TYPES, RUN_STATES } from '../../shared/ipc';

/** Host -> engine child. */
export type ParentMessage =
  | { kind: 'command'; id: number; name: CommandName; args: unknown[] }
  /** Stop any run, release the engine and exit 0. */
  | { kind: 'shutdown' };

export interface ReplyError {
  message: string;
  code?: string;
}

/** Engine child -> host. */
export type ChildMessage =
  /** The child has loaded and listens for commands; commands sent earlier could be lost. */
  | { kind: 'ready'; pid: number }
  | { kind: 'event'; event: EngineEvent }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: ReplyError };

/** More arguments than any command takes means the message is not ours. */
const MAX_ARGS = 4;
/** Events that carry the run they belong to. */
const RUN_EVENTS: readonly EventType[] = EVENT_TYPES.filter((t) => t !== 'engine');

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMessageId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && (COMMAND_NAMES as readonly string[]).includes(value);
}

/** Parses a message the host sent; undefined when it is not a well-formed ParentMessage. */
export function parseParentMessage(data: unknown): ParentMessage | undefined {
  if (!isRecord(data)) return undefined;
  if (data.kind === 'shutdown') return { kind: 'shutdown' };
  if (data.kind !== 'command') return undefined;
  const { id, name, args } = data;
  if (!isMessageId(id) || !isCommandName(name)) return undefined;
  if (!Array.isArray(args) || args.length > MAX_ARGS) return undefined;
  return { kind: 'command', id, name, args };
}

/** Parses a message the engine child sent; undefined when it is not a well-formed ChildMessage. */
export function parseChildMessage(data: unknown): ChildMessage | undefined {
  if (!isRecord(data)) return undefined;
  switch (data.kind) {
    case 'ready':
      return isMessageId(data.pid) ? { kind: 'ready', pid: data.pid } : undefined;
    case 'event':
      return isEngineEvent(data.event) ? { kind: 'event', event: data.event } : undefined;
    case 'reply':
      return parseReply(data);
    default:
      return undefined;
  }
}

function parseReply(data: Fields): ChildMessage | undefined {
  const { id, ok } = data;
  if (!isMessageId(id)) return undefined;
  if (ok === true) return { kind: 'reply', id, ok: true, value: data.value };
  if (ok !== false || !isRecord(data.error) || typeof data.error.message !== 'string') return undefined;
  const code = data.error.code;
  const error: ReplyError = { message: data.error.message };
  if (typeof code === 'string') error.code = code;
  return { kind: 'reply', id, ok: false, error };
}

/**
 * Checks the envelope of an event from the child: a known type with its run id, and a known
 * state for state events (the supervisor acts on those). `engine` events are refused: only the
 * supervisor speaks about the engine process.
 */
export function isEngineEvent(value: unknown): value is EngineEvent {
  if (!isRecord(value) || typeof value.type !== 'string') return false;
  if (!(RUN_EVENTS as readonly string[]).includes(value.type)) return false;
  if (typeof value.runId !== 'number' || !Number.isFinite(value.runId)) return false;
  if (value.type === 'state') return (RUN_STATES as readonly unknown[]).includes(value.state);
  if (value.type === 'fault') return typeof value.edge === 'string' && (value.fault === null || isRecord(value.fault));
  return true;
}

/** A thrown value as a reply error: its message and, when it has one, its string code. */
export function toReplyError(err: unknown): ReplyError {
  if (err instanceof Error) {
    const code = (err as Error & { code?: unknown }).code;
    return typeof code === 'string' ? { message: err.message, code } : { message: err.message };
  }
  return { message: String(err) };
}
