/**
 * `zmq-studio serve`: its flags, the page-build check, the browser opener, and the real bin
 * serving until SIGTERM and leaving no engine process behind.
 */
import { spawn } from 'node:child_process';
import type { Server } from 'node:net';
import { createServer } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../../main/cli/args';
import { CliError, EXIT } from '../../main/cli/errors';
import { openerFor } from '../../main/cli/openBrowser';
import { pageStaleness } from '../../main/cli/pageBuild';
import { usage } from '../../main/cli/usage';
import { cli, ROOT, STACK_FRAME } from './cli';

function usageErrorOf(argv: string[]): CliError {
  try {
    parseCommand(argv);
  } catch (err) {
    if (err instanceof CliError) return err;
    throw err;
  }
  throw new Error(`${argv.join(' ')} parsed`);
}

describe('serve arguments', () => {
  it('defaults: port chosen later, no browser, build when needed, supervised engine', () => {
    expect(parseCommand(['serve'])).toEqual({
      name: 'serve',
      flags: { port: undefined, open: false, build: true, inProcess: false },
    });
  });

  it('reads every flag', () => {
    expect(parseCommand(['serve', '--port', '8080', '--open', '--no-build', '--in-process'])).toEqual({
      name: 'serve',
      flags: { port: 8080, open: true, build: false, inProcess: true },
    });
    expect(parseCommand(['serve', '--port=0'])).toMatchObject({ flags: { port: 0 } });
  });

  it('refuses a bad port, an unknown flag and a stray argument as usage errors', () => {
    for (const argv of [
      ['serve', '--port', 'http'],
      ['serve', '--port', '70000'],
      ['serve', '--port', '-1'],
      ['serve', '--build'],
      ['serve', 'load-balanced'],
    ]) {
      expect(usageErrorOf(argv).exitCode).toBe(EXIT.usage);
    }
    expect(usageErrorOf(['serve', '--port', 'http']).message).toContain('--port takes a port number from 0 to 65535');
  });

  it('has its own help, listed in the full usage', () => {
    expect(parseCommand(['serve', '--help'])).toEqual({ name: 'help', topic: 'serve' });
    expect(usage('serve')).toContain('zmq-studio serve [--port N] [--open] [--no-build] [--in-process]');
    expect(usage()).toContain('zmq-studio serve');
  });

  it('is documented in docs/cli.md with every flag', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8');
    for (const flag of ['--port <n>', '--open', '--no-build', '--in-process']) expect(doc).toContain(`\`${flag}\``);
  });
});

describe('page build check', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'zmq-studio-page-'));
    await mkdir(join(root, 'renderer', 'canvas'), { recursive: true });
    await mkdir(join(root, 'shared'));
    await writeFile(join(root, 'renderer', 'canvas', 'Node.tsx'), 'export {}');
    await writeFile(join(root, 'shared', 'ipc.ts'), 'export {}');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const at = (seconds: number): Date => new Date(1_700_000_000_000 + seconds * 1000);

  it('wants a build when index.html is missing, then when a source is newer, and not otherwise', async () => {
    expect(await pageStaleness(root)).toBe(join('dist', 'renderer', 'index.html') + ' is missing');
    await mkdir(join(root, 'dist', 'renderer'), { recursive: true });
    await writeFile(join(root, 'dist', 'renderer', 'index.html'), '<!doctype html>');
    const index = join(root, 'dist', 'renderer', 'index.html');
    for (const f of [join(root, 'renderer', 'canvas', 'Node.tsx'), join(root, 'shared', 'ipc.ts')])
      await utimes(f, at(0), at(0));
    await utimes(index, at(10), at(10));
    expect(await pageStaleness(root)).toBeUndefined();
    await utimes(join(root, 'shared', 'ipc.ts'), at(20), at(20));
    expect(await pageStaleness(root)).toBe(`${join('shared', 'ipc.ts')} changed since the last build`);
    await writeFile(join(root, 'vite.config.ts'), 'export default {}');
    await utimes(join(root, 'vite.config.ts'), at(30), at(30));
    expect(await pageStaleness(root)).toBe('vite.config.ts changed since the last build');
  });
});

describe('browser opener', () => {
  it('uses open on macOS, start on Windows, xdg-open elsewhere', () => {
    const url = 'http://127.0.0.1:5317';
    expect(openerFor('darwin', url)).toEqual({ command: 'open', args: [url] });
    expect(openerFor('linux', url)).toEqual({ command: 'xdg-open', args: [url] });
    expect(openerFor('win32', url).args.at(-1)).toBe(`start "" "${url}"`);
  });
});

/** Pids of the direct children of `pid` (Linux /proc); undefined where that cannot be read. */
function childrenOf(pid: number): number[] | undefined {
  const file = `/proc/${pid}/task/${pid}/children`;
  if (!existsSync(file)) return undefined;
  return readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

describe('zmq-studio serve (the real bin)', { timeout: 60_000 }, () => {
  it('prints its URL, answers /api/health, and on SIGTERM exits 0 with its engine child gone', async () => {
    const proc = spawn(process.execPath, ['bin/zmq-studio.mjs', 'serve', '--no-build', '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', () => undefined);
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    try {
      const until = Date.now() + 30_000;
      let match: RegExpMatchArray | null = null;
      while (!(match = /zmq-studio is running at (http:\/\/127\.0\.0\.1:(\d+))\/\?token=([\w-]+) \(Ctrl-C to stop\)/.exec(stdout))) {
        if (Date.now() > until || proc.exitCode !== null) throw new Error(`serve did not start:\n${stdout}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect((await fetch(`${match[1]}/api/health`)).status).toBe(403); // no launch token
      const health = (await (await fetch(`${match[1]}/api/health?token=${match[3]}`)).json()) as { ok: boolean; libzmq: string };
      expect(health).toMatchObject({ ok: true, libzmq: '4.3.5' });
      const children = childrenOf(proc.pid as number);
      proc.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stdout).toContain('SIGTERM: stopping the engine and the server');
      for (const child of children ?? []) expect(() => process.kill(child, 0)).toThrow();
    } finally {
      if (proc.exitCode === null) proc.kill('SIGKILL');
    }
  });

  it('moves to a free port when 5317 is taken, and refuses a taken --port with exit 1', async () => {
    // Hold 5317 (if something else already does, the fallback is exercised all the same).
    const holder: Server = createServer();
    await new Promise<void>((resolve) => {
      holder.once('error', () => resolve());
      holder.listen(5317, '127.0.0.1', () => resolve());
    });
    const proc = spawn(process.execPath, ['bin/zmq-studio.mjs', 'serve', '--no-build'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', () => undefined);
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    try {
      const until = Date.now() + 30_000;
      while (!/is running at/.test(stdout)) {
        if (Date.now() > until || proc.exitCode !== null) throw new Error(`serve did not start:\n${stdout}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const moved = /port 5317 is in use; using port (\d+) instead/.exec(stdout);
      expect(moved).not.toBeNull();
      expect(stdout).toMatch(new RegExp(`zmq-studio is running at http://127\\.0\\.0\\.1:${moved?.[1]}/\\?token=[\\w-]+ \\(Ctrl-C to stop\\)`));
      proc.kill('SIGINT');
      expect(await exited).toBe(0);

      const taken = await cli(['serve', '--no-build', '--port', '5317']);
      expect(taken.code).toBe(EXIT.failed);
      expect(taken.stderr).toContain('zmq-studio: port 5317 is in use (hint: pick another with --port N');
      expect(taken.stderr).not.toMatch(STACK_FRAME);
    } finally {
      if (proc.exitCode === null) proc.kill('SIGKILL');
      await new Promise<void>((resolve) => (holder.listening ? holder.close(() => resolve()) : resolve()));
    }
  });
});
