/**
 * Manual: the node sends only what the user injects, and prints whatever arrives. A REQ is the
 * exception: it may only receive after a send, so the inject command collects its reply.
 */
import type { NodeContext } from './context';
import { socketOf } from './context';
import { consumeLoop } from './subscribe';
import { SOCKET_INFO } from '../../shared/patterns';

export async function manual(ctx: NodeContext): Promise<void> {
  const sock = socketOf(ctx);
  if (!SOCKET_INFO[sock.type].receives || sock.type === 'REQ') return;
  await consumeLoop(ctx, undefined);
}
