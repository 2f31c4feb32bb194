/**
 * Static checks of the desktop shell: the window's webPreferences keep Electron's secure defaults,
 * electron is imported only in app/ (and at run time only by the two entries Electron runs),
 * the bundles require what they should, the CSP is strict, and electron-builder.yml unpacks
 * zeromq's native addon. Each fails loudly when someone weakens it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { APP_CSP } from '../../app/csp';
import { SECURE_WEB_PREFERENCES, windowWebPreferences } from '../../app/webPreferences';
import { appBuildOptions, ROOT } from '../../scripts/build-app';

const SKIP = new Set(['node_modules', 'dist', 'out', 'coverage', '.git', '.cache']);
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

function sources(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sources(path));
    else if (SOURCE.test(entry.name)) found.push(path);
  }
  return found;
}

const rel = (path: string): string => relative(ROOT, path).split(sep).join('/');
const ELECTRON_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]electron(?:\/[^'"]*)?['"]/;
const VALUE_IMPORT = /^\s*import\s+(?!type\b)[^;]*from\s+['"]electron['"]|require\s*\(\s*['"]electron['"]\s*\)|import\s*\(\s*['"]electron['"]\s*\)/m;

describe('webPreferences', () => {
  it("are Electron's secure defaults, spelled out", () => {
    expect(SECURE_WEB_PREFERENCES).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    });
    const prefs = windowWebPreferences('/app/out/preload.cjs', false);
    expect(prefs).toMatchObject(SECURE_WEB_PREFERENCES);
    expect(prefs.preload).toBe('/app/out/preload.cjs');
    expect(prefs.devTools).toBe(false);
  });

  it('are never weakened anywhere in app/, and every window takes them from windowWebPreferences', () => {
    const weak = [
      /\b(contextIsolation|sandbox|webSecurity|safeDialogs)\s*:\s*(false|0|undefined|null)\b/,
      /\b(nodeIntegration\w*|allowRunningInsecureContent|experimentalFeatures|webviewTag|enableRemoteModule|navigateOnDragDrop)\s*:\s*(true|1)\b/,
      /\b(enableBlinkFeatures|disableBlinkFeatures|additionalArguments)\s*:/,
      /--(no-sandbox|disable-web-security|allow-running-insecure-content)/,
      /appendSwitch\s*\(\s*['"](no-sandbox|disable-web-security|ignore-certificate-errors)/,
    ];
    const appFiles = sources(join(ROOT, 'app'));
    expect(appFiles.length).toBeGreaterThan(10);
    let windows = 0;
    for (const file of appFiles) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of weak) expect(`${rel(file)}: ${pattern.exec(text)?.[0] ?? 'ok'}`).toBe(`${rel(file)}: ok`);
      for (const m of text.matchAll(/^\s*webPreferences\s*:\s*([^\n,}]*)/gm)) {
        expect(`${rel(file)}: ${m[1].trim()}`).toMatch(/: windowWebPreferences\(/);
        windows++;
      }
    }
    expect(windows).toBe(1);
  });

  it('main denies every permission request, every navigation and every new window', () => {
    const main = readFileSync(join(ROOT, 'app', 'main.ts'), 'utf8');
    expect(main).toMatch(/setPermissionRequestHandler\(\([^)]*\) => callback\(false\)\)/);
    expect(main).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
    expect(main).toMatch(/app\.on\('web-contents-created', [^\n]*guardContents\(contents/);
    expect(main).not.toMatch(/loadFile\(|file:\/\//);
  });
});

describe('electron imports', () => {
  const files = sources(ROOT);

  it('no file outside app/ imports electron (not even its types)', () => {
    expect(files.length).toBeGreaterThan(100);
    const outside = files.filter((f) => !rel(f).startsWith('app/') && ELECTRON_IMPORT.test(readFileSync(f, 'utf8')));
    expect(outside.map(rel)).toEqual([]);
  });

  it("in app/, only the entries Electron runs import electron's runtime; the rest take it as parameters", () => {
    const runtime = files.filter((f) => rel(f).startsWith('app/') && VALUE_IMPORT.test(readFileSync(f, 'utf8')));
    expect(runtime.map(rel).sort()).toEqual(['app/main.ts', 'app/preload.ts']);
  });
});

describe('the bundles', { timeout: 60_000 }, () => {
  const requires = (text: string): string[] => [...new Set([...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]))].sort();

  it('preload.cjs is one CommonJS file whose only require is electron; main.cjs never loads zeromq', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zmq-studio-bundle-'));
    try {
      const options = appBuildOptions(out).filter((o) => !JSON.stringify(o.entryPoints).includes('engineChild'));
      await Promise.all(options.map((o) => build({ ...o, sourcemap: false })));
      const preload = await readFile(join(out, 'preload.cjs'), 'utf8');
      expect(requires(preload)).toEqual(['electron']);
      expect(preload).not.toMatch(/\bimport\s*\(|\bexport\s/);
      const main = await readFile(join(out, 'main.cjs'), 'utf8');
      expect(requires(main).filter((r) => r !== 'electron' && !r.startsWith('node:'))).toEqual([]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(APP_CSP.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

  it('allows scripts from the app only, no eval, no plugins, no network, no framing', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(APP_CSP).not.toContain('unsafe-eval');
    // React Flow injects its own styles: the one inline allowance, for styles only.
    expect([...directives].filter(([, v]) => v.includes("'unsafe-inline'")).map(([k]) => k)).toEqual(['style-src']);
  });
});

describe('packaging', () => {
  const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
  /** The lines of a top-level key's block (a small reader for this flat file, no YAML library). */
  const block = (key: string): string[] => {
    const lines = yml.split('\n');
    const start = lines.findIndex((l) => l.startsWith(`${key}:`));
    if (start < 0) return [];
    const end = lines.findIndex((l, i) => i > start && /^\S/.test(l) && !l.startsWith('#'));
    return lines.slice(start, end < 0 ? undefined : end).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  };

  it("unpacks zeromq's native addon from the asar, and does not rebuild it", () => {
    expect(block('asarUnpack')).toContain('- node_modules/zeromq/**/*.node');
    expect(block('npmRebuild')).toEqual(['npmRebuild: false']);
    const addons = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? addons(join(dir, e.name)) : e.name.endsWith('.node') ? [join(dir, e.name)] : []));
    // The rule is not vacuous: zeromq really ships .node files there.
    expect(addons(join(ROOT, 'node_modules', 'zeromq')).length).toBeGreaterThan(0);
  });

  it('packages the built app and page, with its entry, icon, targets and file association', () => {
    const files = block('files');
    for (const f of ['- out/**', '- dist/renderer/**', '- package.json', '- build/icon.png']) expect(files).toContain(f);
    expect(block('extraMetadata')).toContain('main: out/main.cjs');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(pkg.main).toBe('out/main.cjs');
    for (const script of ['start', 'dev', 'build:app', 'package']) expect(pkg.scripts[script]).toBeTruthy();
    expect(block('appId')).toEqual(['appId: io.zmqstudio.app']);
    expect(block('productName')).toEqual(['productName: zmq-studio']);
    expect(block('linux').join(' ')).toContain('target: [AppImage, deb]');
    expect(block('mac')).toContain('target: dmg');
    expect(block('win')).toContain('target: nsis');
    expect(block('fileAssociations')).toContain('- ext: zmqtopo.json');
    expect(existsSync(join(ROOT, 'build', 'icon.png'))).toBe(true);
  });
});
