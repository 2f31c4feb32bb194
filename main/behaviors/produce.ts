/** PUSH: hand tasks downstream; PUSH blocks when no PULL can take more (its mute state). */
import type { BehaviorOf } from '../../shared/behaviors';
import type { NodeContext } from './context';
import { report, socketOf } from './context';
import { compileTemplate } from './template';

export async function produce(ctx: NodeContext, b: BehaviorOf<'produce'>): Promise<void> {
  const sock = socketOf(ctx);
  const render = compileTemplate(b.payload, ctx.label, ['i']);
  let payload = '';
  // One line-maker for the whole run (ctx.log calls it at once or never): no closure per message.
  const line = (): string => `Sending ${payload}`;
  for (let i = 0; i < b.count && !ctx.stopped; i++) {
    payload = render({ i });
    ctx.log(line);
    try {
      await sock.send([payload]);
    } catch (err) {
      report(ctx, `sending "${payload}"`, err);
      return;
    }
    if (b.intervalMs > 0) await ctx.sleep(b.intervalMs);
  }
}
