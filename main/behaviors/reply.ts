/** REP: receive a request, answer it, repeat. The reply's cause is the request it answers. */
import type { BehaviorOf } from '../../shared/behaviors';
import type { NodeContext } from './context';
import { attempt, socketOf, text } from './context';
import { compileTemplate } from './template';

export async function reply(ctx: NodeContext, b: BehaviorOf<'reply'>): Promise<void> {
  const sock = socketOf(ctx);
  const render = compileTemplate(b.payload, ctx.label, ['msg', 'i']);
  for (let i = 0; !ctx.stopped; i++) {
    const req = await attempt(ctx, 'receiving a request', () => sock.receive());
    if (!req) return;
    const msg = text(req.frames);
    ctx.log(() => `Got ${msg}`);
    if (b.delayMs > 0) await ctx.sleep(b.delayMs);
    const answer = render({ msg, i });
    if ((await attempt(ctx, () => `replying "${answer}"`, () => sock.send([answer], { cause: req.msg }))) === undefined) return;
  }
}
