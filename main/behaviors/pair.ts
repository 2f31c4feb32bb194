/** PAIR: the ping side sends and waits for each answer; the pong side answers. Both ways, one peer. */
import { fillTemplate } from '../../shared/behaviors';
import type { BehaviorOf } from '../../shared/behaviors';
import type { NodeContext } from './context';
import { attempt, socketOf, text } from './context';

export async function pair(ctx: NodeContext, b: BehaviorOf<'pair'>): Promise<void> {
  const sock = socketOf(ctx);
  for (let i = 0; i < b.count && !ctx.stopped; i++) {
    if (b.role === 'ping') {
      const payload = fillTemplate(b.payload, { i, node: ctx.label });
      ctx.log(() => `Sending ${payload}`);
      if ((await attempt(ctx, () => `sending "${payload}"`, () => sock.send([payload]))) === undefined) return;
      const answer = await attempt(ctx, 'receiving', () => sock.receive());
      if (!answer) return;
      ctx.log(() => `Got ${text(answer.frames)}`);
      if (b.intervalMs > 0) await ctx.sleep(b.intervalMs);
    } else {
      const ping = await attempt(ctx, 'receiving', () => sock.receive());
      if (!ping) return;
      const msg = text(ping.frames);
      ctx.log(() => `Got ${msg}`);
      const payload = fillTemplate(b.payload, { i, msg, node: ctx.label });
      ctx.log(() => `Sending ${payload}`);
      if ((await attempt(ctx, () => `sending "${payload}"`, () => sock.send([payload], { cause: ping.msg }))) === undefined) return;
    }
  }
}
