/** The launch order in words, for both launchers' comments and the README. */
import { wrap } from './describe';
import { oneLine } from './literals';
import type { ExportPlan } from './plan';

const names = (labels: string[]): string => (labels.length ? oneLine(labels.join(', ')) : 'none');

/** The numbered steps as plain text lines (no comment markers), at most ~90 columns. */
export function launchSteps(plan: ExportPlan): string {
  const p = plan.programs;
  const settle = plan.settleMs > 0 ? `waits ${plan.settleMs} ms so that subscriptions reach the publishers, then ` : '';
  const steps = [
    `the programs that bind start first (${names(p.filter((x) => x.binds > 0).map((x) => x.label))}); the launcher waits until each has printed "listening on ..." for every endpoint it binds;`,
    `then the programs that only connect (${names(p.filter((x) => x.binds === 0).map((x) => x.label))});`,
    `once every program has printed "ready" (each of its connections to another program completed the ZMTP handshake), the launcher ${settle}sends the start signal (a line on stdin) to the programs that start the traffic (${names(p.filter((x) => x.starts).map((x) => x.label))});`,
    `when every program that ends by itself (${names(p.filter((x) => x.finite).map((x) => x.label))}) has ended and the output has been quiet for 150 ms, it stops the others.`,
  ];
  const lines = steps.flatMap((s, k) => wrap(s, 84).map((l, j) => (j === 0 ? `  ${k + 1}. ${l}` : `     ${l}`)));
  return ["The order is the engine's (`zmq-studio run`):", ...lines].join('\n');
}
