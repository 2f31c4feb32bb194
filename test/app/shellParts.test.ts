/**
 * The small parts of the desktop shell, each with Electron's objects replaced by thin fakes: the
 * app:// protocol, the navigation guard, the sender check, window bounds, command-line files,
 * recent files, the payload bound, the About text and the unsaved-changes question.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aboutText } from '../../app/about';
import { APP_INDEX_URL, createAppProtocolHandler, resolveAppPath } from '../../app/appProtocol';
import { LEAVE_BUTTON, unsavedChangesQuestion } from '../../app/closeGuard';
import { APP_CSP } from '../../app/csp';
import { withinPayloadLimit } from '../../app/limits';
import type { GuardedContents } from '../../app/navigation';
import { guardContents, isExternalWebUrl } from '../../app/navigation';
import { topologyFilesInArgv } from '../../app/openArgs';
import { parseRecent, RecentFiles, RECENT_LIMIT, withRecent } from '../../app/recentFiles';
import { sameOrigin, senderProblem } from '../../app/senderCheck';
import { parseWindowState, placeWindow } from '../../app/windowState';

describe('app:// protocol', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'zmq-studio-page-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>zmq-studio</title>');
    await writeFile(join(root, 'assets', 'index.js'), 'console.log(1)');
    await writeFile(join(root, '..', 'secret.txt'), 'secret');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(join(root, '..', 'secret.txt'), { force: true });
  });

  it('maps app://zmq-studio/ URLs into the page folder and nothing outside it', () => {
    expect(resolveAppPath(root, APP_INDEX_URL)).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://zmq-studio/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://zmq-studio/assets/index.js?v=1#x')).toBe(join(root, 'assets', 'index.js'));
    // Climbing out: the URL parser or the root check keeps every one inside the page folder.
    for (const climb of ['app://zmq-studio/../secret.txt', 'app://zmq-studio/%2e%2e/secret.txt', 'app://zmq-studio/assets/%2e%2e%2f%2e%2e%2fsecret.txt', 'app://zmq-studio/..%5c..%5csecret.txt']) {
      const file = resolveAppPath(root, climb);
      expect(file === undefined || file.startsWith(`${root}/`)).toBe(true);
      expect(file).not.toBe(join(root, '..', 'secret.txt'));
    }
    for (const bad of [
      'app://zmq-studio/%00index.html',
      'app://zmq-studio/%E0%A4%A',
      'app://other-host/index.html',
      'file:///etc/passwd',
      'https://zmq-studio/index.html',
      'not a url',
    ]) {
      expect(resolveAppPath(root, bad)).toBeUndefined();
    }
  });

  it('serves files with their type and the CSP header, and 404s the rest', async () => {
    const handle = createAppProtocolHandler(root, (p) => readFile(p));
    const index = await handle(new Request(APP_INDEX_URL));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('<title>zmq-studio</title>');
    const js = await handle(new Request('app://zmq-studio/assets/index.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handle(new Request('app://zmq-studio/assets/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://zmq-studio/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handle(new Request(APP_INDEX_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('navigation guard', () => {
  function contents() {
    const handlers = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
    const fake: GuardedContents = {
      on: (event: string, listener: (event: { preventDefault(): void }, url: string) => void) => handlers.set(event, listener as never),
      setWindowOpenHandler: (h) => void (openHandler = h),
    } as GuardedContents;
    const opened: string[] = [];
    guardContents(fake, (url) => void opened.push(url));
    const fire = (event: string, url?: string): boolean => {
      let prevented = false;
      handlers.get(event)?.({ preventDefault: () => void (prevented = true) }, url);
      return prevented;
    };
    return { fire, open: (url: string) => openHandler?.({ url }), opened };
  }

  it('denies every navigation and sends web links to the browser, nothing else', () => {
    const c = contents();
    for (const url of ['https://zeromq.org/', 'http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://zmq-studio/other.html', 'smb://host/share']) {
      expect(c.fire('will-navigate', url)).toBe(true);
    }
    expect(c.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(c.fire('will-attach-webview')).toBe(true);
    expect(c.opened).toEqual(['https://zeromq.org/', 'http://example.com/']);
  });

  it('denies every new window, opening http(s) links externally', () => {
    const c = contents();
    expect(c.open('https://zguide.zeromq.org/')).toEqual({ action: 'deny' });
    expect(c.open('file:///C:/Windows/System32/calc.exe')).toEqual({ action: 'deny' });
    expect(c.open('ms-msdt:/id PCWDiagnostic')).toEqual({ action: 'deny' });
    expect(c.opened).toEqual(['https://zguide.zeromq.org/']);
    expect(isExternalWebUrl('HTTPS://ZEROMQ.ORG')).toBe(true);
    expect(isExternalWebUrl('mailto:a@b.c')).toBe(false);
  });
});

describe('sender check', () => {
  it('accepts only our main frame at our origin', () => {
    const mainFrame = { url: 'app://zmq-studio/index.html' };
    const win = { webContents: { mainFrame } };
    const isApp = (url: string) => sameOrigin(url, 'app://zmq-studio');
    expect(senderProblem({ senderFrame: mainFrame }, win, isApp)).toBeUndefined();
    expect(senderProblem({ senderFrame: { url: mainFrame.url } }, win, isApp)).toBe("only the app window's main frame may call the app");
    expect(sameOrigin('http://127.0.0.1:5173/src/main.tsx', 'http://127.0.0.1:5173')).toBe(true);
    expect(sameOrigin('http://127.0.0.1:5174/', 'http://127.0.0.1:5173')).toBe(false);
    expect(sameOrigin('app://zmq-studio.evil/', 'app://zmq-studio')).toBe(false);
  });
});

describe('window bounds', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];

  it('reads a saved state, and nothing from a damaged one', () => {
    expect(parseWindowState('{"bounds":{"x":10,"y":20,"width":1000,"height":700},"maximized":true}')).toEqual({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true });
    expect(parseWindowState('{"bounds":{"x":10,"y":20,"width":100,"height":70}}')?.bounds).toEqual({ x: 10, y: 20, width: 720, height: 480 });
    for (const bad of [undefined, '', '{', 'null', '{"bounds":{"x":"10","y":0,"width":1,"height":1}}', '{"bounds":{"x":1e9,"y":0,"width":800,"height":600}}']) {
      expect(parseWindowState(bad)).toBeUndefined();
    }
  });

  it('reopens where it was while that is on a screen, else centred on the first screen', () => {
    const state = (x: number, y: number) => ({ bounds: { x, y, width: 1000, height: 700 }, maximized: false });
    expect(placeWindow(state(100, 100), screen)).toEqual({ x: 100, y: 100, width: 1000, height: 700 });
    expect(placeWindow(state(2500, 100), screen)).toEqual({ x: 460, y: 170, width: 1000, height: 700 });
    expect(placeWindow(undefined, screen)).toBeUndefined();
  });
});

describe('files named on a command line', () => {
  it('takes the .json files (relative to the cwd), not flags, the executable or the app folder', () => {
    expect(topologyFilesInArgv(['/usr/bin/electron', '.', 'a.zmqtopo.json', '--inspect', '/abs/b.json', 'a.zmqtopo.json', 'package.json', 'notes.txt'], '/home/u')).toEqual([
      '/home/u/a.zmqtopo.json',
      '/abs/b.json',
    ]);
    expect(topologyFilesInArgv(['C:\\zmq-studio.exe', '--allow-file-access-from-files'], '/')).toEqual([]);
  });
});

describe('recent files', () => {
  it('keeps the last ten, newest first, without repeats, and survives a damaged file', async () => {
    let list: { path: string; name: string; at: number }[] = [];
    for (let i = 0; i < 12; i++) list = withRecent(list, `/d/f${i}.json`, i);
    list = withRecent(list, '/d/f5.json', 99);
    expect(list).toHaveLength(RECENT_LIMIT);
    expect(list.slice(0, 2).map((e) => e.name)).toEqual(['f5.json', 'f11.json']);
    expect(parseRecent('{oops')).toEqual([]);
    expect(parseRecent('[{"path":"/a.json","at":1},{"path":7},null]')).toEqual([{ path: '/a.json', name: 'a.json', at: 1 }]);

    let stored = '[]';
    const changes: number[] = [];
    const recent = new RecentFiles({ read: async () => stored, write: async (t) => void (stored = t) }, () => 42);
    recent.onChange = () => void changes.push(recent.list().length);
    await recent.load();
    await recent.add('/x/a.zmqtopo.json');
    expect(recent.has('/x/a.zmqtopo.json')).toBe(true);
    expect(JSON.parse(stored)).toEqual([{ path: '/x/a.zmqtopo.json', name: 'a.zmqtopo.json', at: 42 }]);
    await recent.clear();
    expect(changes).toEqual([1, 0]);
  });
});

describe('payload bound', () => {
  it('measures strings, leaves and nesting, and stops early', () => {
    expect(withinPayloadLimit(['start', [{ nodes: [{ id: 'a' }] }]], 100)).toBe(true);
    expect(withinPayloadLimit(['x'.repeat(101)], 100)).toBe(false);
    expect(withinPayloadLimit([{ ['k'.repeat(200)]: 1 }], 100)).toBe(false);
    expect(withinPayloadLimit([new Float64Array(100)], 100)).toBe(false);
    const deep: unknown[] = [];
    let at = deep;
    for (let i = 0; i < 70; i++) at = (at[0] = []) as unknown[];
    expect(withinPayloadLimit(deep)).toBe(false);
  });
});

describe('About and unsaved changes', () => {
  it("tells the app's and the engine's versions and capabilities, or why the engine did not answer", () => {
    const text = aboutText({
      appName: 'zmq-studio',
      version: '0.1.0',
      versions: { electron: '45.5.0', chrome: '140', node: '22.20.0' },
      engine: { state: 'idle', runId: 0, openSockets: 0, libzmq: '4.3.5', capabilities: { ipc: true, pgm: false, tipc: true, norm: false, curve: true, gssapi: false, draft: true } },
    });
    expect(text.message).toBe('zmq-studio 0.1.0');
    expect(text.detail).toContain('libzmq 4.3.5');
    expect(text.detail).toContain('capabilities: ipc yes, pgm no, tipc yes, norm no, curve yes, gssapi no, draft yes');
    expect(text.detail).toContain('Electron 45.5.0');
    expect(aboutText({ appName: 'zmq-studio', version: '0.1.0', versions: {}, engine: { error: 'no answer within 2 s' } }).detail).toContain('engine: not answering (no answer within 2 s)');
  });

  it('asks before closing with unsaved changes; Cancel is the default', () => {
    const q = unsavedChangesQuestion('Load-balanced request/reply');
    expect(q.message).toBe('"Load-balanced request/reply" has unsaved changes.');
    expect(q.buttons?.[LEAVE_BUTTON]).toBe('Close without saving');
    expect(q.defaultId).toBe(1);
    expect(q.cancelId).toBe(1);
  });
});
