/** A pipeline worker: take a message from its input, work, send the result on its output. */
import type { BehaviorOf } from '../../shared/behaviors';
import type { NodeContext } from './context';
import { attempt, socketOf, text } from './context';
import { compileTemplate } from './template';

const TRANSFORMS: Record<BehaviorOf<'work'>['transform'], (s: string) => string> = {
  none: (s) => s,
  upper: (s) => s.toUpperCase(),
  reverse: (s) => [...s].reverse().join(''),
};

export async function work(ctx: NodeContext, b: BehaviorOf<'work'>): Promise<void> {
  const input = socketOf(ctx, 'in');
  const output = socketOf(ctx, 'out');
  const render = compileTemplate(b.payload, ctx.label, ['msg', 'i']);
  for (let i = 0; !ctx.stopped; i++) {
    const m = await attempt(ctx, 'receiving work', () => input.receive());
    if (!m) return;
    const msg = text(m.frames);
    ctx.log(() => `Got ${msg}`);
    if (b.delayMs > 0) await ctx.sleep(b.delayMs);
    // Killed while working (the sleep returned early): a dead worker sends nothing.
    if (ctx.stopped) return;
    const result = render({ msg: TRANSFORMS[b.transform](msg), i });
    if ((await attempt(ctx, () => `sending "${result}"`, () => output.send([result], { cause: m.msg }))) === undefined) return;
  }
}
