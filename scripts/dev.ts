/**
 * `npm run dev`: the desktop app with hot reload. Vite's dev server serves the page (edits to
 * renderer/ and shared/ show at once); esbuild rebuilds out/ on every change to app/ or main/
 * and Electron is restarted with it. Where Electron cannot run, it falls back like `npm start`:
 * one paragraph why, then `zmq-studio serve --open` (which rebuilds the page when it is stale).
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createServer } from 'vite';
import { electronOrWhy, fallBackToBrowser, run } from '../app/launch/start';
import { ROOT, watchApp } from './build-app';

async function dev(argv: string[]): Promise<number> {
  const found = await electronOrWhy(argv);
  if ('why' in found) return fallBackToBrowser(found.why, argv.filter((a) => a !== '--browser'));

  const vite = await createServer({ configFile: join(ROOT, 'vite.config.ts'), server: { host: '127.0.0.1' } });
  await vite.listen();
  const devUrl = new URL(vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/').origin;
  console.log(`zmq-studio dev: the page at ${devUrl} (hot reload); app/ and main/ rebuild and restart Electron`);

  let electron: ChildProcess | undefined;
  let restarting = false;
  let finish: (code: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => (finish = resolve));
  const launch = (): void => {
    const env: NodeJS.ProcessEnv = { ...process.env, ZMQ_STUDIO_DEV_URL: devUrl };
    delete env.ELECTRON_RUN_AS_NODE;
    const started = run(found.executable, [ROOT], env);
    electron = started.child;
    void started.exited.then((code) => {
      if (restarting) return;
      finish(code); // the window was closed (or Electron failed): dev ends with it
    });
  };
  const stopWatching = await watchApp((entry) => {
    console.log(`zmq-studio dev: ${entry} rebuilt, restarting Electron`);
    const old = electron;
    if (!old || old.exitCode !== null || old.signalCode !== null) return launch();
    restarting = true;
    old.once('exit', () => {
      restarting = false;
      launch();
    });
    old.kill('SIGTERM');
  });
  launch();

  const code = await done;
  await stopWatching();
  await vite.close();
  return code;
}

process.exitCode = await dev(process.argv.slice(2));
