/** What a behaviour or device may do: use its sockets, write its node's log, report errors. */
import type { TopologyNode } from '../../shared/topology';
import type { RunSocket } from '../tracedSocket';

export interface NodeContext {
  node: TopologyNode;
  label: string;
  /** The node's sockets by port ('' for a plain socket node). */
  sockets: ReadonlyMap<string, RunSocket>;
  /**
   * A log line; pass a function on per-message paths so throttled lines are never built. The
   * function is called at once or never, so a behaviour may reuse one across messages.
   */
  log(line: string | (() => string), level?: 'info' | 'warn' | 'error'): void;
  /** A runtime error as an event naming this node (never thrown past the behaviour). */
  error(code: string, message: string, hint: string): void;
  /** Resolves after `ms`, or at once when the run stops. */
  sleep(ms: number): Promise<void>;
  readonly stopped: boolean;
}

export function socketOf(ctx: NodeContext, port = ''): RunSocket {
  const s = ctx.sockets.get(port);
  if (!s) throw new Error(`node ${ctx.node.id} has no socket on port '${port}'`);
  return s;
}

/** The text of a message body for logs and templates. */
export function text(frames: readonly Buffer[]): string {
  return frames.map((f) => f.toString('utf8')).join(' | ');
}

export interface ZmqError extends Error {
  code?: string;
}

const HINTS: Record<string, string> = {
  EFSM: 'REQ and REP are lock-step: a REQ must receive its reply before sending again, a REP must reply before receiving',
  EAGAIN: 'no peer took the message in time: the high-water mark was reached or no peer is connected',
  EHOSTUNREACH: 'a mandatory ROUTER was asked to send to an identity that is not connected',
  EADDRINUSE: 'another socket or program already binds this address: pick another port or stop the other run',
  ETERM: 'the context was terminated while the socket was in use',
  EBUSY: 'a send or receive was already in progress on this socket',
};

export function hintFor(code: string | undefined): string {
  return (code && HINTS[code]) || 'see the node log for what the socket was doing';
}

/**
 * Runs a socket call and turns its failure into an error event; returns undefined on failure.
 * After the run stopped, failures are the sockets closing under the call and stay silent.
 */
export async function attempt<T>(ctx: NodeContext, what: string | (() => string), call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (err) {
    report(ctx, what, err);
    return undefined;
  }
}

/** The failure of a socket call as an error event (silent once the run stopped: sockets closing). */
export function report(ctx: NodeContext, what: string | (() => string), err: unknown): void {
  if (ctx.stopped) return;
  const e = err as ZmqError;
  ctx.error(e.code ?? 'ERROR', `${typeof what === 'string' ? what : what()} failed: ${e.message}`, hintFor(e.code));
}
