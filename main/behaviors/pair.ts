/** PAIR: the ping side sends and waits for each answer; the pong side answers. Both ways, one peer. */
import type { BehaviorOf } from '../../shared/behaviors';
import type { NodeContext } from './context';
import { attempt, socketOf, text } from './context';
import { compileTemplate } from './template';

export async function pair(ctx: NodeContext, b: BehaviorOf<'pair'>): Promise<void> {
  const sock = socketOf(ctx);
  const pingText = compileTemplate(b.payload, ctx.label, ['i']);
  const pongText = compileTemplate(b.payload, ctx.label, ['i', 'msg']);
  for (let i = 0; i < b.count && !ctx.stopped; i++) {
    if (b.role === 'ping') {
      const payload = pingText({ i });
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
      const payload = pongText({ i, msg });
      ctx.log(() => `Sending ${payload}`);
      if ((await attempt(ctx, () => `sending "${payload}"`, () => sock.send([payload], { cause: ping.msg }))) === undefined) return;
    }
  }
}
