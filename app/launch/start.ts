/**
 * `npm start` (bin/start.mjs): builds and opens the desktop app where Electron can run; otherwise
 * says why in one paragraph and serves the same app in the browser (`zmq-studio serve --open`).
 * The steps are chosen by startPlan.ts; this file only carries them out. Arguments after
 * `npm start --` go to serve in browser mode, and topology files among them to the desktop app.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadBase, fetchElectron, findElectron, probeDownloads } from './electronBinary';
import type { StartFacts } from './startPlan';
import { fallbackParagraph, hasDisplay, nextStartStep } from './startPlan';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROBE_TIMEOUT_MS = 4000;
const FETCH_TIMEOUT_MS = Number(process.env.ZMQ_STUDIO_ELECTRON_FETCH_TIMEOUT_MS) || 5 * 60_000;
/** Electron that exits with an error this soon never showed a window: fall back to the browser. */
const EARLY_EXIT_MS = 5000;

/** Runs a child with our terminal, passing on the signals sent to this process alone. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): { child: ChildProcess; exited: Promise<number> } {
  const child = spawn(command, args, { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => {
    // A terminal's Ctrl-C reaches the child too (same process group); this covers `kill <pid>`.
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, forward);
  const exited = new Promise<number>((resolve) => {
    child.once('error', (err) => {
      console.error(`zmq-studio: could not start ${command}: ${err.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
  return { child, exited };
}

function serveInBrowser(args: string[]): Promise<number> {
  return run(process.execPath, [join(ROOT, 'bin', 'zmq-studio.mjs'), 'serve', '--open', ...args]).exited;
}

/** Builds what the window loads: the page (when stale) and the three bundles in out/. */
async function buildDesktop(): Promise<void> {
  // Loaded only here: the browser fallback needs neither esbuild nor Vite in this process.
  const { buildPage, pageStaleness } = await import('../../main/cli/pageBuild');
  const { buildApp } = await import('../../scripts/build-app');
  const why = await pageStaleness(ROOT);
  if (why) {
    console.log(`zmq-studio: building the page (${why})...`);
    await buildPage(ROOT);
  }
  await buildApp();
}

/** The exit code of the desktop app, or why it did not start. */
async function launchDesktop(executable: string, args: string[]): Promise<number | { failed: string }> {
  try {
    await buildDesktop();
  } catch (err) {
    return { failed: `the build failed: ${(err as Error).message}` };
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // set, it would run main.cjs as plain Node
  const files = args.filter((a) => !a.startsWith('-') && a.endsWith('.json'));
  const started = Date.now();
  const code = await run(executable, [ROOT, ...files], env).exited;
  if (code !== 0 && Date.now() - started < EARLY_EXIT_MS) return { failed: `Electron exited with code ${code} at once` };
  return code;
}

/**
 * Finds (or fetches) the Electron binary, following startPlan; resolves with it, or with the reason
 * to use the browser instead. `launchFailed` carries an earlier failed launch (then: the browser).
 */
export async function electronOrWhy(argv: readonly string[], launchFailed?: string): Promise<{ executable: string } | { why: string }> {
  let electron = findElectron(ROOT);
  const facts: StartFacts = {
    forceBrowser: argv.includes('--browser') || process.env.ZMQ_STUDIO_BROWSER === '1',
    electron: electron.kind,
    display: hasDisplay(process.platform, process.env),
    launchFailed,
  };
  for (;;) {
    const step = nextStartStep(facts);
    switch (step.kind) {
      case 'browser':
        return { why: step.why };
      case 'launch':
        if (electron.kind !== 'present') throw new Error('launch without a binary');
        return { executable: electron.executable };
      case 'probe':
        facts.downloads = await probeDownloads(downloadBase(), PROBE_TIMEOUT_MS);
        break;
      case 'fetch':
        if (electron.kind !== 'missing') throw new Error('fetch without a missing binary');
        console.log(`zmq-studio: fetching the Electron ${electron.version} binary (once, about 100 MB)...`);
        facts.fetched = await fetchElectron(electron.packageDir, FETCH_TIMEOUT_MS);
        electron = findElectron(ROOT);
        if (facts.fetched === 'ok' && electron.kind !== 'present') facts.fetched = { failed: 'the installer finished but no binary appeared' };
        break;
    }
  }
}

/** Prints why, then serves the app in the browser until Ctrl-C. */
export function fallBackToBrowser(why: string, args: string[]): Promise<number> {
  console.log(`${fallbackParagraph(why)}\n`);
  return serveInBrowser(args);
}

export async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== '--browser');
  let found = await electronOrWhy(argv);
  if ('executable' in found) {
    const result = await launchDesktop(found.executable, args);
    if (typeof result === 'number') return result;
    found = await electronOrWhy(argv, result.failed);
  }
  return fallBackToBrowser('why' in found ? found.why : 'the desktop app did not start', args);
}
