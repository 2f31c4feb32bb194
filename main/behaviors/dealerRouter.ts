/**
 * The asynchronous request/reply pair. A DEALER sends without waiting (with the empty delimiter
 * a REP expects) and takes replies as they come; a ROUTER answers each request by the identity
 * frame it arrived with.
 */
import type { BehaviorOf } from '../../shared/behaviors';
import type { NodeContext } from './context';
import { attempt, socketOf, text } from './context';
import { compileTemplate } from './template';

export async function dealer(ctx: NodeContext, b: BehaviorOf<'dealer'>): Promise<void> {
  const sock = socketOf(ctx);
  const replies = (async () => {
    for (let n = 0; n < b.count && !ctx.stopped; n++) {
      const m = await attempt(ctx, 'receiving a reply', () => sock.receive());
      if (!m) return;
      const body = b.envelope && m.frames.length > 1 && m.frames[0].length === 0 ? m.frames.slice(1) : m.frames;
      ctx.log(() => `Received ${text(body)}`);
    }
  })();
  const render = compileTemplate(b.payload, ctx.label, ['i']);
  for (let i = 0; i < b.count && !ctx.stopped; i++) {
    const payload = render({ i });
    ctx.log(() => `Sending ${payload}`);
    const frames = b.envelope ? ['', payload] : [payload];
    if ((await attempt(ctx, () => `sending "${payload}"`, () => sock.send(frames))) === undefined) break;
    if (b.intervalMs > 0) await ctx.sleep(b.intervalMs);
  }
  await replies;
}

export async function router(ctx: NodeContext, b: BehaviorOf<'router'>): Promise<void> {
  const sock = socketOf(ctx);
  const render = compileTemplate(b.payload, ctx.label, ['msg', 'i']);
  for (let i = 0; !ctx.stopped; i++) {
    const m = await attempt(ctx, 'receiving a request', () => sock.receive());
    if (!m) return;
    // [identity, (more envelope...), '', body...] or [identity, body...] from a DEALER without delimiter
    const delimiter = m.frames.findIndex((f, k) => k > 0 && f.length === 0);
    const envelope = delimiter > 0 ? m.frames.slice(0, delimiter + 1) : m.frames.slice(0, 1);
    const body = m.frames.slice(envelope.length);
    const msg = text(body);
    ctx.log(() => `Got ${msg} from ${m.frames[0].toString('hex')}`);
    if (b.delayMs > 0) await ctx.sleep(b.delayMs);
    const answer = render({ msg, i });
    if ((await attempt(ctx, () => `replying "${answer}"`, () => sock.send([...envelope, answer], { cause: m.msg }))) === undefined) return;
  }
}
