/**
 * `npm start`: the decision (app/launch/startPlan.ts) for every situation, the Electron binary
 * check and the network probe, and the real bin/start.mjs on this machine (no Electron binary,
 * no network, no display) taking the fallback path: one paragraph, then browser mode, serving
 * until SIGTERM and leaving no process behind.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadBase, findElectron, probeDownloads } from '../../app/launch/electronBinary';
import type { StartFacts } from '../../app/launch/startPlan';
import { fallbackParagraph, hasDisplay, nextStartStep } from '../../app/launch/startPlan';
import { ROOT } from '../../scripts/build-app';

describe('the start plan', () => {
  const base: StartFacts = { forceBrowser: false, electron: 'missing', display: true };
  const cases: [string, StartFacts, string][] = [
    ['binary present, display: launch', { ...base, electron: 'present' }, 'launch'],
    ['binary missing: probe the download host first', base, 'probe'],
    ['host unreachable: browser', { ...base, downloads: { unreachable: 'github.com: ENOTFOUND' } }, 'browser: the Electron binary is not on this machine and cannot be fetched (github.com: ENOTFOUND)'],
    ['host reachable: fetch', { ...base, downloads: 'reachable' }, 'fetch'],
    ['fetched: launch', { ...base, downloads: 'reachable', fetched: 'ok' }, 'launch'],
    ['fetch failed: browser', { ...base, downloads: 'reachable', fetched: { failed: 'the download took longer than 300 s' } }, 'browser: the Electron binary could not be fetched (the download took longer than 300 s)'],
    ['no display, no binary: browser without a download', { ...base, display: false }, 'browser: there is no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset), and the Electron binary is not on this machine either'],
    ['no display, binary present: browser', { ...base, electron: 'present', display: false }, 'browser: there is no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset)'],
    ['no electron package: browser', { ...base, electron: 'not-installed' }, 'browser: the electron package is not installed (npm install without --omit=dev adds it)'],
    ['asked for the browser', { ...base, electron: 'present', forceBrowser: true }, 'browser: browser mode was asked for (--browser or ZMQ_STUDIO_BROWSER=1)'],
    ['Electron died at once: browser', { ...base, electron: 'present', launchFailed: 'Electron exited with code 127 at once' }, 'browser: the desktop app did not start (Electron exited with code 127 at once)'],
  ];
  it.each(cases)('%s', (_what, facts, expected) => {
    const step = nextStartStep(facts);
    expect(step.kind === 'browser' ? `browser: ${step.why}` : step.kind).toBe(expected);
  });

  it('explains the fallback in one paragraph that names the reason and the way back', () => {
    const text = fallbackParagraph('the Electron binary is not on this machine and cannot be fetched (github.com: ENOTFOUND)');
    expect(text.split('\n\n')).toHaveLength(1);
    expect(text).toContain('(github.com: ENOTFOUND)');
    expect(text).toContain('zmq-studio serve --open');
    expect(text).toContain('npm start -- --browser');
  });

  it('knows where a window can be shown', () => {
    expect(hasDisplay('linux', {})).toBe(false);
    expect(hasDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDisplay('linux', { DISPLAY: ':0' })).toBe(true);
    expect(hasDisplay('darwin', {})).toBe(true);
    expect(hasDisplay('win32', {})).toBe(true);
  });
});

describe('the Electron binary', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'zmq-studio-electron-'));
    await writeFile(join(root, 'package.json'), '{"name":"x"}');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('is not installed without the package, missing without its binary, present with it', async () => {
    expect(findElectron(root)).toEqual({ kind: 'not-installed' });
    const pkg = join(root, 'node_modules', 'electron');
    await mkdir(join(pkg, 'dist'), { recursive: true });
    await writeFile(join(pkg, 'package.json'), '{"name":"electron","version":"45.5.0"}');
    expect(findElectron(root)).toEqual({ kind: 'missing', version: '45.5.0', packageDir: pkg });
    await writeFile(join(pkg, 'path.txt'), 'electron');
    expect(findElectron(root).kind).toBe('missing');
    await writeFile(join(pkg, 'dist', 'electron'), '');
    expect(findElectron(root)).toEqual({ kind: 'present', executable: join(pkg, 'dist', 'electron'), version: '45.5.0' });
    expect(findElectron(root, { ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' }).kind).toBe('missing');
  });

  it("here: the package is installed (npm ci needs no network for it), its binary unless fetched before", () => {
    const state = findElectron(ROOT);
    expect(state.kind).not.toBe('not-installed');
    const pathTxt = join(ROOT, 'node_modules', 'electron', 'path.txt');
    if (!existsSync(pathTxt)) expect(state.kind).toBe('missing');
  });

  it('downloads from ELECTRON_MIRROR when set, else from GitHub', () => {
    expect(downloadBase({ ELECTRON_MIRROR: 'https://mirror.example/electron/' })).toBe('https://mirror.example/electron/');
    expect(downloadBase({})).toBe('https://github.com/electron/electron/releases/download/');
  });

  it('probes: any HTTP answer is reachable; a refused connection is not, and says so quickly', async () => {
    const server = createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    expect(await probeDownloads(`http://127.0.0.1:${port}/electron/`, 2000)).toBe('reachable');
    await new Promise((r) => server.close(r));
    const started = Date.now();
    expect(await probeDownloads(`http://127.0.0.1:${port}/electron/`, 2000)).toEqual({ unreachable: `127.0.0.1:${port}: ECONNREFUSED` });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('probes with a bound: a host that never answers is given up after the timeout', async () => {
    const server = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      expect(await probeDownloads(`http://127.0.0.1:${port}/`, 300)).toEqual({ unreachable: `127.0.0.1:${port}: no answer within 0.3 s` });
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

/** Pids of the direct children of `pid` (Linux /proc); undefined where that cannot be read. */
function childrenOf(pid: number): number[] | undefined {
  const file = `/proc/${pid}/task/${pid}/children`;
  if (!existsSync(file)) return undefined;
  return readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

function descendants(pid: number): number[] {
  const direct = childrenOf(pid) ?? [];
  return [...direct, ...direct.flatMap(descendants)];
}

/** Runs `node bin/start.mjs` as `npm start` does, until it prints the served URL; then SIGTERM. */
async function startFallsBack(env: NodeJS.ProcessEnv): Promise<string> {
  const proc = spawn(process.execPath, ['bin/start.mjs', '--port', '0', '--no-build'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  proc.stderr.on('data', () => undefined);
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  try {
    const until = Date.now() + 75_000;
    let match: RegExpMatchArray | null = null;
    while (!(match = /zmq-studio is running at (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/.exec(stdout))) {
      if (Date.now() > until || proc.exitCode !== null) throw new Error(`npm start did not serve:\n${stdout}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const health = (await (await fetch(`${match[1]}/api/health?token=${match[2]}`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
    const tree = descendants(proc.pid as number);
    expect(tree.length).toBeGreaterThanOrEqual(2); // serve, and its engine child
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of tree) expect(() => process.kill(pid, 0)).toThrow();
    return stdout;
  } finally {
    // On a failure, take down the whole tree: SIGKILL to start.mjs alone would orphan serve.
    if (proc.exitCode === null) {
      for (const pid of descendants(proc.pid as number).reverse()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      proc.kill('SIGKILL');
    }
  }
}

describe('npm start on this machine', { timeout: 100_000 }, () => {
  const env = (): NodeJS.ProcessEnv => {
    const e = { ...process.env };
    delete e.DISPLAY;
    delete e.WAYLAND_DISPLAY;
    delete e.ZMQ_STUDIO_BROWSER;
    return e;
  };

  it('without a display or the Electron binary: says why in one paragraph and serves the app in the browser', async () => {
    const out = await startFallsBack(env());
    expect(out).toMatch(/^zmq-studio: no desktop window this time: there is no display to open a window on/);
    if (findElectron(ROOT).kind === 'missing') expect(out).toContain('and the Electron binary is not on this machine either.');
    expect(out).toContain('zmq-studio: no display here to open a browser on');
  });

  it('with a display but no binary and no way to fetch it: probes briefly, then the same fallback', async () => {
    if (findElectron(ROOT).kind !== 'missing') return; // a machine that fetched Electron launches it instead
    // A closed local port stands for the unreachable download host, whatever this machine's network.
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    await new Promise((r) => server.close(r));
    // PATH without xdg-open: serve --open only prints the URL, no browser is started by the test.
    const out = await startFallsBack({ ...env(), DISPLAY: ':99', ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, PATH: '/nonexistent' });
    expect(out).toContain(`the Electron binary is not on this machine and cannot be fetched (127.0.0.1:${port}: ECONNREFUSED)`);
    expect(out).toContain('xdg-open is not installed here');
  });
});
