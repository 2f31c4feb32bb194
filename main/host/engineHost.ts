/**
 * The one engine behind the browser-mode server: in a supervised child process by default
 * (DESIGN.md, crash isolation), or in this process when asked (tests, debugging).
 */
import type { EventSink } from '../../shared/ipc';
import type { Engine } from '../engineApi';

export type EngineMode = 'supervised' | 'in-process';

export interface HostedEngine extends Engine {
  /** Pid of the process the engine runs in: the child's while one runs, this one's in-process. */
  enginePid(): number | undefined;
}

/** Creates the engine and waits until it answers, so a broken engine fails the start, not the first page. */
export async function openEngine(mode: EngineMode, sink: EventSink): Promise<HostedEngine> {
  const engine = await createHostedEngine(mode, sink);
  try {
    await engine.status();
  } catch (err) {
    await engine.dispose().catch(() => undefined);
    throw new Error(`the engine could not start: ${err instanceof Error ? err.message : String(err)}`);
  }
  return engine;
}

async function createHostedEngine(mode: EngineMode, sink: EventSink): Promise<HostedEngine> {
  if (mode === 'in-process') {
    // Loaded only here: in supervised mode this process never loads libzmq at all.
    const { createEngine } = await import('../engine');
    const engine = createEngine(sink);
    let disposed = false;
    return {
      start: (topology, options) => engine.start(topology, options),
      stop: () => engine.stop(),
      inject: (request) => engine.inject(request),
      status: () => engine.status(),
      pause: () => engine.pause(),
      resume: () => engine.resume(),
      step: (request) => engine.step(request),
      frames: (request) => engine.frames(request),
      fault: (request) => engine.fault(request),
      nodeFault: (request) => engine.nodeFault(request),
      attach: (request) => engine.attach(request),
      detach: (request) => engine.detach(request),
      dispose: () => {
        disposed = true;
        return engine.dispose();
      },
      enginePid: () => (disposed ? undefined : process.pid),
    };
  }
  const { createSupervisedEngine } = await import('./supervisor');
  return createSupervisedEngine(sink);
}
