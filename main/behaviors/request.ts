/** REQ: send a request, wait for its reply, repeat — the lock-step client of the seed. */
import type { BehaviorOf } from '../../shared/behaviors';
import type { NodeContext } from './context';
import { attempt, socketOf, text } from './context';
import { receiveWithin } from './timing';
import { compileTemplate } from './template';

export async function request(ctx: NodeContext, b: BehaviorOf<'request'>): Promise<void> {
  const sock = socketOf(ctx);
  const render = compileTemplate(b.payload, ctx.label, ['i']);
  for (let i = 0; i < b.count && !ctx.stopped; i++) {
    const payload = render({ i });
    ctx.log(() => `Sending ${payload}`);
    if ((await attempt(ctx, () => `sending "${payload}"`, () => sock.send([payload]))) === undefined) return;
    const reply = await receiveWithin(ctx, sock, b.timeoutMs);
    if (!reply) {
      if (!ctx.stopped) {
        ctx.error('TIMEOUT', `no reply to "${payload}" within ${b.timeoutMs} ms`,
          'is a REP or ROUTER connected and answering? A REQ cannot send again until it gets a reply');
      }
      return;
    }
    if (b.printReplies) ctx.log(() => `Received ${text(reply.frames)}`);
    if (b.intervalMs > 0) await ctx.sleep(b.intervalMs);
  }
}
