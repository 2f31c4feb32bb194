/**
 * `zmq-studio serve`: browser mode (DESIGN.md). Builds the page when needed, starts the server
 * (main/host/server.ts) with the engine in a supervised child, prints the URL, and runs until
 * SIGINT or SIGTERM, then closes everything, engine child included.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningServer } from '../host/server';
import type { ServeFlags } from './args';
import { CliError, EXIT } from './errors';
import type { CliIo } from './io';
import { openBrowser } from './openBrowser';
import { buildPage, hasViteConfig, pageDir, pageStaleness } from './pageBuild';

/** The default port: fixed, so a bookmark keeps working; another one when it is taken. */
export const DEFAULT_PORT = 5317;

/**
 * Resolves with the first SIGINT or SIGTERM. The listeners stay until `release`: a second Ctrl-C
 * (or `npm start` forwarding the same one) must not kill this process halfway through stopping
 * the engine child; closing is bounded anyway.
 */
function stopRequested(): { stop: Promise<NodeJS.Signals>; release(): void } {
  let onSignal: (signal: NodeJS.Signals) => void = () => undefined;
  const stop = new Promise<NodeJS.Signals>((resolve) => {
    onSignal = resolve;
  });
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    stop,
    release: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

export async function serveCommand(flags: ServeFlags, io: CliIo): Promise<number> {
  const staticDir = pageDir();
  if (flags.build) await buildIfStale(io);
  else if (!existsSync(join(staticDir, 'index.html'))) {
    io.err(`zmq-studio: ${staticDir} has no index.html (--no-build): the page will say how to build it`);
  }

  const { stop, release } = stopRequested();
  try {
    const server = await listen(flags, staticDir, io);
    io.out(`zmq-studio is running at ${server.url} (Ctrl-C to stop)`);
    if (flags.open) await openBrowser(server.url, io);
    const signal = await stop;
    io.out(`zmq-studio: ${signal}: stopping the engine and the server...`);
    await server.close();
    return EXIT.ok;
  } finally {
    release();
  }
}

async function buildIfStale(io: CliIo): Promise<void> {
  const why = await pageStaleness();
  if (why === undefined) return;
  if (!hasViteConfig()) {
    // Stale but present: serve the last build. Missing: nothing to serve and nothing to build with.
    if (existsSync(join(pageDir(), 'index.html'))) return;
    throw new CliError(
      EXIT.failed,
      'the page is not built and there is no vite.config.ts to build it with',
      'zmq-studio run works without the page',
    );
  }
  io.out(`zmq-studio: building the page (${why})...`);
  await buildPage();
}

async function listen(flags: ServeFlags, staticDir: string, io: CliIo): Promise<RunningServer> {
  // Loaded only now: help and usage errors need neither ws nor the engine.
  const { startServer } = await import('../host/server');
  const engine = flags.inProcess ? 'in-process' : 'supervised';
  const port = flags.port ?? DEFAULT_PORT;
  try {
    return await startServer({ port, staticDir, engine });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' && flags.port === undefined) {
      const server = await startServer({ port: 0, staticDir, engine });
      io.out(`zmq-studio: port ${DEFAULT_PORT} is in use; using port ${server.port} instead`);
      return server;
    }
    if (code === 'EADDRINUSE')
      throw new CliError(
        EXIT.failed,
        `port ${port} is in use`,
        'pick another with --port N, or --port 0 for any free port',
      );
    if (code === 'EACCES')
      throw new CliError(EXIT.failed, `port ${port} needs privileges here`, 'use a port above 1023');
    throw new CliError(
      EXIT.failed,
      `the server did not start: ${err instanceof Error ? err.message : String(err)}`,
      'ZMQ_STUDIO_DEBUG=1 shows more; zmq-studio run works without the page',
    );
  }
}
