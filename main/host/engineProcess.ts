/**
 * One engine process as the host needs it, whoever started it: `child_process.fork` (browser
 * mode, tests) or Electron's `utilityProcess.fork` (the desktop app, adapted in app/). The
 * supervision logic above it is the same for both, so testing it with fork tests the app's too.
 */
import { fork } from 'node:child_process';
import type { ParentMessage } from './protocol';

export interface EngineProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Why it ended, in words, when more is known than code and signal (it never started, V8 gave up). */
  failure?: string;
}

export interface EngineProcess {
  /** Undefined until the process runs (utilityProcess learns it only at 'spawn') and after it ended. */
  readonly pid: number | undefined;
  /** Posts one message; `done` gets the error when it could not be sent. */
  send(message: ParentMessage, done: (err: Error | null) => void): void;
  kill(signal: 'SIGTERM' | 'SIGKILL'): void;
  onMessage(listener: (data: unknown) => void): void;
  /** Called once, when the process ended and nothing more will arrive from it. */
  onExit(listener: (exit: EngineProcessExit) => void): void;
}

export interface ForkRequest {
  /** The module the child runs. */
  entry: string;
  execArgv: string[];
  env?: NodeJS.ProcessEnv;
}

export type ForkEngine = (request: ForkRequest) => EngineProcess;

/** child_process.fork with the structured-clone channel, so TraceBatch typed arrays survive it. */
export const forkNodeProcess: ForkEngine = ({ entry, execArgv, env }) => {
  const proc = fork(entry, [], {
    execArgv,
    env: env ?? process.env,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    get pid() {
      return proc.pid;
    },
    send(message, done) {
      try {
        proc.send(message, (err) => done(err ?? null));
      } catch (err) {
        done(err instanceof Error ? err : new Error(String(err)));
      }
    },
    kill(signal) {
      proc.kill(signal);
    },
    onMessage(listener) {
      proc.on('message', (data: unknown) => listener(data));
    },
    onExit(listener) {
      let ended = false;
      const end = (exit: EngineProcessExit): void => {
        if (ended) return;
        ended = true;
        listener(exit);
      };
      // 'close', not 'exit': it comes after the IPC channel drained, so no reply is still in flight.
      proc.once('close', (code, signal) => end({ code, signal }));
      proc.on('error', (err) => {
        // Spawning failed: say why ('close' follows and changes nothing). Other errors (a failed
        // kill or send) are handled where they happen.
        if (proc.pid === undefined) end({ code: null, signal: null, failure: `engine process could not start: ${err.message}` });
      });
    },
  };
};
