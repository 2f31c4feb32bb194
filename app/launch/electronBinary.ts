/**
 * Is the Electron binary on this machine, and can it be fetched? Electron 45+ downloads its
 * binary on first launch (not at `npm install`), so a fresh or offline checkout has the electron
 * package without the binary. Nothing here requires 'electron' itself: that would start its
 * downloader and throw where there is no network.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronState =
  /** The binary is there: launch it. */
  | { kind: 'present'; executable: string; version: string }
  /** The package is installed, its binary is not (yet). */
  | { kind: 'missing'; version: string; packageDir: string }
  /** No electron package at all (`npm install --omit=dev`). */
  | { kind: 'not-installed' };

/** Reads node_modules/electron as its own index.js would, without running its downloader. */
export function findElectron(root: string, env: NodeJS.ProcessEnv = process.env): ElectronState {
  let packageJson: string;
  try {
    packageJson = createRequire(join(root, 'package.json')).resolve('electron/package.json');
  } catch {
    return { kind: 'not-installed' };
  }
  const packageDir = dirname(packageJson);
  const version = String((JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: unknown }).version ?? '?');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  const executable = relative ? join(distDir, relative) : undefined;
  if (executable && existsSync(executable)) return { kind: 'present', executable, version };
  return { kind: 'missing', version, packageDir };
}

/** Where @electron/get downloads from (its ELECTRON_MIRROR, else GitHub's releases). */
export function downloadBase(env: NodeJS.ProcessEnv = process.env): string {
  return env.ELECTRON_MIRROR || env.npm_config_electron_mirror || 'https://github.com/electron/electron/releases/download/';
}

/** 'reachable', or why the download host cannot be reached; never waits longer than `timeoutMs`. */
export async function probeDownloads(url: string, timeoutMs: number): Promise<'reachable' | { unreachable: string }> {
  try {
    // Any HTTP answer (a 404 too) means the network is there; only a failure to get one counts.
    await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    return 'reachable';
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why = e.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (e.cause?.code ?? e.cause?.message ?? e.message);
    return { unreachable: `${new URL(url).host}: ${why}` };
  }
}

/** Runs the electron package's own installer (download + unzip), bounded; resolves 'ok' or why not. */
export function fetchElectron(packageDir: string, timeoutMs: number): Promise<'ok' | { failed: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(packageDir, 'install.js')], { stdio: ['ignore', 'inherit', 'inherit'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ failed: `the download took longer than ${Math.round(timeoutMs / 1000)} s` });
    }, timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      resolve({ failed: err.message });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? 'ok' : { failed: `the Electron installer exited with code ${code ?? 'unknown'}` });
    });
  });
}
