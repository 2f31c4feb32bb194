/**
 * `zmq-studio export`: a topology as runnable programs (shared/export), written to a folder.
 * Validates first (errors: exit 1), never writes into a non-empty folder without --force, and
 * with --free-ports moves the tcp ports the programs bind to free ones (for side-by-side runs).
 */
import { chmod, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { formatDiagnostic, hasErrors } from '../../shared/diagnostics';
import { checkExport, exportTopology, movableBinds, withEndpoints } from '../../shared/export';
import type { ExportFile } from '../../shared/export';
import { parseEndpoint } from '../../shared/validate';
import type { ExportFlags } from './args';
import { CliError, EXIT } from './errors';
import { loadSource } from './input';
import type { CliIo } from './io';

export async function exportCommand(input: string, flags: ExportFlags, io: CliIo): Promise<number> {
  const source = await loadSource(input);
  const checked = checkExport(source.doc);
  for (const d of checked.diagnostics) io.err(formatDiagnostic(d));
  if (!checked.topology || hasErrors(checked.diagnostics)) {
    const errors = checked.diagnostics.filter((d) => d.severity === 'error').length;
    io.err(`${source.name}: ${errors} error${errors === 1 ? '' : 's'}: nothing exported`);
    return EXIT.failed;
  }
  let topology = checked.topology;
  if (flags.freePorts) {
    const moved = await freePorts(movableBinds(topology).map((b) => [b.key, b.endpoint] as const));
    topology = withEndpoints(topology, new Map([...moved].map(([key, m]) => [key, m.to])));
    for (const m of moved.values()) io.out(`moved ${m.from} -> ${m.to}`);
  }
  const result = exportTopology(topology, flags.lang);
  await prepare(flags.out, flags.force);
  await write(flags.out, result.files);

  const shown = flags.out;
  io.out(
    `wrote ${result.files.length} files to ${shown} (${flags.lang}): ${result.files.map((f) => f.path).join(', ')}`,
  );
  io.out(
    flags.lang === 'python'
      ? `run them: python3 ${join(shown, 'launch.py')}  (needs pyzmq: pip install pyzmq, or apt-get install python3-zmq)`
      : `run them: cd ${shown} && npm install && node launch.mjs`,
  );
  for (const note of result.notes) io.out(`note: ${note}`);
  return EXIT.ok;
}

/** Creates the folder, or checks that it may be written into. */
async function prepare(dir: string, force: boolean): Promise<void> {
  try {
    const s = await stat(dir);
    if (!s.isDirectory())
      throw new CliError(EXIT.input, `${dir}: exists and is not a folder`, 'name a folder with --out');
    const entries = await readdir(dir);
    if (entries.length > 0 && !force) {
      throw new CliError(
        EXIT.input,
        `${dir}: the folder is not empty (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'})`,
        'pick an empty or new folder, or pass --force to write over the files of the same names',
      );
    }
  } catch (err) {
    if (err instanceof CliError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw writeError(dir, err);
    try {
      await mkdir(dir, { recursive: true });
    } catch (e) {
      throw writeError(dir, e);
    }
  }
}

async function write(dir: string, files: readonly ExportFile[]): Promise<void> {
  for (const f of files) {
    const path = join(dir, ...f.path.split('/'));
    try {
      await writeFile(path, f.text, 'utf8');
      if (f.executable) await chmod(path, 0o755);
    } catch (err) {
      throw writeError(path, err);
    }
  }
}

function writeError(path: string, err: unknown): CliError {
  return new CliError(
    EXIT.input,
    `${path}: cannot write: ${(err as Error).message}`,
    'check the path and its permissions',
  );
}

/**
 * A free port for each bind, picked below the system's ephemeral range (32768 and up on Linux):
 * other programs' "any free port" binds and outgoing connections take ports from that range, so
 * a port picked here stays free until the exported programs bind it.
 */
async function freePorts(
  binds: readonly (readonly [string, string])[],
): Promise<Map<string, { from: string; to: string }>> {
  const out = new Map<string, { from: string; to: string }>();
  const taken = new Set<number>();
  for (const [key, endpoint] of binds) {
    const p = parseEndpoint(endpoint, 'bind');
    if (typeof p === 'string' || p.transport !== 'tcp' || p.host === undefined) continue;
    const host = p.host === '*' ? '0.0.0.0' : p.host;
    const port = await pickPort(host, taken);
    taken.add(port);
    const shownHost = p.host.includes(':') ? `[${p.host}]` : p.host;
    out.set(key, { from: endpoint, to: `tcp://${shownHost}:${port}` });
  }
  return out;
}

async function pickPort(host: string, taken: ReadonlySet<number>): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (!taken.has(port) && (await canListen(host, port))) return port;
  }
  throw new CliError(EXIT.failed, `no free tcp port found on ${host}`, 'export without --free-ports');
}

function canListen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
