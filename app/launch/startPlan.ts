/**
 * What `npm start` does next, decided from what it has found out so far: launch the desktop app,
 * probe the network or fetch the Electron binary, or fall back to browser mode with one
 * paragraph saying why. Pure, so every branch is tested without a display or a network.
 */

export interface StartFacts {
  /** `npm start -- --browser` or ZMQ_STUDIO_BROWSER=1. */
  forceBrowser: boolean;
  electron: 'present' | 'missing' | 'not-installed';
  /** A screen to open a window on (always true on macOS and Windows). */
  display: boolean;
  /** Result of probing the download host; undefined until probed. */
  downloads?: 'reachable' | { unreachable: string };
  /** Result of fetching the binary; undefined until tried. */
  fetched?: 'ok' | { failed: string };
  /** Electron was launched and failed at once (missing system libraries, a broken download...). */
  launchFailed?: string;
}

export type StartStep = { kind: 'launch' } | { kind: 'probe' } | { kind: 'fetch' } | { kind: 'browser'; why: string };

export function nextStartStep(f: StartFacts): StartStep {
  if (f.forceBrowser) return { kind: 'browser', why: 'browser mode was asked for (--browser or ZMQ_STUDIO_BROWSER=1)' };
  if (f.launchFailed) return { kind: 'browser', why: `the desktop app did not start (${f.launchFailed})` };
  if (f.electron === 'not-installed')
    return { kind: 'browser', why: 'the electron package is not installed (npm install without --omit=dev adds it)' };
  if (!f.display) {
    const binary = f.electron === 'present' ? '' : ', and the Electron binary is not on this machine either';
    return { kind: 'browser', why: `there is no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset)${binary}` };
  }
  if (f.electron === 'present' || f.fetched === 'ok') return { kind: 'launch' };
  if (f.downloads === undefined) return { kind: 'probe' };
  if (f.downloads !== 'reachable')
    return { kind: 'browser', why: `the Electron binary is not on this machine and cannot be fetched (${f.downloads.unreachable})` };
  if (f.fetched === undefined) return { kind: 'fetch' };
  return { kind: 'browser', why: `the Electron binary could not be fetched (${f.fetched.failed})` };
}

/** The one paragraph `npm start` prints before it serves the app in the browser instead. */
export function fallbackParagraph(why: string): string {
  return [
    `zmq-studio: no desktop window this time: ${why}.`,
    'Serving the same app in your browser instead: `zmq-studio serve --open` builds the page if needed,',
    'runs the engine on real sockets in a supervised child process and prints the URL; Ctrl-C stops it.',
    'On a desktop with network access, `npm start` fetches Electron once and opens the app window',
    '(`npm start -- --browser` always picks the browser).',
  ].join('\n');
}

/** Whether this platform and environment can show a window. */
export function hasDisplay(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}
