/**
 * SUB / XSUB: print what arrives. A SUB's subscriptions are set by the session before it
 * connects; an XSUB subscribes by sending `\x01topic` upstream, which is traced like any message.
 */
import type { BehaviorOf } from '../../shared/behaviors';
import type { NodeContext } from './context';
import { attempt, report, socketOf, text } from './context';
import type { Received } from '../tracedSocket';

export async function subscribe(ctx: NodeContext, b: BehaviorOf<'subscribe'>): Promise<void> {
  const sock = socketOf(ctx);
  if (sock.type === 'XSUB') {
    for (const topic of b.topics) {
      const frame = Buffer.concat([Buffer.from([1]), Buffer.from(topic)]);
      if ((await attempt(ctx, () => `subscribing to "${topic}"`, () => sock.send([frame], { control: true }))) === undefined) return;
    }
  }
  await consumeLoop(ctx, b.count);
}

/** Receives and prints each message until `count` (if set) or the end of the run. */
export async function consumeLoop(ctx: NodeContext, count: number | undefined): Promise<void> {
  const sock = socketOf(ctx);
  let n = 0;
  let m: Received | undefined;
  // One line-maker for the whole loop (ctx.log calls it at once or never): no closure per message.
  const line = (): string => (m ? text(m.frames) : '');
  while (!ctx.stopped && (count === undefined || n < count)) {
    try {
      m = await sock.receive();
    } catch (err) {
      report(ctx, 'receiving', err);
      return;
    }
    n++;
    ctx.log(line);
  }
  if (count !== undefined && n >= count) ctx.log(() => `Received ${n} messages`);
}

export async function consume(ctx: NodeContext, b: BehaviorOf<'consume'>): Promise<void> {
  await consumeLoop(ctx, b.count);
}
