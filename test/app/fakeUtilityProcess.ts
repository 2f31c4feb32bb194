/**
 * child_process.fork standing in for Electron's utilityProcess (same shape as the part of it
 * app/utilityFork.ts uses). The child gets a `process.parentPort` (fixtures/parentPortShim.mjs)
 * and loses `process.send`, so it must speak over the parentPort pipe, as under Electron.
 */
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { constants } from 'node:os';
import type { UtilityChild, UtilityProcessApi } from '../../app/utilityFork';

export const PARENT_PORT_SHIM = new URL('./fixtures/parentPortShim.mjs', import.meta.url).href;

export interface FakeUtility extends UtilityProcessApi {
  /** Every child forked so far, for the tests' cleanup checks. */
  readonly pids: number[];
}

export function fakeUtilityProcess(): FakeUtility {
  const pids: number[] = [];
  return {
    pids,
    fork(modulePath, args, options): UtilityChild {
      const proc = fork(modulePath, args, {
        execArgv: ['--import', PARENT_PORT_SHIM, ...options.execArgv],
        env: options.env ?? process.env,
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      if (proc.pid !== undefined) pids.push(proc.pid);
      const events = new EventEmitter();
      let exited = false;
      proc.on('message', (data: unknown) => events.emit('message', data));
      // Electron reports the exit code from waitpid: a signal shows as 128 + its number.
      proc.once('close', (code, signal) => {
        exited = true;
        events.emit('exit', code ?? 128 + (signal ? constants.signals[signal] : 0));
      });
      proc.on('error', () => undefined);
      return {
        get pid() {
          return exited ? undefined : proc.pid;
        },
        postMessage: (message) => void proc.send(message as never, () => undefined),
        kill: () => proc.kill('SIGTERM'),
        on: (event: string, listener: (...a: never[]) => void) => events.on(event, listener as (...a: unknown[]) => void),
      };
    },
  };
}
