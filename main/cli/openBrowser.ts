/**
 * `serve --open`: hands the URL to the desktop's opener (xdg-open, open, start) when there is
 * one. Without a display (an ssh session, a container) there is nothing to open, and xdg-open
 * would start a text browser in our terminal, so the URL is only printed.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { CliIo } from './io';

interface Opener {
  command: string;
  args: string[];
}

export function openerFor(platform: NodeJS.Platform, url: string): Opener {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; its first quoted argument is a window title, hence the "".
  if (platform === 'win32') return { command: 'cmd', args: ['/d', '/s', '/c', `start "" "${url}"`] };
  return { command: 'xdg-open', args: [url] };
}

async function onPath(command: string): Promise<boolean> {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      await access(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // not in this one
    }
  }
  return false;
}

/** Opens `url` in the default browser when this machine can; says so either way, never throws. */
export async function openBrowser(url: string, io: CliIo, platform: NodeJS.Platform = process.platform): Promise<void> {
  const yourself = `open ${url} in a browser yourself`;
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (platform !== 'darwin' && platform !== 'win32' && !hasDisplay) {
    io.out(`zmq-studio: no display here to open a browser on: ${yourself}`);
    return;
  }
  const opener = openerFor(platform, url);
  if (platform !== 'win32' && !(await onPath(opener.command))) {
    io.out(`zmq-studio: ${opener.command} is not installed here: ${yourself}`);
    return;
  }
  const child = spawn(opener.command, opener.args, {
    stdio: 'ignore',
    detached: true,
    windowsVerbatimArguments: platform === 'win32',
  });
  child.on('error', (err) => io.err(`zmq-studio: could not start ${opener.command} (${err.message}): ${yourself}`));
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) io.err(`zmq-studio: ${opener.command} exited with code ${code}: ${yourself}`);
  });
  // The browser outlives us; the opener must not keep the server's process alive either.
  child.unref();
}
