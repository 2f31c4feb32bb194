/**
 * Topology files named on a command line: the app's own launch, or a second launch that the
 * single-instance lock turned into a message to the first. Flags, the executable and the app
 * folder (`electron .`) are not files to open.
 */
import { isAbsolute, resolve } from 'node:path';

const TOPOLOGY_FILE = /\.json$/i;

/** Absolute paths of the topology files in `argv` (paths relative to `cwd`), in order, without repeats. */
export function topologyFilesInArgv(argv: readonly string[], cwd: string): string[] {
  const paths: string[] = [];
  // argv[0] is the executable; with `electron <app>` the next one is the app folder, not a file.
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || !TOPOLOGY_FILE.test(arg) || arg === 'package.json' || arg.endsWith('/package.json')) continue;
    const path = isAbsolute(arg) ? arg : resolve(cwd, arg);
    if (!paths.includes(path)) paths.push(path);
  }
  return paths;
}
