/** Which function runs which behaviour. */
import type { Behavior } from '../../shared/behaviors';
import type { NodeContext } from './context';
import { request } from './request';
import { reply } from './reply';
import { publish } from './publish';
import { subscribe, consume } from './subscribe';
import { produce } from './produce';
import { work } from './work';
import { pair } from './pair';
import { dealer, router } from './dealerRouter';
import { manual } from './manual';

export function runBehavior(ctx: NodeContext, b: Behavior | undefined): Promise<void> {
  if (b === undefined) return manual(ctx);
  switch (b.type) {
    case 'request':
      return request(ctx, b);
    case 'reply':
      return reply(ctx, b);
    case 'publish':
      return publish(ctx, b);
    case 'subscribe':
      return subscribe(ctx, b);
    case 'produce':
      return produce(ctx, b);
    case 'consume':
      return consume(ctx, b);
    case 'work':
      return work(ctx, b);
    case 'pair':
      return pair(ctx, b);
    case 'dealer':
      return dealer(ctx, b);
    case 'router':
      return router(ctx, b);
    case 'manual':
      return manual(ctx);
  }
}
