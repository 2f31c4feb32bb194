/** Runs the real bin (`node bin/zmq-studio.mjs ...`) from the repository root, as a user would. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], timeoutMs = 25_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['bin/zmq-studio.mjs', ...args],
      { cwd: ROOT, timeout: timeoutMs, killSignal: 'SIGKILL' },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') {
          reject(
            new Error(`zmq-studio ${args.join(' ')} did not exit by itself (${err.message})\n${stdout}\n${stderr}`),
          );
          return;
        }
        resolve({ code: err ? Number(err.code) : 0, stdout, stderr });
      },
    );
  });
}

/** A stack trace has "    at fn (file:line)" frames; the CLI must never print one for bad input. */
export const STACK_FRAME = /^\s+at\s/m;
