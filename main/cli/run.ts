/**
 * `zmq-studio run`: one run of one topology with the engine in this process (DESIGN.md: the CLI
 * may run it in-process). Prints as events come, ends at `finished`, --duration, a failed or
 * stopped run, or Ctrl-C; then stops the engine and prints the summary.
 */
import { performance } from 'node:perf_hooks';
import { hasErrors } from '../../shared/diagnostics';
import type { EngineCommands, EngineEvent } from '../../shared/ipc';
import type { KillPlan, RunFlags } from './args';
import { CliError, EXIT } from './errors';
import { topologyFacts } from './facts';
import { loadSource } from './input';
import type { CliIo } from './io';
import { EventPrinter, jsonLine } from './print';
import { formatSummary, RunTally } from './summary';
import { TraceFile } from './traceFile';
import { versionLine } from './usage';
import { HopNarrator, stepThrough } from './stepper';
import { loadTopology } from '../../shared/load';

type Ending = 'finished' | 'duration' | 'failed' | 'stopped' | 'interrupted';

export async function runCommand(input: string, flags: RunFlags, io: CliIo): Promise<number> {
  const source = await loadSource(input);
  const facts = topologyFacts(source.doc);
  const trace = flags.trace
    ? await TraceFile.open(flags.trace, {
        topology: source.doc,
        source: source.name,
        createdAt: new Date().toISOString(),
        tool: versionLine(),
      })
    : undefined;
  // Loaded only now: help, examples and input errors need neither libzmq nor the engine.
  const { createEngine } = await import('../engine');

  const printer = new EventPrinter(io, facts.labels, flags.json);
  const loaded = flags.step ? loadTopology(source.doc).topology : undefined;
  const narrator = loaded ? new HopNarrator(loaded, (line) => io.out(line)) : undefined;
  const tally = new RunTally();
  let end: (why: Ending) => void = () => undefined;
  const ended = new Promise<Ending>((resolve) => {
    end = resolve;
  });
  const engine = createEngine((event: EngineEvent) => {
    tally.add(event);
    trace?.add(event);
    narrator?.add(event);
    printer.print(event);
    if (event.type === 'finished') end('finished');
    else if (event.type === 'state' && (event.state === 'failed' || event.state === 'stopped')) end(event.state);
  });
  const onSigint = (): void => end('interrupted');
  process.once('SIGINT', onSigint);
  const startedAt = performance.now();
  let timer: NodeJS.Timeout | undefined;
  let kills: NodeJS.Timeout[] = [];
  let ending: Ending;
  try {
    const reply = await engine.start(source.doc, {
      freePorts: flags.freePorts,
      handshakeTimeoutMs: flags.handshakeTimeoutMs,
      startPaused: narrator !== undefined,
    });
    printer.diagnostics(reply.diagnostics);
    if (hasErrors(reply.diagnostics)) {
      if (!flags.freePorts && !flags.json && reply.diagnostics.some((d) => d.code === 'bind-failed')) {
        io.err('zmq-studio: a port is taken: --free-ports moves the ports the app binds to free ones');
      }
      return EXIT.failed;
    }
    kills = scheduleKills(engine, flags.kills, (line) => io.err(`zmq-studio: ${line}`));
    if (flags.durationMs !== undefined) timer = setTimeout(() => end('duration'), flags.durationMs);
    else if (!facts.finishes && !flags.json)
      io.err('zmq-studio: no behaviour here ends by itself: running until Ctrl-C (or pass --duration <ms>)');
    if (narrator) {
      const stepped = await stepThrough(engine, narrator, ended, { playMs: flags.playMs, input: process.stdin, prompt: (text) => io.err(`zmq-studio: ${text}`) });
      ending = stepped === 'quit' ? 'stopped' : await ended;
    } else ending = await ended;
    await engine.stop();
  } catch (err) {
    throw new CliError(
      EXIT.failed,
      `run failed: ${err instanceof Error ? err.message : String(err)}`,
      'this is likely a bug in zmq-studio; --json shows every event',
    );
  } finally {
    clearTimeout(timer);
    for (const k of kills) clearTimeout(k);
    process.off('SIGINT', onSigint);
    await engine.dispose();
    await trace?.close();
  }

  const summary = tally.summary();
  const ms = Math.round(performance.now() - startedAt);
  if (flags.json) io.out(jsonLine({ type: 'summary', ending, ms, ...summary }));
  else io.out(['', ...formatSummary(summary, facts, `summary: ${describe(ending)} after ${ms} ms`)].join('\n'));
  if (trace?.failure) io.err(`zmq-studio: ${trace.path}: the trace file is incomplete: ${trace.failure}`);
  else if (trace && !flags.json) io.out(`trace file: ${trace.path} (${trace.records} records)`);

  if (ending === 'interrupted') return EXIT.interrupted;
  if (ending === 'failed' || summary.errors > 0 || trace?.failure) return EXIT.failed;
  return EXIT.ok;
}

/** The --kill faults, each at its time; a refusal (no such node, not running) is printed, the run goes on. */
function scheduleKills(engine: Pick<EngineCommands, 'nodeFault'>, kills: readonly KillPlan[], warn: (line: string) => void): NodeJS.Timeout[] {
  return kills.map((k) =>
    setTimeout(() => {
      const request = k.restartAfterMs === undefined ? { node: k.node, action: 'kill' as const } : { node: k.node, action: 'kill' as const, restartAfterMs: k.restartAfterMs };
      engine.nodeFault(request).catch((err: Error) => warn(`--kill ${k.node}: ${err.message}`));
    }, k.atMs),
  );
}

function describe(ending: Ending): string {
  switch (ending) {
    case 'finished':
      return 'every finite behaviour finished';
    case 'duration':
      return 'stopped at --duration';
    case 'failed':
      return 'the run failed';
    case 'stopped':
      return 'the run stopped';
    case 'interrupted':
      return 'interrupted';
  }
}
