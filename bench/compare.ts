/**
 * `npx tsx bench/compare.ts <tree> [<tree> ...]`: a quick A/B of engine changes, in one process.
 * Each tree is a directory holding a copy of `main/` and `shared/` (for instance an older checkout
 * copied aside, with node_modules linked in), or `raw` for plain zeromq. Runs the traced PUSH->PULL
 * case round-robin, rotating the order every round, and prints per tree the median rate, the
 * engine thread's CPU per message, and the per-round ratio to the first tree.
 *
 * Why per-round ratios: on a shared 2-core machine whole stretches of minutes run 30% slower for
 * every tree alike; ratios taken within a round cancel that out where medians of rates do not.
 * Rate = messages / (last receive - first send), both from the trace's own clock.
 *
 * Env: N (messages, 60000), R (rounds, 9), SIZE (bytes, 64).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EngineEvent } from '../shared/ipc';
import type { TopologyInput } from '../shared/topology';
import { rawPushPull } from './raw';

const N = Number(process.env.N ?? 60_000);
const ROUNDS = Number(process.env.R ?? 9);
const SIZE = Number(process.env.SIZE ?? 64);

interface EngineModule {
  createEngine(sink: (e: EngineEvent) => void): {
    start(t: TopologyInput, o: { freePorts: boolean }): Promise<{ diagnostics: { severity: string }[] }>;
    dispose(): Promise<void>;
  };
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** ns the engine's (main) thread has been on a CPU: Linux only. */
const threadNs = (): number => Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]);

function pushPull(): TopologyInput {
  const payload = 'x'.repeat(Math.max(SIZE - 8, 1)) + '{i}';
  return {
    format: 'zmq-studio.topology/1',
    nodes: [
      { id: 'push', kind: 'socket', socket: 'PUSH', behavior: { type: 'produce', count: N, payload } },
      { id: 'pull', kind: 'socket', socket: 'PULL', behavior: { type: 'consume', count: N } },
    ],
    edges: [{ id: 'e', pattern: 'pipeline', source: 'push', target: 'pull', endpoint: 'tcp://127.0.0.1:5999', bind: 'target' }],
  };
}

async function tracedRate(m: EngineModule): Promise<number> {
  let first = Infinity;
  let last = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((r) => (finish = r));
  const engine = m.createEngine((e) => {
    if (e.type === 'trace') {
      for (let i = 0; i < e.batch.count; i++) {
        if (e.batch.dir[i] === 0) first = Math.min(first, e.batch.t[i]);
        else last = Math.max(last, e.batch.t[i]);
      }
    }
    if (e.type === 'finished') finish();
  });
  const { diagnostics } = await engine.start(pushPull(), { freePorts: true });
  if (diagnostics.some((d) => d.severity === 'error')) throw new Error(JSON.stringify(diagnostics));
  await finished;
  await engine.dispose();
  return N / ((last - first) / 1000);
}

async function main(): Promise<void> {
  const trees = process.argv.slice(2);
  if (trees.length === 0) throw new Error('usage: npx tsx bench/compare.ts <tree|raw> [<tree|raw> ...]');
  const engines = await Promise.all(
    trees.map(async (t) => (t === 'raw' ? undefined : ((await import(resolve(t, 'main/engine.ts'))) as EngineModule))),
  );
  const run = async (k: number): Promise<[number, number]> => {
    const c0 = threadNs();
    const engine = engines[k];
    const rate = engine ? await tracedRate(engine) : await rawPushPull(N, SIZE);
    return [rate, (threadNs() - c0) / 1000 / N];
  };
  for (let k = 0; k < trees.length; k++) await run(k); // warm-up
  const rates = trees.map((): number[] => []);
  const cpus = trees.map((): number[] => []);
  for (let r = 0; r < ROUNDS; r++) {
    for (let j = 0; j < trees.length; j++) {
      const k = (j + r) % trees.length;
      const [rate, cpu] = await run(k);
      rates[k].push(rate);
      cpus[k].push(cpu);
    }
  }
  trees.forEach((t, k) => {
    const ratios = rates[k].map((x, r) => x / rates[0][r]);
    console.log(
      `${t.padEnd(24)} ${Math.round(median(rates[k])).toLocaleString('en-US').padStart(8)} msgs/s  ` +
        `${median(cpus[k]).toFixed(2)} us CPU/msg  ratio to ${trees[0]}: ${median(ratios).toFixed(3)} [${ratios.map((x) => x.toFixed(2)).join(' ')}]`,
    );
  });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
