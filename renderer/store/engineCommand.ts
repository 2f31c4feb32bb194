/** Running one engine command from the page: a refusal becomes a notice, never an unhandled rejection. */
import type { EngineCommands } from '../../shared/ipc';
import type { AppState } from './types';

export async function engineCommand<T>(state: () => AppState, what: string, call: (engine: EngineCommands) => Promise<T>): Promise<T | undefined> {
  const { engine, connection, notify } = state();
  if (!engine || connection !== 'connected') {
    notify(`cannot ${what}: not connected to the engine (${state().connectionDetail ?? connection})`, 'error');
    return undefined;
  }
  try {
    return await call(engine);
  } catch (err) {
    notify(`${what} failed: ${(err as Error).message}`, 'error');
    return undefined;
  }
}
