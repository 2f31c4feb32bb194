/**
 * The contract of shared/ipc.ts as JSON text, for the WebSocket between a browser page and the
 * engine host (browser mode). Structured clone carries typed arrays as they are; JSON does not,
 * so a TraceBatch's columns travel as plain number arrays and are rebuilt on arrival.
 */
import type { CommandName, EngineEvent } from './ipc';
import { COMMAND_NAMES, EVENT_TYPES } from './ipc';
import type { TraceBatch } from './trace';

/** Page -> host. */
export interface WireCommand {
  kind: 'command';
  id: number;
  name: CommandName;
  args: unknown[];
}

/** Host -> page. */
export type WireMessage =
  | { kind: 'event'; event: EngineEvent }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: { message: string; code?: string } };

const COLUMNS = ['t', 'socket', 'dir', 'edge', 'frames', 'bytes', 'msg', 'cause'] as const;
type Column = (typeof COLUMNS)[number];
const TYPED: Record<Column, { from(values: ArrayLike<number>): ArrayLike<number> }> = {
  t: Float64Array,
  socket: Uint16Array,
  dir: Uint8Array,
  edge: Int32Array,
  frames: Uint32Array,
  bytes: Uint32Array,
  msg: Uint32Array,
  cause: Uint32Array,
};

/** JSON text for one message to the page. */
export function encodeWireMessage(message: WireMessage): string {
  if (message.kind === 'event' && message.event.type === 'trace') {
    const batch = message.event.batch;
    const plain: Record<string, unknown> = { ...batch };
    for (const c of COLUMNS) plain[c] = Array.from(batch[c]);
    return JSON.stringify({ ...message, event: { ...message.event, batch: plain } });
  }
  return JSON.stringify(message);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses a message from the host; undefined when it is not one. Rebuilds trace columns. */
export function decodeWireMessage(text: string): WireMessage | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(data)) return undefined;
  if (data.kind === 'reply' && typeof data.id === 'number') return data as unknown as WireMessage;
  if (data.kind !== 'event' || !isRecord(data.event)) return undefined;
  const event = data.event;
  if (!(EVENT_TYPES as readonly unknown[]).includes(event.type)) return undefined;
  if (event.type === 'trace') {
    if (!isRecord(event.batch)) return undefined;
    const batch = event.batch;
    for (const c of COLUMNS) {
      const values = batch[c];
      if (!Array.isArray(values)) return undefined;
      batch[c] = TYPED[c].from(values as number[]);
    }
    if (!Array.isArray(batch.preview)) return undefined;
    return { kind: 'event', event: { ...(event as unknown as EngineEvent & { type: 'trace' }), batch: batch as unknown as TraceBatch } };
  }
  return { kind: 'event', event: event as unknown as EngineEvent };
}

/** Parses a command from the page; undefined when it is not one (the host ignores it). */
export function decodeWireCommand(text: string): WireCommand | undefined {
  if (text.length > 8 * 1024 * 1024) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(data) || data.kind !== 'command') return undefined;
  const { id, name, args } = data;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) return undefined;
  if (!(COMMAND_NAMES as readonly unknown[]).includes(name)) return undefined;
  if (!Array.isArray(args) || args.length > 4) return undefined;
  return { kind: 'command', id, name: name as CommandName, args };
}
