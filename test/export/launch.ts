/**
 * Running exported programs in tests: export through the CLI (in-process, free ports), start the
 * launcher in its own process group, kill the whole group on timeout, and read `[node] line` output.
 */
import { spawn } from 'node:child_process';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { main } from '../../main/cli';
import type { ExportLanguage } from '../../shared/export';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The only Python here with pyzmq (PATH's python3 is a pyenv without it). */
export const PYTHON = '/usr/bin/python3';

/** `zmq-studio export <input> --lang <lang> --out <dir> --free-ports`, in this process. */
export async function exportTo(
  input: string,
  lang: ExportLanguage,
  dir: string,
): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['export', input, '--lang', lang, '--out', dir, '--free-ports'], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  // The README's install step is `npm install`; here the project's own zeromq and tsx stand in.
  if (code === 0 && lang === 'typescript') await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { code, out, err };
}

export interface Launched {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

/** Runs the export's launcher; on timeout the launcher and every program it started are killed. */
export function runLauncher(dir: string, lang: ExportLanguage, timeoutMs: number): Promise<Launched> {
  const [cmd, script] = lang === 'python' ? [PYTHON, 'launch.py'] : [process.execPath, 'launch.mjs'];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // Its own process group: one kill reaches the launcher and all the programs it started.
    const child = spawn(cmd, [join(dir, script)], { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killGroup = (): void => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // ESRCH: nothing of the group is left
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      killGroup(); // a program the launcher failed to stop must not outlive the test
      resolve({ code, stdout, stderr, ms: Math.round(performance.now() - started), timedOut });
    });
  });
}

/** The behaviour lines per node label: `[label] line` without the launcher's "listening"/"ready". */
export function linesByNode(stdout: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of stdout.split('\n')) {
    const m = /^\[([^\]]+)\] (.*)$/.exec(line);
    if (!m || m[2] === 'ready' || m[2].startsWith('listening on ')) continue;
    out.set(m[1], [...(out.get(m[1]) ?? []), m[2]]);
  }
  return out;
}
