/** `zmq-studio validate` and `zmq-studio examples`: no sockets, no engine run. */
import { formatDiagnostic, hasErrors } from '../../shared/diagnostics';
import { EXAMPLES } from '../../shared/examples';
import { validate } from '../../shared/validate';
import { EXIT } from './errors';
import { topologyFacts } from './facts';
import { loadSource } from './input';
import type { CliIo } from './io';

export async function validateCommand(input: string, json: boolean, io: CliIo): Promise<number> {
  const source = await loadSource(input);
  // Validate against what this libzmq supports (pgm, draft sockets...), as a run would.
  const { capabilities } = await import('../engine');
  const diagnostics = validate(source.doc, capabilities());
  const failed = hasErrors(diagnostics);
  if (json) {
    io.out(JSON.stringify(diagnostics));
    return failed ? EXIT.failed : EXIT.ok;
  }
  for (const d of diagnostics) (d.severity === 'error' ? io.err : io.out)(formatDiagnostic(d));
  if (failed) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    io.err(`${source.name}: ${count(errors, 'error')}`);
    return EXIT.failed;
  }
  const facts = topologyFacts(source.doc);
  const warnings = diagnostics.length;
  io.out(
    `ok: ${count(facts.nodeCount, 'node')}, ${count(facts.edgeCount, 'edge')}${warnings > 0 ? ` (${count(warnings, 'warning')})` : ''}`,
  );
  return EXIT.ok;
}

export function examplesCommand(json: boolean, io: CliIo): number {
  const rows = EXAMPLES.map((e) => ({
    id: e.id,
    name: e.topology.name ?? e.id,
    description: (e.topology.description ?? '').replace(/\s+/g, ' '),
  }));
  if (json) {
    io.out(JSON.stringify(rows));
    return EXIT.ok;
  }
  const width = Math.max(...rows.map((r) => r.id.length));
  for (const r of rows) io.out(`${r.id.padEnd(width)}  ${r.name}: ${r.description}`);
  return EXIT.ok;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
