/**
 * The inject form's rules, free of React: which ports of a node can send a message by hand,
 * whether a frame's text is valid for its payload kind, and the request the engine gets.
 */
import type { InjectRequest } from '../../../shared/ipc';
import type { SocketType } from '../../../shared/patterns';
import { SOCKET_INFO } from '../../../shared/patterns';
import type { TopologyNode } from '../../../shared/topology';
import { portSocketType, portsOf } from '../../../shared/topology';

export type PayloadKind = 'text' | 'json' | 'hex';
export const PAYLOAD_KINDS: readonly PayloadKind[] = ['text', 'json', 'hex'];

/** Frames per message, as the host accepts them (main/host/commandArgs.ts). */
export const MAX_FRAMES = 256;
/** Characters per frame: a hand-typed message, not a file upload. */
export const MAX_FRAME_CHARS = 1_048_576;

export interface InjectPort {
  /** '' for a plain socket node; the device or worker port otherwise. */
  port: string;
  socket: SocketType;
  label: string;
}

export interface InjectTargets {
  ports: InjectPort[];
  /** Why nothing can be sent from this node (no port can send). */
  reason?: string;
}

/** The node's sockets that can send, in port order; the engine refuses the others. */
export function injectTargets(node: TopologyNode): InjectTargets {
  if (node.kind === 'external')
    return { ports: [], reason: 'an external node is a program outside the app: it sends on its own' };
  if (node.kind === 'socket') {
    return SOCKET_INFO[node.socket].sends
      ? { ports: [{ port: '', socket: node.socket, label: node.socket }] }
      : { ports: [], reason: `a ${node.socket} socket cannot send` };
  }
  const ports: InjectPort[] = [];
  for (const port of portsOf(node)) {
    const socket = portSocketType(node, port);
    if (socket && SOCKET_INFO[socket].sends) ports.push({ port, socket, label: `${port} (${socket})` });
  }
  return ports.length > 0 ? { ports } : { ports, reason: `no port of this ${node.kind} can send` };
}

/** Whitespace between hex bytes is allowed ("de ad be ef"); it is not part of the data. */
export const cleanHex = (text: string): string => text.replace(/\s+/g, '');

/** Why a frame's text is not valid for its kind; undefined when it is. */
export function frameError(text: string, kind: PayloadKind): string | undefined {
  if (text.length > MAX_FRAME_CHARS) return `at most ${MAX_FRAME_CHARS.toLocaleString('en-US')} characters per frame`;
  if (kind === 'json') {
    try {
      JSON.parse(text);
      return undefined;
    } catch (err) {
      return `not JSON: ${(err as Error).message}`;
    }
  }
  if (kind === 'hex') {
    const hex = cleanHex(text);
    const bad = hex.search(/[^0-9a-fA-F]/);
    if (bad >= 0) return `not hex: "${hex[bad]}" at digit ${bad + 1} (use 0-9 and a-f)`;
    if (hex.length % 2 !== 0) return `odd number of hex digits (${hex.length}): each byte is two`;
  }
  return undefined;
}

export type InjectBuild =
  { ok: true; request: InjectRequest } | { ok: false; errors: (string | undefined)[]; error?: string };

/** The engine's request for these frames, or every frame's error. JSON goes as its text; hex as bytes. */
export function buildInject(node: string, port: string, frames: readonly string[], kind: PayloadKind): InjectBuild {
  if (frames.length === 0) return { ok: false, errors: [], error: 'a message needs at least one frame' };
  if (frames.length > MAX_FRAMES) return { ok: false, errors: [], error: `at most ${MAX_FRAMES} frames` };
  const errors = frames.map((f) => frameError(f, kind));
  if (errors.some((e) => e !== undefined)) return { ok: false, errors };
  const request: InjectRequest = {
    node,
    frames: kind === 'hex' ? frames.map(cleanHex) : [...frames],
    encoding: kind === 'hex' ? 'hex' : 'text',
  };
  if (port !== '') request.port = port;
  return { ok: true, request };
}

/**
 * The engine's hint for a refused inject: a socket error (EFSM, EAGAIN…) also arrives as an error
 * event naming the node, with a hint; `since` = how many run errors there were before the send.
 */
export function injectHint(
  errors: readonly { node?: string; code: string; message: string; hint: string }[],
  node: string,
  since: number,
): string | undefined {
  for (let i = errors.length - 1; i >= since; i--) {
    const e = errors[i];
    if (e.node === node && e.message.startsWith('inject failed')) return `${e.code}: ${e.hint}`;
  }
  return undefined;
}
