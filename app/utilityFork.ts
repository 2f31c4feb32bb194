/**
 * Electron's utilityProcess as the supervisor's ForkEngine (main/host/engineProcess.ts). The
 * child speaks the same protocol over `process.parentPort` that it speaks over `process.send`
 * under child_process.fork, so the supervision tested with fork is the supervision that runs here.
 */
import type { ParentMessage } from '../main/host/protocol';
import type { EngineProcess, EngineProcessExit, ForkEngine } from '../main/host/engineProcess';

/** The part of Electron's UtilityProcess used here (tests stand child_process.fork in for it). */
export interface UtilityChild {
  readonly pid: number | undefined;
  postMessage(message: unknown): void;
  kill(): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  on(event: 'error', listener: (type: string, location: string) => void): unknown;
}

export interface UtilityProcessApi {
  fork(
    modulePath: string,
    args: string[],
    options: { execArgv: string[]; env?: NodeJS.ProcessEnv; serviceName: string; stdio: 'inherit' },
  ): UtilityChild;
}

/** A ForkEngine over `utilityProcess.fork` (call it only after app 'ready', as Electron requires). */
export function utilityForker(utility: UtilityProcessApi, kill: typeof process.kill = process.kill): ForkEngine {
  return ({ entry, execArgv, env }) => {
    const child = utility.fork(entry, [], { execArgv, env, serviceName: 'zmq-studio engine', stdio: 'inherit' });
    return utilityEngineProcess(child, kill);
  };
}

function utilityEngineProcess(child: UtilityChild, kill: typeof process.kill): EngineProcess {
  let ended = false;
  let lastPid: number | undefined;
  let fatal: string | undefined;
  child.on('error', (type, location) => {
    // V8 gave up inside the child; 'exit' follows and carries this as the reason.
    fatal = `engine process ${type} at ${location}`;
  });
  return {
    get pid() {
      if (ended) return undefined;
      lastPid = child.pid ?? lastPid;
      return lastPid;
    },
    send(message: ParentMessage, done) {
      try {
        child.postMessage(message);
        done(null);
      } catch (err) {
        done(err instanceof Error ? err : new Error(String(err)));
      }
    },
    kill(signal) {
      // utilityProcess.kill() is SIGTERM only; a hung child needs the real SIGKILL by pid.
      const pid = child.pid;
      if (signal === 'SIGKILL' && pid !== undefined) {
        try {
          kill(pid, 'SIGKILL');
          return;
        } catch {
          // already gone, or not ours to signal: fall back to Electron's own kill
        }
      }
      child.kill();
    },
    onMessage(listener) {
      child.on('message', (message) => listener(message));
    },
    onExit(listener: (exit: EngineProcessExit) => void) {
      child.on('exit', (code) => {
        if (ended) return;
        ended = true;
        listener(fatal ? { code, signal: null, failure: `${fatal} (exit code ${code})` } : { code, signal: null });
      });
    },
  };
}
