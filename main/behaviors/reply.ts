/** REP: receive a request, answer it, repeat. The reply's cause is the request it answers. */
import { fillTemplate } from '../../shared/behaviors';
import type { BehaviorOf } from '../../shared/behaviors';
import type { NodeContext } from './context';
import { attempt, socketOf, text } from './context';

export async function reply(ctx: NodeContext, b: BehaviorOf<'reply'>): Promise<void> {
  const sock = socketOf(ctx);
  for (let i = 0; !ctx.stopped; i++) {
    const req = await attempt(ctx, 'receiving a request', () => sock.receive());
    if (!req) return;
    const msg = text(req.frames);
    ctx.log(() => `Got ${msg}`);
    if (b.delayMs > 0) await ctx.sleep(b.delayMs);
    const answer = fillTemplate(b.payload, { msg, i, node: ctx.label });
    if ((await attempt(ctx, () => `replying "${answer}"`, () => sock.send([answer], { cause: req.msg }))) === undefined) return;
  }
}
