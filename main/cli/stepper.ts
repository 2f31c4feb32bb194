/**
 * `zmq-studio run --step`: the run starts paused and moves one hop per command, each hop printed
 * with the decision ZeroMQ made there (shared/explain.ts). Commands come from stdin (Enter = one
 * hop, a number = that many, c = continue to the end, q = stop) or, with --play <ms>, from a timer.
 */
import { createInterface } from 'node:readline';
import type { EngineCommands, EngineEvent } from '../../shared/ipc';
import type { Topology } from '../../shared/topology';
import { displayName } from '../../shared/topology';
import type { TraceRecord, TraceTables } from '../../shared/trace';
import { amendRecords, batchRecords } from '../../shared/trace';
import { explainHop } from '../../shared/explain';

/** How long a hop's receives may take to show up in the trace before the hop is printed anyway. */
const RECEIVE_WAIT_MS = 150;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Collects the run's records and turns each new send into a numbered, explained hop line. */
export class HopNarrator {
  private tables: TraceTables | undefined;
  private readonly sends: TraceRecord[] = [];
  private readonly receives = new Map<number, TraceRecord[]>();
  private printed = 0;
  hops = 0;

  constructor(
    private readonly topology: Topology,
    private readonly print: (line: string) => void,
  ) {}

  add(event: EngineEvent): void {
    if (event.type === 'tables') this.tables = event.tables;
    if (event.type !== 'trace' || !this.tables) return;
    for (const r of batchRecords(event.batch, this.tables)) {
      if (r.dir === 'out') this.sends.push(r);
      else this.receives.set(r.msg, [...(this.receives.get(r.msg) ?? []), r]);
    }
    // A send that blocked is told after its record: the hop then says how long it waited.
    amendRecords(this.sends, event.batch);
  }

  /** Sends recorded but not yet printed. */
  get pending(): number {
    return this.sends.length - this.printed;
  }

  /** Waits for `count` new sends to be recorded (or `ms`), lets their receives arrive, prints them. */
  async narrate(count: number, ms = 1000): Promise<void> {
    const end = Date.now() + ms;
    while (this.pending < count && Date.now() < end) await sleep(10);
    await sleep(RECEIVE_WAIT_MS);
    while (this.printed < this.sends.length) {
      const send = this.sends[this.printed++];
      const receives = this.receives.get(send.msg) ?? [];
      const name = (r: TraceRecord) => {
        const node = this.topology.nodes.find((n) => n.id === r.node);
        const label = node ? displayName(node) : r.node;
        return r.port ? `${label} (${r.port})` : label;
      };
      const to = receives.length > 0 ? receives.map(name).join(', ') : '?';
      this.hops++;
      this.print(`hop ${this.hops}  ${name(send)} -> ${to}  "${send.preview}"\n        ${explainHop({ topology: this.topology, send, receives })}`);
    }
  }
}

export type StepEnding = 'finished' | 'quit';

/**
 * Drives a paused run: one hop (or n) per stdin line, or one every `playMs`. Resolves when the run
 * ended (`ended` resolves: finished, failed, interrupted) or the user quit; `c` resumes and lets
 * it finish. Every hop released is printed before it resolves.
 */
export async function stepThrough(
  engine: Pick<EngineCommands, 'step' | 'resume'>,
  narrator: HopNarrator,
  ended: Promise<unknown>,
  options: { playMs?: number; input: NodeJS.ReadableStream; prompt: (text: string) => void },
): Promise<StepEnding> {
  let done = false;
  const finished = ended.then(() => {
    done = true;
  });
  const stepOnce = async (n: number): Promise<void> => {
    const reply = await engine.step({ count: n });
    await narrator.narrate(reply.released.length);
    if (reply.released.length === 0 && !done) options.prompt('(nothing is waiting to send right now)');
  };

  if (options.playMs !== undefined) {
    while (!done) {
      await stepOnce(1);
      if (!done) await Promise.race([sleep(options.playMs), finished]);
    }
    await narrator.narrate(0, 0);
    return 'finished';
  }

  const lines = createInterface({ input: options.input, terminal: false });
  // The run may end while we wait for a line: stop reading then.
  void finished.then(() => lines.close());
  const help = 'Enter = next hop, a number = that many hops, c = continue to the end, q = stop';
  options.prompt(help);
  try {
    for await (const raw of lines) {
      const line = raw.trim().toLowerCase();
      if (line === 'q') return 'quit';
      if (line === 'c') {
        await engine.resume();
        await finished;
        return 'finished';
      }
      const n = line === '' ? 1 : Number(line);
      if (!Number.isSafeInteger(n) || n < 1) options.prompt(help);
      else await stepOnce(n);
      if (done) break;
    }
  } finally {
    lines.close();
  }
  await narrator.narrate(0, 0);
  if (done) return 'finished';
  // Input ended (a pipe): let the rest of the run go, as "c" would.
  await engine.resume();
  await finished;
  return 'finished';
}
