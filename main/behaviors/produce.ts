/** PUSH: hand tasks downstream; PUSH blocks when no PULL can take more (its mute state). */
import type { BehaviorOf } from '../../shared/behaviors';
import type { NodeContext } from './context';
import { report, socketOf } from './context';
import { compileTemplate } from './template';

export async function produce(ctx: NodeContext, b: BehaviorOf<'produce'>): Promise<void> {
  const sock = socketOf(ctx);
  const render = compileTemplate(b.payload, ctx.label, ['i']);
  for (let i = 0; i < b.count && !ctx.stopped; i++) {
    const payload = render({ i });
    ctx.log(() => `Sending ${payload}`);
    try {
      await sock.send([payload]);
    } catch (err) {
      report(ctx, `sending "${payload}"`, err);
      return;
    }
    if (b.intervalMs > 0) await ctx.sleep(b.intervalMs);
  }
}
