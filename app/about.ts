/** The About box: the app's version, Electron's, and the engine's libzmq with its capabilities. */
import type { StatusReply } from '../shared/ipc';

export interface AboutFacts {
  appName: string;
  version: string;
  versions: { electron?: string; chrome?: string; node?: string };
  /** The engine's status, or why it could not be asked. */
  engine: StatusReply | { error: string };
}

export function aboutText(facts: AboutFacts): { message: string; detail: string } {
  const { engine, versions } = facts;
  const lines =
    'error' in engine
      ? [`engine: not answering (${engine.error})`]
      : [
          `libzmq ${engine.libzmq}`,
          `capabilities: ${Object.entries(engine.capabilities)
            .map(([name, on]) => `${name} ${on ? 'yes' : 'no'}`)
            .join(', ')}`,
        ];
  lines.push(`Electron ${versions.electron ?? '?'} · Chromium ${versions.chrome ?? '?'} · Node ${versions.node ?? '?'}`);
  return {
    message: `${facts.appName} ${facts.version}`,
    detail: `Draw ZeroMQ topologies, run them on real sockets, and trace every message.\n\n${lines.join('\n')}`,
  };
}
