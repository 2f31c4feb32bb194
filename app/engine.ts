/**
 * The desktop app's engine: main/host's supervisor over Electron's utilityProcess. Events go to
 * the window as they come (the engine batches its trace already); when the engine process dies,
 * the supervisor's 'engine' events tell the window why and that it restarted. The topology is the
 * page's: nothing of it lives here, so nothing of it is lost.
 */
import type { EngineEvent } from '../shared/ipc';
import type { SupervisedEngine } from '../main/host/supervisor';
import { createSupervisedEngine } from '../main/host/supervisor';
import type { UtilityProcessApi } from './utilityFork';
import { utilityForker } from './utilityFork';

export interface AppEngineOptions {
  utilityProcess: UtilityProcessApi;
  /** The bundled engine child (out/engineChild.cjs). */
  entry: string;
  /** Delivers one event to the window, if there is one. */
  deliver(event: EngineEvent): void;
  warn(message: string): void;
}

export function startAppEngine(options: AppEngineOptions): SupervisedEngine {
  return createSupervisedEngine(
    (event) => {
      if (event.type === 'engine') options.warn(`zmq-studio: engine ${event.status}: ${event.reason}`);
      options.deliver(event);
    },
    // The bundle is plain CommonJS: no TypeScript loader in the child.
    { fork: utilityForker(options.utilityProcess), entry: options.entry, execArgv: [] },
  );
}
