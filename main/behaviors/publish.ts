/** PUB / XPUB: broadcast lines (or a template over topics) to whoever subscribed. */
import type { BehaviorOf } from '../../shared/behaviors';
import type { NodeContext } from './context';
import { attempt, socketOf } from './context';
import { compileTemplate } from './template';
import type { MessageValues } from './template';

/** The line a publisher sends as its `i`th message: from its list of messages, or its template over its topics. */
export function publishedLine(b: BehaviorOf<'publish'>, i: number, render: (values: MessageValues) => string): string {
  if (b.messages && b.messages.length > 0) return b.messages[i % b.messages.length];
  const topics = b.topics ?? [];
  const topic = topics.length > 0 ? topics[i % topics.length] : '';
  return render({ i, topic });
}

export async function publish(ctx: NodeContext, b: BehaviorOf<'publish'>): Promise<void> {
  const sock = socketOf(ctx);
  const render = compileTemplate(b.payload, ctx.label, ['i', 'topic']);
  for (let i = 0; i < b.count && !ctx.stopped; i++) {
    const line = publishedLine(b, i, render);
    ctx.log(() => `-> ${line}`);
    if ((await attempt(ctx, () => `publishing "${line}"`, () => sock.send([line]))) === undefined) return;
    if (b.intervalMs > 0) await ctx.sleep(b.intervalMs);
  }
}
