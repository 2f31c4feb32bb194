/**
 * Creating zeromq sockets by type with options that the validator already checked against
 * shared/socketOptions (an unsupported constructor option makes zeromq.js throw and later
 * crash at exit, so options are set one by one after construction, each with its own error).
 */
import * as zmq from 'zeromq';
import { createRequire } from 'node:module';
import type { SocketType } from '../shared/patterns';
import { findOption } from '../shared/socketOptions';

type Constructor = new () => zmq.Socket;
type DraftModule = Record<'Client' | 'Server' | 'Radio' | 'Dish' | 'Scatter' | 'Gather', Constructor>;

/** zeromq/draft prints an "experimental" warning on import: load it only when a draft type is used. */
let draftModule: DraftModule | undefined;
function draft(name: keyof DraftModule): Constructor {
  draftModule ??= createRequire(import.meta.url)('zeromq/draft') as DraftModule;
  return draftModule[name];
}

const CONSTRUCTORS: Record<SocketType, () => Constructor> = {
  REQ: () => zmq.Request,
  REP: () => zmq.Reply,
  DEALER: () => zmq.Dealer,
  ROUTER: () => zmq.Router,
  PUB: () => zmq.Publisher,
  SUB: () => zmq.Subscriber,
  XPUB: () => zmq.XPublisher,
  XSUB: () => zmq.XSubscriber,
  PUSH: () => zmq.Push,
  PULL: () => zmq.Pull,
  PAIR: () => zmq.Pair,
  CLIENT: () => draft('Client'),
  SERVER: () => draft('Server'),
  RADIO: () => draft('Radio'),
  DISH: () => draft('Dish'),
  SCATTER: () => draft('Scatter'),
  GATHER: () => draft('Gather'),
};

export type OptionValue = number | boolean | string;

/**
 * Defaults the engine sets unless the topology does: a finite send timeout on REQ so a send out
 * of turn fails with EFSM instead of hanging forever (DESIGN.md), and linger 0 so stop is prompt.
 */
function engineDefaults(type: SocketType): Record<string, OptionValue> {
  return type === 'REQ' ? { sendTimeout: 1000, linger: 0 } : { linger: 0 };
}

export class SocketOptionError extends Error {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}

export function createSocket(type: SocketType, options: Record<string, OptionValue> = {}): zmq.Socket {
  const Socket = CONSTRUCTORS[type]();
  const socket = new Socket();
  const all = { ...engineDefaults(type), ...options };
  try {
    for (const [name, value] of Object.entries(all)) {
      if (!findOption(type, name)) throw new SocketOptionError(name, `${type} has no option ${name}`);
      try {
        (socket as unknown as Record<string, OptionValue>)[name] = value;
      } catch (err) {
        throw new SocketOptionError(name, `${type} refused ${name}=${String(value)}: ${(err as Error).message}`);
      }
    }
  } catch (err) {
    socket.close();
    throw err;
  }
  return socket;
}

/** The send/receive surface of a socket whose type allows it (checked by the caller). */
export interface Channel {
  send(frames: Uint8Array[]): Promise<void>;
  receive(): Promise<Buffer[]>;
}

export function channel(socket: zmq.Socket): Channel {
  return socket as unknown as Channel;
}

export const libzmqVersion = zmq.version;
export const libzmqCapabilities = zmq.capability;
