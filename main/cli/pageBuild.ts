/**
 * The page `serve` shows is the renderer built by Vite into dist/renderer. `serve` builds it when
 * it is missing or older than what it is built from, so a fresh clone (or an edited renderer)
 * works with one command. Paths come from this file's location, never from the cwd.
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';
import { CliError, EXIT } from './errors';

/** The repository: main/cli/ is two levels down. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function pageDir(root: string = REPO_ROOT): string {
  return join(root, 'dist', 'renderer');
}

/** What the page is built from: the renderer, the shared model it bundles, and the Vite config. */
const SOURCES = ['renderer', 'shared', 'vite.config.ts'];

/** Why the page needs a build ('dist/renderer/index.html is missing', 'x changed since...'), or undefined. */
export async function pageStaleness(root: string = REPO_ROOT): Promise<string | undefined> {
  const index = join(pageDir(root), 'index.html');
  const built = await mtime(index);
  if (built === undefined) return `${relative(root, index)} is missing`;
  let newest: { path: string; t: number } | undefined;
  for (const source of SOURCES) {
    for await (const file of files(join(root, source))) {
      if (file.t > built && (!newest || file.t > newest.t)) newest = file;
    }
  }
  return newest ? `${relative(root, newest.path)} changed since the last build` : undefined;
}

export function hasViteConfig(root: string = REPO_ROOT): boolean {
  return existsSync(join(root, 'vite.config.ts'));
}

/** Builds the page with Vite's JS API from the repository's vite.config.ts. */
export async function buildPage(root: string = REPO_ROOT): Promise<void> {
  const configFile = join(root, 'vite.config.ts');
  let build: (config: InlineConfig) => Promise<unknown>;
  try {
    ({ build } = await import('vite'));
  } catch {
    throw new CliError(
      EXIT.failed,
      'cannot build the page: vite is not installed',
      'run npm install, or pass --no-build to serve dist/renderer as it is',
    );
  }
  // A config may name paths relative to the cwd (Vite resolves `root` so): build as `npm run build` would.
  const cwd = process.cwd();
  process.chdir(root);
  try {
    await build({ configFile, logLevel: 'warn' });
  } catch (err) {
    throw new CliError(
      EXIT.failed,
      `the page did not build: ${err instanceof Error ? err.message : String(err)}`,
      'fix the error above, or pass --no-build to serve the last build',
    );
  } finally {
    process.chdir(cwd);
  }
  if (!existsSync(join(pageDir(root), 'index.html'))) {
    throw new CliError(
      EXIT.failed,
      'the build did not write dist/renderer/index.html',
      'build.outDir in vite.config.ts should be dist/renderer',
    );
  }
}

async function mtime(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Every file under `path` (or `path` itself), with its mtime; skips node_modules and dot folders. */
async function* files(path: string): AsyncGenerator<{ path: string; t: number }> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return;
  }
  if (info.isFile()) {
    yield { path, t: info.mtimeMs };
    return;
  }
  if (!info.isDirectory()) return;
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    yield* files(join(path, entry.name));
  }
}
