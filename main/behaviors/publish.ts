/** PUB / XPUB: broadcast lines (or a template over topics) to whoever subscribed. */
import { fillTemplate } from '../../shared/behaviors';
import type { BehaviorOf } from '../../shared/behaviors';
import type { NodeContext } from './context';
import { attempt, socketOf } from './context';

export function publishedLine(b: BehaviorOf<'publish'>, i: number, node: string): string {
  if (b.messages && b.messages.length > 0) return b.messages[i % b.messages.length];
  const topics = b.topics ?? [];
  const topic = topics.length > 0 ? topics[i % topics.length] : '';
  return fillTemplate(b.payload, { i, topic, node });
}

export async function publish(ctx: NodeContext, b: BehaviorOf<'publish'>): Promise<void> {
  const sock = socketOf(ctx);
  for (let i = 0; i < b.count && !ctx.stopped; i++) {
    const line = publishedLine(b, i, ctx.label);
    ctx.log(() => `-> ${line}`);
    if ((await attempt(ctx, () => `publishing "${line}"`, () => sock.send([line]))) === undefined) return;
    if (b.intervalMs > 0) await ctx.sleep(b.intervalMs);
  }
}
