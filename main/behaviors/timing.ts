/** Receiving with a deadline without a second concurrent receive on the socket. */
import type { Received, RunSocket } from '../tracedSocket';
import type { NodeContext } from './context';

/**
 * Resolves with the next message, or undefined after `ms` or when the run stops. The pending
 * receive is left to finish on its own: the socket is closed at stop, which settles it.
 */
export function receiveWithin(ctx: NodeContext, sock: RunSocket, ms: number): Promise<Received | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    const timer = ms > 0 ? setTimeout(() => finish(undefined), ms) : undefined;
    function finish(value: Received | undefined): void {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      resolve(value);
    }
    sock.receive().then(finish, () => finish(undefined));
  });
}
